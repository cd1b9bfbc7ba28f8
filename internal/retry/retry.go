// Package retry holds what the API clients (mcp, p44) share about repeating a
// failed request: the policy and its backoff, which statuses are worth
// repeating, Retry-After, an interruptible sleep, and the logger each attempt
// is reported to. internal/httpcall's loop applies them. Whether an operation
// may be repeated at all once the server may have received it is each
// client's decision, per operation, not this package's.
package retry

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Policy bounds how a client retries a failed request: HTTP 429 (honouring
// Retry-After), 5xx except 501, and connection failures.
type Policy struct {
	// MaxRetries is how many times a request is repeated after the first
	// attempt. Zero disables retries.
	MaxRetries int
	// WaitMin and WaitMax bound the exponential backoff; each wait is drawn
	// uniformly from [WaitMin, min(WaitMax, WaitMin·2^attempt)] (jitter
	// spreads out clients that failed together).
	WaitMin time.Duration
	WaitMax time.Duration
	// MaxRetryAfter caps a server's Retry-After: a longer demand ends the
	// retries with a rate-limit error rather than stalling a Terraform run.
	MaxRetryAfter time.Duration
}

// DefaultPolicy suits an unattended terraform apply.
func DefaultPolicy() Policy {
	return Policy{MaxRetries: 5, WaitMin: 500 * time.Millisecond, WaitMax: 30 * time.Second, MaxRetryAfter: 2 * time.Minute}
}

// Backoff returns the wait before retry number attempt (0-based).
func (p Policy) Backoff(attempt int) time.Duration {
	if p.WaitMin <= 0 {
		return 0
	}
	upper := p.WaitMin
	for i := 0; i < attempt && upper < p.WaitMax; i++ {
		upper *= 2
	}
	if p.WaitMax > 0 && upper > p.WaitMax {
		upper = p.WaitMax
	}
	if upper <= p.WaitMin {
		return p.WaitMin
	}
	return p.WaitMin + rand.N(upper-p.WaitMin+1) //nolint:gosec // jitter needs no cryptographic randomness
}

// After returns the wait before retry number attempt (0-based) of a request
// the server answered with a retryable status and Retry-After retryAfter
// (zero if none), and false when the retries are spent or the server asks
// for longer than MaxRetryAfter: then the answer is final.
func (p Policy) After(attempt int, retryAfter time.Duration) (time.Duration, bool) {
	if attempt >= p.MaxRetries || (p.MaxRetryAfter > 0 && retryAfter > p.MaxRetryAfter) {
		return 0, false
	}
	return max(retryAfter, p.Backoff(attempt)), true
}

// RetryableStatus reports whether a status is worth repeating: throttling and
// server-side failures, except 501 which will not change.
func RetryableStatus(code int) bool {
	return code == http.StatusTooManyRequests || (code >= 500 && code != http.StatusNotImplemented)
}

// ParseAfter reads a Retry-After header: delay-seconds or an HTTP date.
func ParseAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	// ParseInt saturates out-of-range numbers; a delay too long for a
	// Duration saturates too, rather than wrapping into a short or negative
	// wait that would slip under MaxRetryAfter. (int64, not int: 32-bit
	// builds have a shorter int.)
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		switch {
		case secs <= 0:
			return 0
		case secs > int64(math.MaxInt64/time.Second):
			return time.Duration(math.MaxInt64)
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// Sleep waits for d or until ctx is done.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Logger receives a client's diagnostics, one line per attempt. Fields never
// carry credentials or tokens.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Warn(ctx context.Context, msg string, fields map[string]any)
}

// NopLogger discards everything.
type NopLogger struct{}

func (NopLogger) Debug(context.Context, string, map[string]any) {}
func (NopLogger) Warn(context.Context, string, map[string]any)  {}
