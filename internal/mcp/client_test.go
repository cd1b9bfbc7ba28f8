package mcp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The client under test is pointed at server.URL + baseURLPath, and the mux
// only answers under that prefix, so a request built from an absolute path
// fails the test (go-github's setup).
const baseURLPath = "/api-base"

const (
	testUser     = "integration-user"
	testPassword = "pw-Zx81-never-log-me" //nolint:gosec // test credential
)

// fastRetry keeps the retry tests fast: millisecond waits, three retries.
var fastRetry = RetryPolicy{MaxRetries: 3, WaitMin: time.Millisecond, WaitMax: 4 * time.Millisecond, MaxRetryAfter: 5 * time.Second}

// setup starts a test server and returns a client for it, the mux that serves
// under baseURLPath (register "/token" and "/api/v1/Carrier/..." on it) and
// the server's root URL.
func setup(t *testing.T, opts ...Option) (client *Client, mux *http.ServeMux, serverURL string) {
	t.Helper()
	mux = http.NewServeMux()
	root := http.NewServeMux()
	root.Handle(baseURLPath+"/", http.StripPrefix(baseURLPath, mux))
	root.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("%s %s is outside the base path %s: the client built an absolute URL", r.Method, r.URL.Path, baseURLPath)
		http.Error(w, "outside the base path", http.StatusBadRequest)
	})
	server := httptest.NewServer(root)
	t.Cleanup(server.Close)

	client, err := NewClient(server.URL+baseURLPath, testUser, testPassword, append([]Option{WithRetry(fastRetry)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return client, mux, server.URL
}

// issuedToken is the n-th token the test token endpoint issues (1-based).
func issuedToken(n int) string { return fmt.Sprintf("at-%d-9fQk2LmWv", n) }

// tokenServer is a POST /token handler: it checks the password grant and
// issues issuedToken(1), issuedToken(2) and so on.
type tokenServer struct {
	t         *testing.T
	expiresIn int           // seconds; 1209599 (MCP's ~14 days) when zero
	delay     time.Duration // how long each answer takes
	requests  atomic.Int32
	answered  atomic.Int64 // UnixNano when the last answer was sent
}

// handleToken registers a tokenServer on mux.
func handleToken(t *testing.T, mux *http.ServeMux) *tokenServer {
	ts := &tokenServer{t: t}
	mux.Handle("/token", ts)
	return ts
}

func (ts *tokenServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(ts.requests.Add(1))
	testTokenRequest(ts.t, r)
	if ts.delay > 0 {
		time.Sleep(ts.delay)
	}
	defer ts.answered.Store(time.Now().UnixNano())
	expiresIn := ts.expiresIn
	if expiresIn == 0 {
		expiresIn = 1209599
	}
	writeJSON(w, http.StatusOK, fmt.Sprintf(`{"access_token":%q,"token_type":"bearer","expires_in":%d,"refresh_token":"rt-%d","userName":%q}`,
		issuedToken(n), expiresIn, n, testUser))
}

func (ts *tokenServer) count() int { return int(ts.requests.Load()) }

// testTokenRequest asserts an OAuth2 password grant: a form body with exactly
// grant_type, username and password, no query string and no bearer token.
func testTokenRequest(t *testing.T, r *http.Request) {
	t.Helper()
	testMethod(t, r)
	if r.URL.RawQuery != "" {
		t.Errorf("token request query = %q, want none", r.URL.RawQuery)
	}
	if got := r.Header.Get("Content-Type"); got != "application/x-www-form-urlencoded" {
		t.Errorf("token request Content-Type = %q", got)
	}
	if got := r.Header.Get("Authorization"); got != "" {
		t.Errorf("token request carries Authorization %q", got)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		t.Fatalf("token request body %q: %v", body, err)
	}
	want := url.Values{"grant_type": {"password"}, "username": {testUser}, "password": {testPassword}}
	if !reflect.DeepEqual(form, want) {
		t.Errorf("token request form = %v, want %v", form, want)
	}
}

// testMethod checks that MCP is called with POST, as every operation is.
func testMethod(t *testing.T, r *http.Request) {
	t.Helper()
	if r.Method != http.MethodPost {
		t.Errorf("method = %s, want POST", r.Method)
	}
}

// testAPIRequest asserts what every MCP operation must send: POST, exactly
// the wanted query parameters (names are compared case-sensitively), an empty
// body without Content-Type, Accept: application/json and a bearer token that
// the token endpoint issued.
func testAPIRequest(t *testing.T, r *http.Request, want url.Values) {
	t.Helper()
	testMethod(t, r)
	if got := r.URL.Query(); !reflect.DeepEqual(got, want) {
		t.Errorf("%s query = %v, want %v", r.URL.Path, got, want)
	}
	testEmptyBody(t, r)
	if got := r.Header.Get("Accept"); got != "application/json" {
		t.Errorf("Accept = %q, want application/json", got)
	}
	if got := r.Header.Get("Authorization"); !strings.HasPrefix(got, "bearer at-") {
		t.Errorf("Authorization = %q, want bearer <token>", got)
	}
}

func testEmptyBody(t *testing.T, r *http.Request) {
	t.Helper()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(body) != 0 || r.ContentLength > 0 {
		t.Errorf("%s body = %q, want none", r.URL.Path, body)
	}
	if got := r.Header.Get("Content-Type"); got != "" {
		t.Errorf("%s Content-Type = %q, want none", r.URL.Path, got)
	}
}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "bearer ")
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// dropConnection closes the connection without answering, after the server
// has read the whole request: MCP may have acted, the client cannot know.
func dropConnection(t *testing.T, w http.ResponseWriter) {
	t.Helper()
	hj, ok := w.(http.Hijacker)
	if !ok {
		t.Fatal("ResponseWriter is not a Hijacker")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.Close()
}

// logEntry is one call of the client's Logger.
type logEntry struct {
	level, msg string
	fields     map[string]any
}

// recordingLogger keeps every line the client logs.
type recordingLogger struct {
	mu      sync.Mutex
	entries []logEntry
}

func (l *recordingLogger) Debug(_ context.Context, msg string, fields map[string]any) {
	l.add("debug", msg, fields)
}

func (l *recordingLogger) Warn(_ context.Context, msg string, fields map[string]any) {
	l.add("warn", msg, fields)
}

func (l *recordingLogger) add(level, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, logEntry{level: level, msg: msg, fields: maps.Clone(fields)})
}

func (l *recordingLogger) all() []logEntry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]logEntry(nil), l.entries...)
}

