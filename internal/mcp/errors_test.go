package mcp

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
)

// TestAPIError_fromBody: a non-2xx answer is an *APIError with the status and
// the text of ASP.NET's {"Message", "MessageDetail"} body.
func TestAPIError_fromBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body  string
		status      int
		wantMessage string
		wantError   string
	}{
		{"captured 400", `{"$id":"1","Message":"Email VIN Validations are no longer supported"}`, 400,
			"Email VIN Validations are no longer supported",
			"MCP RequestVINVerification: HTTP 400 Bad Request: Email VIN Validations are no longer supported"},
		{"404 with detail", `{"Message":"No HTTP resource was found that matches the request URI.","MessageDetail":"No action was found on the controller 'Carrier' that matches the request."}`, 404,
			"No HTTP resource was found that matches the request URI. No action was found on the controller 'Carrier' that matches the request.",
			"MCP RequestVINVerification: HTTP 404 Not Found: No HTTP resource was found"},
		{"500 with exception", `{"Message":"An error has occurred.","ExceptionMessage":"Object reference not set","StackTrace":"at ..."}`, 500,
			"An error has occurred.", "MCP RequestVINVerification may or may not have been carried out: MCP RequestVINVerification: HTTP 500 Internal Server Error: An error has occurred."},
		{"HTML", `<html><body>IIS</body></html>`, 403, "", "MCP RequestVINVerification: HTTP 403 Forbidden"},
		{"empty", ``, 409, "", "MCP RequestVINVerification: HTTP 409 Conflict"},
		{"null message", `{"Message":null}`, 422, "", "MCP RequestVINVerification: HTTP 422 Unprocessable Entity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			serveOnce(t, mux, "RequestVINVerification", url.Values{"deliveryOption": {"1"}, "vinVerificationEmail": {"a@b.example"},
				"outputVINVerificationRequestID": {"false"}}, tt.status, jsonType, tt.body)
			_, err := client.Invitations.RequestVINVerification(context.Background(), VINVerificationRequest{DeliveryOption: DeliveryEmail, Email: "a@b.example"})
			apiErr := errorsAs[*APIError](t, err)
			if apiErr.StatusCode != tt.status || apiErr.Message != tt.wantMessage || apiErr.Operation != "RequestVINVerification" {
				t.Errorf("APIError = %+v, want status %d message %q", apiErr, tt.status, tt.wantMessage)
			}
			if !strings.HasPrefix(err.Error(), tt.wantError) {
				t.Errorf("Error() = %q, want prefix %q", err, tt.wantError)
			}
			if IsNotFound(err) != (tt.status == 404) {
				t.Errorf("IsNotFound = %v", tt.status != 404)
			}
		})
	}
}

// TestErrorPredicates: the Is* helpers see through wrapping and do not
// confuse the error kinds.
func TestErrorPredicates(t *testing.T) {
	t.Parallel()
	notFound := &APIError{Operation: "GetCarrierData", StatusCode: 404}
	tests := []struct {
		name                        string
		err                         error
		notFound, uncertain, authed bool
	}{
		{"nil", nil, false, false, false},
		{"404", notFound, true, false, false},
		{"wrapped 404", errors.Join(errors.New("context"), notFound), true, false, false},
		{"empty answer", (CarrierLookup{DOTNumber: 1}).notFound("PreviewCarrier"), true, false, false},
		{"400", &APIError{StatusCode: 400}, false, false, false},
		{"rate limit", &RateLimitError{APIError: APIError{StatusCode: 429}}, false, false, false},
		{"uncertain 503", &UncertainError{Operation: "EmailPacketInvitation", Err: &APIError{StatusCode: 503}}, false, true, false},
		{"auth", &AuthError{StatusCode: 400, Code: "invalid_grant"}, false, false, true},
		{"operation", &OperationError{Operation: "BlockCarrier"}, false, false, false},
		{"plain", errors.New("boom"), false, false, false},
	}
	for _, tt := range tests {
		if got := IsNotFound(tt.err); got != tt.notFound {
			t.Errorf("%s: IsNotFound = %v", tt.name, got)
		}
		if got := IsUncertain(tt.err); got != tt.uncertain {
			t.Errorf("%s: IsUncertain = %v", tt.name, got)
		}
		if got := IsAuthError(tt.err); got != tt.authed {
			t.Errorf("%s: IsAuthError = %v", tt.name, got)
		}
	}
	if got := (&OperationError{Operation: "BlockCarrier"}).Error(); got != "MCP BlockCarrier reported failure" {
		t.Errorf("OperationError without message: %q", got)
	}
	if got := (&AuthError{StatusCode: 401}).Error(); got != "MCP rejected the integration credentials (HTTP 401)" {
		t.Errorf("AuthError without code: %q", got)
	}
	if got := (CarrierLookup{DocketNumber: "MC1"}).notFound("PreviewCarrier").Error(); got != "MCP PreviewCarrier: no carrier matches MC1: not found" {
		t.Errorf("not-found error: %q", got)
	}
	if got := (CarrierRef{DOTNumber: 5, IntrastateNumber: "TX9"}).String(); got != "DOT 5 / TX9" {
		t.Errorf("CarrierRef.String = %q", got)
	}
}
