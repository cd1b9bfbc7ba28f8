package emulator

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func TestVariantNamesAndParsing(t *testing.T) {
	t.Parallel()
	names := VariantNames()
	if len(names) != 16 || !slices.IsSorted(names) || slices.Contains(names, VariantAll) {
		t.Fatalf("VariantNames() = %v", names)
	}
	for _, n := range names {
		if got, err := ParseVariants(" " + strings.ToUpper(n) + " ,"); err != nil || !slices.Equal(got, []string{n}) {
			t.Errorf("ParseVariants(%q) = %v, %v", n, got, err)
		}
	}
	if got, err := ParseVariants(""); err != nil || len(got) != 0 {
		t.Errorf("ParseVariants(\"\") = %v, %v", got, err)
	}
	all, err := ParseVariants("all")
	if err != nil || len(all) != 14 || slices.Contains(all, VariantNullArrays) || slices.Contains(all, VariantDocumentHTML) ||
		!slices.Contains(all, VariantEmptyArrays) || !slices.Contains(all, VariantDocumentJSON) {
		t.Errorf("all = %v, %v; want every variant but null-arrays and document-html", all, err)
	}
	swapped, err := ParseVariants("all,null-arrays,document-html")
	if err != nil || len(swapped) != 14 || slices.Contains(swapped, VariantEmptyArrays) || slices.Contains(swapped, VariantDocumentJSON) {
		t.Errorf("all with the second of each pair = %v, %v", swapped, err)
	}
	for _, bad := range []string{"bogus", "local-times,nope", "empty-arrays,null-arrays", "document-json,document-html"} {
		if got, err := ParseVariants(bad); err == nil {
			t.Errorf("ParseVariants(%q) = %v, want an error", bad, got)
		}
	}
	if c := VariantConflicts(); len(c) != 2 || c[0] != [2]string{VariantEmptyArrays, VariantNullArrays} {
		t.Errorf("VariantConflicts() = %v", c)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("New accepted an unknown variant")
			}
		}()
		New(Options{Carriers: 10, Variants: []string{"bogus"}})
	}()
	s := New(Options{Carriers: 10, Variants: []string{VariantJSONRefs}})
	if err := s.SetVariants([]string{"local-times", "bogus"}); err == nil || !slices.Equal(s.Variants(), []string{VariantJSONRefs}) {
		t.Errorf("SetVariants with an unknown name: %v, variants now %v", err, s.Variants())
	}
}

func TestVariantsAdminRoute(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50, Variants: []string{VariantNoPagination}})
	var got []string
	admin(t, inst, http.MethodGet, "variants", nil).decode(t, &got)
	if !slices.Equal(got, []string{VariantNoPagination}) {
		t.Errorf("GET variants = %v", got)
	}
	r := admin(t, inst, http.MethodPut, "variants", []string{VariantLocalTimes, VariantFractionTrim})
	r.decode(t, &got)
	if r.status != 200 || !slices.Equal(got, []string{VariantFractionTrim, VariantLocalTimes}) {
		t.Errorf("PUT variants: HTTP %d %v", r.status, got)
	}
	if r := admin(t, inst, http.MethodPut, "variants", []string{"bogus"}); r.status != http.StatusBadRequest || !strings.Contains(string(r.body), "bogus") {
		t.Errorf("PUT unknown variant: HTTP %d %s", r.status, r.body)
	}
	if r := admin(t, inst, http.MethodPut, "variants", map[string]int{}); r.status != http.StatusBadRequest {
		t.Errorf("PUT an object: HTTP %d", r.status)
	}
	if got := inst.Variants(); !slices.Equal(got, []string{VariantFractionTrim, VariantLocalTimes}) {
		t.Errorf("after refused PUTs: %v", got)
	}
	admin(t, inst, http.MethodPut, "variants", []string{"all"}).decode(t, &got)
	if len(got) != 14 {
		t.Errorf("PUT all: %v", got)
	}
	admin(t, inst, http.MethodPost, "reset", nil)
	if got := inst.Variants(); !slices.Equal(got, []string{VariantNoPagination}) {
		t.Errorf("after reset: %v, want Options.Variants", got)
	}
	admin(t, inst, http.MethodPut, "variants", []string{}).decode(t, &got)
	if r := admin(t, inst, http.MethodGet, "variants", nil); string(r.body) != "[]\n" {
		t.Errorf("no variants: %s", r.body)
	}
}

