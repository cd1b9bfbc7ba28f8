package p44

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestSecrets_neverInErrorsOrLogs drives clients through refused
// credentials, token endpoint failures, 401s, 5xx, 429, dropped connections,
// timeouts and uncertain creates, and checks that no error and no log line
// holds the client secret, an access token or a query string.
func TestSecrets_neverInErrorsOrLogs(t *testing.T) {
	t.Parallel()
	logger := &recordingLogger{}
	var mu sync.Mutex
	var errs []error
	hang := func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // the server notices a gone client only after the body
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}
	scenarios := []struct {
		name       string
		token, api http.HandlerFunc // token nil: a normal token endpoint
		create     bool
	}{
		{name: "invalid_client", token: func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 401, `{"error":"invalid_client","error_description":"client_secret=`+testSecret+`"}`)
		}},
		{name: "token 500", token: func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 500, ``) }},
		{name: "token drops", token: func(w http.ResponseWriter, r *http.Request) { dropConnection(t, w) }},
		{name: "token malformed", token: func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 200, `{"access_token":"`+issuedToken(9)+`","expires_in":"`+issuedToken(9)+`"}`)
		}},
		{name: "401 twice", api: func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 401, `{"message":"Unauthorized"}`) }},
		{name: "503", api: func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 503, ``) }},
		{name: "429", api: func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 429, ``) }},
		{name: "dropped", api: func(w http.ResponseWriter, r *http.Request) { dropConnection(t, w) }},
		{name: "timeout", api: hang},
		{name: "uncertain 500", create: true, api: func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 500, `{}`) }},
		{name: "uncertain drop", create: true, api: func(w http.ResponseWriter, r *http.Request) { dropConnection(t, w) }},
		{name: "uncertain timeout", create: true, api: hang},
		{name: "400", create: true, api: func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 400, `{"errorMessage":"bad"}`) }},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			c, mux := setup(t, WithLogger(logger), WithRequestTimeout(100*time.Millisecond))
			if sc.token != nil {
				mux.HandleFunc("/api/v4/oauth2/token", sc.token)
			} else {
				handleToken(t, mux)
			}
			if sc.api != nil {
				mux.HandleFunc("/api/v4/tl/shipments/trackingmethods", sc.api)
				mux.HandleFunc("/services/invitation/v1/invitations", sc.api)
			}
			var err error
			if sc.create {
				_, err = c.CreateInvitation(context.Background(), testInvitation)
			} else {
				err = lookupTracking(context.Background(), c)
			}
			if err == nil {
				t.Fatal("no error")
			}
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		})
	}
	t.Cleanup(func() {
		secrets := []string{testSecret, url.QueryEscape(testSecret), tokenMark, "carrierIdentifier", "1234567"}
		check := func(where, s string) {
			for _, secret := range secrets {
				if strings.Contains(s, secret) {
					t.Errorf("%s shows %q: %s", where, secret, s)
				}
			}
		}
		for _, err := range errs {
			for _, format := range []string{"%v", "%+v", "%#v"} {
				check("error", fmt.Sprintf(format, err))
			}
		}
		logger.mu.Lock()
		defer logger.mu.Unlock()
		if len(logger.entries) < 20 {
			t.Errorf("only %d log lines: the scan means little", len(logger.entries))
		}
		for _, e := range logger.entries {
			check("log line", fmt.Sprintf("%#v", e))
		}
	})
}
