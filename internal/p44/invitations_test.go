package p44

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var testInvitation = InvitationRequest{
	Invitee: Invitee{
		Identifiers:  []Identifier{{Type: IdentifierDOTNumber, Value: "1234567"}},
		Organization: &Organization{Name: "My Trucking LLC"},
		Contacts:     []Contact{{Email: "john@mytruckingllc.com", GivenName: "John", FamilyName: "Nash", Locale: "en-US", Phone: "+14800000000"}},
	},
	Capability: TruckloadAssetTracking,
}

// The guide's request body, byte for byte but for white space.
const testInvitationJSON = `{"invitee":{"identifiers":[{"type":"DOT_NUMBER","value":"1234567"}],"organization":{"name":"My Trucking LLC"},
"contacts":[{"email":"john@mytruckingllc.com","givenName":"John","familyName":"Nash","locale":"en-US","phone":"+14800000000"}]},
"capability":"TRUCKLOAD_ASSET_TRACKING"}`

func compactJSON(t *testing.T, s string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%v: %s", err, s)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// handleCreate serves POST invitations: the n-th request (1-based) is
// answered by answer, after the body was checked.
func handleCreate(t *testing.T, mux *http.ServeMux, answer func(n int, w http.ResponseWriter)) *atomic.Int32 {
	var n atomic.Int32
	mux.HandleFunc("POST /services/invitation/v1/invitations", func(w http.ResponseWriter, r *http.Request) {
		testBearer(t, r)
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get("Content-Type") != "application/json" || compactJSON(t, string(body)) != compactJSON(t, testInvitationJSON) {
			t.Errorf("create body %s (%s)", body, r.Header.Get("Content-Type"))
		}
		answer(int(n.Add(1)), w)
	})
	return &n
}

func TestCreateInvitation_answers(t *testing.T) {
	t.Parallel()
	created := time.Date(2024, 3, 18, 11, 27, 45, 465e6, time.UTC)
	tests := []struct {
		name   string
		status int
		body   string
		want   Invitation
	}{
		{
			name: "201 echo with id", status: 201,
			body: `{"id":"inv-1","invitee":{"identifiers":[{"type":"VAT","value":"NL1"}],"contacts":[{"email":"a@b.c","phoneNumber":"+311"}]},"capability":"TRUCKLOAD_ASSET_TRACKING","status":"IN_PROGRESS","createdDateTime":"2024-03-18T11:27:45.465Z","lastModifiedDateTime":"2024-03-18T12:27:45.465+01:00"}`,
			want: Invitation{ID: "inv-1", Invitee: Invitee{Identifiers: []Identifier{{Type: IdentifierVAT, Value: "NL1"}}, Contacts: []Contact{{Email: "a@b.c", Phone: "+311"}}},
				Capability: TruckloadAssetTracking, Status: StatusInProgress, Created: created, LastModified: created},
		},
		{name: "200 empty body", status: 200, body: ``, want: Invitation{Invitee: testInvitation.Invitee, Capability: TruckloadAssetTracking, Status: StatusInProgress}},
		{name: "202 not JSON", status: 202, body: `accepted`, want: Invitation{Invitee: testInvitation.Invitee, Capability: TruckloadAssetTracking, Status: StatusInProgress}},
		{
			name: "no echo, unknown status", status: 200, body: `{"status":"QUEUED","createdDateTime":"2024-03-18T11:27:45.465"}`,
			want: Invitation{Invitee: testInvitation.Invitee, Capability: TruckloadAssetTracking, Status: "QUEUED", Created: created},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mux := setup(t)
			handleToken(t, mux)
			handleCreate(t, mux, func(_ int, w http.ResponseWriter) { writeJSON(w, tt.status, tt.body) })
			got, err := c.CreateInvitation(context.Background(), testInvitation)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Created.Equal(tt.want.Created) || !got.LastModified.Equal(tt.want.LastModified) {
				t.Errorf("times %v, %v; want %v, %v", got.Created, got.LastModified, tt.want.Created, tt.want.LastModified)
			}
			got.Created, got.LastModified, tt.want.Created, tt.want.LastModified = time.Time{}, time.Time{}, time.Time{}, time.Time{}
			if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", tt.want) {
				t.Errorf("got  %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}

// TestCreateInvitation_uncertain: after a 5xx, a dropped connection or a
// timeout, project44 may have e-mailed the carrier: the client says so and
// sends the invitation exactly once.
func TestCreateInvitation_uncertain(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		fail func(t *testing.T, w http.ResponseWriter)
	}{
		{"500", func(_ *testing.T, w http.ResponseWriter) {
			writeJSON(w, 500, `{"httpStatusCode":500,"errorMessage":"Internal error","supportReferenceId":"r-9"}`)
		}},
		{"503", func(_ *testing.T, w http.ResponseWriter) { writeJSON(w, 503, ``) }},
		{"dropped connection", dropConnection},
		{"timeout", func(*testing.T, http.ResponseWriter) { time.Sleep(300 * time.Millisecond) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mux := setup(t, WithRequestTimeout(100*time.Millisecond))
			handleToken(t, mux)
			posts := handleCreate(t, mux, func(_ int, w http.ResponseWriter) { tt.fail(t, w) })
			_, err := c.CreateInvitation(context.Background(), testInvitation)
			u := errorsAs[*UncertainError](t, err)
			if u.Operation != "CreateInvitation" || !strings.HasPrefix(err.Error(), "project44 CreateInvitation may or may not have been carried out: ") {
				t.Errorf("error = %q", err)
			}
			time.Sleep(20 * time.Millisecond) // a stray retry would arrive by now
			if posts.Load() != 1 {
				t.Errorf("POSTs = %d, want exactly 1", posts.Load())
			}
		})
	}
}

// TestCreateInvitation_retriedWhenRefused: a 429 or a 401 (project44 did
// not act) and a connection refused before the request was written are sent
// again.
func TestCreateInvitation_retriedWhenRefused(t *testing.T) {
	t.Parallel()
	for _, status := range []int{429, 401} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			t.Parallel()
			c, mux := setup(t)
			tokens := handleToken(t, mux)
			posts := handleCreate(t, mux, func(n int, w http.ResponseWriter) {
				if n == 1 {
					w.Header().Set("Retry-After", "0")
					writeJSON(w, status, `{}`)
					return
				}
				writeJSON(w, 201, ``)
			})
			if _, err := c.CreateInvitation(context.Background(), testInvitation); err != nil {
				t.Fatal(err)
			}
			if posts.Load() != 2 || (status == 401) != (tokens.count() == 2) {
				t.Errorf("POSTs = %d, tokens = %d", posts.Load(), tokens.count())
			}
		})
	}
	t.Run("refused connection", func(t *testing.T) {
		t.Parallel()
		var failed atomic.Bool
		hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/invitations") && !failed.Swap(true) {
				return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}
			}
			return http.DefaultTransport.RoundTrip(r)
		})}
		c, mux := setup(t, WithHTTPClient(hc))
		handleToken(t, mux)
		posts := handleCreate(t, mux, func(int, http.ResponseWriter) {})
		if _, err := c.CreateInvitation(context.Background(), testInvitation); err != nil || posts.Load() != 1 {
			t.Errorf("error = %v, POSTs = %d", err, posts.Load())
		}
	})
}

