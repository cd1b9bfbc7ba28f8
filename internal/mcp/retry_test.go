package mcp

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// arrivals records when each request reached the server.
type arrivals struct {
	mu    sync.Mutex
	times []time.Time
}

func (a *arrivals) add() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.times = append(a.times, time.Now())
	return len(a.times)
}

func (a *arrivals) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.times)
}

// gaps returns the time between consecutive requests.
func (a *arrivals) gaps() []time.Duration {
	a.mu.Lock()
	defer a.mu.Unlock()
	var gaps []time.Duration
	for i := 1; i < len(a.times); i++ {
		gaps = append(gaps, a.times[i].Sub(a.times[i-1]))
	}
	return gaps
}

// TestRetry_statuses: 429 and 5xx except 501 are retried until MCP answers
// 200; other statuses are final at once.
func TestRetry_statuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status       int
		wantRequests int
		wantErr      bool
	}{
		{http.StatusTooManyRequests, 3, false},
		{http.StatusInternalServerError, 3, false},
		{http.StatusBadGateway, 3, false},
		{http.StatusServiceUnavailable, 3, false},
		{http.StatusGatewayTimeout, 3, false},
		{http.StatusNotImplemented, 1, true},
		{http.StatusBadRequest, 1, true},
		{http.StatusForbidden, 1, true},
		{http.StatusNotFound, 1, true},
		{http.StatusConflict, 1, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			var seen arrivals
			mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
				if seen.add() <= 2 {
					writeJSON(w, tt.status, `{"Message":"failing"}`)
					return
				}
				writeJSON(w, http.StatusOK, `{"$id":"1","DOTNumber":1234567,"IncidentReports":null}`)
			})
			err := incidentReports(context.Background(), client)
			if seen.count() != tt.wantRequests {
				t.Errorf("requests = %d, want %d", seen.count(), tt.wantRequests)
			}
			if !tt.wantErr {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if apiErr := errorsAs[*APIError](t, err); apiErr.StatusCode != tt.status || apiErr.Message != "failing" {
				t.Errorf("APIError = %+v", apiErr)
			}
		})
	}
}

// TestRetry_boundedByMaxRetries: a failure that persists ends after
// MaxRetries+1 attempts, with the last answer as the error.
func TestRetry_boundedByMaxRetries(t *testing.T) {
	t.Parallel()
	for _, maxRetries := range []int{0, 1, 4} {
		t.Run(fmt.Sprint(maxRetries), func(t *testing.T) {
			t.Parallel()
			policy := fastRetry
			policy.MaxRetries = maxRetries
			client, mux, _ := setup(t, WithRetry(policy))
			handleToken(t, mux)
			var seen arrivals
			mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
				seen.add()
				writeJSON(w, http.StatusServiceUnavailable, `{"Message":"down for maintenance"}`)
			})
			err := incidentReports(context.Background(), client)
			if apiErr := errorsAs[*APIError](t, err); apiErr.StatusCode != http.StatusServiceUnavailable {
				t.Errorf("status = %d", apiErr.StatusCode)
			}
			if seen.count() != maxRetries+1 {
				t.Errorf("requests = %d, want %d", seen.count(), maxRetries+1)
			}
		})
	}
}

// TestRetry_waitsBetweenAttempts: the backoff is really slept, growing from
// WaitMin.
func TestRetry_waitsBetweenAttempts(t *testing.T) {
	t.Parallel()
	policy := RetryPolicy{MaxRetries: 2, WaitMin: 20 * time.Millisecond, WaitMax: 40 * time.Millisecond}
	client, mux, _ := setup(t, WithRetry(policy))
	handleToken(t, mux)
	var seen arrivals
	mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
		seen.add()
		writeJSON(w, http.StatusBadGateway, `{}`)
	})
	_ = incidentReports(context.Background(), client)
	gaps := seen.gaps()
	if len(gaps) != 2 {
		t.Fatalf("gaps = %v, want 2", gaps)
	}
	for i, g := range gaps {
		if g < policy.WaitMin {
			t.Errorf("wait before retry %d = %v, want at least WaitMin %v", i+1, g, policy.WaitMin)
		}
	}
}

