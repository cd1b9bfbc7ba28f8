package mcp

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

// RetryPolicy bounds how the client retries a failed request: HTTP 429
// (honouring Retry-After), 5xx except 501, and connection failures. Whether an
// operation may be retried at all after MCP may have received it is decided
// per operation, not here (see opKind).
type RetryPolicy struct {
	// MaxRetries is how many times a request is repeated after the first
	// attempt. Zero disables retries.
	MaxRetries int
	// WaitMin and WaitMax bound the exponential backoff; each wait is drawn
	// uniformly from [WaitMin, min(WaitMax, WaitMin·2^attempt)] (jitter
	// spreads out clients that failed together).
	WaitMin time.Duration
	WaitMax time.Duration
	// MaxRetryAfter caps a server's Retry-After: a longer demand ends the
	// retries with a RateLimitError rather than stalling a Terraform run.
	MaxRetryAfter time.Duration
}

// DefaultRetryPolicy suits an unattended terraform apply.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 5, WaitMin: 500 * time.Millisecond, WaitMax: 30 * time.Second, MaxRetryAfter: 2 * time.Minute}
}

// backoff returns the wait before retry number attempt (0-based).
func (p RetryPolicy) backoff(attempt int) time.Duration {
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

// retryableStatus reports whether a status is worth repeating: throttling and
// server-side failures, except 501 which will not change.
func retryableStatus(code int) bool {
	return code == http.StatusTooManyRequests || (code >= 500 && code != http.StatusNotImplemented)
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
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

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
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
