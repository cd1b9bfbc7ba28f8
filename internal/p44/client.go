package p44

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/httpcall"
	"github.com/carrierstate/terraform-provider-mcp/internal/retry"
	"github.com/carrierstate/terraform-provider-mcp/internal/token"
)

// project44's hosts; the tenant's region decides which one it uses.
const (
	NABaseURL      = "https://na12.api.project44.com"
	EUBaseURL      = "https://eu12.api.project44.com"
	SandboxBaseURL = "https://na12.api.sandbox.p-44.com"
)

// maxBodySize bounds what the client reads from one response.
const maxBodySize = 16 << 20

// Client talks to project44. It is safe for concurrent use; all calls share
// its token, retry policy and HTTP client.
type Client struct {
	baseURL   *url.URL
	userAgent string
	caller    httpcall.Caller // HTTP client, retry policy, timeout, stop, logger, clock
	tokens    *token.Source
	limit     *tokenLimit
}

// Logger receives the client's diagnostics. Fields never carry secrets.
type Logger = retry.Logger

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient replaces the default HTTP client. The client uses a copy
// that follows no redirects unless hc says how to.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.caller.HTTP = hc } }

// WithUserAgent sets the User-Agent header of every request.
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// WithRetry replaces retry.DefaultPolicy.
func WithRetry(p retry.Policy) Option { return func(c *Client) { c.caller.Policy = p } }

// WithRequestTimeout bounds each attempt of each request (default one minute).
func WithRequestTimeout(d time.Duration) Option { return func(c *Client) { c.caller.Timeout = d } }

// WithStop stops the client for good once stop is done: no request (nor
// retry) starts after that, whatever context a call brings (see mcp.WithStop).
func WithStop(stop context.Context) Option { return func(c *Client) { c.caller.Stop = stop } }

// WithLogger receives one line per attempt; it never sees credentials or tokens.
func WithLogger(l Logger) Option { return func(c *Client) { c.caller.Logger = l } }

// NewClient returns a client for project44 at baseURL (NABaseURL when empty)
// that authenticates with a client application's id and secret.
func NewClient(baseURL, clientID, clientSecret string, opts ...Option) (*Client, error) {
	if baseURL == "" {
		baseURL = NABaseURL
	}
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("project44: base URL %q is not an http(s) URL", baseURL)
	}
	if clientID == "" || clientSecret == "" {
		return nil, errors.New("project44: client id and client secret are required")
	}
	c := &Client{
		baseURL:   u,
		userAgent: "terraform-provider-mcp",
		caller:    httpcall.NewCaller("project44", apiErrors{}, maxBodySize),
	}
	for _, opt := range opts {
		opt(c)
	}
	if c.caller.HTTP.CheckRedirect == nil {
		hc := *c.caller.HTTP
		hc.CheckRedirect = httpcall.NoRedirects
		c.caller.HTTP = &hc
	}
	c.limit = &tokenLimit{}
	c.tokens = token.NewSource(func(ctx context.Context) (*token.Response, error) {
		return c.requestToken(ctx, clientID, clientSecret)
	}, unknownLifetime, c.caller.Now)
	return c, nil
}

// Authenticate requests an access token now, so that bad credentials or an
// unreachable base URL surface before any operation is attempted.
func (c *Client) Authenticate(ctx context.Context) error {
	_, err := c.tokens.Token(ctx)
	return err
}

// operation describes one project44 endpoint for the transport.
type operation struct {
	name   string // for errors and logs, e.g. "CreateInvitation"
	method string
	path   string // relative to the base URL
	// sideEffect: project44 acts on it beyond storing (it e-mails a
	// carrier), so it is sent again only when project44 certainly did not
	// receive it, and once sent it is seen through to the answer.
	sideEffect bool
	token      bool // the token endpoint: no bearer, rate-limited (tokenLimit)
}

// request is what one attempt sends besides the operation's method and path.
type request struct {
	query       url.Values
	body        []byte
	contentType string
}

// response is a fully read HTTP response.
type response = httpcall.Response

// exchange runs the retry loop for one operation (see httpcall.Caller.Do).
// On an API error it returns the response too, so callers can read an error
// body.
func (c *Client) exchange(ctx context.Context, op operation, req request) (*response, error) {
	call := httpcall.Call{
		Name:       op.name,
		Repeatable: !op.sideEffect,
		Writes:     op.sideEffect,
		Request: func(ctx context.Context, bearer string) (*http.Request, error) {
			return c.request(ctx, op, req, bearer)
		},
	}
	if op.token {
		call.Before = func(ctx context.Context) error {
			if err := c.limit.wait(ctx, c.caller.Now, c.caller.Sleep); err != nil {
				return fmt.Errorf("project44 %s: waiting for the token rate limit: %w", op.name, err)
			}
			return nil
		}
	} else {
		call.Tokens = c.tokens
	}
	return c.caller.Do(ctx, call)
}

// request builds one attempt's request.
func (c *Client) request(ctx context.Context, op operation, r request, bearer string) (*http.Request, error) {
	u := c.baseURL.JoinPath(op.path)
	u.RawQuery = r.query.Encode()
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, op.method, u.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	return req, nil
}
