package p44

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
	"time"

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
	http      *http.Client
	userAgent string
	timeout   time.Duration
	retry     retry.Policy
	logger    Logger
	stop      context.Context // once done, no request starts (see WithStop)
	now       func() time.Time
	sleep     func(context.Context, time.Duration) error
	tokens    *token.Source
	limit     *tokenLimit
}

// Logger receives the client's diagnostics. Fields never carry secrets.
type Logger = retry.Logger

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient replaces the default HTTP client. The client uses a copy
// that follows no redirects unless hc says how to.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.http = hc } }

// WithUserAgent sets the User-Agent header of every request.
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// WithRetry replaces retry.DefaultPolicy.
func WithRetry(p retry.Policy) Option { return func(c *Client) { c.retry = p } }

// WithRequestTimeout bounds each attempt of each request (default one minute).
func WithRequestTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithStop stops the client for good once stop is done: no request (nor
// retry) starts after that, whatever context a call brings (see mcp.WithStop).
func WithStop(stop context.Context) Option { return func(c *Client) { c.stop = stop } }

// WithLogger receives one line per attempt; it never sees credentials or tokens.
func WithLogger(l Logger) Option { return func(c *Client) { c.logger = l } }

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
		http:      &http.Client{CheckRedirect: noRedirects},
		userAgent: "terraform-provider-mcp",
		timeout:   time.Minute,
		retry:     retry.DefaultPolicy(),
		logger:    retry.NopLogger{},
		now:       time.Now,
		sleep:     retry.Sleep,
	}
	for _, opt := range opts {
		opt(c)
	}
	if c.http.CheckRedirect == nil {
		hc := *c.http
		hc.CheckRedirect = noRedirects
		c.http = &hc
	}
	c.limit = &tokenLimit{}
	c.tokens = token.NewSource(func(ctx context.Context) (*token.Response, error) {
		return c.requestToken(ctx, clientID, clientSecret)
	}, unknownLifetime, c.now)
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
type response struct {
	status int
	header http.Header
	body   []byte
}

// exchange runs the retry loop for one operation. On an API error it returns
// the response too, so callers can read an error body.
func (c *Client) exchange(ctx context.Context, op operation, req request) (*response, error) {
	refreshedToken := false // a 401 with a token fetched for this call is final
	for attempt := 0; ; attempt++ {
		var bearer string
		if op.token {
			if err := c.limit.wait(ctx, c.now, c.sleep); err != nil {
				return nil, fmt.Errorf("project44 %s: waiting for the token rate limit: %w", op.name, err)
			}
		} else {
			t, err := c.tokens.Token(ctx)
			if err != nil {
				return nil, err
			}
			bearer = t
		}
		start := c.now()
		resp, wrote, err := c.send(ctx, op, req, bearer)
		fields := map[string]any{"operation": op.name, "attempt": attempt + 1, "duration_ms": c.now().Sub(start).Milliseconds()}

		var wait time.Duration
		switch {
		case err != nil:
			fields["error"] = err.Error()
			uncertain := wrote && op.sideEffect
			if ctx.Err() != nil {
				if uncertain {
					// The send outlived ctx (see send); err is its own failure.
					return nil, &UncertainError{Operation: op.name, Err: err}
				}
				return nil, fmt.Errorf("project44 %s: %w", op.name, ctx.Err())
			}
			if c.stop != nil && c.stop.Err() != nil && !wrote {
				return nil, fmt.Errorf("project44 %s: %w", op.name, err) // retrying cannot help
			}
			if uncertain {
				c.logger.Warn(ctx, "project44 request failed after it was sent; not retrying", fields)
				return nil, &UncertainError{Operation: op.name, Err: err}
			}
			if attempt >= c.retry.MaxRetries {
				return nil, fmt.Errorf("project44 %s: %w", op.name, err)
			}
			wait = c.retry.Backoff(attempt)

		case resp.status == http.StatusUnauthorized && !op.token:
			fields["status"] = resp.status
			if refreshedToken {
				return resp, apiError(op, resp)
			}
			c.logger.Debug(ctx, "project44 refused the access token; authenticating again", fields)
			c.tokens.Invalidate(bearer)
			refreshedToken = true
			attempt-- // a refused token is not a failed attempt
			continue

		case resp.status >= 200 && resp.status < 300:
			fields["status"] = resp.status
			c.logger.Debug(ctx, "project44 request", fields)
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
			if op.sideEffect {
				c.logger.Warn(ctx, "project44 answered with a server error; not retrying", fields)
				return resp, &UncertainError{Operation: op.name, Err: apiError(op, resp)}
			}
			var ok bool
			if wait, ok = c.retry.After(attempt, retry.ParseAfter(resp.header.Get("Retry-After"), c.now())); !ok {
				return resp, apiError(op, resp)
			}

		default:
			return resp, apiError(op, resp)
		}

		fields["retry_in_ms"] = wait.Milliseconds()
		c.logger.Debug(ctx, "project44 request failed; retrying", fields)
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("project44 %s: %w", op.name, err)
		}
		refreshedToken = false
	}
}

// send makes one attempt and reports whether the request was written in full,
// after which project44 may have acted on it.
func (c *Client) send(ctx context.Context, op operation, r request, bearer string) (*response, bool, error) {
	if c.stop != nil && c.stop.Err() != nil {
		return nil, false, fmt.Errorf("%w: the provider was stopped (Terraform was interrupted)", context.Canceled)
	}
	if op.sideEffect {
		// Never started once ctx is done; once started, seen through to
		// project44's answer (within the per-attempt timeout) even if ctx
		// is cancelled meanwhile: abandoning it would not undo it, and the
		// caller could no longer tell whether an e-mail went out.
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
	u.RawQuery = r.query.Encode()
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, op.method, u.String(), body)
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
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

// noRedirects stops the client from following redirects: credentials and
// tokens must go nowhere but the configured base URL. A 3xx comes back as an
// *APIError.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// stripURL removes the request URL from a transport error: query strings
// carry carrier identifiers, and the operation name already says what failed.
func stripURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}