// TestVariantTreeEncodingIsTheDefault: bodies that go through the variant
// rewrite come out byte for byte as encodeJSON writes them when no JSON
// variant applies.
func TestVariantTreeEncodingIsTheDefault(t *testing.T) {
	t.Parallel()
	s := New(Options{Carriers: 2000, Now: newFakeClock().Now})
	i, _ := s.u.ByDOT(carrierOf(t, s, KindPacket).DOTNumber)
	v := s.viewOf(i)
	bodies := []any{
		mcp.CarrierData{CarrierPacket: v.Packet(), AssureAdvantage: []mcp.FMCSACarrier{{CarrierDetails: v.Details(), ResponseDO: v.ResponseDO()}}},
		[]mcp.PreviewCarrier{v.Preview()},
		httpError{Message: `<a & "b">`},
		"a string", []int{}, map[string]any{"x": []any{1, "{", nil}},
	}
	for _, body := range bodies {
		want, err := encodeJSON(body)
		if err != nil {
			t.Fatal(err)
		}
		got, err := variantSet(0).encodeTree(body)
		if err != nil || string(got) != string(want) {
			t.Errorf("%T through the tree: %v\n got %.300s\nwant %.300s", body, err, got, want)
		}
	}
}

func TestJSONRefsWriter(t *testing.T) {
	t.Parallel()
	type pair struct{ A, B, C any }
	got, err := vJSONRefs.encode(pair{A: map[string]any{"x": 1, "y": map[string]int{"z": 2}}, B: map[string]int{"z": 2}, C: map[string]any{"x": 1, "y": map[string]int{"z": 2}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"$id":"1","A":{"$id":"2","x":1,"y":{"$id":"3","z":2}},"B":{"$ref":"3"},"C":{"$ref":"2"}}`; string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

var timeRE = regexp.MustCompile(`"RequestDate":("[^"]*"|null)`)

func requestDate(t *testing.T, r *response) string {
	t.Helper()
	m := timeRE.FindSubmatch(r.body)
	if m == nil {
		t.Fatalf("no RequestDate in %s", r.body)
	}
	return string(m[1])
}

func TestVariantLocalTimes(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 200, Variants: []string{VariantLocalTimes}})
	a := newAPI(t, inst)
	c := carrierOf(t, inst.Server, KindMC)
	// 12:00 UTC on 15 January is 06:00 CST.
	if got := requestDate(t, a.ok("RequestMonitoring", dotQuery(c.DOTNumber))); got != `"2026-01-15T06:00:00.0000000"` {
		t.Errorf("RequestDate %s, want Central time", got)
	}
	if err := inst.CompletePacket(c.DOTNumber); err != nil {
		t.Fatal(err)
	}
	// A window without offset is Central time; with one, it means what it says.
	for _, q := range []string{"fromDate=2026-01-15T06:00:00&toDate=2026-01-15T06:00:00", "fromDate=2026-01-15T12:00:00Z&toDate=2026-01-15T12:00:00Z", "fromDate=2026-01-15&toDate=2026-01-15T06:00:00"} {
		r := a.ok("CompletedPackets", q)
		if !strings.Contains(string(r.body), `"CompletedDate":"2026-01-15T06:00:00.0000000"`) {
			t.Errorf("CompletedPackets?%s = %s", q, r.body)
		}
	}
	if body := string(a.ok("CompletedPackets", "fromDate=2026-01-15T11:59:59&toDate=2026-01-15T12:00:00").body); body != "[]" {
		t.Errorf("a UTC reading of the window found %s", body)
	}
	// Fields named …Utc stay UTC; the echoed window is Central.
	r := a.ok("GetUpdatedFactoringCompanies", "fromDate=2026-01-01T00:00:00")
	for _, want := range []string{`"FromDate":"2026-01-01T00:00:00.0000000"`, `"ToDate":"2026-01-15T06:00:00.0000000"`, `"RequestDateTimeUtc":"2026-01-15T12:00:00.0000000"`} {
		if !strings.Contains(string(r.body), want) {
			t.Errorf("GetUpdatedFactoringCompanies lacks %s: %.300s", want, r.body)
		}
	}

	def, _ := startTest(t, Options{Carriers: 200})
	if got := requestDate(t, newAPI(t, def).ok("RequestMonitoring", dotQuery(c.DOTNumber))); got != `"2026-01-15T12:00:00.0000000"` {
		t.Errorf("default RequestDate %s", got)
	}
}

func TestVariantFractionTrimAndDateOnly(t *testing.T) {
	t.Parallel()
	inst, clock := startTest(t, Options{Carriers: 2000, Variants: []string{VariantFractionTrim}})
	a := newAPI(t, inst)
	mc, _ := inst.Carriers(CarrierFilter{Kind: KindMC, Limit: 4})
	if got := requestDate(t, a.ok("RequestMonitoring", dotQuery(mc[0].DOTNumber))); got != `"2026-01-15T12:00:00"` {
		t.Errorf("whole second: %s", got)
	}
	clock.Advance(120 * time.Millisecond)
	if got := requestDate(t, a.ok("RequestMonitoring", dotQuery(mc[1].DOTNumber))); got != `"2026-01-15T12:00:00.12"` {
		t.Errorf("fraction: %s", got)
	}

	// date-only: midnight is a bare date; the portal stamps its entries
	// with the day and the customer's agreement was created at midnight.
	clock.Advance(12*time.Hour - 120*time.Millisecond) // 16 January, 00:00 UTC
	if err := inst.SetVariants([]string{VariantDateOnly}); err != nil {
		t.Fatal(err)
	}
	if got := requestDate(t, a.ok("RequestMonitoring", dotQuery(mc[2].DOTNumber))); got != `"2026-01-16"` {
		t.Errorf("midnight: %s", got)
	}
	clock.Advance(90 * time.Minute)
	if err := inst.Monitor(mc[3].DOTNumber); err != nil {
		t.Fatal(err)
	}
	var list []map[string]any
	a.ok("MonitoredCarriers", "").decode(t, &list)
	if len(list) != 4 || list[3]["CreatedDate"] != "2026-01-16" || list[0]["CreatedDate"] != "2026-01-15T12:00:00.0000000" {
		t.Errorf("monitored list %v", list)
	}
	p := carrierOf(t, inst.Server, KindPacket)
	if body := string(a.ok("GetCarrierData", dotQuery(p.DOTNumber)).body); !regexp.MustCompile(`"AgreementName":"Broker-Carrier Agreement","CreatedDate":"\d{4}-\d\d-\d\d"`).MatchString(body) {
		t.Errorf("agreement CreatedDate not a bare date: %.3000s", body)
	}
	// With local-times, midnight is Central's.
	if err := inst.SetVariants([]string{VariantDateOnly, VariantLocalTimes}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(4*time.Hour + 30*time.Minute) // 06:00 UTC = 00:00 CST
	if got := requestDate(t, a.ok("RequestMonitoring", dotQuery(p.DOTNumber))); got != `"2026-01-16"` {
		t.Errorf("Central midnight: %s", got)
	}
}

func TestVariantListEntries(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 2000})
	a := newAPI(t, inst)
	mc, _ := inst.Carriers(CarrierFilter{Kind: KindMC, Limit: 2})
	intra := carrierOf(t, inst.Server, KindIntrastate)
	if cs, _ := inst.Carriers(CarrierFilter{Kind: KindPaddedDocket}); len(cs) != 0 {
		t.Fatalf("padded dockets without the variant: %v", cs[0])
	}

	if err := inst.SetVariants([]string{VariantListUnpaddedDocket}); err != nil {
		t.Fatal(err)
	}
	padded, _ := inst.Carriers(CarrierFilter{Kind: KindMC, Limit: 2})
	c := padded[1]
	if c.DOTNumber != mc[1].DOTNumber || !regexp.MustCompile(`^MC0\d{5}$`).MatchString(c.DocketNumber) || !slices.Contains(c.Kinds, KindPaddedDocket) {
		t.Fatalf("first MC carrier after the sample: %+v (was %s)", c, mc[1].DocketNumber)
	}
	unpadded := "MC" + strings.TrimLeft(c.DocketNumber[2:], "0")
	all, _ := inst.Carriers(CarrierFilter{Kind: KindMC, Limit: 400})
	n := 0
	for _, x := range all {
		if slices.Contains(x.Kinds, KindPaddedDocket) {
			n++
		}
	}
	if n < len(all)/5 || n > len(all)/3 {
		t.Errorf("%d of %d MC carriers padded", n, len(all))
	}
	a.ok("RequestMonitoring", "DocketNumber="+unpadded)
	a.ok("BlockCarrier", "DocketNumber="+strings.ToLower(c.DocketNumber))
	a.ok("RequestMonitoring", dotQuery(intra.DOTNumber))
	if r := a.call("PreviewCarrier", "docketNumber="+mc[1].DocketNumber); r.status != http.StatusNotFound {
		t.Errorf("the old docket still names the carrier: HTTP %d", r.status)
	}
	if r := a.call("PreviewCarrier", "docketNumber=MC00"+c.DocketNumber[3:]); r.status != http.StatusNotFound {
		t.Errorf("an extra leading zero names the carrier: HTTP %d", r.status)
	}
	var preview []mcp.PreviewCarrier
	a.ok("PreviewCarrier", "docketNumber="+unpadded).decode(t, &preview)
	if preview[0].DocketNumber != c.DocketNumber {
		t.Errorf("PreviewCarrier docket %q, want the padded %q", preview[0].DocketNumber, c.DocketNumber)
	}
	var list []mcp.MonitoredCarrier
	a.ok("MonitoredCarriers", "").decode(t, &list)
	if len(list) != 2 || list[0].DocketNumber != unpadded || list[1].DOTNumber != intra.DOTNumber {
		t.Errorf("monitored %+v, want %s unpadded", list, unpadded)
	}
	var blocked []mcp.BlockedCarrier
	a.ok("BlockedCarriers", "").decode(t, &blocked)
	if len(blocked) != 1 || blocked[0].DocketNumber != unpadded {
		t.Errorf("blocked %+v", blocked)
	}

	if err := inst.SetVariants([]string{VariantListNullDocket, VariantListNoDOTIntrastate}); err != nil {
		t.Fatal(err)
	}
	for _, op := range []string{"MonitoredCarriers", "BlockedCarriers"} {
		body := string(a.ok(op, "").body)
		if strings.Count(body, `"DocketNumber":null`) != strings.Count(body, `"DocketNumber"`) {
			t.Errorf("%s: %s", op, body)
		}
	}
	var raw []map[string]any
	a.ok("MonitoredCarriers", "").decode(t, &raw)
	if raw[0]["DOTNumber"] != float64(mc[1].DOTNumber) || raw[1]["DOTNumber"] != float64(0) || raw[1]["IntrastateNumber"] != intra.IntrastateNumber {
		t.Errorf("entries %v", raw)
	}

	if err := inst.SetVariants(nil); err != nil {
		t.Fatal(err)
	}
	a.ok("MonitoredCarriers", "").decode(t, &list)
	if list[0].DocketNumber != mc[1].DocketNumber || list[1].DOTNumber != intra.DOTNumber {
		t.Errorf("default entries %+v", list)
	}
}

