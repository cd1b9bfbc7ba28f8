// Package token holds what the API clients (mcp, p44) share about OAuth2
// access tokens: one cached token per client, fetched once for any number of
// concurrent callers (through internal/flight), renewed shortly before it
// expires, and dropped when the API refuses it. How a token is requested
// (grant, endpoint, error mapping) stays with each client.
package token

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/flight"
)

// Response is the body of a successful OAuth2 token request.
type Response struct {
	AccessToken string  `json:"access_token"`
	TokenType   string  `json:"token_type"`
	ExpiresIn   Seconds `json:"expires_in"`
}

// ErrorBody is the body of a refused OAuth2 token request (RFC 6749 §5.2).
type ErrorBody struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

// Seconds is expires_in: RFC 6749 makes it a number, but servers have been
// seen to send it as a string ("1799"). Either is accepted, as is null.
type Seconds int64

func (s *Seconds) UnmarshalJSON(b []byte) error {
	text := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &text); err != nil {
			return err
		}
		text = strings.TrimSpace(text)
	}
	if text == "null" || text == "" {
		*s = 0
		return nil
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		// Not quoted: a garbled body could hold the token here.
		return errors.New("expires_in is not a whole number of seconds")
	}
	*s = Seconds(n)
	return nil
}

// maxLifetime caps expires_in, so that a huge one cannot overflow a Duration.
const maxLifetime = 365 * 24 * time.Hour

// RenewAfter is how long a token is used: 90% of its lifetime, and never
// closer than five minutes to its expiry, so a request in flight does not
// carry a token that expires under it. Without a lifetime (expiresIn <= 0)
// it is unknown: the token is used until the API refuses it (a 401 brings a
// new one) rather than requesting one per call.
func RenewAfter(expiresIn int64, unknown time.Duration) time.Duration {
	if expiresIn <= 0 {
		return unknown
	}
	life := time.Duration(min(expiresIn, int64(maxLifetime/time.Second))) * time.Second
	margin := min(life/10, 5*time.Minute)
	return life - margin
}

type accessToken struct {
	value   string
	renewAt time.Time
}

// Source hands out one shared access token. Concurrent callers that find no
// valid token wait for a single token request (50 goroutines, one request),
// and a token is renewed before expires_in runs out. The request stops if
// every caller waiting for it gives up.
type Source struct {
	// Now is the clock; tests replace it.
	Now func() time.Time

	fetch   func(context.Context) (*Response, error)
	unknown time.Duration

	mu       sync.Mutex
	current  *accessToken
	inflight *flight.Call[*accessToken]
}

// NewSource returns a Source that requests tokens with fetch and uses one
// without expires_in for unknownLifetime.
func NewSource(fetch func(context.Context) (*Response, error), unknownLifetime time.Duration, now func() time.Time) *Source {
	return &Source{Now: now, fetch: fetch, unknown: unknownLifetime}
}

// Token returns a valid access token, requesting one when needed.
func (s *Source) Token(ctx context.Context) (string, error) {
	for {
		s.mu.Lock()
		if t := s.current; t != nil && s.Now().Before(t.renewAt) {
			s.mu.Unlock()
			return t.value, nil
		}
		if err := ctx.Err(); err != nil {
			s.mu.Unlock()
			return "", err
		}
		call := s.inflight
		if call == nil {
			call = flight.Start(ctx, s.request)
			s.inflight = call
		}
		s.mu.Unlock()

		t, err := call.Wait(ctx)
		switch {
		case ctx.Err() != nil:
			return "", ctx.Err()
		case errors.Is(err, errAbandoned):
			// Abandoned by callers who gave up just before this one joined.
			continue
		case err != nil:
			return "", err
		}
		return t.value, nil
	}
}

// request fetches a token and makes it the current one.
func (s *Source) request(ctx context.Context) (*accessToken, error) {
	requested := s.Now()
	resp, err := s.fetch(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inflight = nil
	if err != nil && ctx.Err() != nil {
		// Only this says that every waiter gave up: a fetch's own error
		// may wrap context.Canceled too (a stopped client), and a caller
		// that took it for abandonment would start fetch after fetch.
		return nil, errAbandoned
	}
	if err != nil {
		return nil, err
	}
	s.current = &accessToken{value: resp.AccessToken, renewAt: requested.Add(RenewAfter(int64(resp.ExpiresIn), s.unknown))}
	return s.current, nil
}

// errAbandoned ends a request that every waiter gave up on.
var errAbandoned = fmt.Errorf("token request abandoned: %w", context.Canceled)

// Invalidate drops the token the API has just refused, unless another caller
// has already replaced it, so that a burst of 401s leads to one new token.
func (s *Source) Invalidate(value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current != nil && s.current.value == value {
		s.current = nil
	}
}
