package token

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestSeconds_UnmarshalJSON(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Seconds{`1799`: 1799, `"1799"`: 1799, `"-1"`: -1, `null`: 0, `""`: 0, `0`: 0} {
		var got Seconds
		if err := json.Unmarshal([]byte(in), &got); err != nil || got != want {
			t.Errorf("Unmarshal(%s) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{`1799.5`, `"1799.5"`, `"1e3"`, `"soon"`, `true`, `{}`, `"99999999999999999999"`} {
		var got Seconds
		if err := json.Unmarshal([]byte(in), &got); err == nil {
			t.Errorf("Unmarshal(%s) = %d, want an error", in, got)
		}
	}
	var resp Response
	if err := json.Unmarshal([]byte(`{"access_token":"a"}`), &resp); err != nil || resp.ExpiresIn != 0 {
		t.Errorf("absent expires_in: %v, %v", resp.ExpiresIn, err)
	}
}

func TestRenewAfter(t *testing.T) {
	t.Parallel()
	const unknown = 7 * time.Hour
	tests := []struct {
		expiresIn int64
		want      time.Duration
	}{
		{1209599, 1209599*time.Second - 5*time.Minute}, // 14 days: margin capped at 5 minutes
		{3600, 3600*time.Second - 5*time.Minute},
		{600, 540 * time.Second},
		{1, 900 * time.Millisecond},
		{0, unknown}, // no lifetime: used until the API answers 401
		{-5, unknown},
		{1 << 62, maxLifetime - 5*time.Minute}, // would overflow a Duration
	}
	for _, tt := range tests {
		if got := RenewAfter(tt.expiresIn, unknown); got != tt.want {
			t.Errorf("RenewAfter(%d) = %v, want %v", tt.expiresIn, got, tt.want)
		}
	}
}

// TestSource: concurrent callers share one request; Invalidate drops only
// the token it names.
func TestSource(t *testing.T) {
	t.Parallel()
	var fetches atomic.Int32
	release := make(chan struct{})
	s := NewSource(func(context.Context) (*Response, error) {
		n := fetches.Add(1)
		<-release
		return &Response{AccessToken: string('a' + n - 1), ExpiresIn: 3600}, nil
	}, time.Hour, time.Now)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if tok, err := s.Token(context.Background()); err != nil || tok != "a" {
				t.Errorf("Token = %q, %v", tok, err)
			}
		})
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	s.Invalidate("stale")
	if tok, _ := s.Token(context.Background()); tok != "a" || fetches.Load() != 1 {
		t.Errorf("after invalidating another token: %q, %d fetches", tok, fetches.Load())
	}
	s.Invalidate("a")
	if tok, _ := s.Token(context.Background()); tok != "b" || fetches.Load() != 2 {
		t.Errorf("after invalidating the current token: %q, %d fetches", tok, fetches.Load())
	}
}

// TestSource_fetchErrorWrappingCanceled: a fetch that fails with an error
// wrapping context.Canceled (a stopped client) is an answer, not an
// abandoned request to start again.
func TestSource_fetchErrorWrappingCanceled(t *testing.T) {
	t.Parallel()
	var fetches atomic.Int32
	stopped := fmt.Errorf("%w: the provider was stopped", context.Canceled)
	s := NewSource(func(context.Context) (*Response, error) {
		fetches.Add(1)
		return nil, stopped
	}, time.Hour, time.Now)
	if _, err := s.Token(context.Background()); !errors.Is(err, stopped) || fetches.Load() != 1 {
		t.Errorf("Token = %v after %d fetches, want the fetch's error after 1", err, fetches.Load())
	}
}