func TestVariantWriteFailure200(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 200, Variants: []string{VariantWriteFailure200}})
	a := newAPI(t, inst)
	const missing = "No carrier was found with DOT number 42."
	tests := []struct{ op, query, want string }{
		{"BlockCarrier", "DOTNumber=42", `{"$id":"1","Result":false,"Message":"` + missing + `"}`},
		{"UnblockCarrier", "DOTNumber=42", `{"$id":"1","Result":false,"Message":"` + missing + `"}`},
		{"BlockCarrier", "", `{"$id":"1","Result":false,"Message":"A DOT number, docket number or intrastate number is required."}`},
		{"RequestMonitoring", "DOTNumber=42", `{"$id":"1","MonitoringID":0,"RequestDate":null}`},
		{"CancelMonitoring", "DOTNumber=42", `{"$id":"1","MonitoringID":0,"CancelDate":null}`},
		{"EmailPacketInvitation", "carrierEmail=a%40b.example&dotNumber=42", `{"$id":"1","Message":"` + missing + `"}`},
		{"EmailPacketInvitation", "carrierEmail=nope&dotNumber=" + strconv.Itoa(SampleDOTNumber), `{"$id":"1","Message":"carrierEmail 'nope' is not a valid email address."}`},
	}
	for _, tt := range tests {
		if r := a.call(tt.op, tt.query); r.status != 200 || string(r.body) != tt.want {
			t.Errorf("%s?%s: HTTP %d %s, want 200 %s", tt.op, tt.query, r.status, r.body, tt.want)
		}
	}
	// ASP.NET's binding failures and other operations keep their status.
	if r := a.call("BlockCarrier", "DOTNumber=abc"); r.status != http.StatusBadRequest || r.message(t) != "The request is invalid." {
		t.Errorf("binding failure: HTTP %d %s", r.status, r.body)
	}
	if r := a.call("PreviewCarrier", "DOTNumber=42"); r.status != http.StatusNotFound {
		t.Errorf("PreviewCarrier: HTTP %d", r.status)
	}
	snap := inst.Snapshot()
	if inst.Writes() != 0 || len(snap.Blocked)+len(snap.Monitored)+len(snap.Invitations) != 0 {
		t.Errorf("refused writes counted (%d) or changed state %+v", inst.Writes(), snap)
	}
}

