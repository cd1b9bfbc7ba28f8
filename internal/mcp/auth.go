package mcp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/flight"
)

// tokenOp is MCP's OAuth2 token endpoint. It is outside the Swagger document
// and takes a form body; a password grant is safe to repeat.
var tokenOp = operation{name: "Token", path: "/token", repeatable: true, public: true}

// tokenResponse is the body of a successful POST /token.
type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int64  `json:"expires_in"`
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
	ts.current = &accessToken{value: tok.AccessToken, renewAt: requested.Add(renewAfter(tok.ExpiresIn))}
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

// renewAfter is how long a token is used: 90% of its lifetime, and never
// closer than five minutes to its expiry, so a request in flight does not
// carry a token that expires under it.
func renewAfter(expiresIn int64) time.Duration {
	life := time.Duration(expiresIn) * time.Second
	if life <= 0 {
		// No lifetime given: use the token until MCP refuses it (a 401
		// brings a new one) rather than requesting one per call.
		return unknownLifetime
	}
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
	if err := json.Unmarshal(resp.body, &tok); err != nil {
		return nil, fmt.Errorf("MCP token response: %w", err)
	}
	if tok.AccessToken == "" {
		return nil, errors.New("MCP token response carried no access_token")
	}
	return &tok, nil
}
