package mcp

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// handleIncidentReports registers a GetCarrierIncidentReports handler that
// answers 200 and records the bearer token of every request.
func handleIncidentReports(t *testing.T, mux *http.ServeMux) *tokenLog {
	tl := &tokenLog{}
	mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
		testAPIRequest(t, r, url.Values{"DOTNumber": {"1234567"}})
		tl.add(bearer(r))
		writeJSON(w, http.StatusOK, `{"$id":"1","DOTNumber":1234567,"LegalName":"ACME","IncidentReports":null}`)
	})
	return tl
}

type tokenLog struct {
	mu     sync.Mutex
	tokens []string
}

func (l *tokenLog) add(tok string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tokens = append(l.tokens, tok)
}

func (l *tokenLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.tokens...)
}

func incidentReports(ctx context.Context, c *Client) error {
	_, err := c.Carriers.IncidentReports(ctx, CarrierLookup{DOTNumber: 1234567})
	return err
}

// TestToken_passwordGrantCached: the first call fetches a token with a
// password grant (asserted by tokenServer), later calls reuse it.
func TestToken_passwordGrantCached(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	tokens := handleToken(t, mux)
	used := handleIncidentReports(t, mux)
	for range 3 {
		if err := incidentReports(context.Background(), client); err != nil {
			t.Fatal(err)
		}
	}
	if tokens.count() != 1 {
		t.Errorf("token requests = %d, want 1", tokens.count())
	}
	for _, tok := range used.all() {
		if tok != issuedToken(1) {
			t.Errorf("request carried %q, want %q", tok, issuedToken(1))
		}
	}
}

// TestToken_sharedByConcurrentCallers: 50 goroutines that need a token at the
// same moment cause exactly one token request, and all use its token.
func TestToken_sharedByConcurrentCallers(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	tokens := handleToken(t, mux)
	tokens.delay = 150 * time.Millisecond // every goroutine arrives while the request is in flight
	used := handleIncidentReports(t, mux)

	const n = 50
	start := make(chan struct{})
	errs := make(chan error, n)
	var lastCall atomic.Int64
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			<-start
			for { // lastCall = max(lastCall, now)
				now, last := time.Now().UnixNano(), lastCall.Load()
				if now <= last || lastCall.CompareAndSwap(last, now) {
					break
				}
			}
			errs <- incidentReports(context.Background(), client)
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	if lastCall.Load() >= tokens.answered.Load() {
		t.Fatal("some goroutine asked for a token after the token request was answered: the test proves nothing")
	}
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if tokens.count() != 1 {
		t.Errorf("token requests = %d, want exactly 1", tokens.count())
	}
	got := used.all()
	if len(got) != n {
		t.Fatalf("API requests = %d, want %d", len(got), n)
	}
	for _, tok := range got {
		if tok != issuedToken(1) {
			t.Errorf("request carried %q, want %q", tok, issuedToken(1))
		}
	}
}

// TestToken_waiterCancelled: a caller whose context ends while the shared
// token request is in flight returns at once. The request goes on while
// another caller waits for it, and stops when nobody does: no request
// outlives every caller's context.
func TestToken_waiterCancelled(t *testing.T) {
	t.Parallel()
	t.Run("others still wait", func(t *testing.T) {
		t.Parallel()
		client, mux, _ := setup(t)
		tokens := handleToken(t, mux)
		tokens.delay = 200 * time.Millisecond
		other := make(chan error, 1)
		go func() { other <- client.Authenticate(context.Background()) }()
		time.Sleep(20 * time.Millisecond)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		start := time.Now()
		if err := client.Authenticate(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Authenticate = %v, want deadline exceeded", err)
		}
		if elapsed := time.Since(start); elapsed > 150*time.Millisecond {
			t.Errorf("Authenticate returned after %v; it should not wait for the token request", elapsed)
		}
		if err := <-other; err != nil {
			t.Fatal(err)
		}
		if tokens.count() != 1 {
			t.Errorf("token requests = %d, want 1 (the cancelled caller must not end the request the other waits for)", tokens.count())
		}
	})
	t.Run("nobody waits", func(t *testing.T) {
		t.Parallel()
		client, mux, _ := setup(t)
		tokens := handleToken(t, mux)
		tokens.delay = 200 * time.Millisecond
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		if err := client.Authenticate(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Authenticate = %v, want deadline exceeded", err)
		}
		// The abandoned request was cancelled, so a later caller asks again.
		if err := client.Authenticate(context.Background()); err != nil {
			t.Fatal(err)
		}
		if tokens.count() != 2 {
			t.Errorf("token requests = %d, want 2: the abandoned request must not be reused", tokens.count())
		}
	})
}

