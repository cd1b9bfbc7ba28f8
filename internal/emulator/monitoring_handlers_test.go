package emulator

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// flags reads IsMonitored/IsBlocked from PreviewCarrier and
// isMonitored/isBlocked from GetCarrierData.
func flags(t *testing.T, a *api, dot int) (previewMon, previewBlk, detailsMon, detailsBlk bool) {
	t.Helper()
	var p []mcp.PreviewCarrier
	a.ok("PreviewCarrier", dotQuery(dot)).decode(t, &p)
	var d mcp.CarrierData
	a.ok("GetCarrierData", dotQuery(dot)).decode(t, &d)
	cd := d.AssureAdvantage[0].CarrierDetails
	return p[0].IsMonitored, p[0].IsBlocked, cd.IsMonitored, cd.IsBlocked
}

func TestMonitoringLifecycle(t *testing.T) {
	t.Parallel()
	inst, clock := startTest(t, Options{})
	a := newAPI(t, inst)
	c := carrierOf(t, inst.Server, KindMC)

	var first mcp.RequestMonitoringOutput
	a.ok("RequestMonitoring", "DocketNumber="+c.DocketNumber).decode(t, &first)
	if first.MonitoringID != firstMonitoringID || !first.RequestDate.Equal(testEpoch) {
		t.Errorf("first request %+v", first)
	}
	clock.Advance(time.Hour)
	var again mcp.RequestMonitoringOutput
	a.ok("RequestMonitoring", dotQuery(c.DOTNumber)+"&DocketNumber="+c.DocketNumber).decode(t, &again)
	if again != first {
		t.Errorf("repeat request %+v, want the original %+v", again, first)
	}

	var list []mcp.MonitoredCarrier
	r := a.ok("MonitoredCarriers", "")
	r.decode(t, &list)
	if r.header.Get("X-Pagination") != "" {
		t.Error("X-Pagination without paging parameters")
	}
	want := mcp.MonitoredCarrier{DOTNumber: c.DOTNumber, DocketNumber: c.DocketNumber, CreatedDate: first.RequestDate, CreatedBy: "demo", LastModifiedDate: first.RequestDate, LastModifiedBy: "demo"}
	if len(list) != 1 || list[0] != want {
		t.Errorf("monitored list %+v, want [%+v]", list, want)
	}
	if pm, _, dm, _ := flags(t, a, c.DOTNumber); !pm || !dm {
		t.Errorf("IsMonitored %v, isMonitored %v after RequestMonitoring", pm, dm)
	}
	var env mcp.Envelope[mcp.CarrierDetails]
	a.ok("MonitoredCarrierData", "").decode(t, &env)
	if env.TotalCount != 1 || len(env.Data) != 1 || env.Data[0].DotNumber.Value != strconv.Itoa(c.DOTNumber) || !env.Data[0].IsMonitored {
		t.Errorf("MonitoredCarrierData %+v", env)
	}

	var cancel mcp.CancelMonitoringOutput
	a.ok("CancelMonitoring", dotQuery(c.DOTNumber)).decode(t, &cancel)
	if cancel.MonitoringID != first.MonitoringID || !cancel.CancelDate.Equal(clock.Now()) {
		t.Errorf("cancel %+v", cancel)
	}
	a.ok("CancelMonitoring", dotQuery(c.DOTNumber)).decode(t, &cancel)
	if cancel.MonitoringID != 0 {
		t.Errorf("cancelling an unmonitored carrier: MonitoringID %d, want 0", cancel.MonitoringID)
	}
	if pm, _, dm, _ := flags(t, a, c.DOTNumber); pm || dm {
		t.Error("still flagged monitored after CancelMonitoring")
	}
	if body := string(a.ok("MonitoredCarriers", "").body); body != "[]" {
		t.Errorf("monitored list %s after cancel", body)
	}
	a.ok("MonitoredCarrierData", "").decode(t, &env)
	if env.TotalCount != 0 || len(env.Data) != 0 {
		t.Errorf("MonitoredCarrierData covers an unmonitored carrier: %+v", env)
	}

	var renewed mcp.RequestMonitoringOutput
	a.ok("RequestMonitoring", dotQuery(c.DOTNumber)).decode(t, &renewed)
	if renewed.MonitoringID != first.MonitoringID+1 {
		t.Errorf("MonitoringID %d after re-monitoring, want a new one", renewed.MonitoringID)
	}
	if got := inst.Writes(); got != 5 {
		t.Errorf("Writes = %d, want 5", got)
	}
}