// TestCreateInvitation_cancelledInFlight: once sent, the invitation is seen
// through to project44's answer even if the caller's context is cancelled.
func TestCreateInvitation_cancelledInFlight(t *testing.T) {
	t.Parallel()
	c, mux := setup(t)
	handleToken(t, mux)
	if err := c.Authenticate(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	posts := handleCreate(t, mux, func(_ int, w http.ResponseWriter) {
		cancel()
		time.Sleep(50 * time.Millisecond)
		writeJSON(w, 201, ``)
	})
	if _, err := c.CreateInvitation(ctx, testInvitation); err != nil {
		t.Errorf("error = %v, want project44's answer", err)
	}
	if _, err := c.CreateInvitation(ctx, testInvitation); !errors.Is(err, context.Canceled) || IsUncertain(err) || posts.Load() != 1 {
		t.Errorf("already cancelled: %v, POSTs = %d", err, posts.Load())
	}
}

// pagingServer serves numbered invitations total of them, pageSize a page,
// pages counted from base; ignorePage serves the first page always, and
// ignoreStatus leaves the status filter to the client.
type pagingServer struct {
	total, pageSize, base int
	ignorePage, omitTotal bool
	requests              atomic.Int32
	lastQuery             atomic.Value
}

func (p *pagingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.requests.Add(1)
	q := r.URL.Query()
	p.lastQuery.Store(q)
	page := p.base
	if s := q.Get("pageNumber"); s != "" && !p.ignorePage {
		page, _ = strconv.Atoi(s)
	}
	var results []string
	for i := (page - p.base) * p.pageSize; i < min(p.total, (page-p.base+1)*p.pageSize); i++ {
		status := []Status{StatusInProgress, StatusAccepted}[i%2]
		results = append(results, fmt.Sprintf(`{"invitee":{"identifiers":[{"type":"DOT_NUMBER","value":"%d"}]},"capability":"TRUCKLOAD_ASSET_TRACKING","status":%q,"createdDateTime":"2023-04-25T15:29:58Z"}`, i, status))
	}
	total := fmt.Sprintf(`"total":%d,`, p.total)
	if p.omitTotal {
		total = ""
	}
	writeJSON(w, 200, fmt.Sprintf(`{"paginationInfo":{%s"pageSize":%d,"pageNumber":%d},"results":[%s]}`, total, p.pageSize, page, strings.Join(results, ",")))
}

func TestInvitations_paging(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		server       *pagingServer
		opts         ListOptions
		want         int // invitations returned
		wantRequests int
		wantErr      string
	}{
		{name: "0-based", server: &pagingServer{total: 250, pageSize: 100, base: 0}, want: 250, wantRequests: 3},
		{name: "1-based", server: &pagingServer{total: 250, pageSize: 100, base: 1}, want: 250, wantRequests: 3},
		{name: "server's smaller page size", server: &pagingServer{total: 25, pageSize: 10, base: 1}, want: 25, wantRequests: 3},
		{name: "exact pages", server: &pagingServer{total: 200, pageSize: 100, base: 0}, want: 200, wantRequests: 2},
		{name: "total smaller than a page", server: &pagingServer{total: 7, pageSize: 100, base: 1}, want: 7, wantRequests: 1},
		{name: "none", server: &pagingServer{total: 0, pageSize: 100, base: 1}, want: 0, wantRequests: 1},
		{name: "no total: until a short page", server: &pagingServer{total: 150, pageSize: 100, base: 1, omitTotal: true}, want: 150, wantRequests: 2},
		{name: "no total: until an empty page", server: &pagingServer{total: 200, pageSize: 100, base: 0, omitTotal: true}, want: 200, wantRequests: 3},
		{name: "ignores pageNumber", server: &pagingServer{total: 250, pageSize: 100, base: 1, ignorePage: true}, wantRequests: 2, wantErr: "ignore the pageNumber"},
		{name: "ignores pageNumber, no total", server: &pagingServer{total: 250, pageSize: 100, base: 0, ignorePage: true, omitTotal: true}, wantRequests: 2, wantErr: "ignore the pageNumber"},
		{name: "ignores pageNumber, one page", server: &pagingServer{total: 40, pageSize: 100, base: 1, ignorePage: true}, want: 40, wantRequests: 1},
		{name: "status filter ignored", server: &pagingServer{total: 250, pageSize: 100, base: 1}, opts: ListOptions{Statuses: []Status{StatusAccepted}}, want: 125, wantRequests: 3},
		{name: "two statuses", server: &pagingServer{total: 30, pageSize: 100, base: 1}, opts: ListOptions{Statuses: []Status{StatusAccepted, StatusInProgress}}, want: 30, wantRequests: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mux := setup(t)
			handleToken(t, mux)
			mux.Handle("GET /services/invitation/v1/invitations", tt.server)
			got, err := c.Invitations(context.Background(), tt.opts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error = %v, want %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want || int(tt.server.requests.Load()) != tt.wantRequests {
				t.Errorf("%d invitations in %d requests, want %d in %d", len(got), tt.server.requests.Load(), tt.want, tt.wantRequests)
			}
			seen := map[string]bool{}
			for _, inv := range got {
				v := inv.Invitee.Identifiers[0].Value
				if seen[v] || (len(tt.opts.Statuses) == 1 && inv.Status != tt.opts.Statuses[0]) || inv.Created.IsZero() {
					t.Fatalf("invitation %s repeated, unfiltered or without a time: %+v", v, inv)
				}
				seen[v] = true
			}
			q, _ := tt.server.lastQuery.Load().(url.Values)
			if wantStatus := ""; len(tt.opts.Statuses) == 1 {
				wantStatus = string(tt.opts.Statuses[0])
				if q.Get("status") != wantStatus {
					t.Errorf("status query = %q, want %q", q.Get("status"), wantStatus)
				}
			} else if q.Has("status") {
				t.Errorf("status query %q sent for %v", q.Get("status"), tt.opts.Statuses)
			}
			if q.Get("pageSize") != strconv.Itoa(tt.server.pageSize) && tt.wantRequests > 1 {
				t.Errorf("pageSize query = %q, want the server's %d", q.Get("pageSize"), tt.server.pageSize)
			}
		})
	}
}

