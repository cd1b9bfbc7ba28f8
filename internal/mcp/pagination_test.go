package mcp

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func TestParsePagination(t *testing.T) {
	t.Parallel()
	valid := []struct {
		in   string
		want Pagination
	}{
		{`{"pageNumber":1,"pageSize":2500,"totalPages":10,"totalCount":25000}`, Pagination{1, 2500, 10, 25000}},
		{`{"pageNumber":1,"pageSize":250,"totalPages":10,"totalCount":2500}`, Pagination{1, 250, 10, 2500}},
		{` {"totalCount":12345, "totalPages":3, "pageSize":5000, "pageNumber":3} `, Pagination{3, 5000, 3, 12345}},
		{`{"$id":"1","pageNumber":1,"pageSize":5000,"totalPages":0,"totalCount":0,"hasNext":false}`, Pagination{1, 5000, 0, 0}},
		{`{"PageNumber":2,"PageSize":10,"TotalPages":2,"TotalCount":11}`, Pagination{2, 10, 2, 11}},
	}
	for _, tt := range valid {
		got, err := ParsePagination(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParsePagination(%s) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	invalid := []string{
		``, `null`, `[]`, `{}`, `"x"`, `{not json`,
		`{"pageNumber":0,"pageSize":5000,"totalPages":1,"totalCount":1}`,
		`{"pageNumber":1,"pageSize":0,"totalPages":1,"totalCount":0}`,
		`{"pageNumber":1,"pageSize":5000,"totalPages":-1,"totalCount":0}`,
		`{"pageNumber":1,"pageSize":5000,"totalPages":1,"totalCount":-1}`,
		`{"pageNumber":1,"pageSize":5000,"totalPages":1,"totalCount":12345}`,
		`{"pageNumber":1,"pageSize":1,"totalPages":100001,"totalCount":100001}`,
		`{"pageNumber":1.5,"pageSize":5000,"totalPages":1,"totalCount":1}`,
		`{"pageNumber":"1","pageSize":5000,"totalPages":1,"totalCount":1}`,
		`{"pageNumber":1,"pageSize":99999999999999999999,"totalPages":1,"totalCount":1}`,
		`{"pageNumber":1,"pageSize":5000,"totalPages":1,"totalCount":1} x`,
		`{"pageNumber":1,"pageSize":5000,"totalPages":1,"totalCount":1}}`,
		`{"pageNumber":1,"pageSize":5000,"totalPages":1,"totalCount":1}]`,
		`{"pageNumber":1,"pageSize":5000,"totalPages":1,"totalCount":1}{"pageNumber":2}`,
	}
	for _, in := range invalid {
		if got, err := ParsePagination(in); err == nil {
			t.Errorf("ParsePagination(%s) = %+v, want an error", in, got)
		} else if !strings.Contains(err.Error(), "X-Pagination") {
			t.Errorf("ParsePagination(%s) error %q does not name the header", in, err)
		}
	}
	long := `{"pageNumber":0,"pageSize":5000,"totalPages":1,"totalCount":1,"padding":"` + strings.Repeat("x", 500) + `"}`
	if _, err := ParsePagination(long); err == nil || len(err.Error()) > 300 {
		t.Errorf("error for a long header is %d bytes: %v", len(err.Error()), err)
	}
}

// FuzzParsePagination: ParsePagination never panics, and whatever it accepts
// is one JSON value describing a list a walk can follow: pageNumber ≥ 1,
// pageSize ≥ 1, 0 ≤ totalPages ≤ 100000, totalCount ≥ 0, and the pages can
// hold every item.
func FuzzParsePagination(f *testing.F) {
	for _, seed := range []string{
		`{"pageNumber":1,"pageSize":2500,"totalPages":10,"totalCount":25000}`,
		`{"pageNumber":1,"pageSize":250,"totalPages":10,"totalCount":2500}`,
		`{"pageNumber":3,"pageSize":5000,"totalPages":3,"totalCount":12345}`,
		`{"pageNumber":1,"pageSize":5000,"totalPages":0,"totalCount":0}`,
		`{"$id":"1","pageNumber":1,"pageSize":500,"totalPages":1,"totalCount":1,"hasPrevious":false}`,
		``, `null`, `{}`, `[]`, `{"pageNumber":-1}`, `{"pageNumber":1e3,"pageSize":1,"totalPages":1,"totalCount":1}`,
		`{"pageNumber":1,"pageSize":9223372036854775807,"totalPages":100000,"totalCount":9223372036854775807}`,
		`{"pageNumber":1,"pageSize":1,"totalPages":100000,"totalCount":100000}`,
		`{"pageNumber":1,"pageSize":1,"totalPages":100001,"totalCount":0}`,
		`{"pageNumber":1,"pageSize":5000,"totalPages":1,"totalCount":1} trailing`,
		`{"pageNumber":1,"pageNumber":2,"pageSize":1,"totalPages":2,"totalCount":2}`,
		"{\"pageNumber\":1,\"pageSize\":1,\"totalPages\":1,\"totalCount\":1,\"x\":\"\xff\"}",
	} {
		f.Add(seed)
	}
	maxPagesBig := big.NewInt(maxPages)
	f.Fuzz(func(t *testing.T, header string) {
		p, err := ParsePagination(header)
		if err != nil {
			if !strings.Contains(err.Error(), "X-Pagination") {
				t.Fatalf("error %q does not name the header", err)
			}
			return
		}
		if !json.Valid([]byte(header)) {
			t.Fatalf("ParsePagination(%q) = %+v, but the header is not one JSON value", header, p)
		}
		if p.PageNumber < 1 || p.PageSize < 1 || p.TotalPages < 0 || p.TotalCount < 0 {
			t.Fatalf("ParsePagination(%q) = %+v: out of range", header, p)
		}
		if big.NewInt(int64(p.TotalPages)).Cmp(maxPagesBig) > 0 {
			t.Fatalf("ParsePagination(%q) = %+v: more than %d pages", header, p, maxPages)
		}
		capacity := new(big.Int).Mul(big.NewInt(int64(p.TotalPages)), big.NewInt(int64(p.PageSize)))
		if capacity.Cmp(big.NewInt(int64(p.TotalCount))) < 0 {
			t.Fatalf("ParsePagination(%q) = %+v: %d pages of %d cannot hold %d items", header, p, p.TotalPages, p.PageSize, p.TotalCount)
		}
		b, _ := json.Marshal(p)
		if again, err := ParsePagination(string(b)); err != nil || again != p {
			t.Fatalf("ParsePagination(%s) = %+v, %v; want %+v", b, again, err, p)
		}
	})
}

// pageLog records the page parameters of every request of a walk.
type pageLog struct {
	mu    sync.Mutex
	pages []int
}

func (l *pageLog) add(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pages = append(l.pages, n)
}

func (l *pageLog) sorted() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Sorted(slices.Values(l.pages))
}

// pageOf reads pageNumber and pageSize, asserting the walk asks for
// wantSize, and returns the items [from, to) of a total-item list.
func pageOf(t *testing.T, r *http.Request, wantSize, total int) (page, from, to, totalPages int) {
	t.Helper()
	q := r.URL.Query()
	page, err := strconv.Atoi(q.Get("pageNumber"))
	if err != nil || page < 1 {
		t.Errorf("pageNumber = %q", q.Get("pageNumber"))
		page = 1
	}
	if got := q.Get("pageSize"); got != strconv.Itoa(wantSize) {
		t.Errorf("pageSize = %q, want %d", got, wantSize)
	}
	totalPages = (total + wantSize - 1) / wantSize
	from = min((page-1)*wantSize, total)
	to = min(from+wantSize, total)
	return page, from, to, totalPages
}

func xPagination(page, size, totalPages, total int) string {
	return fmt.Sprintf(`{"pageNumber":%d,"pageSize":%d,"totalPages":%d,"totalCount":%d}`, page, size, totalPages, total)
}

// headerListHandler serves total carriers of a header-paged list
// (MonitoredCarriers, BlockedCarriers): item i has DOT number 1000000+i.
func headerListHandler(t *testing.T, total, pageSize int, log *pageLog) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r)
		testEmptyBody(t, r)
		page, from, to, totalPages := pageOf(t, r, pageSize, total)
		log.add(page)
		var b strings.Builder
		b.WriteByte('[')
		for i := from; i < to; i++ {
			if i > from {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"$id":"%d","DOTNumber":%d,"DocketNumber":"MC%d","IntrastateNumber":null,"CreatedDate":"2025-07-22T12:18:46.6299792","CreatedBy":"api","LastModifiedDate":null,"LastModifiedBy":null}`,
				i-from+1, 1000000+i, i)
		}
		b.WriteByte(']')
		w.Header().Set("X-Pagination", xPagination(page, pageSize, totalPages, total))
		writeJSON(w, http.StatusOK, b.String())
	}
}

// TestHeaderPaged_walk: 12,345 monitored carriers at the maximum page size
// of 5000 take 3 pages; every carrier comes back exactly once, in order.
// BlockedCarriers is walked the same way.
func TestHeaderPaged_walk(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, path string
		total      int
		wantPages  []int
		list       func(context.Context, *Client) ([]int, error)
	}{
		{"MonitoredCarriers", "MonitoredCarriers", 12345, []int{1, 2, 3}, func(ctx context.Context, c *Client) ([]int, error) {
			items, err := c.Monitoring.ListAll(ctx)
			dots := make([]int, len(items))
			for i, it := range items {
				dots[i] = it.DOTNumber
				if it.DocketNumber != fmt.Sprintf("MC%d", it.DOTNumber-1000000) || it.CreatedDate.IsZero() {
					return nil, fmt.Errorf("item %d decoded as %+v", i, it)
				}
			}
			return dots, err
		}},
		{"BlockedCarriers, exactly two full pages", "BlockedCarriers", 10000, []int{1, 2}, func(ctx context.Context, c *Client) ([]int, error) {
			items, err := c.Blocking.ListAll(ctx)
			dots := make([]int, len(items))
			for i, it := range items {
				dots[i] = it.DOTNumber
			}
			return dots, err
		}},
		{"BlockedCarriers, one page", "BlockedCarriers", 17, []int{1}, func(ctx context.Context, c *Client) ([]int, error) {
			items, err := c.Blocking.ListAll(ctx)
			dots := make([]int, len(items))
			for i, it := range items {
				dots[i] = it.DOTNumber
			}
			return dots, err
		}},
		{"MonitoredCarriers, empty", "MonitoredCarriers", 0, []int{1}, func(ctx context.Context, c *Client) ([]int, error) {
			items, err := c.Monitoring.ListAll(ctx)
			return make([]int, len(items)), err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			var log pageLog
			mux.HandleFunc("/api/v1/Carrier/"+tt.path, headerListHandler(t, tt.total, listPageSize, &log))
			dots, err := tt.list(context.Background(), client)
			if err != nil {
				t.Fatal(err)
			}
			if len(dots) != tt.total {
				t.Fatalf("got %d carriers, want %d", len(dots), tt.total)
			}
			for i, dot := range dots {
				if dot != 1000000+i && tt.total > 0 {
					t.Fatalf("carrier %d has DOT %d, want %d (missing, repeated or out of order)", i, dot, 1000000+i)
				}
			}
			if got := log.sorted(); !slices.Equal(got, tt.wantPages) {
				t.Errorf("pages requested = %v, want %v", got, tt.wantPages)
			}
		})
	}
}

// TestHeaderPaged_noHeader: without X-Pagination the answer is the whole list.
func TestHeaderPaged_noHeader(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	var log pageLog
	mux.HandleFunc("/api/v1/Carrier/MonitoredCarriers", func(w http.ResponseWriter, r *http.Request) {
		log.add(1)
		writeJSON(w, http.StatusOK, `[{"$id":"1","DOTNumber":1},{"$id":"2","DOTNumber":2},{"$id":"3","DOTNumber":3}]`)
	})
	all, err := client.Monitoring.ListAll(context.Background())
	if err != nil || len(all) != 3 || all[2].DOTNumber != 3 {
		t.Fatalf("ListAll = %+v, %v; want 3 carriers", all, err)
	}
	page, p, err := client.Monitoring.List(context.Background(), nil)
	if err != nil || len(page) != 3 || p != nil {
		t.Fatalf("List(nil) = %d carriers, pagination %+v, %v; want 3 and no pagination", len(page), p, err)
	}
	if got := log.sorted(); len(got) != 2 {
		t.Errorf("requests = %d, want 2 (one per call)", len(got))
	}
}

// TestHeaderPaged_failures: an error on a later page, or a corrupt or
// inconsistent X-Pagination, fails the whole walk with no partial result.
func TestHeaderPaged_failures(t *testing.T) {
	t.Parallel()
	good := func(page int) string { return xPagination(page, 5000, 3, 12345) }
	tests := []struct {
		name         string
		answer       func(w http.ResponseWriter, page int) // replaces the normal answer when non-nil for this page
		failPage     int
		wantErr      string
		wantNotFound bool
		maxRequests  int
	}{
		{name: "404 on page 3", failPage: 3, wantErr: "HTTP 404", wantNotFound: true, maxRequests: 3, answer: func(w http.ResponseWriter, _ int) {
			writeJSON(w, http.StatusNotFound, `{"Message":"gone"}`)
		}},
		{name: "500s on page 3", failPage: 3, wantErr: "HTTP 500", maxRequests: 3 + fastRetry.MaxRetries, answer: func(w http.ResponseWriter, _ int) {
			writeJSON(w, http.StatusInternalServerError, `{}`)
		}},
		{name: "bad JSON on page 2", failPage: 2, wantErr: "decoding response", maxRequests: 3, answer: func(w http.ResponseWriter, page int) {
			w.Header().Set("X-Pagination", good(page))
			writeJSON(w, http.StatusOK, `[{"DOTNumber":"not a number"}]`)
		}},
		{name: "corrupt header on page 1", failPage: 1, wantErr: "MCP MonitoredCarriers: mcp: X-Pagination", maxRequests: 1, answer: func(w http.ResponseWriter, _ int) {
			w.Header().Set("X-Pagination", `{"pageNumber":1,"pageSize":5000,"totalPages":3,`)
			writeJSON(w, http.StatusOK, `[]`)
		}},
		{name: "corrupt header on page 2", failPage: 2, wantErr: "X-Pagination", maxRequests: 3, answer: func(w http.ResponseWriter, _ int) {
			w.Header().Set("X-Pagination", `garbage`)
			writeJSON(w, http.StatusOK, `[]`)
		}},
		{name: "pages cannot hold the count", failPage: 1, wantErr: "cannot hold", maxRequests: 1, answer: func(w http.ResponseWriter, _ int) {
			w.Header().Set("X-Pagination", xPagination(1, 5000, 1, 12345))
			writeJSON(w, http.StatusOK, `[]`)
		}},
		{name: "runaway page count", failPage: 1, wantErr: "exceeds", maxRequests: 1, answer: func(w http.ResponseWriter, _ int) {
			w.Header().Set("X-Pagination", xPagination(1, 5000, 2000000000, 12345))
			writeJSON(w, http.StatusOK, `[]`)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			var log pageLog
			normal := headerListHandler(t, 12345, listPageSize, &pageLog{})
			mux.HandleFunc("/api/v1/Carrier/MonitoredCarriers", func(w http.ResponseWriter, r *http.Request) {
				page, _ := strconv.Atoi(r.URL.Query().Get("pageNumber"))
				log.add(page)
				if page == tt.failPage {
					tt.answer(w, page)
					return
				}
				normal(w, r)
			})
			all, err := client.Monitoring.ListAll(context.Background())
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("ListAll error = %v, want %q", err, tt.wantErr)
			}
			if all != nil {
				t.Errorf("ListAll returned %d carriers with the error", len(all))
			}
			if IsNotFound(err) != tt.wantNotFound {
				t.Errorf("IsNotFound = %v", !tt.wantNotFound)
			}
			if n := len(log.sorted()); n > tt.maxRequests {
				t.Errorf("requests = %d, want at most %d", n, tt.maxRequests)
			}
		})
	}
}

// envelopeHandler serves total items of a body-paged list; item(i) is the
// JSON of item i.
func envelopeHandler(t *testing.T, total int, item func(i int) string, log *pageLog, failPage int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r)
		testEmptyBody(t, r)
		page, from, to, totalPages := pageOf(t, r, envelopePageSize, total)
		log.add(page)
		if page == failPage {
			writeJSON(w, http.StatusOK, `{"$id":"1","pageNumber":0,"pageSize":0,"totalPages":0,"totalCount":0,"succeeded":false,"message":"Assure Advantage is not enabled for this customer.","data":null}`)
			return
		}
		var items []string
		for i := from; i < to; i++ {
			items = append(items, item(i))
		}
		writeJSON(w, http.StatusOK, fmt.Sprintf(`{"$id":"1","pageNumber":%d,"pageSize":%d,"totalPages":%d,"totalCount":%d,"succeeded":true,"message":null,"data":[%s]}`,
			page, envelopePageSize, totalPages, total, strings.Join(items, ",")))
	}
}

// TestEnvelopePaged: MonitoredCarrierData, GetMonitoredCarrierContactsData
// and GetMonitoredCarriersRiskAssessment are walked through their body
// envelopes (1,201 items at 500: 3 pages), and succeeded=false on any page
// fails the walk with an *OperationError.
func TestEnvelopePaged(t *testing.T) {
	t.Parallel()
	const total = 1201
	tests := []struct {
		name string
		item func(i int) string
		all  func(context.Context, *Client) ([]string, error)
	}{
		{"MonitoredCarrierData", func(i int) string {
			return fmt.Sprintf(`{"$id":"%d","docketNumber":"MC%d","dotNumber":{"$id":"x","status":"ACTIVE","Value":"%d"},"isMonitored":true}`, i+2, i, i)
		}, func(ctx context.Context, c *Client) ([]string, error) {
			items, err := c.Monitoring.CarrierDataAll(ctx)
			ids := make([]string, len(items))
			for i, it := range items {
				ids[i] = it.DocketNumber
			}
			return ids, err
		}},
		{"GetMonitoredCarrierContactsData", func(i int) string {
			return fmt.Sprintf(`{"$id":"%d","DOTNumber":%d,"DocketNumber":"MC%d","CarriersContacts":null,"Success":true,"Messages":[]}`, i+2, i, i)
		}, func(ctx context.Context, c *Client) ([]string, error) {
			items, err := c.Monitoring.ContactsDataAll(ctx)
			ids := make([]string, len(items))
			for i, it := range items {
				ids[i] = it.DocketNumber
			}
			return ids, err
		}},
		{"GetMonitoredCarriersRiskAssessment", func(i int) string {
			return fmt.Sprintf(`{"$id":"%d","DOTNumber":%d,"DocketNumber":"MC%d","RiskAssessmentDetails":null}`, i+2, i, i)
		}, func(ctx context.Context, c *Client) ([]string, error) {
			items, err := c.Monitoring.RiskAssessmentsAll(ctx)
			ids := make([]string, len(items))
			for i, it := range items {
				ids[i] = it.DocketNumber
			}
			return ids, err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			var log pageLog
			mux.HandleFunc("/api/v1/Carrier/"+tt.name, envelopeHandler(t, total, tt.item, &log, 0))
			ids, err := tt.all(context.Background(), client)
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != total {
				t.Fatalf("got %d items, want %d", len(ids), total)
			}
			for i, id := range ids {
				if id != fmt.Sprintf("MC%d", i) {
					t.Fatalf("item %d is %s: missing, repeated or out of order", i, id)
				}
			}
			if pages := log.sorted(); !slices.Equal(pages, []int{1, 2, 3}) {
				t.Errorf("pages requested = %v, want [1 2 3]", pages)
			}
		})
		t.Run(tt.name+"/failure on page 3", func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			mux.HandleFunc("/api/v1/Carrier/"+tt.name, envelopeHandler(t, total, tt.item, &pageLog{}, 3))
			ids, err := tt.all(context.Background(), client)
			opErr := errorsAs[*OperationError](t, err)
			if opErr.Operation != tt.name || opErr.Message != "Assure Advantage is not enabled for this customer." || len(ids) != 0 {
				t.Errorf("OperationError = %+v, items %v", opErr, ids)
			}
		})
	}
}

// TestEnvelopePage: one page on its own; succeeded=false and an absurd page
// count are errors.
func TestEnvelopePage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, wantErr string
	}{
		{name: "ok", body: `{"pageNumber":2,"pageSize":1,"totalPages":3,"totalCount":3,"succeeded":true,"message":"","data":[{"DOTNumber":7}]}`},
		{name: "not succeeded", body: `{"succeeded":false,"message":"Invalid page size."}`, wantErr: "MCP GetMonitoredCarriersRiskAssessment reported failure: Invalid page size."},
		{name: "succeeded missing", body: `{"pageNumber":1,"data":[]}`, wantErr: "reported failure"},
		{name: "too many pages", body: `{"pageNumber":1,"pageSize":1,"totalPages":100001,"totalCount":1,"succeeded":true,"data":[]}`, wantErr: "out of range"},
		{name: "negative pages", body: `{"pageNumber":1,"pageSize":1,"totalPages":-1,"totalCount":1,"succeeded":true,"data":[]}`, wantErr: "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			mux.HandleFunc("/api/v1/Carrier/GetMonitoredCarriersRiskAssessment", func(w http.ResponseWriter, r *http.Request) {
				testAPIRequest(t, r, url.Values{"pageNumber": {"2"}, "pageSize": {"1"}})
				writeJSON(w, http.StatusOK, tt.body)
			})
			env, err := client.Monitoring.RiskAssessments(context.Background(), &ListOptions{PageNumber: 2, PageSize: 1})
			if tt.wantErr == "" {
				if err != nil || env.TotalPages != 3 || len(env.Data) != 1 || env.Data[0].DOTNumber != 7 {
					t.Fatalf("RiskAssessments = %+v, %v", env, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

// A list paged without X-Pagination is followed while pages come back full,
// so it is never cut short.
func TestHeaderPaged_fullPagesWithoutHeader(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	var calls atomic.Int32
	mux.HandleFunc("/api/v1/Carrier/BlockedCarriers", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		page, _ := strconv.Atoi(r.URL.Query().Get("pageNumber"))
		size, _ := strconv.Atoi(r.URL.Query().Get("pageSize"))
		n := size
		if page == 3 {
			n = 7
		}
		items := make([]string, n)
		for i := range items {
			items[i] = fmt.Sprintf(`{"DOTNumber":%d}`, (page-1)*size+i+1)
		}
		fmt.Fprint(w, "["+strings.Join(items, ",")+"]")
	})
	got, err := client.Blocking.ListAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2*listPageSize+7 || got[len(got)-1].DOTNumber != 2*listPageSize+7 || calls.Load() != 3 {
		t.Errorf("got %d carriers in %d calls, want %d in 3", len(got), calls.Load(), 2*listPageSize+7)
	}
}

// unpagedHandler serves total items at whatever page size is asked for,
// without X-Pagination or a page count; wrap turns a page's items (nil for
// an empty page) into the body.
func unpagedHandler(t *testing.T, total, wantSize int, log *pageLog, wrap func(items []string) string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		page, from, to, _ := pageOf(t, r, wantSize, total)
		log.add(page)
		var items []string
		for i := from; i < to; i++ {
			items = append(items, strconv.Itoa(i))
		}
		writeJSON(w, http.StatusOK, wrap(items))
	}
}

// TestPaged_withoutPagingInformation: every "all" walk goes on while pages
// come back full when MCP says nothing of paging, and stops at a short or
// empty page: a full last page is followed by one empty request.
func TestPaged_withoutPagingInformation(t *testing.T) {
	t.Parallel()
	kinds := []struct {
		name, op string
		size     int
		wrap     func(items []string) string
		all      func(context.Context, *Client) ([]int, error)
	}{
		{"MonitoredCarriers", "MonitoredCarriers", listPageSize, func(items []string) string {
			for i, it := range items {
				items[i] = `{"DOTNumber":` + it + `}`
			}
			return "[" + strings.Join(items, ",") + "]"
		}, func(ctx context.Context, c *Client) ([]int, error) {
			items, err := c.Monitoring.ListAll(ctx)
			ids := make([]int, len(items))
			for i, it := range items {
				ids[i] = it.DOTNumber
			}
			return ids, err
		}},
		{"CarriersChanges", "CarriersChanges", changesPageSize, func(items []string) string {
			list := "null" // as Json.NET writes an empty list it never filled
			if items != nil {
				for i, it := range items {
					items[i] = `{"CarrierDetails":{"dotNumber":{"Value":"` + it + `"}}}`
				}
				list = "[" + strings.Join(items, ",") + "]"
			}
			return fmt.Sprintf(`{"$id":"1","CarrierCount":%d,"InsuranceChangeCount":1,"CarrierList":%s}`, len(items), list)
		}, func(ctx context.Context, c *Client) ([]int, error) {
			out, err := c.Monitoring.ChangesAll(ctx, testFrom, testTo)
			if err != nil {
				return nil, err
			}
			if out.CarrierCount != len(out.CarrierList) {
				return nil, fmt.Errorf("CarrierCount %d for %d carriers", out.CarrierCount, len(out.CarrierList))
			}
			ids := make([]int, len(out.CarrierList))
			for i, it := range out.CarrierList {
				ids[i], _ = strconv.Atoi(it.CarrierDetails.DotNumber.Value)
			}
			return ids, nil
		}},
		{"MonitoredCarrierData", "MonitoredCarrierData", envelopePageSize, func(items []string) string {
			for i, it := range items {
				items[i] = `{"dotNumber":{"Value":"` + it + `"}}`
			}
			return `{"succeeded":true,"message":null,"data":[` + strings.Join(items, ",") + `]}`
		}, func(ctx context.Context, c *Client) ([]int, error) {
			items, err := c.Monitoring.CarrierDataAll(ctx)
			ids := make([]int, len(items))
			for i, it := range items {
				ids[i], _ = strconv.Atoi(it.DotNumber.Value)
			}
			return ids, err
		}},
	}
	for _, kind := range kinds {
		for _, tt := range []struct {
			name      string
			pages     float64 // list length in pages
			wantPages []int
		}{
			{"two full pages", 2, []int{1, 2, 3}},
			{"two and a bit", 2.5, []int{1, 2, 3}},
			{"one short page", 0.5, []int{1}},
			{"empty", 0, []int{1}},
		} {
			t.Run(kind.name+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				client, mux, _ := setup(t)
				handleToken(t, mux)
				total := int(tt.pages * float64(kind.size))
				var log pageLog
				mux.HandleFunc("/api/v1/Carrier/"+kind.op, unpagedHandler(t, total, kind.size, &log, kind.wrap))
				ids, err := kind.all(context.Background(), client)
				if err != nil {
					t.Fatal(err)
				}
				if len(ids) != total {
					t.Fatalf("got %d items, want %d", len(ids), total)
				}
				for i, id := range ids {
					if id != i {
						t.Fatalf("item %d is %d: missing, repeated or out of order", i, id)
					}
				}
				if got := log.sorted(); !slices.Equal(got, tt.wantPages) {
					t.Errorf("pages requested = %v, want %v", got, tt.wantPages)
				}
			})
		}
	}
}

// TestWalkPages_unpagedBound: a list that never stops coming back full is an
// error after maxUnpagedPages requests, not a silent stop; a page larger than
// asked for is the whole list.
func TestWalkPages_unpagedBound(t *testing.T) {
	t.Parallel()
	const size = 10
	var requests int
	_, err := walkPages(context.Background(), opBlockedCarriers, size, func(n int) int { return n },
		func(_ context.Context, page int) (int, *Pagination, error) {
			requests++
			if page != requests {
				t.Fatalf("request %d asked for page %d", requests, page)
			}
			return size, nil, nil
		})
	if err == nil || !strings.Contains(err.Error(), "MCP BlockedCarriers: still full pages of 10 after 1000 pages") {
		t.Errorf("error = %v", err)
	}
	if requests != maxUnpagedPages {
		t.Errorf("requests = %d, want %d", requests, maxUnpagedPages)
	}

	requests = 0
	pages, err := walkPages(context.Background(), opBlockedCarriers, size, func(n int) int { return n },
		func(context.Context, int) (int, *Pagination, error) {
			requests++
			return size + 1, nil, nil
		})
	if err != nil || requests != 1 || !slices.Equal(pages, []int{size + 1}) {
		t.Errorf("oversized page: pages %v, %d requests, %v", pages, requests, err)
	}
}