func TestVariantRepeatWrite400(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 200, Variants: []string{VariantRepeatWrite400, VariantWriteFailure200}})
	a := newAPI(t, inst)
	c := carrierOf(t, inst.Server, KindMC)
	q := dotQuery(c.DOTNumber)
	label := "Carrier DOT" + strconv.Itoa(c.DOTNumber) + "/" + c.DocketNumber + " " + strings.ToUpper(c.LegalName)
	steps := []struct {
		op      string
		status  int
		message string
	}{
		{"UnblockCarrier", 400, label + " is not in your blocked carrier list."},
		{"CancelMonitoring", 400, label + " is not in your monitored carrier list."},
		{"BlockCarrier", 200, ""},
		{"BlockCarrier", 400, label + " is already in your blocked carrier list."},
		{"RequestMonitoring", 200, ""},
		{"RequestMonitoring", 400, label + " is already in your monitored carrier list."},
	}
	for _, st := range steps {
		r := a.call(st.op, q)
		if r.status != st.status || st.status == 400 && (r.message(t) != st.message || len(r.object(t)) != 2) {
			t.Errorf("%s: HTTP %d %s, want %d %q", st.op, r.status, r.body, st.status, st.message)
		}
	}
	if snap := inst.Snapshot(); len(snap.Blocked) != 1 || len(snap.Monitored) != 1 || snap.Monitored[0].MonitoringID != firstMonitoringID || inst.Writes() != 2 {
		t.Errorf("state %+v, %d writes", snap, inst.Writes())
	}
}

