package p44

import (
	"context"
	"net/http"
	"testing"
)

// TestAPIError: project44's envelope, and the bodies that are not one.
func TestAPIError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		status  int
		body    string
		want    string
		notFond bool
	}{
		{
			name: "full envelope", status: 400,
			body: `{"httpStatusCode":400,"httpMessage":"Bad Request","errorMessage":"Invalid invitation.","errors":[{"severity":"ERROR","message":"invitee.contacts[0].email is required","diagnostic":"d","source":"SYSTEM"},{"severity":"ERROR","diagnostic":"locale xx-XX is not supported"}],"supportReferenceId":"ref-123"}`,
			want: "project44 TrackingMethods: HTTP 400 Bad Request: Invalid invitation.; invitee.contacts[0].email is required; locale xx-XX is not supported (support reference ref-123)",
		},
		{name: "empty body", status: 403, body: ``, want: "project44 TrackingMethods: HTTP 403 Forbidden"},
		{name: "not JSON", status: 404, body: `<html><body>Not Found</body></html>`, want: "project44 TrackingMethods: HTTP 404 Not Found", notFond: true},
		{name: "404 envelope", status: 404, body: `{"httpStatusCode":404,"httpMessage":"Not Found","errorMessage":"No carrier."}`, want: "project44 TrackingMethods: HTTP 404 Not Found: No carrier.", notFond: true},
		{name: "401 from the gateway", status: 401, body: `{"message":"Unauthorized"}`, want: "project44 TrackingMethods: HTTP 401 Unauthorized: Unauthorized"},
		{name: "401 OAuth2 style", status: 401, body: `{"error":"invalid_token","error_description":"The access token expired"}`, want: "project44 TrackingMethods: HTTP 401 Unauthorized: The access token expired"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mux := setup(t)
			handleToken(t, mux)
			handleTracking(t, mux, func(w http.ResponseWriter, _ string) { writeJSON(w, tt.status, tt.body) })
			err := lookupTracking(context.Background(), c)
			apiErr := errorsAs[*APIError](t, err)
			if err.Error() != tt.want {
				t.Errorf("Error() = %q\nwant      %q", err, tt.want)
			}
			if apiErr.StatusCode != tt.status || IsNotFound(err) != tt.notFond || IsUncertain(err) || IsAuthError(err) {
				t.Errorf("classified wrongly: %+v", apiErr)
			}
		})
	}
}

// TestRateLimitError: a 429 that outlasts the retries carries Retry-After.
func TestRateLimitError(t *testing.T) {
	t.Parallel()
	c, mux := setup(t)
	handleToken(t, mux)
	calls := handleTracking(t, mux, func(w http.ResponseWriter, _ string) {
		w.Header().Set("Retry-After", "3600")
		writeJSON(w, http.StatusTooManyRequests, `{"httpStatusCode":429,"errorMessage":"Too many requests"}`)
	})
	err := lookupTracking(context.Background(), c)
	rl := errorsAs[*RateLimitError](t, err)
	if rl.RetryAfter.Hours() != 1 || calls.Load() != 1 || err.Error() != "project44 TrackingMethods: HTTP 429 Too Many Requests: Too many requests (retry after 1h0m0s)" {
		t.Errorf("error = %q, %d calls", err, calls.Load())
	}
}
