package mcp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/httpcall"
	"github.com/carrierstate/terraform-provider-mcp/internal/token"
)

// DefaultBaseURL is MCP's production API.
const DefaultBaseURL = "https://api.mycarrierpackets.com"

// maxBodySize bounds what the client reads from one response; the largest
// legitimate bodies are documents and 5,000-carrier pages.
const maxBodySize = 64 << 20

// Client talks to the MCP API. It is safe for concurrent use; all services
// share its token, retry policy and HTTP client.
type Client struct {
	baseURL   *url.URL
	userAgent string
	caller    httpcall.Caller // HTTP client, retry policy, timeout, stop, logger, clock
	zone      *time.Location  // MCP's, for times without offset; nil is UTC
	tokens    *token.Source

	Carriers    *CarriersService
	Invitations *InvitationsService
	Monitoring  *MonitoringService
	Blocking    *BlockingService
	Documents   *DocumentsService
	Factoring   *FactoringService
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient replaces the default HTTP client.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.caller.HTTP = hc } }

// WithUserAgent sets the User-Agent header of every request.
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// WithRetry replaces DefaultRetryPolicy.
func WithRetry(p RetryPolicy) Option { return func(c *Client) { c.caller.Policy = p } }

// WithRequestTimeout bounds each attempt of each request (default one minute).
func WithRequestTimeout(d time.Duration) Option { return func(c *Client) { c.caller.Timeout = d } }

// WithStop stops the client for good once stop is done: no request (nor
// retry) starts after that, whatever context a call brings. The provider
// passes the context its server cancels when Terraform stops it, since a
// call Terraform makes after the stop arrives with a fresh context.
func WithStop(stop context.Context) Option { return func(c *Client) { c.caller.Stop = stop } }

// WithLogger receives one line per attempt; it never sees credentials or tokens.
func WithLogger(l Logger) Option { return func(c *Client) { c.caller.Logger = l } }

// NewClient returns a client for the MCP API at baseURL (DefaultBaseURL when
// empty) that authenticates with an integration user's credentials.
func NewClient(baseURL, username, password string, opts ...Option) (*Client, error) {
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("mcp: base URL %q is not an http(s) URL", baseURL)
	}
	if username == "" || password == "" {
		return nil, errors.New("mcp: username and password are required")
	}
	c := &Client{
		baseURL:   u,
		userAgent: "terraform-provider-mcp",
		caller:    httpcall.NewCaller("MCP", apiErrors{}, maxBodySize),
	}
	for _, opt := range opts {
		opt(c)
	}
	c.tokens = token.NewSource(func(ctx context.Context) (*token.Response, error) {
		return c.requestToken(ctx, username, password)
	}, unknownLifetime, c.caller.Now)
	c.Carriers = &CarriersService{c}
	c.Invitations = &InvitationsService{c}
	c.Monitoring = &MonitoringService{c}
	c.Blocking = &BlockingService{c}
	c.Documents = &DocumentsService{c}
	c.Factoring = &FactoringService{c}
	return c, nil
}

// Authenticate requests an access token now, so that bad credentials or an
// unreachable base URL surface before any operation is attempted.
func (c *Client) Authenticate(ctx context.Context) error {
	_, err := c.tokens.Token(ctx)
	return err
}

// operation describes one MCP endpoint for the transport.
type operation struct {
	name   string // MCP's name for it, e.g. "BlockCarrier"
	path   string // relative to the base URL
	kind   opKind
	public bool // needs no bearer token
}

// opKind is what sending an operation again may do.
type opKind int

const (
	// opRead changes nothing: it may always be sent again.
	opRead opKind = iota
	// opIdempotentWrite changes what MCP holds, to the same end however
	// often it is sent (list membership): it may be sent again.
	opIdempotentWrite
	// opSideEffect e-mails or texts a carrier: it is retried only when MCP
	// certainly did not act.
	opSideEffect
)

// repeatable reports whether the operation may be sent again after MCP may
// have received it.
func (k opKind) repeatable() bool { return k != opSideEffect }

// writes reports whether the operation changes what MCP holds or reaches
// someone: once sent, it is seen through to MCP's answer (see
// httpcall.Call.Writes).
func (k opKind) writes() bool { return k != opRead }

func carrierOp(name string, kind opKind) operation {
	return operation{name: name, path: "/api/v1/Carrier/" + name, kind: kind}
}

// response is a fully read HTTP response.
type response = httpcall.Response

// call sends an API operation with its parameters in the query string (MCP
// binds every parameter from the URI; a JSON body would be ignored) and
// decodes a JSON answer into v when v is not nil (see decodeJSON).
func (c *Client) call(ctx context.Context, op operation, query url.Values, v any) (*response, error) {
	resp, err := c.exchange(ctx, op, query, nil)
	if err != nil {
		return resp, err
	}
	if v != nil {
		if err := decodeJSON(resp.Body, v); err != nil {
			return resp, fmt.Errorf("MCP %s: decoding response: %w", op.name, err)
		}
		c.inZone(v)
	}
	return resp, nil
}

// exchange runs the retry loop for one operation (see httpcall.Caller.Do).
// On an API error it returns the response too, so callers can read an error
// body.
func (c *Client) exchange(ctx context.Context, op operation, query, form url.Values) (*response, error) {
	call := httpcall.Call{
		Name:       op.name,
		Repeatable: op.kind.repeatable(),
		Writes:     op.kind.writes(),
		Request: func(ctx context.Context, token string) (*http.Request, error) {
			return c.request(ctx, op, query, form, token)
		},
	}
	if !op.public {
		call.Tokens = c.tokens
	}
	return c.caller.Do(ctx, call)
}

// request builds one attempt's request: every operation is a POST, with its
// parameters in the query string and the token endpoint's in a form body.
func (c *Client) request(ctx context.Context, op operation, query, form url.Values, token string) (*http.Request, error) {
	u := c.baseURL.JoinPath(op.path)
	u.RawQuery = query.Encode()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if token != "" {
		req.Header.Set("Authorization", "bearer "+token)
	}
	return req, nil
}

// apiError builds the error for a non-2xx response from its {"Message": ...}
// body, when it has one.
func apiError(op string, resp *response) *APIError {
	e := &APIError{Operation: op, StatusCode: resp.Status}
	var body struct {
		Message       string `json:"Message"`
		MessageDetail string `json:"MessageDetail"`
	}
	if json.Unmarshal(resp.Body, &body) == nil {
		e.Message = strings.TrimSpace(strings.TrimSpace(body.Message) + " " + strings.TrimSpace(body.MessageDetail))
	}
	return e
}
