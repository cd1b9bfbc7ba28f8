package emulator

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestTokenGrants(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50, Username: "integration@broker.example", Password: "s3cret"})

	t.Run("password grant", func(t *testing.T) {
		r := postForm(t, inst, url.Values{"grant_type": {"password"}, "username": {"integration@broker.example"}, "password": {"s3cret"}})
		if r.status != http.StatusOK {
			t.Fatalf("HTTP %d %s", r.status, r.body)
		}
		m := r.object(t)
		if _, ok := m["$id"]; ok {
			t.Error("OWIN's token answer must not carry $id")
		}
		if m["token_type"] != "bearer" || m["expires_in"] != float64(1209599) || m["userName"] != "integration@broker.example" {
			t.Errorf("token answer %v", m)
		}
		rfc1123 := regexp.MustCompile(`^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$`)
		for _, k := range []string{".issued", ".expires"} {
			if s, _ := m[k].(string); !rfc1123.MatchString(s) {
				t.Errorf("%s = %q, want RFC 1123", k, m[k])
			}
		}
		access, _ := m["access_token"].(string)
		refresh, _ := m["refresh_token"].(string)
		if len(access) < 40 || len(refresh) < 40 || access == refresh {
			t.Errorf("tokens %q %q are not long random strings", access, refresh)
		}
		if cc := r.header.Get("Cache-Control"); cc != "no-cache" {
			t.Errorf("Cache-Control %q", cc)
		}
	})

	t.Run("tokens differ per grant", func(t *testing.T) {
		if a, b := getToken(t, inst), getToken(t, inst); a == b {
			t.Error("two grants returned the same token")
		}
	})

	t.Run("refresh grant rotates the refresh token", func(t *testing.T) {
		var first, m tokenBody
		postForm(t, inst, url.Values{"grant_type": {"password"}, "username": {"integration@broker.example"}, "password": {"s3cret"}}).decode(t, &first)
		refresh := first.RefreshToken
		second := postForm(t, inst, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}})
		if second.status != http.StatusOK {
			t.Fatalf("refresh: HTTP %d %s", second.status, second.body)
		}
		second.decode(t, &m)
		if m.RefreshToken == refresh || m.AccessToken == first.AccessToken || m.AccessToken == "" {
			t.Errorf("refresh did not issue new tokens: %v", m)
		}
		again := postForm(t, inst, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}})
		if again.status != http.StatusBadRequest || again.object(t)["error"] != "invalid_grant" {
			t.Errorf("reused refresh token: HTTP %d %s", again.status, again.body)
		}
		// Both access tokens stay valid: a new token revokes nothing.
		for _, tok := range []string{first.AccessToken, m.AccessToken} {
			a := &api{t: t, inst: inst, token: tok}
			a.ok("PreviewCarrier", dotQuery(SampleDOTNumber))
		}
	})

	errorsTests := []struct {
		name   string
		method string
		form   url.Values
		want   string
	}{
		{"wrong password", http.MethodPost, url.Values{"grant_type": {"password"}, "username": {"integration@broker.example"}, "password": {"nope"}},
			`{"error":"invalid_grant","error_description":"The user name or password is incorrect."}`},
		{"wrong user", http.MethodPost, url.Values{"grant_type": {"password"}, "username": {"INTEGRATION@broker.example"}, "password": {"s3cret"}},
			`{"error":"invalid_grant","error_description":"The user name or password is incorrect."}`},
		{"bad refresh token", http.MethodPost, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {"forged"}}, `{"error":"invalid_grant"}`},
		{"no grant type", http.MethodPost, url.Values{"username": {"integration@broker.example"}}, `{"error":"unsupported_grant_type"}`},
		{"unknown grant type", http.MethodPost, url.Values{"grant_type": {"client_credentials"}}, `{"error":"unsupported_grant_type"}`},
		{"GET", http.MethodGet, nil, `{"error":"unsupported_grant_type"}`},
	}
	for _, tt := range errorsTests {
		t.Run(tt.name, func(t *testing.T) {
			r := send(t, tt.method, inst.URL+"/token", strings.NewReader(tt.form.Encode()), http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
			if r.status != http.StatusBadRequest || string(r.body) != tt.want {
				t.Errorf("HTTP %d %s, want 400 %s", r.status, r.body, tt.want)
			}
		})
	}

	t.Run("grant in the query string is ignored", func(t *testing.T) {
		r := send(t, http.MethodPost, inst.URL+"/token?grant_type=password&username=integration@broker.example&password=s3cret", nil, nil)
		if r.status != http.StatusBadRequest {
			t.Errorf("HTTP %d: /token must read the form body only", r.status)
		}
	})

	if got := inst.Stats().TokensIssued; got < 5 {
		t.Errorf("TokensIssued = %d, want at least 5", got)
	}
}

func TestAuthorization(t *testing.T) {
	t.Parallel()
	inst, clock := startTest(t, Options{Carriers: 50, TokenTTL: time.Hour})
	token := getToken(t, inst)
	path := inst.URL + "/api/v1/Carrier/PreviewCarrier?DOTNumber=23868"

	tests := []struct {
		name   string
		header string
		want   int
	}{
		{"lower-case scheme", "bearer " + token, 200},
		{"capitalised scheme", "Bearer " + token, 200},
		{"upper-case scheme", "BEARER " + token, 200},
		{"no header", "", 401},
		{"basic scheme", "Basic " + token, 401},
		{"no scheme", token, 401},
		{"unknown token", "bearer " + strings.Repeat("A", 43), 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.header != "" {
				h.Set("Authorization", tt.header)
			}
			r := send(t, http.MethodPost, path, nil, h)
			if r.status != tt.want {
				t.Fatalf("HTTP %d %s, want %d", r.status, r.body, tt.want)
			}
			if tt.want == 401 {
				if string(r.body) != `{"$id":"1","Message":"Authorization has been denied for this request."}` {
					t.Errorf("401 body %s", r.body)
				}
				if r.header.Get("WWW-Authenticate") != "Bearer" {
					t.Errorf("WWW-Authenticate %q", r.header.Get("WWW-Authenticate"))
				}
			}
		})
	}

	t.Run("token expires with the clock", func(t *testing.T) {
		tok := getToken(t, inst)
		h := http.Header{"Authorization": {"bearer " + tok}}
		clock.Advance(time.Hour - time.Second)
		if r := send(t, http.MethodPost, path, nil, h); r.status != 200 {
			t.Fatalf("before expiry: HTTP %d", r.status)
		}
		clock.Advance(time.Second)
		if r := send(t, http.MethodPost, path, nil, h); r.status != 401 {
			t.Fatalf("at expiry: HTTP %d, want 401", r.status)
		}
	})
}

func TestShortTokenTTLExpiresInRealTime(t *testing.T) {
	t.Parallel()
	inst := start(t, Options{Carriers: 20, TokenTTL: 40 * time.Millisecond})
	a := newAPI(t, inst)
	a.ok("PreviewCarrier", dotQuery(SampleDOTNumber))
	time.Sleep(80 * time.Millisecond)
	if r := a.call("PreviewCarrier", dotQuery(SampleDOTNumber)); r.status != http.StatusUnauthorized {
		t.Fatalf("HTTP %d after the TTL, want 401", r.status)
	}
}

func TestResetKeepsTokens(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 20})
	a := newAPI(t, inst)
	inst.Reset()
	a.ok("PreviewCarrier", dotQuery(SampleDOTNumber))
}