func TestVariantNoPagination(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 200})
	a := newAPI(t, inst)
	mc, _ := inst.Carriers(CarrierFilter{Kind: KindMC, Limit: 3})
	if err := inst.Monitor(mc[0].DOTNumber, mc[1].DOTNumber, mc[2].DOTNumber); err != nil {
		t.Fatal(err)
	}
	if r := a.ok("MonitoredCarriers", "pageSize=2"); r.header.Get("X-Pagination") == "" {
		t.Fatal("default: no X-Pagination")
	}
	if err := inst.SetVariants([]string{VariantNoPagination}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"pageSize=2", "pageNumber=2&pageSize=2"} {
		var list []mcp.MonitoredCarrier
		r := a.ok("MonitoredCarriers", q)
		r.decode(t, &list)
		if r.header.Get("X-Pagination") != "" || len(list) != map[bool]int{true: 2, false: 1}[q == "pageSize=2"] {
			t.Errorf("%s: X-Pagination %q, %d items", q, r.header.Get("X-Pagination"), len(list))
		}
	}
	for _, op := range []string{"BlockedCarriers", "CarriersChanges"} {
		if r := a.ok(op, "fromDate=2026-01-01&toDate=2026-02-01&pageSize=1"); r.header.Get("X-Pagination") != "" {
			t.Errorf("%s: X-Pagination %q", op, r.header.Get("X-Pagination"))
		}
	}
}