// TestRetry_honoursRetryAfter: a 429's Retry-After is waited out, in
// seconds or as an HTTP date, even when the backoff is shorter.
func TestRetry_honoursRetryAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		header   func(now time.Time) string
		clock    *fakeClock
		wantWait time.Duration
	}{
		{name: "seconds", header: func(time.Time) string { return "1" }, wantWait: time.Second},
		{
			// The client's clock reads 40ms before the date, so the wait is
			// 40ms — ten times the longest backoff.
			name:     "HTTP date",
			clock:    newFakeClock(time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC).Add(-40 * time.Millisecond)),
			header:   func(time.Time) string { return "Thu, 15 Jan 2026 10:00:00 GMT" },
			wantWait: 40 * time.Millisecond,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			if tt.clock != nil {
				useClock(client, tt.clock)
			}
			handleToken(t, mux)
			var seen arrivals
			mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
				if seen.add() == 1 {
					w.Header().Set("Retry-After", tt.header(time.Now()))
					writeJSON(w, http.StatusTooManyRequests, `{"Message":"slow down"}`)
					return
				}
				writeJSON(w, http.StatusOK, `{"$id":"1","DOTNumber":1234567,"IncidentReports":null}`)
			})
			if err := incidentReports(context.Background(), client); err != nil {
				t.Fatal(err)
			}
			if gaps := seen.gaps(); len(gaps) != 1 || gaps[0] < tt.wantWait {
				t.Errorf("gaps = %v, want one of at least %v", gaps, tt.wantWait)
			}
		})
	}
}

// TestRateLimitError: a 429 that outlasts the retries, or asks for a wait
// longer than MaxRetryAfter, is a *RateLimitError carrying Retry-After.
func TestRateLimitError(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name           string
		lastRetryAfter string // on the final answer; earlier ones say 0
		wantRequests   int
		wantRetryAfter time.Duration
	}{
		{name: "seconds, retries exhausted", lastRetryAfter: "4", wantRequests: fastRetry.MaxRetries + 1, wantRetryAfter: 4 * time.Second},
		{name: "HTTP date, retries exhausted", lastRetryAfter: "Thu, 15 Jan 2026 10:00:03 GMT", wantRequests: fastRetry.MaxRetries + 1, wantRetryAfter: 3 * time.Second},
		{name: "none given", lastRetryAfter: "", wantRequests: fastRetry.MaxRetries + 1},
		{name: "longer than MaxRetryAfter", lastRetryAfter: "3600", wantRequests: 1, wantRetryAfter: time.Hour},
		{name: "too long for a Duration", lastRetryAfter: "18446744074", wantRequests: 1, wantRetryAfter: math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			useClock(client, newFakeClock(start))
			handleToken(t, mux)
			var seen arrivals
			mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
				ra := "0"
				if seen.add() == tt.wantRequests {
					ra = tt.lastRetryAfter
				}
				if ra != "" {
					w.Header().Set("Retry-After", ra)
				}
				writeJSON(w, http.StatusTooManyRequests, `{"$id":"1","Message":"Rate limit exceeded."}`)
			})
			err := incidentReports(context.Background(), client)
			rl := errorsAs[*RateLimitError](t, err)
			if rl.RetryAfter != tt.wantRetryAfter || rl.StatusCode != http.StatusTooManyRequests || rl.Message != "Rate limit exceeded." {
				t.Errorf("RateLimitError = %+v, want RetryAfter %v", rl, tt.wantRetryAfter)
			}
			if apiErr := errorsAs[*APIError](t, err); apiErr.StatusCode != http.StatusTooManyRequests {
				t.Errorf("as *APIError: status %d", apiErr.StatusCode)
			}
			if IsNotFound(err) || IsUncertain(err) || IsAuthError(err) {
				t.Errorf("rate limit classified as not-found, uncertain or auth: %v", err)
			}
			if tt.wantRetryAfter > 0 && !strings.Contains(err.Error(), "retry after "+tt.wantRetryAfter.String()) {
				t.Errorf("Error() = %q does not name the wait", err)
			}
			if seen.count() != tt.wantRequests {
				t.Errorf("requests = %d, want %d", seen.count(), tt.wantRequests)
			}
		})
	}
}

// TestRetry_connectionFailures: a dropped connection and a refused one are
// retried for a read, up to MaxRetries.
func TestRetry_connectionFailures(t *testing.T) {
	t.Parallel()
	t.Run("dropped, then answered", func(t *testing.T) {
		t.Parallel()
		client, mux, _ := setup(t)
		handleToken(t, mux)
		var seen arrivals
		mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
			if seen.add() <= 2 {
				dropConnection(t, w)
				return
			}
			writeJSON(w, http.StatusOK, `{"$id":"1","DOTNumber":1234567,"IncidentReports":null}`)
		})
		if err := incidentReports(context.Background(), client); err != nil {
			t.Fatal(err)
		}
		if seen.count() != 3 {
			t.Errorf("requests = %d, want 3", seen.count())
		}
	})
	t.Run("refused every time", func(t *testing.T) {
		t.Parallel()
		ln, err := (&net.ListenConfig{}).Listen(t.Context(), "tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		_ = ln.Close() // nothing listens there now
		var dials atomic.Int32
		transport := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			dials.Add(1)
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		}}
		client, err := NewClient("http://"+addr+baseURLPath, testUser, testPassword, WithRetry(fastRetry), WithHTTPClient(&http.Client{Transport: transport}))
		if err != nil {
			t.Fatal(err)
		}
		err = client.Authenticate(context.Background())
		if err == nil || IsAuthError(err) || IsUncertain(err) {
			t.Fatalf("Authenticate = %v, want a connection error", err)
		}
		if !strings.Contains(err.Error(), "refused") {
			t.Errorf("error %q does not say the connection was refused", err)
		}
		if int(dials.Load()) != fastRetry.MaxRetries+1 {
			t.Errorf("dials = %d, want %d", dials.Load(), fastRetry.MaxRetries+1)
		}
	})
}