func TestIntrastateMembership(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	c := carrierOf(t, inst.Server, KindIntrastate)
	other := carrierOf(t, inst.Server, KindMC)

	a.ok("RequestMonitoring", "IntrastateNumber="+c.IntrastateNumber)
	a.ok("RequestMonitoring", dotQuery(c.DOTNumber)+"&intrastatenumber="+c.IntrastateNumber)
	var list []mcp.MonitoredCarrier
	a.ok("MonitoredCarriers", "").decode(t, &list)
	if len(list) != 1 || list[0].IntrastateNumber != c.IntrastateNumber || list[0].DocketNumber != "" || list[0].DOTNumber != c.DOTNumber {
		t.Errorf("monitored list %+v", list)
	}
	r := a.call("BlockCarrier", dotQuery(other.DOTNumber)+"&IntrastateNumber="+c.IntrastateNumber)
	if r.status != http.StatusBadRequest {
		t.Errorf("DOT and intrastate number of different carriers: HTTP %d", r.status)
	}
	var out mcp.BlockCarrierOutput
	a.ok("BlockCarrier", "IntrastateNumber="+c.IntrastateNumber).decode(t, &out)
	want := fmt.Sprintf("Carrier DOT%d/%s %s was added to your blocked carrier list.", c.DOTNumber, c.IntrastateNumber, strings.ToUpper(c.LegalName))
	if !out.Result || out.Message != want {
		t.Errorf("block %+v, want message %q", out, want)
	}
	if r := a.call("RequestMonitoring", "IntrastateNumber=TX1"); r.status != http.StatusNotFound {
		t.Errorf("unknown intrastate number: HTTP %d", r.status)
	}
}

func TestOutOfBandEditsAreAttributedToThePortal(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	if err := inst.Monitor(SampleDOTNumber); err != nil {
		t.Fatal(err)
	}
	if err := inst.Block(SampleDOTNumber); err != nil {
		t.Fatal(err)
	}
	var mon []mcp.MonitoredCarrier
	a.ok("MonitoredCarriers", "").decode(t, &mon)
	var blk []mcp.BlockedCarrier
	a.ok("BlockedCarriers", "").decode(t, &blk)
	if len(mon) != 1 || mon[0].CreatedBy != PortalUser || len(blk) != 1 || blk[0].LastModifiedBy != PortalUser {
		t.Errorf("monitored %+v blocked %+v", mon, blk)
	}
	if err := inst.Unmonitor(SampleDOTNumber, 42); err == nil {
		t.Error("Unmonitor with an unknown DOT number succeeded")
	}
	if len(inst.Snapshot().Monitored) != 1 {
		t.Error("a failed bulk edit changed the list")
	}
	if err := inst.Unmonitor(SampleDOTNumber); err != nil || len(inst.Snapshot().Monitored) != 0 {
		t.Errorf("Unmonitor: %v", err)
	}
	if err := inst.Unblock(SampleDOTNumber); err != nil || len(inst.Snapshot().Blocked) != 0 {
		t.Errorf("Unblock: %v", err)
	}
	if inst.Writes() != 0 {
		t.Errorf("out-of-band edits counted as %d API writes", inst.Writes())
	}
}

// preload monitors the first n carriers of the universe.
func preload(t *testing.T, s *Server, n int, blocked bool) []int {
	t.Helper()
	cs, err := s.Carriers(CarrierFilter{Limit: n})
	if err != nil {
		t.Fatal(err)
	}
	dots := make([]int, len(cs))
	for k, c := range cs {
		dots[k] = c.DOTNumber
	}
	if blocked {
		err = s.Block(dots...)
	} else {
		err = s.Monitor(dots...)
	}
	if err != nil {
		t.Fatal(err)
	}
	return dots
}