// fakeClock is a settable clock for the unexported now fields.
type fakeClock struct{ ns atomic.Int64 }

func newFakeClock(t time.Time) *fakeClock {
	c := &fakeClock{}
	c.ns.Store(t.UnixNano())
	return c
}

func (c *fakeClock) now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *fakeClock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// useClock makes the client and its token source read clock.
func useClock(c *Client, clock *fakeClock) {
	c.caller.Now = clock.now
	c.tokens.Now = clock.now
}

func TestNewClient(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, baseURL, user, password string
		wantErr                       string
		wantBase                      string
	}{
		{name: "default base URL", user: "u", password: testPassword, wantBase: DefaultBaseURL},
		{name: "path prefix kept", baseURL: "https://gateway.example.com/mcp/", user: "u", password: testPassword, wantBase: "https://gateway.example.com/mcp/"},
		{name: "not http", baseURL: "ftp://api.example.com", user: "u", password: testPassword, wantErr: "not an http(s) URL"},
		{name: "no host", baseURL: "https://", user: "u", password: testPassword, wantErr: "not an http(s) URL"},
		{name: "relative", baseURL: "api.mycarrierpackets.com", user: "u", password: testPassword, wantErr: "not an http(s) URL"},
		{name: "unparsable", baseURL: "http://[::1", user: "u", password: testPassword, wantErr: "not an http(s) URL"},
		{name: "no username", user: "", password: testPassword, wantErr: "username and password are required"},
		{name: "no password", user: "u", password: "", wantErr: "username and password are required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := NewClient(tt.baseURL, tt.user, tt.password)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("NewClient error = %v, want %q", err, tt.wantErr)
				}
				if tt.password != "" && strings.Contains(err.Error(), tt.password) {
					t.Errorf("error %q shows the password", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.baseURL.String(); got != tt.wantBase {
				t.Errorf("base URL = %q, want %q", got, tt.wantBase)
			}
			for name, svc := range map[string]any{"Carriers": c.Carriers, "Invitations": c.Invitations, "Monitoring": c.Monitoring,
				"Blocking": c.Blocking, "Documents": c.Documents, "Factoring": c.Factoring} {
				if reflect.ValueOf(svc).IsNil() {
					t.Errorf("service %s is nil", name)
				}
			}
		})
	}
}