func TestVariantJSONRefsInCarrierData(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 2000, Variants: []string{VariantJSONRefs}})
	a := newAPI(t, inst)
	p := carrierOf(t, inst.Server, KindPacket)
	body := string(a.ok("GetCarrierData", dotQuery(p.DOTNumber)).body)
	first := regexp.MustCompile(`"Customer":\{"\$id":"(\d+)","CustomerID"`).FindStringSubmatch(body)
	if first == nil ||
		!regexp.MustCompile(`"CarrierCustomerPacketStatuses":\[\{"\$id":"\d+","Customer":\{"\$ref":"`+first[1]+`"\},"CarrierPacketStatus":"Completed"`).MatchString(body) {
		t.Fatalf("no $ref to the first Customer: %.6000s", body)
	}
	// Ids stay unique and consecutive, references point back.
	ids := regexp.MustCompile(`"\$id":"(\d+)"`).FindAllStringSubmatch(body, -1)
	for k, m := range ids {
		if m[1] != strconv.Itoa(k+1) {
			t.Fatalf("$id %s at position %d", m[1], k+1)
		}
	}
	for _, m := range regexp.MustCompile(`\{"\$ref":"(\d+)"\}`).FindAllStringSubmatchIndex(body, -1) {
		id := body[m[2]:m[3]]
		if at := strings.Index(body, `"$id":"`+id+`"`); at < 0 || at > m[0] {
			t.Errorf("$ref %s does not point back", id)
		}
	}
	def, _ := startTest(t, Options{Carriers: 2000})
	if body := string(newAPI(t, def).ok("GetCarrierData", dotQuery(p.DOTNumber)).body); strings.Contains(body, "$ref") {
		t.Error("$ref by default")
	}
}

func TestVariantContactsSuccessFalse(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 400})
	a := newAPI(t, inst)
	if cs, _ := inst.Carriers(CarrierFilter{Kind: KindNoContacts}); len(cs) != 0 {
		t.Fatalf("contactless carriers by default: %+v", cs[0])
	}
	if err := inst.SetVariants([]string{VariantContactsSuccessFalse}); err != nil {
		t.Fatal(err)
	}
	none, _ := inst.Carriers(CarrierFilter{Kind: KindNoContacts})
	if len(none) < 400/16 || len(none) > 400/4 {
		t.Fatalf("%d contactless carriers of 400", len(none))
	}
	c := none[0]
	if r := a.ok("GetCarrierContacts", dotQuery(c.DOTNumber)); string(r.body) != `{"$id":"1","Success":false,"Message":"No contacts were found for this carrier.","Carrier":null}` {
		t.Errorf("contactless: %s", r.body)
	}
	var res mcp.CarrierContactsResult
	a.ok("GetCarrierContacts", dotQuery(SampleDOTNumber)).decode(t, &res)
	if !res.Success || len(res.Carrier.Contacts) == 0 {
		t.Errorf("sample carrier: %+v", res)
	}
	// A verification request gives the carrier a user.
	a.ok("RequestUserVerification", "userVerificationEmail=new%40x.example&dotNumber="+strconv.Itoa(c.DOTNumber))
	a.ok("GetCarrierContacts", dotQuery(c.DOTNumber)).decode(t, &res)
	if !res.Success || len(res.Carrier.Contacts) != 1 {
		t.Errorf("after a verification request: %+v", res)
	}
}

