package mcp

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/httpcall"
)

// APIError is a non-2xx answer from MCP. Message is the text of ASP.NET's
// {"Message": "..."} error body, when there was one.
type APIError struct {
	Operation  string
	StatusCode int
	Message    string
}

func (e *APIError) Error() string {
	msg := fmt.Sprintf("MCP %s: HTTP %d %s", e.Operation, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// apiErrors gives httpcall this package's error types.
type apiErrors struct{}

func (apiErrors) API(op string, resp *response) error { return apiError(op, resp) }

func (apiErrors) RateLimit(op string, resp *response, retryAfter time.Duration) error {
	return &RateLimitError{APIError: *apiError(op, resp), RetryAfter: retryAfter}
}

func (apiErrors) Uncertain(op string, err error) error {
	return &UncertainError{Operation: op, Err: err}
}

// RateLimitError is an HTTP 429 that outlasted the client's retries.
// RetryAfter is the wait the server asked for, zero when it named none.
type RateLimitError struct {
	APIError
	RetryAfter time.Duration
}

func (e *RateLimitError) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("%s (retry after %s)", e.APIError.Error(), e.RetryAfter)
	}
	return e.APIError.Error()
}

func (e *RateLimitError) Unwrap() error { return &e.APIError }

// OperationError is a failure MCP reported inside an HTTP 200 body: a false
// Success, succeeded or Result. Callers must not parse Message; it is for people.
type OperationError struct {
	Operation string
	Message   string
}

func (e *OperationError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("MCP %s reported failure", e.Operation)
	}
	return fmt.Sprintf("MCP %s reported failure: %s", e.Operation, e.Message)
}

// NotDocumentError is a GetDocument answer of HTTP 200 whose body is not the
// document: JSON (an error object from MCP) or HTML (a proxy's sign-in
// page). Message is the JSON body's Message, shortened, when it has one.
type NotDocumentError struct {
	Name        string // the blob name asked for
	ContentType string
	Message     string
}

func (e *NotDocumentError) Error() string {
	msg := fmt.Sprintf("MCP GetDocument did not return the document %q: the answer is %s", e.Name, e.ContentType)
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// AuthError is a rejected token request: MCP does not accept the configured
// username and password.
type AuthError struct {
	StatusCode  int
	Code        string // OAuth error code, e.g. invalid_grant
	Description string
}

func (e *AuthError) Error() string {
	msg := fmt.Sprintf("MCP rejected the integration credentials (HTTP %d", e.StatusCode)
	if e.Code != "" {
		msg += ", " + e.Code
	}
	msg += ")"
	if e.Description != "" {
		msg += ": " + e.Description
	}
	return msg
}

// UncertainError wraps the failure of an operation that is not safe to
// repeat (it e-mails or texts someone) after the request may have reached
// MCP: a 5xx, a timeout or a lost response. The client never retries it; the
// caller must tell the user that MCP may or may not have acted.
type UncertainError struct {
	Operation string
	Err       error
}

func (e *UncertainError) Error() string {
	return fmt.Sprintf("MCP %s may or may not have been carried out: %v", e.Operation, e.Err)
}

func (e *UncertainError) Unwrap() error { return e.Err }

// IsNotFound reports whether err is MCP's answer that the carrier, blob or
// other object asked for does not exist.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.Is(err, ErrNotFound) || (errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound)
}

// IsUncertain reports whether MCP may have carried out a failed operation.
func IsUncertain(err error) bool {
	var u *UncertainError
	return errors.As(err, &u)
}

// IsConnectionError reports whether a request failed without an answer
// from MCP: the connection could not be made, or broke.
func IsConnectionError(err error) bool {
	var c *httpcall.ConnectionError
	return errors.As(err, &c)
}

// IsAuthError reports whether MCP rejected the configured credentials.
func IsAuthError(err error) bool {
	var a *AuthError
	return errors.As(err, &a)
}

// ErrNotFound marks a lookup that MCP answered with nothing: an empty result
// where a carrier was asked for. IsNotFound recognises it and HTTP 404 alike.
var ErrNotFound = errors.New("not found")
