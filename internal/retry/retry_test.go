package retry

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestPolicy_Backoff(t *testing.T) {
	t.Parallel()
	p := Policy{WaitMin: 100 * time.Millisecond, WaitMax: time.Second}
	if got := p.Backoff(0); got != p.WaitMin {
		t.Errorf("Backoff(0) = %v, want WaitMin", got)
	}
	for attempt := range 70 {
		upper := min(p.WaitMax, p.WaitMin<<min(attempt, 10))
		distinct := map[time.Duration]bool{}
		var longest time.Duration
		for range 200 {
			d := p.Backoff(attempt)
			if d < p.WaitMin || d > upper {
				t.Fatalf("Backoff(%d) = %v, want within [%v, %v]", attempt, d, p.WaitMin, upper)
			}
			distinct[d] = true
			longest = max(longest, d)
		}
		if attempt > 0 && len(distinct) < 10 {
			t.Errorf("Backoff(%d) took %d distinct values in 200 draws: no jitter", attempt, len(distinct))
		}
		// Exponential: the range doubles each attempt, so some draw
		// lands in its upper half.
		if attempt > 0 && longest <= (p.WaitMin+upper)/2 {
			t.Errorf("Backoff(%d): longest of 200 draws %v, range [%v, %v]", attempt, longest, p.WaitMin, upper)
		}
	}
	if got := (Policy{}).Backoff(3); got != 0 {
		t.Errorf("zero policy Backoff = %v, want 0", got)
	}
}

func TestPolicy_After(t *testing.T) {
	t.Parallel()
	p := Policy{MaxRetries: 2, WaitMin: time.Millisecond, WaitMax: time.Millisecond, MaxRetryAfter: time.Minute}
	tests := []struct {
		attempt    int
		retryAfter time.Duration
		want       time.Duration
		ok         bool
	}{
		{0, 0, time.Millisecond, true},
		{1, 30 * time.Second, 30 * time.Second, true}, // the server's wait wins over a shorter backoff
		{0, time.Minute, time.Minute, true},
		{0, time.Minute + 1, 0, false}, // longer than MaxRetryAfter
		{2, 0, 0, false},               // retries spent
	}
	for _, tt := range tests {
		if got, ok := p.After(tt.attempt, tt.retryAfter); got != tt.want || ok != tt.ok {
			t.Errorf("After(%d, %v) = %v, %v; want %v, %v", tt.attempt, tt.retryAfter, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := (Policy{MaxRetries: 1}).After(0, 1000*time.Hour); !ok {
		t.Error("MaxRetryAfter zero must not cap Retry-After")
	}
}

func TestRetryableStatus(t *testing.T) {
	t.Parallel()
	for code, want := range map[int]bool{429: true, 500: true, 502: true, 503: true, 504: true, 501: false, 400: false, 401: false, 404: false, 200: false} {
		if got := RetryableStatus(code); got != want {
			t.Errorf("RetryableStatus(%d) = %v, want %v", code, got, want)
		}
	}
}

func TestParseAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		header string
		want   time.Duration
	}{
		{"120", 2 * time.Minute},
		{" 7 ", 7 * time.Second},
		{"0", 0},
		{"-3", 0},
		{"-99999999999999999999", 0},
		{"", 0},
		{"soon", 0},
		{"1.5", 0},
		{"Thu, 15 Jan 2026 10:01:30 GMT", 90 * time.Second},   // IMF-fixdate
		{"Thursday, 15-Jan-26 10:00:05 GMT", 5 * time.Second}, // RFC 850
		{"Thu Jan 15 10:00:10 2026", 10 * time.Second},        // ANSI C asctime
		{"Thu, 15 Jan 2026 09:59:00 GMT", 0},                  // in the past
		{"Thu, 15 Jan 2026 10:00:00 GMT", 0},
	}
	for _, tt := range tests {
		if got := ParseAfter(tt.header, now); got != tt.want {
			t.Errorf("ParseAfter(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
	// Absurd delays must not wrap around into short (or negative) waits that
	// slip under MaxRetryAfter.
	for _, header := range []string{"18446744074", "9223372037", "99999999999999999", "9223372036854775807", "99999999999999999999"} {
		if got := ParseAfter(header, now); got < 24*time.Hour {
			t.Errorf("ParseAfter(%q) = %v, want a very long wait", header, got)
		}
	}
}

func TestSleep(t *testing.T) {
	t.Parallel()
	if err := Sleep(context.Background(), time.Millisecond); err != nil {
		t.Errorf("Sleep = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Errorf("Sleep with a cancelled context = %v after %v", err, time.Since(start))
	}
	if err := Sleep(ctx, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("Sleep(0) with a cancelled context = %v", err)
	}
}