// TestRetry_contextCancellation: cancelling the context ends the retries at
// once; no further request is made.
func TestRetry_contextCancellation(t *testing.T) {
	t.Parallel()
	slow := RetryPolicy{MaxRetries: 5, WaitMin: time.Minute, WaitMax: time.Minute, MaxRetryAfter: time.Hour}
	tests := []struct {
		name   string
		answer func(w http.ResponseWriter, r *http.Request)
	}{
		{"during backoff", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusServiceUnavailable, `{}`)
		}},
		{"during Retry-After", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "600")
			writeJSON(w, http.StatusTooManyRequests, `{}`)
		}},
		{"during the request", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t, WithRetry(slow))
			handleToken(t, mux)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var seen arrivals
			mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
				seen.add()
				go func() { time.Sleep(20 * time.Millisecond); cancel() }()
				tt.answer(w, r)
			})
			start := time.Now()
			err := incidentReports(ctx, client)
			if elapsed := time.Since(start); elapsed > 2*time.Second {
				t.Errorf("returned %v after the call; want promptly after cancellation", elapsed)
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error = %v, want context.Canceled", err)
			}
			if IsUncertain(err) {
				t.Errorf("a read is never uncertain: %v", err)
			}
			time.Sleep(50 * time.Millisecond) // would a retry still arrive?
			if seen.count() != 1 {
				t.Errorf("requests = %d, want 1", seen.count())
			}
		})
	}
	t.Run("already cancelled", func(t *testing.T) {
		t.Parallel()
		client, mux, _ := setup(t)
		tokens := handleToken(t, mux)
		mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
			t.Error("a request was sent with a cancelled context")
		})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := incidentReports(ctx, client); !errors.Is(err, context.Canceled) {
			t.Errorf("error = %v, want context.Canceled", err)
		}
		if err := client.Authenticate(context.Background()); err != nil {
			t.Fatal(err)
		}
		if err := incidentReports(ctx, client); !errors.Is(err, context.Canceled) {
			t.Errorf("with a cached token: error = %v, want context.Canceled", err)
		}
		if tokens.count() > 2 {
			t.Errorf("token requests = %d", tokens.count())
		}
	})
}

// failureMode is how MCP fails the first attempt of an operation.
type failureMode struct {
	name string
	fail func(t *testing.T, w http.ResponseWriter, r *http.Request)
	// refused: MCP certainly did not act, so every operation may be retried.
	refused bool
	timeout bool // the client needs a short per-attempt timeout
}

func failWith(status int, retryAfter string) func(*testing.T, http.ResponseWriter, *http.Request) {
	return func(_ *testing.T, w http.ResponseWriter, _ *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		writeJSON(w, status, `{"$id":"1","Message":"An error has occurred."}`)
	}
}

const attemptTimeout = 150 * time.Millisecond

var failureModes = []failureMode{
	{name: "500", fail: failWith(http.StatusInternalServerError, "")},
	{name: "502", fail: failWith(http.StatusBadGateway, "")},
	{name: "503", fail: failWith(http.StatusServiceUnavailable, "1")},
	{name: "504", fail: failWith(http.StatusGatewayTimeout, "")},
	{name: "dropped connection", fail: func(t *testing.T, w http.ResponseWriter, _ *http.Request) { dropConnection(t, w) }},
	{name: "timeout", timeout: true, fail: func(_ *testing.T, _ http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}},
	{name: "429", refused: true, fail: failWith(http.StatusTooManyRequests, "0")},
	{name: "401", refused: true, fail: failWith(http.StatusUnauthorized, "")},
}