func TestHeaderPaging(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		op      string
		blocked bool
	}{{"MonitoredCarriers", false}, {"BlockedCarriers", true}} {
		t.Run(tc.op, func(t *testing.T) {
			t.Parallel()
			inst, _ := startTest(t, Options{Carriers: 6000})
			a := newAPI(t, inst)
			dots := preload(t, inst.Server, 5003, tc.blocked)
			tests := []struct {
				query        string
				header       string // "" for none
				first, count int    // index into dots of the first item, and the item count
			}{
				{"", "", 0, 5003},
				{"pageSize=3", `{"pageNumber":1,"pageSize":3,"totalPages":1668,"totalCount":5003}`, 0, 3},
				{"pageNumber=2&pageSize=3", `{"pageNumber":2,"pageSize":3,"totalPages":1668,"totalCount":5003}`, 3, 3},
				{"PAGENUMBER=1668&PageSize=3", `{"pageNumber":1668,"pageSize":3,"totalPages":1668,"totalCount":5003}`, 5001, 2},
				{"pageNumber=1669&pageSize=3", `{"pageNumber":1669,"pageSize":3,"totalPages":1668,"totalCount":5003}`, 0, 0},
				{"pageNumber=2", `{"pageNumber":2,"pageSize":2500,"totalPages":3,"totalCount":5003}`, 2500, 2500},
				{"pageNumber=0&pageSize=2", `{"pageNumber":1,"pageSize":2,"totalPages":2502,"totalCount":5003}`, 0, 2},
				{"pageSize=0", `{"pageNumber":1,"pageSize":2500,"totalPages":3,"totalCount":5003}`, 0, 2500},
				{"pageSize=9000", `{"pageNumber":1,"pageSize":5000,"totalPages":2,"totalCount":5003}`, 0, 5000},
				{"pageNumber=2147483647&pageSize=5000", `{"pageNumber":2147483647,"pageSize":5000,"totalPages":2,"totalCount":5003}`, 0, 0},
			}
			for _, tt := range tests {
				r := a.with(t).ok(tc.op, tt.query)
				if got := r.header.Get("X-Pagination"); got != tt.header {
					t.Errorf("%s: X-Pagination %q, want %q", tt.query, got, tt.header)
				}
				var items []struct{ DOTNumber int }
				r.decode(t, &items)
				if len(items) != tt.count || (tt.count > 0 && (items[0].DOTNumber != dots[tt.first] || items[len(items)-1].DOTNumber != dots[tt.first+tt.count-1])) {
					t.Errorf("%s: %d items starting %v, want %d from DOT %d", tt.query, len(items), items[:min(1, len(items))], tt.count, dots[tt.first])
				}
			}
		})
	}
}

func TestEnvelopePaging(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 1000})
	a := newAPI(t, inst)
	dots := preload(t, inst.Server, 620, false)
	tests := []struct {
		op, query                     string
		number, size, pages, first, n int
	}{
		{"MonitoredCarrierData", "", 1, 250, 3, 0, 250},
		{"MonitoredCarrierData", "pageNumber=3", 3, 250, 3, 500, 120},
		{"MonitoredCarrierData", "pageSize=700", 1, 500, 2, 0, 500},
		{"GetMonitoredCarrierContactsData", "pagesize=0", 1, 250, 3, 0, 250},
		{"GetMonitoredCarrierContactsData", "pageNumber=2&pageSize=600", 2, 500, 2, 500, 120},
		{"GetMonitoredCarrierContactsData", "pageNumber=9&pageSize=100", 9, 100, 7, 0, 0},
		{"GetMonitoredCarriersRiskAssessment", "", 1, 250, 3, 0, 250},
		{"GetMonitoredCarriersRiskAssessment", "pageSize=501", 1, 250, 3, 0, 250},
		{"GetMonitoredCarriersRiskAssessment", "pageSize=0&pageNumber=0", 1, 250, 3, 0, 250},
		{"GetMonitoredCarriersRiskAssessment", "pageSize=500&pageNumber=2", 2, 500, 2, 500, 120},
	}
	for _, tt := range tests {
		r := a.ok(tt.op, tt.query)
		if h := r.header.Get("X-Pagination"); h != "" {
			t.Errorf("%s?%s: body-paged answer with X-Pagination %s", tt.op, tt.query, h)
		}
		var env mcp.Envelope[map[string]any]
		r.decode(t, &env)
		if env.PageNumber != tt.number || env.PageSize != tt.size || env.TotalPages != tt.pages || env.TotalCount != 620 || !env.Succeeded || env.Data == nil {
			t.Errorf("%s?%s: envelope %d/%d/%d/%d %v", tt.op, tt.query, env.PageNumber, env.PageSize, env.TotalPages, env.TotalCount, env.Succeeded)
		}
		if len(env.Data) != tt.n {
			t.Errorf("%s?%s: %d items, want %d", tt.op, tt.query, len(env.Data), tt.n)
		} else if tt.n > 0 && envelopeDOT(env.Data[0]) != dots[tt.first] {
			t.Errorf("%s?%s: first DOT %d, want %d", tt.op, tt.query, envelopeDOT(env.Data[0]), dots[tt.first])
		}
	}
}

