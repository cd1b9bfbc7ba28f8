package p44

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// handleTracking answers the tracking-methods lookup and records the bearer
// token each request carried.
func handleTracking(t *testing.T, mux *http.ServeMux, answer func(w http.ResponseWriter, bearer string)) *atomic.Int32 {
	var n atomic.Int32
	mux.HandleFunc("GET /api/v4/tl/shipments/trackingmethods", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		answer(w, testBearer(t, r))
	})
	return &n
}

func okTracking(w http.ResponseWriter, _ string) {
	writeJSON(w, http.StatusOK, `{"trackingMethods":[]}`)
}

func lookupTracking(ctx context.Context, c *Client) error {
	_, err := c.TrackingMethods(ctx, Identifier{Type: IdentifierDOTNumber, Value: "1234567"})
	return err
}

// TestToken_sharedByConcurrentCallers: 50 goroutines, one token request.
func TestToken_sharedByConcurrentCallers(t *testing.T) {
	t.Parallel()
	c, mux := setup(t)
	tokens := handleToken(t, mux)
	tokens.delay = 100 * time.Millisecond
	handleTracking(t, mux, okTracking)
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if err := lookupTracking(context.Background(), c); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if tokens.count() != 1 {
		t.Errorf("token requests = %d, want 1", tokens.count())
	}
}

// TestToken_expiresIn: a number, a string or nothing; the token is renewed
// shortly before expires_in, or used for 12 hours when it is absent.
func TestToken_expiresIn(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		expiresIn string
		renewBy   time.Duration // renewed when this much time has passed
	}{{`3600`, 55 * time.Minute}, {`"3600"`, 55 * time.Minute}, {``, 12 * time.Hour}} {
		t.Run(tt.expiresIn, func(t *testing.T) {
			t.Parallel()
			c, mux := setup(t)
			clock := &fakeClock{t: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
			useClock(c, clock)
			tokens := handleToken(t, mux)
			tokens.expiresIn = tt.expiresIn
			handleTracking(t, mux, okTracking)
			for _, step := range []struct {
				advance time.Duration
				want    int
			}{{0, 1}, {tt.renewBy - time.Minute, 1}, {time.Minute, 2}} {
				clock.advance(step.advance)
				if err := lookupTracking(context.Background(), c); err != nil {
					t.Fatal(err)
				}
				if tokens.count() != step.want {
					t.Errorf("after %v: %d token requests, want %d", step.advance, tokens.count(), step.want)
				}
			}
		})
	}
}

