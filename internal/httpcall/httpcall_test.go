package httpcall

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/retry"
)

// The clients' own tests (mcp, p44) cover the loop through their operations;
// these pin what it decides, with an API of its own.

type testErrors struct{}

type apiErr struct{ status int }

func (e *apiErr) Error() string { return fmt.Sprintf("HTTP %d", e.status) }

type rateErr struct{ after time.Duration }

func (e *rateErr) Error() string { return "rate limited" }

type uncertainErr struct{ err error }

func (e *uncertainErr) Error() string { return "uncertain: " + e.err.Error() }
func (e *uncertainErr) Unwrap() error { return e.err }

func (testErrors) API(_ string, resp *Response) error { return &apiErr{resp.Status} }
func (testErrors) RateLimit(_ string, _ *Response, after time.Duration) error {
	return &rateErr{after}
}
func (testErrors) Uncertain(_ string, err error) error { return &uncertainErr{err} }

type testTokens struct{ minted, invalidated atomic.Int32 }

func (t *testTokens) Token(context.Context) (string, error) {
	return fmt.Sprintf("t%d", t.minted.Add(1)), nil
}
func (t *testTokens) Invalidate(string) { t.invalidated.Add(1) }

// serve answers each request with the next status of statuses (the last one
// from then on) and counts the requests.
func serve(t *testing.T, header http.Header, statuses ...int) (*Caller, string, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		i := int(n.Add(1)) - 1
		for k, v := range header {
			w.Header()[k] = v
		}
		w.WriteHeader(statuses[min(i, len(statuses)-1)])
	}))
	t.Cleanup(srv.Close)
	c := &Caller{
		API:     "Test",
		HTTP:    srv.Client(),
		Policy:  retry.Policy{MaxRetries: 3, MaxRetryAfter: time.Minute},
		Logger:  retry.NopLogger{},
		Errors:  testErrors{},
		MaxBody: 1 << 20,
		Now:     time.Now,
		Sleep:   func(context.Context, time.Duration) error { return nil },
	}
	return c, srv.URL, &n
}

func call(url string, repeatable bool, tokens Tokens) Call {
	return Call{
		Name: "Op", Repeatable: repeatable, Writes: !repeatable, Tokens: tokens,
		Request: func(ctx context.Context, _ string) (*http.Request, error) {
			return http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
		},
	}
}

func TestDo_retriesServerErrors(t *testing.T) {
	t.Parallel()
	c, url, n := serve(t, nil, 503, 502, 200)
	if _, err := c.Do(context.Background(), call(url, true, nil)); err != nil || n.Load() != 3 {
		t.Errorf("Do = %v after %d requests, want success after 3", err, n.Load())
	}
	c, url, n = serve(t, nil, 501)
	var ae *apiErr
	if _, err := c.Do(context.Background(), call(url, true, nil)); !errors.As(err, &ae) || n.Load() != 1 {
		t.Errorf("501: Do = %v after %d requests, want the API error at once", err, n.Load())
	}
}

func TestDo_notRepeatable(t *testing.T) {
	t.Parallel()
	c, url, n := serve(t, nil, 503, 200)
	var u *uncertainErr
	var ae *apiErr
	if _, err := c.Do(context.Background(), call(url, false, nil)); !errors.As(err, &u) || !errors.As(err, &ae) || n.Load() != 1 {
		t.Errorf("Do = %v after %d requests, want an uncertain 503 and no second request", err, n.Load())
	}
}

func TestDo_rateLimit(t *testing.T) {
	t.Parallel()
	c, url, n := serve(t, http.Header{"Retry-After": {"120"}}, 429)
	var re *rateErr
	if _, err := c.Do(context.Background(), call(url, true, nil)); !errors.As(err, &re) || re.after != 2*time.Minute || n.Load() != 1 {
		t.Errorf("Do = %v after %d requests, want a rate-limit error at once (Retry-After over MaxRetryAfter)", err, n.Load())
	}
}

// TestDo_refusedToken: a 401 re-mints the token once per attempt, and does
// not count as a failed attempt.
func TestDo_refusedToken(t *testing.T) {
	t.Parallel()
	c, url, n := serve(t, nil, 401, 503, 401, 200)
	var tok testTokens
	if _, err := c.Do(context.Background(), call(url, true, &tok)); err != nil || n.Load() != 4 || tok.invalidated.Load() != 2 {
		t.Errorf("Do = %v after %d requests and %d invalidations, want success after 4 and 2", err, n.Load(), tok.invalidated.Load())
	}
	c, url, n = serve(t, nil, 401)
	var ae *apiErr
	if _, err := c.Do(context.Background(), call(url, true, &tok)); !errors.As(err, &ae) || n.Load() != 2 {
		t.Errorf("Do = %v after %d requests, want the 401 after one new token", err, n.Load())
	}
}

func TestDo_stopped(t *testing.T) {
	t.Parallel()
	c, url, n := serve(t, nil, 200)
	stop, stopNow := context.WithCancel(context.Background())
	stopNow()
	c.Stop = stop
	c.Sleep = func(context.Context, time.Duration) error { t.Error("slept after the stop"); return nil }
	if _, err := c.Do(context.Background(), call(url, true, nil)); !errors.Is(err, context.Canceled) || n.Load() != 0 {
		t.Errorf("Do = %v after %d requests, want context.Canceled and none", err, n.Load())
	}
}
