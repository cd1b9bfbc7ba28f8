// Package httpcall carries out one operation of an HTTP API for the clients
// (mcp, p44): the retry loop (after retry.Policy), the bearer token and its
// renewal on a 401, and each attempt's request, with its timeout, its stop
// and whether it was written. The client says what is its own: how to build
// the request, which errors to return, and per operation whether it may be
// repeated once the server may have received it.
package httpcall

import (
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
)

// Response is a fully read HTTP response.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Errors builds a client's own error types, so that its callers keep
// matching them (errors.As) as before.
type Errors interface {
	// API is the error of a non-2xx answer that is final.
	API(op string, resp *Response) error
	// RateLimit is the error of an HTTP 429 that outlasted the retries or
	// asked for a longer wait than retry.Policy.MaxRetryAfter.
	RateLimit(op string, resp *Response, retryAfter time.Duration) error
	// Uncertain wraps the failure of an operation that is not repeatable
	// after the request may have reached the server.
	Uncertain(op string, err error) error
}

// Tokens hands out the bearer token of an attempt and drops one the server
// refused; *token.Source is one.
type Tokens interface {
	Token(ctx context.Context) (string, error)
	Invalidate(value string)
}

// Caller is what all of a client's operations share. Its fields are set once,
// before the first call.
type Caller struct {
	// API names the API in errors and log messages: "MCP", "project44".
	API    string
	HTTP   *http.Client
	Policy retry.Policy
	Logger retry.Logger
	Errors Errors
	// Timeout bounds each attempt; zero leaves it to ctx.
	Timeout time.Duration
	// MaxBody bounds what is read of one response.
	MaxBody int64
	// Stop, once done, stops the client for good: no request (nor retry)
	// starts after that, whatever context a call brings. Nil never stops.
	Stop  context.Context
	Now   func() time.Time
	Sleep func(context.Context, time.Duration) error
}

// NewCaller returns a Caller with the defaults both clients start from: an
// HTTP client that follows no redirects, retry.DefaultPolicy, no logging, a
// one-minute timeout per attempt, no stop, and the real clock.
func NewCaller(api string, errs Errors, maxBody int64) Caller {
	return Caller{
		API:     api,
		HTTP:    &http.Client{CheckRedirect: NoRedirects},
		Policy:  retry.DefaultPolicy(),
		Logger:  retry.NopLogger{},
		Errors:  errs,
		Timeout: time.Minute,
		MaxBody: maxBody,
		Now:     time.Now,
		Sleep:   retry.Sleep,
	}
}

// Call is one operation.
type Call struct {
	// Name is the operation's name in errors and logs, e.g. "BlockCarrier".
	Name string
	// Repeatable: the operation may be sent again after the server may have
	// received it. One that is not (it e-mails someone) is retried only
	// when the request certainly was not written; a 5xx, a timeout or a
	// lost response becomes the client's uncertain error.
	Repeatable bool
	// Writes: the operation changes what the server holds or reaches
	// someone. It never starts once ctx is done, and once started it is
	// seen through to the server's answer, within Caller.Timeout, even if
	// ctx is cancelled meanwhile (Terraform interrupted). Abandoning it
	// would not undo it: the server carries on with a request whose client
	// went away, and the caller could then neither record what it did nor
	// know whether an e-mail went out.
	Writes bool
	// Tokens authenticates each attempt; nil sends no token, and then a
	// 401 is an answer like any other.
	Tokens Tokens
	// Before, when set, runs before each attempt; its error ends the call
	// as it is.
	Before func(ctx context.Context) error
	// Request builds one attempt's request on ctx; bearer is the token to
	// send, empty without Tokens.
	Request func(ctx context.Context, bearer string) (*http.Request, error)
}

