package p44

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Message is one entry of project44's errors[] or infoMessages[].
type Message struct {
	Severity   string `json:"severity,omitempty"` // ERROR, WARNING or INFO
	Message    string `json:"message,omitempty"`
	Diagnostic string `json:"diagnostic,omitempty"`
	Source     string `json:"source,omitempty"`
}

// APIError is a non-2xx answer from project44, with what its standard error
// envelope said when the body was one.
type APIError struct {
	Operation          string
	StatusCode         int
	HTTPMessage        string
	ErrorMessage       string
	Errors             []Message
	SupportReferenceID string
}

func (e *APIError) Error() string {
	reason := e.HTTPMessage
	if reason == "" {
		reason = http.StatusText(e.StatusCode)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "project44 %s: HTTP %d %s", e.Operation, e.StatusCode, reason)
	var details []string
	if e.ErrorMessage != "" {
		details = append(details, e.ErrorMessage)
	}
	for _, m := range e.Errors {
		text := m.Message
		if text == "" {
			text = m.Diagnostic
		}
		if text != "" && text != e.ErrorMessage {
			details = append(details, text)
		}
	}
	if len(details) > 0 {
		b.WriteString(": " + strings.Join(details, "; "))
	}
	if e.SupportReferenceID != "" {
		fmt.Fprintf(&b, " (support reference %s)", e.SupportReferenceID)
	}
	return b.String()
}

// apiError builds the error for a non-2xx response. The invitation service's
// envelope is inferred, and gateways answer 401s with bodies of their own, so
// anything else (empty, HTML, {"message": ...}, OAuth2's {"error": ...})
// still gives an error with the status.
func apiError(op string, resp *response) *APIError {
	e := &APIError{Operation: op, StatusCode: resp.Status}
	var body struct {
		HTTPMessage        string    `json:"httpMessage"`
		ErrorMessage       string    `json:"errorMessage"`
		Errors             []Message `json:"errors"`
		SupportReferenceID string    `json:"supportReferenceId"`
		Message            string    `json:"message"`
		Error              string    `json:"error"`
		ErrorDescription   string    `json:"error_description"`
	}
	if json.Unmarshal(resp.Body, &body) != nil {
		return e
	}
	e.HTTPMessage = strings.TrimSpace(body.HTTPMessage)
	e.ErrorMessage = strings.TrimSpace(body.ErrorMessage)
	e.Errors = body.Errors
	e.SupportReferenceID = body.SupportReferenceID
	for _, alt := range []string{body.Message, body.ErrorDescription, body.Error} {
		if e.ErrorMessage == "" {
			e.ErrorMessage = strings.TrimSpace(alt)
		}
	}
	return e
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

// AuthError is a refused token request: project44 does not accept the
// configured client id and secret. It never holds them.
type AuthError struct {
	StatusCode  int
	Code        string // OAuth2 error code, e.g. invalid_client, when given
	Description string
}

func (e *AuthError) Error() string {
	msg := fmt.Sprintf("project44 rejected the client credentials (HTTP %d", e.StatusCode)
	if e.Code != "" {
		msg += ", " + e.Code
	}
	msg += ")"
	if e.Description != "" {
		msg += ": " + e.Description
	}
	return msg
}

// UncertainError wraps the failure of CreateInvitation (which e-mails a
// carrier) after the request may have reached project44: a 5xx, a timeout or
// a lost response. The client never retries it; the caller must say that
// the invitation may or may not have been sent.
type UncertainError struct {
	Operation string
	Err       error
}

func (e *UncertainError) Error() string {
	return fmt.Sprintf("project44 %s may or may not have been carried out: %v", e.Operation, e.Err)
}

func (e *UncertainError) Unwrap() error { return e.Err }

// IsNotFound reports whether project44 answered 404.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound
}

// IsUncertain reports whether project44 may have carried out a failed operation.
func IsUncertain(err error) bool {
	var u *UncertainError
	return errors.As(err, &u)
}

// IsAuthError reports whether project44 refused the client credentials.
func IsAuthError(err error) bool {
	var a *AuthError
	return errors.As(err, &a)
}