// TestToken_renewedBeforeExpiry: with expires_in=100s the token is used for
// 90s and renewed after that, before it runs out.
func TestToken_renewedBeforeExpiry(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	clock := newFakeClock(time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC))
	useClock(client, clock)
	tokens := handleToken(t, mux)
	tokens.expiresIn = 100
	used := handleIncidentReports(t, mux)

	steps := []struct {
		advance    time.Duration
		wantTokens int
	}{
		{0, 1},
		{89 * time.Second, 1},
		{2 * time.Second, 2}, // 91s: inside the last tenth of the lifetime
		{89 * time.Second, 2},
		{2 * time.Second, 3},
	}
	for i, step := range steps {
		clock.advance(step.advance)
		if err := incidentReports(context.Background(), client); err != nil {
			t.Fatal(err)
		}
		if tokens.count() != step.wantTokens {
			t.Errorf("step %d: token requests = %d, want %d", i, tokens.count(), step.wantTokens)
		}
		if got := used.all()[i]; got != issuedToken(step.wantTokens) {
			t.Errorf("step %d: request carried %q, want %q", i, got, issuedToken(step.wantTokens))
		}
	}
}

// TestToken_expiresInShapes: expires_in may be a JSON number or a string
// holding one; either sets the token's lifetime.
func TestToken_expiresInShapes(t *testing.T) {
	t.Parallel()
	for _, expiresIn := range []string{`100`, `"100"`, `" 100 "`} {
		t.Run(expiresIn, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			clock := newFakeClock(time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC))
			useClock(client, clock)
			var issued atomic.Int32
			mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
				testTokenRequest(t, r)
				writeJSON(w, http.StatusOK, `{"access_token":"`+issuedToken(int(issued.Add(1)))+`","token_type":"bearer","expires_in":`+expiresIn+`}`)
			})
			handleIncidentReports(t, mux)
			for _, step := range []struct {
				advance    time.Duration
				wantTokens int32
			}{{0, 1}, {89 * time.Second, 1}, {2 * time.Second, 2}} {
				clock.advance(step.advance)
				if err := incidentReports(context.Background(), client); err != nil {
					t.Fatal(err)
				}
				if issued.Load() != step.wantTokens {
					t.Errorf("after %v: %d tokens, want %d", step.advance, issued.Load(), step.wantTokens)
				}
			}
		})
	}
}

// TestToken_reauthenticatesOnceAfter401: a refused token is replaced once and
// the request repeated; a 401 for the fresh token is final.
func TestToken_reauthenticatesOnceAfter401(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		refused      int // how many tokens MCP refuses, starting with the first
		wantErr      bool
		wantTokens   int
		wantRequests int
	}{
		{name: "expired token replaced", refused: 1, wantTokens: 2, wantRequests: 2},
		{name: "fresh token refused too", refused: 99, wantErr: true, wantTokens: 2, wantRequests: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			tokens := handleToken(t, mux)
			var requests atomic.Int32
			mux.HandleFunc("/api/v1/Carrier/PreviewCarrier", func(w http.ResponseWriter, r *http.Request) {
				requests.Add(1)
				testAPIRequest(t, r, url.Values{"DOTNumber": {"1234567"}})
				for n := 1; n <= tt.refused; n++ {
					if bearer(r) == issuedToken(n) {
						writeJSON(w, http.StatusUnauthorized, `{"Message":"Authorization has been denied for this request."}`)
						return
					}
				}
				writeJSON(w, http.StatusOK, `[{"$id":"1","DotNumber":1234567}]`)
			})
			got, err := client.Carriers.Preview(context.Background(), CarrierLookup{DOTNumber: 1234567})
			if tt.wantErr {
				apiErr := errorsAs[*APIError](t, err)
				if apiErr.StatusCode != http.StatusUnauthorized || apiErr.Message != "Authorization has been denied for this request." {
					t.Errorf("error = %+v", apiErr)
				}
			} else if err != nil || got.DotNumber != 1234567 {
				t.Fatalf("Preview = %+v, %v", got, err)
			}
			if tokens.count() != tt.wantTokens || int(requests.Load()) != tt.wantRequests {
				t.Errorf("token requests = %d, API requests = %d; want %d and %d", tokens.count(), requests.Load(), tt.wantTokens, tt.wantRequests)
			}
		})
	}
}

