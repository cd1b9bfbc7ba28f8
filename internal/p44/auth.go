package p44

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/token"
)

// tokenOp is project44's OAuth2 token endpoint. Minting a token changes
// nothing (earlier tokens stay valid), so it is safe to repeat.
var tokenOp = operation{name: "Token", method: http.MethodPost, path: "/api/v4/oauth2/token", token: true}

// unknownLifetime is how long a token without expires_in is used: project44
// documents about 12 hours, and a 401 brings a new one if it was less.
const unknownLifetime = 12 * time.Hour

// requestToken asks for a token with the client credentials grant. The
// credentials go in the form body (project44's option A) and there is no
// Authorization header: project44 forbids mixing the two.
func (c *Client) requestToken(ctx context.Context, clientID, clientSecret string) (*token.Response, error) {
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {clientID},
		"client_secret": {clientSecret},
	}
	resp, err := c.exchange(ctx, tokenOp, request{body: []byte(form.Encode()), contentType: "application/x-www-form-urlencoded"})
	if err != nil {
		var apiErr *APIError
		var rl *RateLimitError
		if errors.As(err, &apiErr) && !errors.As(err, &rl) && apiErr.StatusCode >= 400 && apiErr.StatusCode < 500 && apiErr.StatusCode != http.StatusNotFound {
			return nil, authError(resp, apiErr, clientSecret)
		}
		return nil, fmt.Errorf("requesting a project44 access token: %w", err)
	}
	var tok token.Response
	if err := json.Unmarshal(resp.Body, &tok); err != nil {
		// Not err itself: a garbled body could hold the token in its text.
		return nil, errors.New("project44 token response is not the JSON of an OAuth2 token")
	}
	if tok.AccessToken == "" {
		return nil, errors.New("project44 token response carried no access_token")
	}
	return &tok, nil
}

// authError reads a refused token request. project44 does not document the
// body (OAuth2's {"error", "error_description"} or its own envelope), so
// either is read; the secret is cut out in case a server echoes it.
func authError(resp *response, apiErr *APIError, clientSecret string) *AuthError {
	e := &AuthError{StatusCode: apiErr.StatusCode, Description: apiErr.ErrorMessage}
	var body token.ErrorBody
	if json.Unmarshal(resp.Body, &body) == nil {
		e.Code = body.Error
		if body.Description != "" {
			e.Description = body.Description
		}
	}
	e.Description = strings.ReplaceAll(e.Description, clientSecret, "***")
	return e
}

// tokenWindow and tokensPerWindow are project44's token rate limit: at most
// 5 tokens a minute per client application.
const (
	tokenWindow     = time.Minute
	tokensPerWindow = 5
)

// tokenLimit keeps this client within the token rate limit on its own side:
// it never sends more than tokensPerWindow token requests in any rolling
// tokenWindow, so a burst of 401s or failing attempts waits rather than
// getting the application throttled.
type tokenLimit struct {
	mu   sync.Mutex
	sent []time.Time // the last tokensPerWindow request times, oldest first
}

// wait blocks until one more token request fits in the window, and counts
// it, or returns ctx's error. (The token request runs on behalf of all its
// waiters, without their deadlines; it is cancelled, and the wait with it,
// when the last of them gives up.)
func (l *tokenLimit) wait(ctx context.Context, now func() time.Time, sleep func(context.Context, time.Duration) error) error {
	for {
		l.mu.Lock()
		t := now()
		if len(l.sent) < tokensPerWindow || !t.Before(l.sent[0].Add(tokenWindow)) {
			l.sent = append(l.sent, t)
			if len(l.sent) > tokensPerWindow {
				l.sent = l.sent[1:]
			}
			l.mu.Unlock()
			return nil
		}
		d := l.sent[0].Add(tokenWindow).Sub(t)
		l.mu.Unlock()
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
}