func TestTimestamp(t *testing.T) {
	t.Parallel()
	want := time.Date(2024, 3, 18, 11, 27, 45, 0, time.UTC)
	for in, ms := range map[string]int{
		`"2024-03-18T11:27:45Z"`: 0, `"2024-03-18T11:27:45.465Z"`: 465, `"2024-03-18T12:27:45.465+01:00"`: 465,
		`"2024-03-18T12:27:45+0100"`: 0, `"2024-03-18T11:27:45.465"`: 465, `"2024-03-18T11:27:45"`: 0,
	} {
		var got timestamp
		if err := json.Unmarshal([]byte(in), &got); err != nil || !time.Time(got).Equal(want.Add(time.Duration(ms)*time.Millisecond)) {
			t.Errorf("%s = %v, %v", in, time.Time(got), err)
		}
	}
	for _, in := range []string{`null`, `""`} {
		var got timestamp
		if err := json.Unmarshal([]byte(in), &got); err != nil || !time.Time(got).IsZero() {
			t.Errorf("%s = %v, %v; want the zero time", in, time.Time(got), err)
		}
	}
	for _, in := range []string{`"yesterday"`, `12`, `"2024-03-18"`} {
		var got timestamp
		if err := json.Unmarshal([]byte(in), &got); err == nil {
			t.Errorf("%s = %v, want an error", in, time.Time(got))
		}
	}
}