func TestVariantDocuments(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50})
	a := newAPI(t, inst)
	var sample mcp.CarrierData
	a.ok("GetCarrierData", dotQuery(SampleDOTNumber)).decode(t, &sample)
	blob := sample.AssureAdvantage[0].CarrierDetails.CertData.Certificate[0].BlobName
	q := "name=" + url.QueryEscape(blob)
	if r := a.ok("GetDocument", q); r.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("default: %s", r.header.Get("Content-Type"))
	}
	if err := inst.SetVariants([]string{VariantDocumentJSON}); err != nil {
		t.Fatal(err)
	}
	r := a.ok("GetDocument", q)
	if r.header.Get("Content-Type") != "application/json; charset=utf-8" || string(r.body) != `{"$id":"1","Message":"The document '`+blob+`' could not be retrieved."}` {
		t.Errorf("document-json: %s %s", r.header.Get("Content-Type"), r.body)
	}
	if r := a.call("GetDocument", "name=nope"); r.status != http.StatusNotFound {
		t.Errorf("unknown blob: HTTP %d", r.status)
	}
	if err := inst.SetVariants([]string{VariantDocumentHTML}); err != nil {
		t.Fatal(err)
	}
	r = a.ok("GetDocument", q)
	if r.header.Get("Content-Type") != "text/html; charset=utf-8" || !strings.HasPrefix(string(r.body), "<!DOCTYPE html>") || !strings.Contains(string(r.body), "Sign in") {
		t.Errorf("document-html: %s %.100s", r.header.Get("Content-Type"), r.body)
	}
}

func TestVariantExpiresInString(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 10, Variants: []string{VariantExpiresInString}})
	user, pass := inst.Credentials()
	r := postForm(t, inst, url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}})
	var m map[string]any
	r.decode(t, &m)
	if m["expires_in"] != "1209599" || m["access_token"] == "" || strings.Contains(string(r.body), "$id") {
		t.Errorf("token body %s", r.body)
	}
	if err := inst.SetVariants(nil); err != nil {
		t.Fatal(err)
	}
	postForm(t, inst, url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}}).decode(t, &m)
	if m["expires_in"] != float64(1209599) {
		t.Errorf("default expires_in %v", m["expires_in"])
	}
}

func TestVariantArrays(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 200})
	a := newAPI(t, inst)
	q := dotQuery(SampleDOTNumber) // no incident reports, no VIN verifications
	if body := string(a.ok("GetCarrierIncidentReports", q).body); !strings.Contains(body, `"IncidentReports":null`) {
		t.Fatalf("default: %s", body)
	}
	if err := inst.SetVariants([]string{VariantEmptyArrays}); err != nil {
		t.Fatal(err)
	}
	if body := string(a.ok("GetCarrierIncidentReports", q).body); !strings.Contains(body, `"IncidentReports":[]`) {
		t.Errorf("empty-arrays: %s", body)
	}
	if body := string(a.ok("GetCarrierVINVerifications", q).body); !strings.Contains(body, `"VINVerifications":[]`) {
		t.Errorf("empty-arrays: %s", body)
	}
	if body := string(a.ok("GetCarrierData", q).body); strings.Contains(body, ":null") && regexp.MustCompile(`"(IncidentReports|Certificate|Coverage)":null`).MatchString(body) {
		t.Errorf("empty-arrays left a null array: %.2000s", body)
	}
	if err := inst.SetVariants([]string{VariantNullArrays}); err != nil {
		t.Fatal(err)
	}
	if body := string(a.ok("MonitoredCarriers", "").body); body != "null" {
		t.Errorf("null-arrays, empty list: %s", body)
	}
	body := string(a.ok("CarriersChanges", "fromDate=2026-01-01&toDate=2026-02-01").body)
	if !strings.Contains(body, `"CarrierList":null`) {
		t.Errorf("null-arrays: %s", body)
	}
	if body := string(a.ok("GetCarrierIncidentReports", q).body); !strings.Contains(body, `"IncidentReports":null`) {
		t.Errorf("null-arrays changed a null: %s", body)
	}
}