// TestClient_basePathAndHeaders: requests go under the base URL's path
// prefix (with or without a trailing slash), with the configured User-Agent.
func TestClient_basePathAndHeaders(t *testing.T) {
	t.Parallel()
	for _, suffix := range []string{"", "/"} {
		t.Run("suffix "+suffix, func(t *testing.T) {
			t.Parallel()
			client, mux, serverURL := setup(t, WithUserAgent("terraform-provider-mcp/test"))
			client.baseURL, _ = url.Parse(serverURL + baseURLPath + suffix)
			handleToken(t, mux)
			var calls atomic.Int32
			mux.HandleFunc("/api/v1/Carrier/GetCarrierIncidentReports", func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				testAPIRequest(t, r, url.Values{"DOTNumber": {"1234567"}})
				if got := r.Header.Get("User-Agent"); got != "terraform-provider-mcp/test" {
					t.Errorf("User-Agent = %q", got)
				}
				writeJSON(w, http.StatusOK, `{"$id":"1","DOTNumber":1234567,"IncidentReports":null}`)
			})
			got, err := client.Carriers.IncidentReports(context.Background(), CarrierLookup{DOTNumber: 1234567})
			if err != nil {
				t.Fatal(err)
			}
			if calls.Load() != 1 || got.IncidentReports != nil {
				t.Errorf("calls = %d, IncidentReports = %v; want 1 call and nil reports", calls.Load(), got.IncidentReports)
			}
		})
	}
}

// TestClient_withHTTPClient: the configured *http.Client carries the requests.
func TestClient_withHTTPClient(t *testing.T) {
	t.Parallel()
	var trips atomic.Int32
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		trips.Add(1)
		return http.DefaultTransport.RoundTrip(r)
	})}
	client, mux, _ := setup(t, WithHTTPClient(hc))
	handleToken(t, mux)
	if err := client.Authenticate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if trips.Load() != 1 {
		t.Errorf("custom transport saw %d requests, want 1", trips.Load())
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// errorsAs is errors.As for tests, returning the target.
func errorsAs[T error](t *testing.T, err error) T {
	t.Helper()
	var target T
	if !errors.As(err, &target) {
		t.Fatalf("error %v (%T) is not a %T", err, err, target)
	}
	return target
}

// serveOnce registers a handler that asserts the query and answers status
// and body, and returns a counter of requests.
func serveOnce(t *testing.T, mux *http.ServeMux, op string, query url.Values, status int, contentType, body string) *atomic.Int32 {
	var calls atomic.Int32
	mux.HandleFunc("/api/v1/Carrier/"+op, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		testAPIRequest(t, r, query)
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	})
	return &calls
}

