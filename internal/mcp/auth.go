package mcp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/token"
)

// tokenOp is MCP's OAuth2 token endpoint. It is outside the Swagger document
// and takes a form body; a password grant is safe to repeat.
var tokenOp = operation{name: "Token", path: "/token", kind: opRead, public: true}

// unknownLifetime is how long a token without expires_in is used; MCP's
// tokens live about 14 days.
const unknownLifetime = 24 * time.Hour

// requestToken asks MCP for a token with the integration user's password.
func (c *Client) requestToken(ctx context.Context, username, password string) (*token.Response, error) {
	form := url.Values{
		"grant_type": {"password"},
		"username":   {username},
		"password":   {password},
	}
	resp, err := c.exchange(ctx, tokenOp, nil, form)
	if err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) && (apiErr.StatusCode == 400 || apiErr.StatusCode == 401) {
			authErr := &AuthError{StatusCode: apiErr.StatusCode}
			var body token.ErrorBody
			if json.Unmarshal(resp.Body, &body) == nil {
				authErr.Code, authErr.Description = body.Error, body.Description
			}
			return nil, authErr
		}
		return nil, fmt.Errorf("requesting an MCP access token: %w", err)
	}
	var tok token.Response
	// Plain json.Unmarshal: OWIN's token endpoint writes no Json.NET
	// references, and a reference error would quote the body's text.
	if err := json.Unmarshal(resp.Body, &tok); err != nil {
		return nil, fmt.Errorf("MCP token response: %w", err)
	}
	if tok.AccessToken == "" {
		return nil, errors.New("MCP token response carried no access_token")
	}
	return &tok, nil
}
