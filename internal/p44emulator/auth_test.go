package p44emulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func clientCredentials(extra url.Values) url.Values {
	form := url.Values{"grant_type": {"client_credentials"}}
	for k, v := range extra {
		form[k] = v
	}
	return form
}

func TestTokenBodyAndBasicCredentials(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	for name, r := range map[string]*response{
		"body":  e.tokenRequest(clientCredentials(url.Values{"client_id": {"demo"}, "client_secret": {"demo"}}), nil),
		"basic": e.tokenRequest(clientCredentials(nil), []string{"demo", "demo"}),
	} {
		if r.status != http.StatusOK {
			t.Fatalf("%s: HTTP %d %s", name, r.status, r.body)
		}
		m := r.object(t)
		if tok, _ := m["access_token"].(string); len(tok) < 40 || m["token_type"] != "bearer" || m["expires_in"] != float64(43200) || len(m) != 3 {
			t.Errorf("%s: body %s", name, r.body)
		}
		if r.header.Get("Cache-Control") != "no-store" || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
			t.Errorf("%s: headers %v", name, r.header)
		}
	}
	if got := e.s.Stats(); got.TokensIssued != 2 || got.Requests[OpToken] != 2 {
		t.Errorf("stats %+v", got)
	}
}

func TestTokenRefusals(t *testing.T) {
	t.Parallel()
	e := start(t, Options{ClientID: "id", ClientSecret: "secret"})
	good := url.Values{"client_id": {"id"}, "client_secret": {"secret"}}
	tests := []struct {
		name   string
		form   url.Values
		basic  []string
		status int
	}{
		{"both", clientCredentials(good), []string{"id", "secret"}, http.StatusBadRequest},
		{"both, secret only in body", clientCredentials(url.Values{"client_secret": {"secret"}}), []string{"id", "secret"}, http.StatusBadRequest},
		{"no grant", good, nil, http.StatusBadRequest},
		{"password grant", url.Values{"grant_type": {"password"}, "client_id": {"id"}, "client_secret": {"secret"}}, nil, http.StatusBadRequest},
		{"bad secret", clientCredentials(url.Values{"client_id": {"id"}, "client_secret": {"nope"}}), nil, http.StatusUnauthorized},
		{"bad basic", clientCredentials(nil), []string{"id", "nope"}, http.StatusUnauthorized},
		{"no credentials", clientCredentials(nil), nil, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		r := e.tokenRequest(tt.form, tt.basic)
		if r.status != tt.status {
			t.Errorf("%s: HTTP %d %s, want %d", tt.name, r.status, r.body, tt.status)
			continue
		}
		r.envelope(t)
	}
	r := e.send(http.MethodPost, TokenPath, strings.NewReader(`{"grant_type":"client_credentials"}`), http.Header{"Content-Type": {"application/json"}})
	if r.status != http.StatusUnsupportedMediaType {
		t.Errorf("JSON body: HTTP %d", r.status)
	}
	if r := e.send(http.MethodGet, TokenPath, nil, nil); r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "POST" {
		t.Errorf("GET: HTTP %d Allow %q", r.status, r.header.Get("Allow"))
	}
	if r := e.send(http.MethodPost, "/api/v4/oauth/token", nil, nil); r.status != http.StatusNotFound {
		t.Errorf("deprecated path: HTTP %d", r.status)
	}
	if n := e.s.Stats().TokensIssued; n != 0 {
		t.Errorf("%d tokens issued", n)
	}
}

func TestTokenRateLimit(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	for range 5 {
		e.token()
		e.clock.Advance(10 * time.Second)
	}
	// Tokens at 0, 10, ..., 40 s; now 50 s: the first frees at 60 s.
	r := e.tokenRequest(clientCredentials(url.Values{"client_id": {"demo"}, "client_secret": {"demo"}}), nil)
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") != "10" {
		t.Fatalf("sixth token: HTTP %d Retry-After %q %s", r.status, r.header.Get("Retry-After"), r.body)
	}
	r.envelope(t)
	e.clock.Advance(9500 * time.Millisecond)
	if r := e.tokenRequest(clientCredentials(nil), []string{"demo", "demo"}); r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") != "1" {
		t.Errorf("at 59.5 s: HTTP %d Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	e.clock.Advance(500 * time.Millisecond)
	e.token()
	if st := e.s.Stats(); st.TokensIssued != 6 || st.Requests[OpToken] != 8 {
		t.Errorf("stats %+v", st)
	}
	unlimited := start(t, Options{TokensPerMinute: -1})
	for range 12 {
		unlimited.token()
	}
}

func TestBearerTokens(t *testing.T) {
	t.Parallel()
	e := start(t, Options{TokenTTL: time.Hour})
	tok := e.token()
	path := TrackingMethodsPath + "?carrierIdentifier.type=DOT_NUMBER&carrierIdentifier.value=7"
	if r := e.api(tok, http.MethodGet, path, nil); r.status != http.StatusOK {
		t.Fatalf("HTTP %d %s", r.status, r.body)
	}
	for name, h := range map[string]http.Header{
		"none":    nil,
		"unknown": {"Authorization": {"Bearer nope"}},
		"basic":   {"Authorization": {"Basic ZGVtbzpkZW1v"}},
	} {
		r := e.send(http.MethodGet, path, nil, h)
		if r.status != http.StatusUnauthorized || r.header.Get("WWW-Authenticate") != "Bearer" {
			t.Errorf("%s: HTTP %d", name, r.status)
		}
		r.envelope(t)
	}
	if r := e.send(http.MethodGet, path, nil, http.Header{"Authorization": {"bearer " + tok}}); r.status != http.StatusOK {
		t.Errorf("lower-case scheme: HTTP %d", r.status)
	}
	e.clock.Advance(time.Hour)
	if r := e.api(tok, http.MethodGet, path, nil); r.status != http.StatusUnauthorized {
		t.Errorf("expired: HTTP %d", r.status)
	}
	tok = e.token()
	e.s.ExpireTokens()
	if r := e.api(tok, http.MethodGet, path, nil); r.status != http.StatusUnauthorized {
		t.Errorf("after ExpireTokens: HTTP %d", r.status)
	}
	tok = e.token()
	e.s.SetForbidden(true)
	for _, r := range []*response{e.api(tok, http.MethodGet, path, nil), e.api(tok, http.MethodGet, InvitationsPath, nil), e.api(tok, http.MethodPost, InvitationsPath, invite("DOT_NUMBER", "1"))} {
		if r.status != http.StatusForbidden {
			t.Errorf("forbidden: HTTP %d", r.status)
		}
		r.envelope(t)
	}
	e.s.Reset()
	if r := e.api(tok, http.MethodGet, path, nil); r.status != http.StatusOK {
		t.Errorf("after Reset: HTTP %d (tokens stay valid, the switch goes off)", r.status)
	}
}
