package mcp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/flight"
)

// tokenOp is MCP's OAuth2 token endpoint. It is outside the Swagger document
// and takes a form body; a password grant is safe to repeat.
var tokenOp = operation{name: "Token", path: "/token", kind: opRead, public: true}

// tokenResponse is the body of a successful POST /token.
type tokenResponse struct {
	AccessToken string  `json:"access_token"`
	TokenType   string  `json:"token_type"`
	ExpiresIn   seconds `json:"expires_in"`
}

// seconds is expires_in: RFC 6749 makes it a number, but MCP has been seen
// to send it as a string ("1799"). Either is accepted, as is null.
type seconds int64

func (s *seconds) UnmarshalJSON(b []byte) error {
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
	*s = seconds(n)
	return nil
}

// oauthError is the body of a refused POST /token.
type oauthError struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

type accessToken struct {
	value   string
	renewAt time.Time
}

// tokenSource hands out one shared access token. Concurrent callers that find
// no valid token wait for a single token request (50 goroutines, one POST
// /token), and a token is renewed before expires_in runs out. The request
// stops if every caller waiting for it gives up.
type tokenSource struct {
	client   *Client
	username string
	password string
	now      func() time.Time

	mu       sync.Mutex
	current  *accessToken
	inflight *flight.Call[*accessToken]
}

// token returns a valid access token, requesting one when needed.
func (ts *tokenSource) token(ctx context.Context) (string, error) {
	for {
		ts.mu.Lock()
		if t := ts.current; t != nil && ts.now().Before(t.renewAt) {
			ts.mu.Unlock()
			return t.value, nil
		}
		if err := ctx.Err(); err != nil {
			ts.mu.Unlock()
			return "", err
		}
		call := ts.inflight
		if call == nil {
			call = flight.Start(ctx, ts.fetch)
			ts.inflight = call
		}
		ts.mu.Unlock()

		t, err := call.Wait(ctx)
		switch {
		case ctx.Err() != nil:
			return "", ctx.Err()
		case errors.Is(err, context.Canceled):
			// Abandoned by callers who gave up just before this one joined.
			continue
		case err != nil:
			return "", err
		}
		return t.value, nil
	}
}

// fetch requests a token and makes it the current one.
func (ts *tokenSource) fetch(ctx context.Context) (*accessToken, error) {
	requested := ts.now()
	tok, err := ts.request(ctx)
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.inflight = nil
	if err != nil {
		return nil, err
	}
	ts.current = &accessToken{value: tok.AccessToken, renewAt: requested.Add(renewAfter(int64(tok.ExpiresIn)))}
	return ts.current, nil
}

// invalidate drops the token MCP has just refused, unless another caller has
// already replaced it, so that a burst of 401s leads to one new token.
func (ts *tokenSource) invalidate(value string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.current != nil && ts.current.value == value {
		ts.current = nil
	}
}

// unknownLifetime is how long a token without expires_in is used.
const unknownLifetime = 24 * time.Hour

// maxLifetime caps expires_in; MCP's tokens live about 14 days.
const maxLifetime = 365 * 24 * time.Hour

// renewAfter is how long a token is used: 90% of its lifetime, and never
// closer than five minutes to its expiry, so a request in flight does not
// carry a token that expires under it.
func renewAfter(expiresIn int64) time.Duration {
	if expiresIn <= 0 {
		// No lifetime given: use the token until MCP refuses it (a 401
		// brings a new one) rather than requesting one per call.
		return unknownLifetime
	}
	// Capped, so that a huge expires_in cannot overflow the Duration.
	life := time.Duration(min(expiresIn, int64(maxLifetime/time.Second))) * time.Second
	margin := life / 10
	if margin > 5*time.Minute {
		margin = 5 * time.Minute
	}
	return life - margin
}

func (ts *tokenSource) request(ctx context.Context) (*tokenResponse, error) {
	form := url.Values{
		"grant_type": {"password"},
		"username":   {ts.username},
		"password":   {ts.password},
	}
	resp, err := ts.client.exchange(ctx, tokenOp, nil, form)
	if err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) && (apiErr.StatusCode == 400 || apiErr.StatusCode == 401) {
			authErr := &AuthError{StatusCode: apiErr.StatusCode}
			var body oauthError
			if json.Unmarshal(resp.body, &body) == nil {
				authErr.Code, authErr.Description = body.Error, body.Description
			}
			return nil, authErr
		}
		return nil, fmt.Errorf("requesting an MCP access token: %w", err)
	}
	var tok tokenResponse
	// Plain json.Unmarshal: OWIN's token endpoint writes no Json.NET
	// references, and a reference error would quote the body's text.
	if err := json.Unmarshal(resp.body, &tok); err != nil {
		return nil, fmt.Errorf("MCP token response: %w", err)
	}
	if tok.AccessToken == "" {
		return nil, errors.New("MCP token response carried no access_token")
	}
	return &tok, nil
}
