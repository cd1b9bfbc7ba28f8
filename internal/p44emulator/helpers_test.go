package p44emulator

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

var testEpoch = time.Date(2026, 3, 18, 11, 27, 45, 465_000_000, time.UTC)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is one emulator on loopback with a fake clock.
type env struct {
	t     *testing.T
	s     *Server
	url   string
	clock *fakeClock
}

func start(t *testing.T, opts Options) *env {
	t.Helper()
	clock := &fakeClock{t: testEpoch}
	if opts.Now == nil {
		opts.Now = clock.Now
	}
	s := New(opts)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return &env{t: t, s: s, url: ts.URL, clock: clock}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r *response) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %T: %v\n%s", v, err, r.body)
	}
}

func (r *response) object(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	r.decode(t, &m)
	return m
}

// envelopeOf decodes the error envelope and checks its fixed parts.
func (r *response) envelope(t *testing.T) envelope {
	t.Helper()
	var e envelope
	r.decode(t, &e)
	if e.HTTPStatusCode != r.status || e.HTTPMessage != http.StatusText(r.status) || e.SupportReferenceID == "" || e.Errors == nil {
		t.Errorf("envelope %+v for HTTP %d", e, r.status)
	}
	return e
}

// fields lists the diagnostics (field names) of an envelope's errors.
func (r *response) fields(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, m := range r.envelope(t).Errors {
		if !strings.HasPrefix(m.Message, m.Diagnostic+" ") || m.Severity != "ERROR" {
			t.Errorf("error %+v: message does not start with its field", m)
		}
		out = append(out, m.Diagnostic)
	}
	return out
}

func (e *env) send(method, path string, body io.Reader, header http.Header) *response {
	e.t.Helper()
	req, err := http.NewRequestWithContext(e.t.Context(), method, e.url+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: b}
}

// tokenRequest posts a form to the token endpoint, with Basic credentials
// when basic is not nil.
func (e *env) tokenRequest(form url.Values, basic []string) *response {
	e.t.Helper()
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
	if basic != nil {
		h.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(basic[0]+":"+basic[1])))
	}
	return e.send(http.MethodPost, TokenPath, strings.NewReader(form.Encode()), h)
}

// token mints a token with the configured credentials in the body.
func (e *env) token() string {
	e.t.Helper()
	id, secret := e.s.Credentials()
	r := e.tokenRequest(url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}}, nil)
	if r.status != http.StatusOK {
		e.t.Fatalf("token: HTTP %d %s", r.status, r.body)
	}
	var body struct {
		AccessToken string `json:"access_token"`
	}
	r.decode(e.t, &body)
	return body.AccessToken
}

// api sends an authorised API request.
func (e *env) api(tok, method, path string, body any) *response {
	e.t.Helper()
	h := http.Header{"Authorization": {"Bearer " + tok}}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			e.t.Fatal(err)
		}
		if s, ok := body.(string); ok {
			b = []byte(s)
		}
		rd = strings.NewReader(string(b))
		h.Set("Content-Type", "application/json")
	}
	return e.send(method, path, rd, h)
}

// invite is a complete create request for one identifier.
func invite(typ, value string) map[string]any {
	return map[string]any{
		"invitee": map[string]any{
			"identifiers":  []map[string]string{{"type": typ, "value": value}},
			"organization": map[string]string{"name": "My Trucking LLC"},
			"contacts": []map[string]string{{
				"email": "john@mytruckingllc.com", "givenName": "John", "familyName": "Nash", "locale": "en-US", "phone": "+14800000000",
			}},
		},
		"capability": "TRUCKLOAD_ASSET_TRACKING",
	}
}

// create invites an identifier and fails the test unless it is created.
func (e *env) create(tok, typ, value string) map[string]any {
	e.t.Helper()
	r := e.api(tok, http.MethodPost, InvitationsPath, invite(typ, value))
	if r.status != http.StatusCreated && r.status != http.StatusOK {
		e.t.Fatalf("create %s %s: HTTP %d %s", typ, value, r.status, r.body)
	}
	return r.object(e.t)
}

type listPage struct {
	PaginationInfo paginationInfo   `json:"paginationInfo"`
	Results        []map[string]any `json:"results"`
}

func (e *env) list(tok, query string) listPage {
	e.t.Helper()
	r := e.api(tok, http.MethodGet, InvitationsPath+"?"+query, nil)
	if r.status != http.StatusOK {
		e.t.Fatalf("list %s: HTTP %d %s", query, r.status, r.body)
	}
	var p listPage
	r.decode(e.t, &p)
	return p
}

func identifierOf(t *testing.T, inv map[string]any) string {
	t.Helper()
	ids, _ := inv["invitee"].(map[string]any)["identifiers"].([]any)
	if len(ids) == 0 {
		t.Fatalf("invitation without identifiers: %v", inv)
	}
	id, _ := ids[0].(map[string]any)
	return id["value"].(string) //nolint:forcetypeassert // a test: a panic is a failure
}