// Do runs the retry loop for one operation: HTTP 429 (honouring
// Retry-After), 5xx except 501, and connection failures are retried within
// c.Policy. On an API error it returns the response too, so callers can read
// an error body.
func (c *Caller) Do(ctx context.Context, call Call) (*Response, error) {
	refreshedToken := false // a 401 with a token fetched for this call is final
	for attempt := 0; ; attempt++ {
		if call.Before != nil {
			if err := call.Before(ctx); err != nil {
				return nil, err
			}
		}
		var bearer string
		if call.Tokens != nil {
			t, err := call.Tokens.Token(ctx)
			if err != nil {
				return nil, err
			}
			bearer = t
		}
		start := c.Now()
		resp, wrote, err := c.send(ctx, call, bearer)
		fields := map[string]any{"operation": call.Name, "attempt": attempt + 1, "duration_ms": c.Now().Sub(start).Milliseconds()}

		var wait time.Duration
		switch {
		case err != nil:
			fields["error"] = err.Error()
			uncertain := wrote && !call.Repeatable
			if ctx.Err() != nil {
				if uncertain {
					// The send outlived ctx (see send); err is its own failure.
					return nil, c.Errors.Uncertain(call.Name, err)
				}
				return nil, fmt.Errorf("%s %s: %w", c.API, call.Name, ctx.Err())
			}
			if c.Stop != nil && c.Stop.Err() != nil && !wrote {
				return nil, fmt.Errorf("%s %s: %w", c.API, call.Name, err) // retrying cannot help
			}
			if uncertain {
				c.Logger.Warn(ctx, c.API+" request failed after it was sent; not retrying", fields)
				return nil, c.Errors.Uncertain(call.Name, err)
			}
			if attempt >= c.Policy.MaxRetries {
				return nil, fmt.Errorf("%s %s: %w", c.API, call.Name, err)
			}
			wait = c.Policy.Backoff(attempt)

		case resp.Status == http.StatusUnauthorized && call.Tokens != nil:
			fields["status"] = resp.Status
			if refreshedToken {
				return resp, c.Errors.API(call.Name, resp)
			}
			c.Logger.Debug(ctx, c.API+" refused the access token; authenticating again", fields)
			call.Tokens.Invalidate(bearer)
			refreshedToken = true
			attempt-- // a refused token is not a failed attempt
			continue

		case resp.Status >= 200 && resp.Status < 300:
			fields["status"] = resp.Status
			c.Logger.Debug(ctx, c.API+" request", fields)
			return resp, nil

		case resp.Status == http.StatusTooManyRequests:
			fields["status"] = resp.Status
			retryAfter := retry.ParseAfter(resp.Header.Get("Retry-After"), c.Now())
			var ok bool
			if wait, ok = c.Policy.After(attempt, retryAfter); !ok {
				return resp, c.Errors.RateLimit(call.Name, resp, retryAfter)
			}

		case retry.RetryableStatus(resp.Status):
			fields["status"] = resp.Status
			if !call.Repeatable {
				c.Logger.Warn(ctx, c.API+" answered with a server error; not retrying", fields)
				return resp, c.Errors.Uncertain(call.Name, c.Errors.API(call.Name, resp))
			}
			// A 503 may name its own wait, as a 429 does.
			var ok bool
			if wait, ok = c.Policy.After(attempt, retry.ParseAfter(resp.Header.Get("Retry-After"), c.Now())); !ok {
				return resp, c.Errors.API(call.Name, resp)
			}

		default:
			return resp, c.Errors.API(call.Name, resp)
		}

		fields["retry_in_ms"] = wait.Milliseconds()
		c.Logger.Debug(ctx, c.API+" request failed; retrying", fields)
		if err := c.Sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("%s %s: %w", c.API, call.Name, err)
		}
		refreshedToken = false
	}
}

// send makes one attempt and reports whether the request was written in full,
// after which the server may have acted on it.
func (c *Caller) send(ctx context.Context, call Call, bearer string) (*Response, bool, error) {
	if c.Stop != nil && c.Stop.Err() != nil {
		return nil, false, fmt.Errorf("%w: the provider was stopped (Terraform was interrupted)", context.Canceled)
	}
	if call.Writes {
		// Never started once ctx is done; once started, seen through (see
		// Call.Writes).
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		ctx = context.WithoutCancel(ctx)
	}
	if c.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.Timeout)
		defer cancel()
	}
	// The transport reports the write from its own goroutine.
	var wrote atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) { wrote.Store(info.Err == nil) },
	})

	req, err := call.Request(ctx, bearer)
	if err != nil {
		return nil, false, err
	}
	httpResp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, wrote.Load(), &ConnectionError{Err: stripURL(err)}
	}
	defer httpResp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(httpResp.Body, c.MaxBody+1))
	if err != nil {
		return nil, true, fmt.Errorf("reading response: %w", err)
	}
	if int64(len(data)) > c.MaxBody {
		return nil, true, fmt.Errorf("response larger than %d MiB", c.MaxBody>>20)
	}
	return &Response{Status: httpResp.StatusCode, Header: httpResp.Header, Body: data}, true, nil
}

// ConnectionError is an attempt that got no answer: the connection could
// not be made, or broke before the response. Its text is the transport's,
// without the URL (see stripURL).
type ConnectionError struct{ Err error }

func (e *ConnectionError) Error() string { return e.Err.Error() }

func (e *ConnectionError) Unwrap() error { return e.Err }

// NoRedirects stops an http.Client from following redirects: Go would re-send
// a POST as a GET without its body, and credentials and tokens must go
// nowhere but the configured base URL. A 3xx comes back as the client's API
// error.
func NoRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// stripURL removes the request URL from a transport error: query strings
// carry e-mail addresses and carrier identifiers, and the operation name
// already says what failed.
func stripURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}