// TestToken_remintedOnceOn401: a refused token is replaced once and the
// request repeated with the new one; a 401 for the fresh token is final.
func TestToken_remintedOnceOn401(t *testing.T) {
	t.Parallel()
	t.Run("then ok", func(t *testing.T) {
		t.Parallel()
		c, mux := setup(t)
		tokens := handleToken(t, mux)
		var used []string
		handleTracking(t, mux, func(w http.ResponseWriter, bearer string) {
			used = append(used, bearer)
			if bearer == issuedToken(1) {
				writeJSON(w, http.StatusUnauthorized, ``)
				return
			}
			okTracking(w, bearer)
		})
		if err := lookupTracking(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if tokens.count() != 2 || fmt.Sprint(used) != fmt.Sprint([]string{issuedToken(1), issuedToken(2)}) {
			t.Errorf("token requests = %d, tokens used %v", tokens.count(), used)
		}
	})
	t.Run("always 401", func(t *testing.T) {
		t.Parallel()
		c, mux := setup(t)
		tokens := handleToken(t, mux)
		calls := handleTracking(t, mux, func(w http.ResponseWriter, _ string) {
			writeJSON(w, http.StatusUnauthorized, `{"message":"Unauthorized"}`)
		})
		err := lookupTracking(context.Background(), c)
		if apiErr := errorsAs[*APIError](t, err); apiErr.StatusCode != 401 || apiErr.ErrorMessage != "Unauthorized" {
			t.Errorf("error = %v", err)
		}
		if tokens.count() != 2 || calls.Load() != 2 {
			t.Errorf("token requests = %d, calls = %d; want 2 and 2", tokens.count(), calls.Load())
		}
	})
	t.Run("only the refused token is dropped", func(t *testing.T) {
		t.Parallel()
		c, mux := setup(t)
		tokens := handleToken(t, mux)
		handleTracking(t, mux, okTracking)
		if err := c.Authenticate(context.Background()); err != nil {
			t.Fatal(err)
		}
		c.tokens.Invalidate("some-older-token")
		if err := lookupTracking(context.Background(), c); err != nil || tokens.count() != 1 {
			t.Errorf("error %v, token requests = %d; want the cached token kept", err, tokens.count())
		}
	})
}

// TestToken_rateLimit: however many tokens are needed, this client never
// requests more than 5 in any rolling minute; it waits instead (on a fake
// clock, so no real minute passes).
func TestToken_rateLimit(t *testing.T) {
	t.Parallel()
	c, mux := setup(t)
	clock := &fakeClock{t: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	useClock(c, clock)
	tokens := handleToken(t, mux)
	tokens.now = clock.now
	tokens.expiresIn = "1" // every call after a second needs a new token
	handleTracking(t, mux, okTracking)
	for range 12 {
		clock.advance(time.Second)
		if err := lookupTracking(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	}
	if tokens.count() != 12 {
		t.Fatalf("token requests = %d, want 12", tokens.count())
	}
	for i := 5; i < len(tokens.times); i++ {
		if gap := tokens.times[i].Sub(tokens.times[i-5]); gap < time.Minute {
			t.Errorf("tokens %d..%d requested within %v", i-5, i, gap)
		}
	}
	if len(clock.slept) == 0 {
		t.Error("the limiter never waited")
	}

	// The wait ends with the caller's context.
	c.caller.Sleep = func(ctx context.Context, _ time.Duration) error { <-ctx.Done(); return ctx.Err() }
	clock.advance(61 * time.Second) // the window empties: five fit, the sixth must wait 60s
	for i := range 6 {
		c.tokens.Invalidate(issuedToken(tokens.count()))
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		err := lookupTracking(ctx, c)
		cancel()
		if (i < 5) != (err == nil) || (i == 5 && !errors.Is(err, context.DeadlineExceeded)) {
			t.Errorf("token %d: error = %v", 13+i, err)
		}
	}
	if tokens.count() != 17 {
		t.Errorf("token requests = %d, want 17", tokens.count())
	}
}

// TestToken_429HonoursRetryAfter: a throttled token request waits for
// Retry-After and tries again.
func TestToken_429HonoursRetryAfter(t *testing.T) {
	t.Parallel()
	c, mux := setup(t)
	clock := &fakeClock{t: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	useClock(c, clock)
	var n atomic.Int32
	mux.HandleFunc("/api/v4/oauth2/token", func(w http.ResponseWriter, r *http.Request) {
		testTokenRequest(t, r)
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "3")
			writeJSON(w, http.StatusTooManyRequests, `{}`)
			return
		}
		writeJSON(w, http.StatusOK, `{"access_token":"`+issuedToken(2)+`","token_type":"bearer"}`)
	})
	if err := c.Authenticate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n.Load() != 2 || len(clock.slept) != 1 || clock.slept[0] < 3*time.Second {
		t.Errorf("requests = %d, waits = %v; want 2 and one of 3s", n.Load(), clock.slept)
	}
}

// TestToken_badCredentials: a refused grant is an *AuthError that names
// neither credential, whatever body shape the refusal has; it is not retried.
func TestToken_badCredentials(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		status          int
		body, wantDescr string
	}{
		{401, `{"error":"invalid_client","error_description":"bad secret ` + testSecret + `"}`, "bad secret ***"},
		{400, `{"httpStatusCode":400,"httpMessage":"Bad Request","errorMessage":"Invalid client credentials."}`, "Invalid client credentials."},
		{401, ``, ""},
		{403, `<html>Forbidden</html>`, ""},
	} {
		t.Run(fmt.Sprint(tt.status, tt.wantDescr), func(t *testing.T) {
			t.Parallel()
			c, mux := setup(t)
			var n atomic.Int32
			mux.HandleFunc("/api/v4/oauth2/token", func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				writeJSON(w, tt.status, tt.body)
			})
			err := c.Authenticate(context.Background())
			a := errorsAs[*AuthError](t, err)
			if !IsAuthError(err) || a.StatusCode != tt.status || a.Description != tt.wantDescr || n.Load() != 1 {
				t.Errorf("AuthError = %+v after %d requests", a, n.Load())
			}
			if !strings.Contains(err.Error(), "project44 rejected the client credentials") || strings.Contains(fmt.Sprintf("%#v", err), testSecret) {
				t.Errorf("error = %q", err)
			}
		})
	}
}