// TestVariantsAllIsCoherent: with every variant on, each operation still
// answers, JSON bodies decode into the generated types once references are
// resolved, and writes take effect.
func TestVariantsAllIsCoherent(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 2000, Variants: []string{VariantAll}})
	user, pass := inst.Credentials()
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   string `json:"expires_in"`
	}
	postForm(t, inst, url.Values{"grant_type": {"password"}, "username": {user}, "password": {pass}}).decode(t, &tok)
	a := &api{t: t, inst: inst, token: tok.AccessToken}
	p := carrierOf(t, inst.Server, KindPacket)
	q := dotQuery(p.DOTNumber)
	a.ok("RequestMonitoring", q)
	a.ok("BlockCarrier", q)
	for _, op := range []string{"PreviewCarrier", "GetCarrierData", "GetCarrierContacts", "GetCarrierRiskAssessment", "GetCarrierIncidentReports",
		"GetCarrierVINVerifications", "MonitoredCarriers", "BlockedCarriers", "MonitoredCarrierData", "GetMonitoredCarrierContactsData",
		"GetMonitoredCarriersRiskAssessment"} {
		r := a.ok(op, q)
		var v any
		if err := json.Unmarshal(r.body, &v); err != nil {
			t.Errorf("%s: %v", op, err)
		}
	}
	if r := a.call("BlockCarrier", q); r.status != http.StatusBadRequest {
		t.Errorf("repeat block: HTTP %d", r.status)
	}
	if inst.Writes() != 2 {
		t.Errorf("%d writes", inst.Writes())
	}
}

// TestVariantsSwitchUnderLoad switches variants while requests run (for
// the race detector): every answer is still one of the variants' answers.
func TestVariantsSwitchUnderLoad(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 2000})
	a := newAPI(t, inst)
	mc, _ := inst.Carriers(CarrierFilter{Kind: KindMC, Limit: 40})
	sets := [][]string{nil, {VariantAll}, {VariantListUnpaddedDocket, VariantJSONRefs}, {VariantAll, VariantNullArrays}}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for k := 0; ; k++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := inst.SetVariants(sets[k%len(sets)]); err != nil {
				t.Error(err)
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	var calls sync.WaitGroup
	for _, c := range mc[1:] {
		calls.Add(1)
		go func() {
			defer calls.Done()
			q := dotQuery(c.DOTNumber)
			for _, op := range []string{"RequestMonitoring", "GetCarrierData", "MonitoredCarriers", "BlockCarrier", "GetCarrierContacts"} {
				r := a.call(op, q)
				var v any
				if r.status >= 500 || json.Unmarshal(r.body, &v) != nil {
					t.Errorf("%s: HTTP %d %.200s", op, r.status, r.body)
				}
			}
		}()
	}
	calls.Wait()
	close(stop)
	wg.Wait()
}

func TestMainVariantsFlag(t *testing.T) {
	t.Parallel()
	var stdout, stderr strings.Builder
	if code := Main(t.Context(), []string{"-variants", "local-times,bogus"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "-variants") || !strings.Contains(stderr.String(), "bogus") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	ctx, cancel := context.WithCancel(t.Context())
	out := &lineWriter{lines: make(chan string, 1)}
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"-listen", "127.0.0.1:0", "-carriers", "10", "-variants", "fraction-trim, local-times"}, out, &stderr)
	}()
	select {
	case line := <-out.lines:
		if !strings.HasSuffix(line, ", 10 carriers, seed 1, variants fraction-trim,local-times)\n") {
			t.Errorf("start line %q", line)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no start line")
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}

// lineWriter hands each write to a channel, dropping what does not fit.
type lineWriter struct{ lines chan string }

func (w *lineWriter) Write(p []byte) (int, error) {
	select {
	case w.lines <- string(p):
	default:
	}
	return len(p), nil
}