// envelopeDOT reads the DOT number of an envelope item: CarrierDetails
// carries it as dotNumber.Value, the others as DOTNumber.
func envelopeDOT(item map[string]any) int {
	if d, ok := item["dotNumber"].(map[string]any); ok {
		v, _ := d["Value"].(string)
		n, _ := strconv.Atoi(v)
		return n
	}
	n, _ := item["DOTNumber"].(float64)
	return int(n)
}

func window(from, to time.Time) string {
	return "fromDate=" + url.QueryEscape(mcp.QueryTime(from)) + "&toDate=" + url.QueryEscape(mcp.QueryTime(to))
}

func TestCarriersChanges(t *testing.T) {
	t.Parallel()
	inst, clock := startTest(t, Options{})
	a := newAPI(t, inst)
	cs, _ := inst.Carriers(CarrierFilter{Kind: KindMC, Limit: 4})
	ins, auth, risk, unmonitored := cs[0], cs[1], cs[2], cs[3]
	if err := inst.Monitor(ins.DOTNumber, auth.DOTNumber, risk.DOTNumber); err != nil {
		t.Fatal(err)
	}
	start := clock.Now()
	clock.Advance(time.Minute)
	for _, ch := range []struct {
		dot int
		cat ChangeCategory
	}{{ins.DOTNumber, ChangeInsurance}, {auth.DOTNumber, ChangeAuthority}, {risk.DOTNumber, ChangeRisk}, {unmonitored.DOTNumber, ChangeRisk}} {
		if err := inst.ChangeCarrier(ch.dot, ch.cat); err != nil {
			t.Fatal(err)
		}
	}
	changedAt := clock.Now()
	clock.Advance(time.Minute)
	if err := inst.ChangeCarrier(auth.DOTNumber, ChangeRisk); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)

	var all mcp.CarrierChanges
	r := a.ok("CarriersChanges", window(start, clock.Now()))
	r.decode(t, &all)
	if r.header.Get("X-Pagination") != "" {
		t.Error("X-Pagination without paging parameters")
	}
	want := map[int][]string{
		ins.DOTNumber:  {"Insurance", "RiskAssessment"},
		auth.DOTNumber: {"Authority", "RiskAssessment"},
		risk.DOTNumber: {"RiskAssessment"},
	}
	if all.CarrierCount != 3 || len(all.CarrierList) != 3 || all.InsuranceChangeCount != 1 || all.FMCSAChangeCount != 1 || all.RiskAssessmentChangeCount != 3 {
		t.Fatalf("changes %d carriers, counts %d/%d/%d", all.CarrierCount, all.InsuranceChangeCount, all.FMCSAChangeCount, all.RiskAssessmentChangeCount)
	}
	prev := 0
	for _, c := range all.CarrierList {
		dot, _ := strconv.Atoi(c.CarrierDetails.DotNumber.Value)
		if dot <= prev {
			t.Error("CarrierList not in DOT order")
		}
		prev = dot
		if fmt.Sprint(c.ChangeCategories) != fmt.Sprint(want[dot]) {
			t.Errorf("DOT %d: categories %v, want %v", dot, c.ChangeCategories, want[dot])
		}
		if !c.CarrierDetails.IsMonitored || c.ResponseDO == nil {
			t.Errorf("DOT %d: details not monitored or no ResponseDO", dot)
		}
		if dot == auth.DOTNumber && !c.ChangeDateTime.Equal(changedAt.Add(time.Minute)) {
			t.Errorf("ChangeDateTime %v, want the latest change", c.ChangeDateTime)
		}
		if dot == ins.DOTNumber && c.CarrierDetails.RiskAssessmentDetails.Insurance.Infractions[0].RuleText != "Cargo insurance cancelled" {
			t.Errorf("insurance change not in the risk assessment: %+v", c.CarrierDetails.RiskAssessmentDetails.Insurance)
		}
		if dot == auth.DOTNumber && (c.CarrierDetails.Authority.CommonAuthority != "Inactive" || c.CarrierDetails.RiskAssessmentDetails.Authority.OverallRating != "UnacceptableReview") {
			t.Errorf("authority change not reflected: %+v", c.CarrierDetails.Authority)
		}
	}

	t.Run("pages add up", func(t *testing.T) {
		a := a.with(t)
		sum := mcp.CarrierChanges{}
		for n := 1; n <= 3; n++ {
			var p mcp.CarrierChanges
			r := a.ok("CarriersChanges", window(start, clock.Now())+"&pageSize=1&pageNumber="+strconv.Itoa(n))
			r.decode(t, &p)
			if h := r.header.Get("X-Pagination"); h != fmt.Sprintf(`{"pageNumber":%d,"pageSize":1,"totalPages":3,"totalCount":3}`, n) {
				t.Errorf("page %d: X-Pagination %s", n, h)
			}
			sum.CarrierCount += p.CarrierCount
			sum.InsuranceChangeCount += p.InsuranceChangeCount
			sum.FMCSAChangeCount += p.FMCSAChangeCount
			sum.RiskAssessmentChangeCount += p.RiskAssessmentChangeCount
		}
		if sum.CarrierCount != 3 || sum.InsuranceChangeCount != 1 || sum.FMCSAChangeCount != 1 || sum.RiskAssessmentChangeCount != 3 {
			t.Errorf("page sums %+v", sum)
		}
	})

	t.Run("windows include both ends", func(t *testing.T) {
		a := a.with(t)
		tests := []struct {
			query string
			n     int
		}{
			{window(changedAt, changedAt), 3},
			{"fromDate=" + url.QueryEscape(changedAt.Format("2006-01-02T15:04:05Z")) + "&toDate=" + url.QueryEscape(changedAt.Format("2006-01-02T15:04:05.0000000")), 3},
			{"fromDate=" + url.QueryEscape(changedAt.Add(-5*time.Hour).Format("2006-01-02T15:04:05-05:00")) + "&toDate=" + url.QueryEscape(changedAt.Format(time.RFC3339)), 3},
			{window(changedAt.Add(time.Second), changedAt.Add(time.Minute)), 1},
			{window(start, changedAt.Add(-time.Second)), 0},
		}
		for _, tt := range tests {
			var out mcp.CarrierChanges
			a.ok("CarriersChanges", tt.query).decode(t, &out)
			if out.CarrierCount != tt.n || len(out.CarrierList) != tt.n {
				t.Errorf("%s: %d carriers, want %d", tt.query, out.CarrierCount, tt.n)
			}
		}
		if r := a.call("CarriersChanges", window(clock.Now(), start)); r.status != http.StatusBadRequest {
			t.Errorf("fromDate after toDate: HTTP %d", r.status)
		}
	})

	t.Run("a second insurance change renews the coverage", func(t *testing.T) {
		a := a.with(t)
		if err := inst.ChangeCarrier(ins.DOTNumber, ChangeInsurance); err != nil {
			t.Fatal(err)
		}
		var p []mcp.PreviewCarrier
		a.ok("PreviewCarrier", dotQuery(ins.DOTNumber)).decode(t, &p)
		if p[0].RiskAssessmentDetails.Insurance.OverallRating == "UnacceptableReview" {
			t.Errorf("renewed insurance still scored %d", p[0].RiskAssessmentDetails.Insurance.TotalPoints)
		}
		for _, cv := range p[0].CertData.Certificates[0].Coverages {
			if cv.CancellationDate != "" || cv.ExpirationDate != clock.Now().AddDate(1, 0, 0).Format("2006-01-02") {
				t.Errorf("coverage after renewal %+v", cv)
			}
		}
	})
}

func BenchmarkMonitoredCarriersPage5000(b *testing.B) {
	s := New(Options{Carriers: 60000})
	cs, _ := s.Carriers(CarrierFilter{Limit: 50000})
	dots := make([]int, len(cs))
	for k, c := range cs {
		dots[k] = c.DOTNumber
	}
	if err := s.Monitor(dots...); err != nil {
		b.Fatal(err)
	}
	tok := s.auth.issue(s.now()).AccessToken
	b.ResetTimer()
	for b.Loop() {
		req := httptest.NewRequestWithContext(b.Context(), http.MethodPost, "/api/v1/Carrier/MonitoredCarriers?pageNumber=5&pageSize=5000", nil)
		req.Header.Set("Authorization", "bearer "+tok)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
