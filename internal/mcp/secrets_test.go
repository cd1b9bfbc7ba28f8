package mcp

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// tokenMark is in every access token issuedToken returns.
const tokenMark = "9fQk2LmWv"

// TestSecrets_neverInErrorsOrLogs drives clients through every kind of
// failure — refused credentials, token endpoint errors, 401s, 5xx, 429,
// dropped and refused connections, timeouts, uncertain writes, cancellation —
// and checks that no error text and no log line or field holds the password
// or an access token.
func TestSecrets_neverInErrorsOrLogs(t *testing.T) {
	t.Parallel()
	logger := &recordingLogger{}
	var mu sync.Mutex
	var errs []error
	record := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		errs = append(errs, err)
	}

	type scenario struct {
		name  string
		token http.HandlerFunc // nil: a normal token endpoint
		api   func(t *testing.T, w http.ResponseWriter, r *http.Request)
		op    string // the operation api serves and call makes
		opts  []Option
	}
	preview := "PreviewCarrier"
	email := "EmailPacketInvitation"
	scenarios := []scenario{
		{name: "invalid_grant", op: preview, token: func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusBadRequest, `{"error":"invalid_grant","error_description":"The user name or password is incorrect."}`)
		}},
		{name: "token endpoint 500", op: preview, token: func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusInternalServerError, `{"Message":"An error has occurred."}`)
		}},
		{name: "token endpoint drops", op: preview, token: func(w http.ResponseWriter, r *http.Request) {
			hj, _ := w.(http.Hijacker)
			conn, _, _ := hj.Hijack()
			_ = conn.Close()
		}},
		{name: "token answer malformed", op: preview, token: func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, `{"access_token":"`+issuedToken(9)+`","token_type":"bearer","expires_in":"`+issuedToken(9)+`"}`)
		}},
		{name: "token answer truncated", op: preview, token: func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, `{"access_token":"`+issuedToken(8))
		}},
		{name: "401 twice", op: preview, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusUnauthorized, `{"Message":"Authorization has been denied for this request."}`)
		}},
		{name: "401 then ok", op: preview, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			if bearer(r) == issuedToken(1) {
				writeJSON(w, http.StatusUnauthorized, `{}`)
				return
			}
			writeJSON(w, http.StatusOK, `[{"DotNumber":1}]`)
		}},
		{name: "503 until exhausted", op: preview, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusServiceUnavailable, `{"Message":"down"}`)
		}},
		{name: "429 until exhausted", op: preview, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, http.StatusTooManyRequests, `{}`)
		}},
		{name: "dropped until exhausted", op: preview, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			dropConnection(t, w)
		}},
		{name: "read timeout", op: preview, opts: []Option{WithRequestTimeout(attemptTimeout)}, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}},
		{name: "uncertain 500", op: email, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusInternalServerError, `{"Message":"An error has occurred."}`)
		}},
		{name: "uncertain drop", op: email, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			dropConnection(t, w)
		}},
		{name: "uncertain timeout", op: email, opts: []Option{WithRequestTimeout(attemptTimeout)}, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}},
		{name: "400 from MCP", op: email, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusBadRequest, `{"Message":"The request is invalid.","MessageDetail":"carrierEmail is required"}`)
		}},
		{name: "bad JSON", op: preview, api: func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, `[{"DotNumber":"x"}]`)
		}},
	}
	call := func(ctx context.Context, c *Client, op string) error {
		if op == email {
			_, err := c.Invitations.EmailPacket(ctx, PacketInvitation{CarrierEmail: "owner@carrier.example"})
			return err
		}
		_, err := c.Carriers.Preview(ctx, CarrierLookup{DOTNumber: 1})
		return err
	}

	t.Run("scenarios", func(t *testing.T) {
		for _, sc := range scenarios {
			t.Run(sc.name, func(t *testing.T) {
				t.Parallel()
				client, mux, _ := setup(t, append([]Option{WithLogger(logger)}, sc.opts...)...)
				if sc.token != nil {
					mux.HandleFunc("/token", sc.token)
				} else {
					handleToken(t, mux)
				}
				mux.HandleFunc("/api/v1/Carrier/"+sc.op, func(w http.ResponseWriter, r *http.Request) {
					if sc.api == nil {
						t.Errorf("%s reached MCP without a token", sc.op)
						return
					}
					sc.api(t, w, r)
				})
				err := call(context.Background(), client, sc.op)
				if err == nil && sc.name != "401 then ok" {
					t.Fatalf("%s: no error", sc.name)
				}
				if err != nil {
					record(err)
				}
			})
		}
		t.Run("connection refused", func(t *testing.T) {
			t.Parallel()
			ln, err := (&net.ListenConfig{}).Listen(t.Context(), "tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			addr := ln.Addr().String()
			_ = ln.Close()
			client, err := NewClient("http://"+addr+baseURLPath, testUser, testPassword, WithRetry(fastRetry), WithLogger(logger))
			if err != nil {
				t.Fatal(err)
			}
			record(call(context.Background(), client, preview))
		})
		t.Run("cancelled with a cached token", func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t, WithLogger(logger))
			handleToken(t, mux)
			if err := client.Authenticate(context.Background()); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			record(call(ctx, client, email))
		})
	})

	secrets := []string{testPassword, url.QueryEscape(testPassword), tokenMark}
	check := func(where, s string) {
		for _, secret := range secrets {
			if strings.Contains(s, secret) {
				t.Errorf("%s shows a secret (%q): %s", where, secret, s)
			}
		}
	}
	if len(errs) < len(scenarios) {
		t.Fatalf("collected %d errors from %d scenarios", len(errs), len(scenarios))
	}
	for _, err := range errs {
		for _, format := range []string{"%v", "%+v", "%#v"} {
			check("error", fmt.Sprintf(format, err))
		}
	}
	entries := logger.all()
	var warns, reauth, withError int
	for _, e := range entries {
		check("log message", e.msg)
		for k, v := range e.fields {
			check("log field "+k, fmt.Sprintf("%v", v))
			check("log field "+k, fmt.Sprintf("%#v", v))
		}
		if e.level == "warn" {
			warns++
		}
		if strings.Contains(e.msg, "authenticating again") {
			reauth++
		}
		if _, ok := e.fields["error"]; ok {
			withError++
		}
	}
	// The scan means something only if the failures were logged.
	if warns == 0 || reauth == 0 || withError == 0 || len(entries) < 20 {
		t.Errorf("logged %d lines: %d warnings, %d re-authentications, %d with errors", len(entries), warns, reauth, withError)
	}
}