// TestRetry_perOperation: for every operation and every way a first attempt
// can fail, reads and membership writes are sent again and succeed, while
// EmailPacketInvitation, RequestUserVerification and RequestVINVerification
// reach MCP exactly once and fail with an *UncertainError — unless MCP
// refused them without acting (429, or 401 before re-authentication).
func TestRetry_perOperation(t *testing.T) {
	t.Parallel()
	nonRepeatable := 0
	for _, oc := range operationCases {
		if !oc.repeatable {
			nonRepeatable++
		}
	}
	if nonRepeatable != 3 {
		t.Fatalf("table has %d non-repeatable operations, want 3", nonRepeatable)
	}
	for _, oc := range operationCases {
		for _, mode := range failureModes {
			t.Run(oc.name+"/"+mode.name, func(t *testing.T) {
				t.Parallel()
				var opts []Option
				if mode.timeout {
					opts = append(opts, WithRequestTimeout(attemptTimeout))
				}
				client, mux, _ := setup(t, opts...)
				tokens := handleToken(t, mux)
				var seen arrivals
				mux.HandleFunc(oc.path(), func(w http.ResponseWriter, r *http.Request) {
					n := seen.add()
					testAPIRequest(t, r, oc.query)
					if n == 1 {
						mode.fail(t, w, r)
						return
					}
					if mode.name == "401" && bearer(r) != issuedToken(2) {
						t.Errorf("retry after 401 carried %q, want the new token", bearer(r))
					}
					oc.writeAnswer(w)
				})
				err := oc.call(context.Background(), client)

				if oc.repeatable || mode.refused {
					if err != nil {
						t.Fatalf("error = %v, want success after a retry", err)
					}
					if seen.count() != 2 {
						t.Errorf("requests = %d, want 2", seen.count())
					}
					return
				}
				if !IsUncertain(err) {
					t.Fatalf("error = %v (%T), want an UncertainError", err, err)
				}
				u := errorsAs[*UncertainError](t, err)
				if u.Operation != oc.name {
					t.Errorf("UncertainError.Operation = %q", u.Operation)
				}
				if mode.timeout && !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("timeout: error %v does not wrap context.DeadlineExceeded", err)
				}
				if strings.HasPrefix(mode.name, "5") {
					if apiErr := errorsAs[*APIError](t, err); fmt.Sprint(apiErr.StatusCode) != mode.name || apiErr.Message != "An error has occurred." {
						t.Errorf("wrapped APIError = %+v", apiErr)
					}
				}
				time.Sleep(20 * time.Millisecond) // a stray retry would arrive by now
				if seen.count() != 1 {
					t.Errorf("requests = %d, want exactly 1", seen.count())
				}
				if tokens.count() != 1 {
					t.Errorf("token requests = %d, want 1", tokens.count())
				}
			})
		}
	}
}

// TestRetry_nonRepeatableCancelledInFlight: an e-mailing operation whose
// context is cancelled after it was sent (Terraform interrupted) is seen
// through to MCP's answer, so that its outcome is known and recorded; it is
// sent once. One whose context is cancelled before it is sent is not sent.
func TestRetry_nonRepeatableCancelledInFlight(t *testing.T) {
	t.Parallel()
	for _, oc := range operationCases {
		if oc.repeatable {
			continue
		}
		t.Run(oc.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var seen arrivals
			mux.HandleFunc(oc.path(), func(w http.ResponseWriter, r *http.Request) {
				seen.add()
				cancel()
				select {
				case <-r.Context().Done():
					t.Error("the client abandoned the request it had sent")
					return
				case <-time.After(50 * time.Millisecond): // MCP at work
				}
				oc.writeAnswer(w)
			})
			if err := oc.call(ctx, client); err != nil {
				t.Errorf("error = %v, want MCP's answer although the context was cancelled in flight", err)
			}
			if err := oc.call(ctx, client); !errors.Is(err, context.Canceled) || IsUncertain(err) {
				t.Errorf("with the context already cancelled: error = %v, want context.Canceled, not uncertain", err)
			}
			if seen.count() != 1 {
				t.Errorf("requests = %d, want 1", seen.count())
			}
		})
	}
}

// TestRetry_nonRepeatableRetriedBeforeSending: a connection that fails before
// the request was written is retried even for an e-mailing operation.
func TestRetry_nonRepeatableRetriedBeforeSending(t *testing.T) {
	t.Parallel()
	var failed atomic.Bool
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if strings.HasSuffix(r.URL.Path, "/EmailPacketInvitation") && !failed.Swap(true) {
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}
		}
		return http.DefaultTransport.RoundTrip(r)
	})}
	client, mux, _ := setup(t, WithHTTPClient(hc))
	handleToken(t, mux)
	var seen arrivals
	mux.HandleFunc("/api/v1/Carrier/EmailPacketInvitation", func(w http.ResponseWriter, r *http.Request) {
		seen.add()
		testAPIRequest(t, r, url.Values{"carrierEmail": {"owner@carrier.example"}, "sendConfirmationEmail": {"false"}})
		writeJSON(w, http.StatusOK, `{"$id":"1"}`)
	})
	if _, err := client.Invitations.EmailPacket(context.Background(), PacketInvitation{CarrierEmail: "owner@carrier.example"}); err != nil {
		t.Fatal(err)
	}
	if !failed.Load() || seen.count() != 1 {
		t.Errorf("failed first = %v, requests = %d; want a refused attempt and one request", failed.Load(), seen.count())
	}
}
