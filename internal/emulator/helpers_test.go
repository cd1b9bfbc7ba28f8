package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// testEpoch is the clock of most tests, so that universes and timestamps
// are the same on every run.
var testEpoch = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

// fakeClock is a settable clock for Options.Now.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: testEpoch} }

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

// startTest starts an emulator with a small universe and a fake clock
// unless opts say otherwise.
func startTest(t *testing.T, opts Options) (*Instance, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	if opts.Carriers == 0 {
		opts.Carriers = 2000
	}
	if opts.Now == nil {
		opts.Now = clock.Now
	}
	return start(t, opts), clock
}

// response is a fully read HTTP response.
type response struct {
	status int
	header http.Header
	body   []byte
}

// object decodes a JSON object body.
func (r *response) object(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

// decode decodes the body into v.
func (r *response) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %T: %v\n%.2000s", v, err, r.body)
	}
}

// message is the Message of an ASP.NET error body.
func (r *response) message(t *testing.T) string {
	t.Helper()
	m, _ := r.object(t)["Message"].(string)
	return m
}

// send makes a raw request.
func send(t *testing.T, method, rawURL string, body io.Reader, header http.Header) *response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, rawURL, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, rawURL, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: data}
}

// getToken runs a password grant.
func getToken(t *testing.T, inst *Instance) string {
	t.Helper()
	user, pass := inst.Credentials()
	r := postForm(t, inst, url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}})
	if r.status != http.StatusOK {
		t.Fatalf("token: HTTP %d %s", r.status, r.body)
	}
	var tok tokenBody
	r.decode(t, &tok)
	return tok.AccessToken
}

func postForm(t *testing.T, inst *Instance, form url.Values) *response {
	t.Helper()
	return send(t, http.MethodPost, inst.URL+"/token", strings.NewReader(form.Encode()),
		http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
}

// api calls the Carrier API with one token.
type api struct {
	t     *testing.T
	inst  *Instance
	token string
}

func newAPI(t *testing.T, inst *Instance) *api {
	t.Helper()
	return &api{t: t, inst: inst, token: getToken(t, inst)}
}

// with returns the same API bound to a subtest.
func (a *api) with(t *testing.T) *api { return &api{t: t, inst: a.inst, token: a.token} }

// call posts /api/v1/Carrier/<op>?<query>, the query sent exactly as given.
func (a *api) call(op, query string) *response {
	a.t.Helper()
	u := a.inst.URL + "/api/v1/Carrier/" + op
	if query != "" {
		u += "?" + query
	}
	return send(a.t, http.MethodPost, u, nil, http.Header{"Authorization": {"bearer " + a.token}})
}

// ok calls and requires HTTP 200.
func (a *api) ok(op, query string) *response {
	a.t.Helper()
	r := a.call(op, query)
	if r.status != http.StatusOK {
		a.t.Fatalf("%s?%s: HTTP %d %s", op, query, r.status, r.body)
	}
	return r
}

// admin calls an admin route with an optional JSON body.
func admin(t *testing.T, inst *Instance, method, path string, body any) *response {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	return send(t, method, inst.URL+"/_emulator/"+path, rd, nil)
}

// carrierOf returns the first carrier of a kind.
func carrierOf(t *testing.T, s *Server, kind string) CarrierInfo {
	t.Helper()
	cs, err := s.Carriers(CarrierFilter{Kind: kind, Limit: 1})
	if err != nil || len(cs) == 0 {
		t.Fatalf("no carrier of kind %q: %v", kind, err)
	}
	return cs[0]
}

// dotQuery is "DOTNumber=<dot>".
func dotQuery(dot int) string { return "DOTNumber=" + strconv.Itoa(dot) }

// fraudRings groups a server's fraud-ring members by the phone number or
// the e-mail address they share, members in DOT order.
func fraudRings(t *testing.T, s *Server) (byPhone, byEmail [][]CarrierInfo) {
	t.Helper()
	members, err := s.Carriers(CarrierFilter{Kind: KindFraudRing})
	if err != nil {
		t.Fatal(err)
	}
	group := func(key func(CarrierInfo) string) [][]CarrierInfo {
		var rings [][]CarrierInfo
		at := map[string]int{}
		for _, c := range members {
			k, seen := at[key(c)]
			if !seen {
				k = len(rings)
				at[key(c)] = k
				rings = append(rings, nil)
			}
			rings[k] = append(rings[k], c)
		}
		return slices.DeleteFunc(rings, func(r []CarrierInfo) bool { return len(r) < 2 })
	}
	return group(func(c CarrierInfo) string { return c.Phone }), group(func(c CarrierInfo) string { return c.Email })
}

// digits keeps the digits of a phone number.
func digits(phone string) string {
	return strings.Map(func(r rune) rune {
		if r < '0' || r > '9' {
			return -1
		}
		return r
	}, phone)
}

// dashed writes a ten-digit phone number as the FMCSA Identity does,
// NNN-NNN-NNNN.
func dashed(phone string) string {
	d := digits(phone)
	return d[:3] + "-" + d[3:6] + "-" + d[6:]
}

// start and startRecorded are emulatortest's Start and StartRecorded, for
// this package's own tests (which cannot import it).
func start(t testing.TB, opts Options) *Instance {
	t.Helper()
	inst, _ := startRecorded(t, opts)
	return inst
}

func startRecorded(t testing.TB, opts Options) (*Instance, *Recorder) {
	t.Helper()
	s := New(opts)
	rec := NewRecorder(s)
	ts := httptest.NewServer(rec)
	t.Cleanup(ts.Close)
	return &Instance{Server: s, URL: ts.URL}, rec
}