// TestDecoding_nullOrEmptyArrays: MCP writes an empty list as [] or as null;
// every operation treats the two alike (no error, nothing in it, or "not
// found" where a carrier was asked for).
func TestDecoding_nullOrEmptyArrays(t *testing.T) {
	t.Parallel()
	for _, empty := range []string{`null`, `[]`} {
		t.Run(empty, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			answers := map[string]string{
				"MonitoredCarriers":         empty,
				"BlockedCarriers":           empty,
				"CompletedPackets":          empty,
				"PreviewCarrier":            empty,
				"GetCarrierRiskAssessment":  empty,
				"GetCarrierContacts":        empty,
				"MonitoredCarrierData":      `{"pageNumber":1,"pageSize":500,"totalPages":0,"totalCount":0,"succeeded":true,"data":` + empty + `}`,
				"CarriersChanges":           `{"$id":"1","CarrierCount":0,"CarrierList":` + empty + `}`,
				"GetCarrierIncidentReports": `{"$id":"1","DOTNumber":1234567,"IncidentReports":` + empty + `}`,
			}
			for op, body := range answers {
				mux.HandleFunc("/api/v1/Carrier/"+op, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, body) })
			}
			ctx := context.Background()
			counts := map[string]func() (int, error){
				"List":    func() (int, error) { l, _, err := client.Monitoring.List(ctx, nil); return len(l), err },
				"ListAll": func() (int, error) { l, err := client.Blocking.ListAll(ctx); return len(l), err },
				"CompletedPackets": func() (int, error) {
					l, err := client.Invitations.CompletedPackets(ctx, testFrom, testTo)
					return len(l), err
				},
				"CarrierDataAll": func() (int, error) { l, err := client.Monitoring.CarrierDataAll(ctx); return len(l), err },
				"ChangesAll": func() (int, error) {
					c, err := client.Monitoring.ChangesAll(ctx, testFrom, testTo)
					if err != nil {
						return 0, err
					}
					return len(c.CarrierList), nil
				},
				"IncidentReports": func() (int, error) {
					r, err := client.Carriers.IncidentReports(ctx, lookup)
					if err != nil {
						return 0, err
					}
					return len(r.IncidentReports), nil
				},
			}
			for name, count := range counts {
				if n, err := count(); n != 0 || err != nil {
					t.Errorf("%s = %d items, %v; want none and no error", name, n, err)
				}
			}
			notFound := map[string]func() error{
				"Preview":        func() error { _, err := client.Carriers.Preview(ctx, lookup); return err },
				"RiskAssessment": func() error { _, err := client.Carriers.RiskAssessment(ctx, lookup); return err },
				"Contacts":       func() error { _, err := client.Carriers.Contacts(ctx, lookup); return err },
			}
			for name, call := range notFound {
				if err := call(); !errors.Is(err, ErrNotFound) {
					t.Errorf("%s: error = %v, want not found", name, err)
				}
			}
		})
	}
}

const jsonType = "application/json; charset=utf-8"

var lookup = CarrierLookup{DOTNumber: 1234567, DocketNumber: "MC123456"}

// TestWithStop: once the stop context is done, no request starts, neither
// a read nor a write, whatever context the call brings (Terraform's calls
// after it stopped the provider come with fresh ones).
func TestWithStop(t *testing.T) {
	t.Parallel()
	stop, stopNow := context.WithCancel(context.Background())
	client, mux, _ := setup(t, WithStop(stop))
	handleToken(t, mux)
	var requests atomic.Int32
	for _, op := range []string{"PreviewCarrier", "BlockCarrier"} {
		mux.HandleFunc("/api/v1/Carrier/"+op, func(w http.ResponseWriter, _ *http.Request) {
			requests.Add(1)
			writeJSON(w, http.StatusOK, `[{"$id":"1","DotNumber":1234567,"CompanyName":"ACME"}]`)
		})
	}
	ctx := context.Background()
	if _, err := client.Carriers.Preview(ctx, lookup); err != nil {
		t.Fatalf("before the stop: %v", err)
	}
	stopNow()
	_, readErr := client.Carriers.Preview(ctx, lookup)
	_, writeErr := client.Blocking.Block(ctx, CarrierRef{DOTNumber: 1234567})
	for name, err := range map[string]error{"read": readErr, "write": writeErr} {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s after the stop: %v, want context.Canceled", name, err)
		}
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("%d requests reached MCP, want only the one before the stop", n)
	}
}
