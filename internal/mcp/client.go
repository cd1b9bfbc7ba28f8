package mcp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/retry"
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
	http      *http.Client
	userAgent string
	timeout   time.Duration
	retry     RetryPolicy
	logger    Logger
	now       func() time.Time
	zone      *time.Location  // MCP's, for times without offset; nil is UTC
	stop      context.Context // once done, no request starts (see WithStop)
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
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.http = hc } }

// WithUserAgent sets the User-Agent header of every request.
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// WithRetry replaces DefaultRetryPolicy.
func WithRetry(p RetryPolicy) Option { return func(c *Client) { c.retry = p } }

// WithRequestTimeout bounds each attempt of each request (default one minute).
func WithRequestTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithStop stops the client for good once stop is done: no request (nor
// retry) starts after that, whatever context a call brings. The provider
// passes the context its server cancels when Terraform stops it, since a
// call Terraform makes after the stop arrives with a fresh context.
func WithStop(stop context.Context) Option { return func(c *Client) { c.stop = stop } }

// WithLogger receives one line per attempt; it never sees credentials or tokens.
func WithLogger(l Logger) Option { return func(c *Client) { c.logger = l } }

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
		http:      &http.Client{CheckRedirect: noRedirects},
		userAgent: "terraform-provider-mcp",
		timeout:   time.Minute,
		retry:     DefaultRetryPolicy(),
		logger:    retry.NopLogger{},
		now:       time.Now,
	}
	for _, opt := range opts {
		opt(c)
	}
	c.tokens = token.NewSource(func(ctx context.Context) (*token.Response, error) {
		return c.requestToken(ctx, username, password)
	}, unknownLifetime, c.now)
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
// someone: once sent, it is seen through to MCP's answer (see send).
func (k opKind) writes() bool { return k != opRead }

func carrierOp(name string, kind opKind) operation {
	return operation{name: name, path: "/api/v1/Carrier/" + name, kind: kind}
}

// response is a fully read HTTP response.
type response struct {
	status int
	header http.Header
	body   []byte
}

// call sends an API operation with its parameters in the query string (MCP
// binds every parameter from the URI; a JSON body would be ignored) and
// decodes a JSON answer into v when v is not nil (see decodeJSON).
func (c *Client) call(ctx context.Context, op operation, query url.Values, v any) (*response, error) {
	resp, err := c.exchange(ctx, op, query, nil)
	if err != nil {
		return resp, err
	}
	if v != nil {
		if err := decodeJSON(resp.body, v); err != nil {
			return resp, fmt.Errorf("MCP %s: decoding response: %w", op.name, err)
		}
		c.inZone(v)
	}
	return resp, nil
}