// TestToken_concurrent401sReauthenticateOnce: 20 requests in flight with the
// same expired token all get 401; together they cause one new token request.
func TestToken_concurrent401sReauthenticateOnce(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	tokens := handleToken(t, mux)
	if err := client.Authenticate(context.Background()); err != nil {
		t.Fatal(err)
	}

	const n = 20
	var arrived atomic.Int32
	allArrived := make(chan struct{})
	mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
		if bearer(r) == issuedToken(1) {
			// Hold every request with the old token until all are in
			// flight, so that all of them see a 401 for the same token.
			if arrived.Add(1) == n {
				close(allArrived)
			}
			select {
			case <-allArrived:
			case <-time.After(5 * time.Second):
				t.Error("not all requests arrived with the first token")
			}
			writeJSON(w, http.StatusUnauthorized, `{"Message":"Authorization has been denied for this request."}`)
			return
		}
		writeJSON(w, http.StatusOK, `{"$id":"1","DOTNumber":1234567,"LegalName":"ACME","IncidentReports":null}`)
	})
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if err := incidentReports(context.Background(), client); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if tokens.count() != 2 {
		t.Errorf("token requests = %d, want 2 (the first and one re-authentication)", tokens.count())
	}
}

// TestToken_badCredentials: MCP's invalid_grant answer is an *AuthError,
// not retried, and no operation is attempted.
func TestToken_badCredentials(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	var tokenRequests atomic.Int32
	mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		tokenRequests.Add(1)
		testTokenRequest(t, r)
		writeJSON(w, http.StatusBadRequest, `{"error":"invalid_grant","error_description":"The user name or password is incorrect."}`)
	})
	mux.HandleFunc("/api/v1/Carrier/PreviewCarrier", func(w http.ResponseWriter, r *http.Request) {
		t.Error("an operation was sent without a token")
	})
	for _, call := range []func() error{
		func() error { return client.Authenticate(context.Background()) },
		func() error {
			_, err := client.Carriers.Preview(context.Background(), CarrierLookup{DOTNumber: 1})
			return err
		},
	} {
		err := call()
		if !IsAuthError(err) {
			t.Fatalf("error = %v, want an AuthError", err)
		}
		authErr := errorsAs[*AuthError](t, err)
		if authErr.StatusCode != http.StatusBadRequest || authErr.Code != "invalid_grant" || authErr.Description != "The user name or password is incorrect." {
			t.Errorf("AuthError = %+v", authErr)
		}
		if want := "MCP rejected the integration credentials (HTTP 400, invalid_grant): The user name or password is incorrect."; err.Error() != want {
			t.Errorf("Error() = %q, want %q", err, want)
		}
	}
	if tokenRequests.Load() != 2 {
		t.Errorf("token requests = %d, want 2 (one per call; a refusal is not retried nor cached)", tokenRequests.Load())
	}
}

// TestToken_endpointFailures: token endpoint failures that are not a refusal
// of the credentials are not AuthErrors.
func TestToken_endpointFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body   string
		status       int
		wantRequests int32
		wantAuthErr  bool
	}{
		{name: "401 from OWIN", status: http.StatusUnauthorized, body: `{"error":"invalid_client"}`, wantRequests: 1, wantAuthErr: true},
		{name: "server error retried", status: http.StatusInternalServerError, body: `{"Message":"An error has occurred."}`, wantRequests: int32(fastRetry.MaxRetries + 1)},
		{name: "no access_token", status: http.StatusOK, body: `{"token_type":"bearer","expires_in":3600}`, wantRequests: 1},
		{name: "not JSON", status: http.StatusOK, body: `<html>maintenance</html>`, wantRequests: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			var requests atomic.Int32
			mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
				requests.Add(1)
				writeJSON(w, tt.status, tt.body)
			})
			err := client.Authenticate(context.Background())
			if err == nil {
				t.Fatal("Authenticate succeeded")
			}
			if IsAuthError(err) != tt.wantAuthErr {
				t.Errorf("IsAuthError(%v) = %v, want %v", err, !tt.wantAuthErr, tt.wantAuthErr)
			}
			if requests.Load() != tt.wantRequests {
				t.Errorf("token requests = %d, want %d", requests.Load(), tt.wantRequests)
			}
		})
	}
}
