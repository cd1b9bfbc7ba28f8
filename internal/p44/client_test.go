package p44

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

	"github.com/carrierstate/terraform-provider-mcp/internal/retry"
)

// The client is pointed at server.URL + basePath and the mux only answers
// under it, so a request built from an absolute path fails the test.
const basePath = "/p44-base"

const (
	testClientID = "client-app-7Hq"
	testSecret   = "sec-Qw98-never-log-me" //nolint:gosec // test credential
	tokenMark    = "tK4vB2"                // in every token the test token endpoint issues
)

var fastRetry = retry.Policy{MaxRetries: 3, WaitMin: time.Millisecond, WaitMax: 4 * time.Millisecond, MaxRetryAfter: 5 * time.Second}

// setup starts a fake project44 and returns a client for it and the mux
// under basePath.
func setup(t *testing.T, opts ...Option) (*Client, *http.ServeMux) {
	t.Helper()
	mux := http.NewServeMux()
	root := http.NewServeMux()
	root.Handle(basePath+"/", http.StripPrefix(basePath, mux))
	root.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("%s %s is outside the base path", r.Method, r.URL.Path)
		http.Error(w, "outside the base path", http.StatusBadRequest)
	})
	server := httptest.NewServer(root)
	t.Cleanup(server.Close)
	c, err := NewClient(server.URL+basePath, testClientID, testSecret, append([]Option{WithRetry(fastRetry)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, mux
}

func issuedToken(n int) string { return fmt.Sprintf("at-%d-%s", n, tokenMark) }

// tokenServer is POST /api/v4/oauth2/token: it checks the client credentials
// grant and issues issuedToken(1), issuedToken(2) and so on.
type tokenServer struct {
	t         *testing.T
	expiresIn string        // JSON value; "" leaves expires_in out
	delay     time.Duration // how long each answer takes
	now       func() time.Time
	requests  atomic.Int32
	mu        sync.Mutex
	times     []time.Time // when each request arrived, by now
}

func handleToken(t *testing.T, mux *http.ServeMux) *tokenServer {
	ts := &tokenServer{t: t, expiresIn: "43200", now: time.Now}
	mux.Handle("/api/v4/oauth2/token", ts)
	return ts
}

func (ts *tokenServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(ts.requests.Add(1))
	ts.mu.Lock()
	ts.times = append(ts.times, ts.now())
	ts.mu.Unlock()
	testTokenRequest(ts.t, r)
	time.Sleep(ts.delay)
	expires := ""
	if ts.expiresIn != "" {
		expires = `,"expires_in":` + ts.expiresIn
	}
	writeJSON(w, http.StatusOK, fmt.Sprintf(`{"access_token":%q,"token_type":"Bearer"%s}`, issuedToken(n), expires))
}

func (ts *tokenServer) count() int { return int(ts.requests.Load()) }

// testTokenRequest asserts the client credentials grant with the credentials
// in the form body and no Authorization header (project44 forbids mixing).
func testTokenRequest(t *testing.T, r *http.Request) {
	t.Helper()
	if r.Method != http.MethodPost || r.URL.RawQuery != "" {
		t.Errorf("token request %s ?%s, want POST without a query", r.Method, r.URL.RawQuery)
	}
	if got := r.Header.Get("Content-Type"); got != "application/x-www-form-urlencoded" {
		t.Errorf("token request Content-Type = %q", got)
	}
	if got := r.Header.Get("Authorization"); got != "" {
		t.Errorf("token request carries Authorization %q", got)
	}
	body, _ := io.ReadAll(r.Body)
	form, err := url.ParseQuery(string(body))
	want := url.Values{"grant_type": {"client_credentials"}, "client_id": {testClientID}, "client_secret": {testSecret}}
	if err != nil || !reflect.DeepEqual(form, want) {
		t.Errorf("token request form = %v (%v), want %v", form, err, want)
	}
}

// testBearer asserts that an API request carries an issued token.
func testBearer(t *testing.T, r *http.Request) string {
	t.Helper()
	got := r.Header.Get("Authorization")
	if !strings.HasPrefix(got, "Bearer at-") {
		t.Errorf("Authorization = %q, want Bearer <token>", got)
	}
	return strings.TrimPrefix(got, "Bearer ")
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// dropConnection closes the connection without answering, after the server
// has read the request: project44 may have acted, the client cannot know.
func dropConnection(t *testing.T, w http.ResponseWriter) {
	t.Helper()
	conn, _, err := w.(http.Hijacker).Hijack() //nolint:forcetypeassert // httptest's writer hijacks
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.Close()
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func errorsAs[T error](t *testing.T, err error) T {
	t.Helper()
	var target T
	if !errors.As(err, &target) {
		t.Fatalf("error %v (%T) is not a %T", err, err, target)
	}
	return target
}

// fakeClock is a settable clock; its sleep advances it at once.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.slept = append(c.slept, d)
	c.t = c.t.Add(d)
	c.mu.Unlock()
	return ctx.Err()
}

// useClock makes the client read and sleep on clock.
func useClock(c *Client, clock *fakeClock) {
	c.caller.Now, c.caller.Sleep, c.tokens.Now = clock.now, clock.sleep, clock.now
}

type recordingLogger struct {
	mu      sync.Mutex
	entries []map[string]any
}

func (l *recordingLogger) Debug(_ context.Context, msg string, f map[string]any) { l.add(msg, f) }
func (l *recordingLogger) Warn(_ context.Context, msg string, f map[string]any)  { l.add(msg, f) }
func (l *recordingLogger) add(msg string, f map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := maps.Clone(f)
	if e == nil {
		e = map[string]any{}
	}
	e["msg"] = msg
	l.entries = append(l.entries, e)
}

func TestNewClient(t *testing.T) {
	t.Parallel()
	tests := []struct{ base, id, secret, wantErr, wantBase string }{
		{base: "", id: "i", secret: testSecret, wantBase: NABaseURL},
		{base: EUBaseURL, id: "i", secret: testSecret, wantBase: EUBaseURL},
		{base: "ftp://x.example", id: "i", secret: testSecret, wantErr: "not an http(s) URL"},
		{base: "na12.api.project44.com", id: "i", secret: testSecret, wantErr: "not an http(s) URL"},
		{base: "https://", id: "i", secret: testSecret, wantErr: "not an http(s) URL"},
		{id: "", secret: testSecret, wantErr: "client id and client secret are required"},
		{id: "i", secret: "", wantErr: "client id and client secret are required"},
	}
	for _, tt := range tests {
		c, err := NewClient(tt.base, tt.id, tt.secret)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || strings.Contains(err.Error(), testSecret) {
				t.Errorf("NewClient(%q) error = %v, want %q", tt.base, err, tt.wantErr)
			}
			continue
		}
		if err != nil || c.baseURL.String() != tt.wantBase {
			t.Errorf("NewClient(%q) = %v, %v; want base %s", tt.base, c, err, tt.wantBase)
		}
	}
}

// TestClient_noRedirects: a redirect is an error, and its target never sees
// the bearer token, even with a caller's own http.Client.
func TestClient_noRedirects(t *testing.T) {
	t.Parallel()
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { elsewhere.Add(1) }))
	t.Cleanup(other.Close)
	c, mux := setup(t, WithHTTPClient(&http.Client{}))
	handleToken(t, mux)
	mux.HandleFunc("GET /api/v4/tl/shipments/trackingmethods", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL, http.StatusFound)
	})
	_, err := c.TrackingMethods(context.Background(), Identifier{Type: IdentifierSCAC, Value: "ABCD"})
	if apiErr := errorsAs[*APIError](t, err); apiErr.StatusCode != http.StatusFound || elsewhere.Load() != 0 {
		t.Errorf("error = %v, redirect target hit %d times", err, elsewhere.Load())
	}
}

// TestWithStop: once stopped, no request starts.
func TestWithStop(t *testing.T) {
	t.Parallel()
	stop, stopNow := context.WithCancel(context.Background())
	c, mux := setup(t, WithStop(stop))
	handleToken(t, mux)
	stopNow()
	mux.HandleFunc("/services/invitation/v1/invitations", func(http.ResponseWriter, *http.Request) { t.Error("request after the stop") })
	if _, err := c.CreateInvitation(context.Background(), testInvitation); !errors.Is(err, context.Canceled) || IsUncertain(err) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}