// exchange runs the retry loop for one operation. On an API error it returns
// the response too, so callers can read an error body.
func (c *Client) exchange(ctx context.Context, op operation, query, form url.Values) (*response, error) {
	refreshedToken := false // a 401 with a token fetched for this call is final
	for attempt := 0; ; attempt++ {
		var token string
		if !op.public {
			t, err := c.tokens.Token(ctx)
			if err != nil {
				return nil, err
			}
			token = t
		}
		start := c.now()
		resp, wrote, err := c.send(ctx, op, query, form, token)
		fields := map[string]any{"operation": op.name, "attempt": attempt + 1, "duration_ms": c.now().Sub(start).Milliseconds()}

		var wait time.Duration
		switch {
		case err != nil:
			fields["error"] = err.Error()
			if ctx.Err() != nil {
				if wrote && !op.kind.repeatable() {
					// The send outlived ctx (see send); err is its own failure.
					return nil, &UncertainError{Operation: op.name, Err: err}
				}
				return nil, fmt.Errorf("MCP %s: %w", op.name, ctx.Err())
			}
			if wrote && !op.kind.repeatable() {
				c.logger.Warn(ctx, "MCP request failed after it was sent; not retrying", fields)
				return nil, &UncertainError{Operation: op.name, Err: err}
			}
			if attempt >= c.retry.MaxRetries {
				return nil, fmt.Errorf("MCP %s: %w", op.name, err)
			}
			wait = c.retry.Backoff(attempt)

		case resp.status == http.StatusUnauthorized && !op.public:
			fields["status"] = resp.status
			if refreshedToken {
				return resp, apiError(op, resp)
			}
			c.logger.Debug(ctx, "MCP refused the access token; authenticating again", fields)
			c.tokens.Invalidate(token)
			refreshedToken = true
			attempt-- // a refused token is not a failed attempt
			continue

		case resp.status >= 200 && resp.status < 300:
			fields["status"] = resp.status
			c.logger.Debug(ctx, "MCP request", fields)
			return resp, nil

		case resp.status == http.StatusTooManyRequests:
			fields["status"] = resp.status
			retryAfter := retry.ParseAfter(resp.header.Get("Retry-After"), c.now())
			var ok bool
			if wait, ok = c.retry.After(attempt, retryAfter); !ok {
				return resp, &RateLimitError{APIError: *apiError(op, resp), RetryAfter: retryAfter}
			}

		case retry.RetryableStatus(resp.status):
			fields["status"] = resp.status
			if !op.kind.repeatable() {
				c.logger.Warn(ctx, "MCP answered with a server error; not retrying", fields)
				return resp, &UncertainError{Operation: op.name, Err: apiError(op, resp)}
			}
			// A 503 may name its own wait, as a 429 does.
			var ok bool
			if wait, ok = c.retry.After(attempt, retry.ParseAfter(resp.header.Get("Retry-After"), c.now())); !ok {
				return resp, apiError(op, resp)
			}

		default:
			return resp, apiError(op, resp)
		}

		fields["retry_in_ms"] = wait.Milliseconds()
		c.logger.Debug(ctx, "MCP request failed; retrying", fields)
		if err := retry.Sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("MCP %s: %w", op.name, err)
		}
		if op.public {
			continue
		}
		refreshedToken = false
	}
}

// send makes one attempt and reports whether the request was written in full,
// after which MCP may have acted on it.
func (c *Client) send(ctx context.Context, op operation, query, form url.Values, token string) (*response, bool, error) {
	if c.stop != nil && c.stop.Err() != nil {
		return nil, false, fmt.Errorf("%w: the provider was stopped (Terraform was interrupted)", context.Canceled)
	}
	if op.kind.writes() {
		// A write never starts once ctx is done; once started it is seen
		// through to MCP's answer, within the per-attempt timeout, even if
		// ctx is cancelled meanwhile (Terraform interrupted). Abandoning it
		// would not undo it: MCP carries on with a request whose client went
		// away, and the caller could then neither record what MCP did nor
		// know whether an e-mail went out.
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		ctx = context.WithoutCancel(ctx)
	}
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	// The transport reports the write from its own goroutine.
	var wrote atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) { wrote.Store(info.Err == nil) },
	})

	u := c.baseURL.JoinPath(op.path)
	u.RawQuery = query.Encode()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), body)
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if token != "" {
		req.Header.Set("Authorization", "bearer "+token)
	}

	httpResp, err := c.http.Do(req)
	if err != nil {
		return nil, wrote.Load(), stripURL(err)
	}
	defer httpResp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(httpResp.Body, maxBodySize+1))
	if err != nil {
		return nil, true, fmt.Errorf("reading response: %w", err)
	}
	if len(data) > maxBodySize {
		return nil, true, fmt.Errorf("response larger than %d MiB", maxBodySize>>20)
	}
	return &response{status: httpResp.StatusCode, header: httpResp.Header, body: data}, true, nil
}

// noRedirects stops the client from following redirects: Go would re-send
// a POST as a GET without its parameters, and credentials must go nowhere
// but the configured base URL. A 3xx comes back as an *APIError.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// stripURL removes the request URL from a transport error: query strings
// carry e-mail addresses, and the operation name already says what failed.
func stripURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}

// apiError builds the error for a non-2xx response from its {"Message": ...}
// body, when it has one.
func apiError(op operation, resp *response) *APIError {
	e := &APIError{Operation: op.name, StatusCode: resp.status}
	var body struct {
		Message       string `json:"Message"`
		MessageDetail string `json:"MessageDetail"`
	}
	if json.Unmarshal(resp.body, &body) == nil {
		e.Message = strings.TrimSpace(strings.TrimSpace(body.Message) + " " + strings.TrimSpace(body.MessageDetail))
	}
	return e
}
