package emulator

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// lookupOps are the single-carrier reads, with their DOT and docket
// parameter names as the spec spells them.
var lookupOps = []struct{ op, dot, docket string }{
	{"PreviewCarrier", "DOTNumber", "docketNumber"},
	{"GetCarrierData", "DOTNumber", "DocketNumber"},
	{"GetCarrierContacts", "DOTNumber", "docketNumber"},
	{"GetCarrierRiskAssessment", "dotNumber", "docketNumber"},
	{"GetCarrierIncidentReports", "DOTNumber", "docketNumber"},
	{"GetCarrierVINVerifications", "DOTNumber", "docketNumber"},
}

// dotIn finds the DOT number a lookup answer is about.
func dotIn(t *testing.T, op string, r *response) int {
	t.Helper()
	switch op {
	case "PreviewCarrier":
		var out []mcp.PreviewCarrier
		r.decode(t, &out)
		if len(out) != 1 {
			t.Fatalf("%d elements, want 1", len(out))
		}
		return out[0].DotNumber
	case "GetCarrierRiskAssessment":
		var out []mcp.CarrierRiskAssessment
		r.decode(t, &out)
		if len(out) != 1 {
			t.Fatalf("%d elements, want 1", len(out))
		}
		return out[0].DOTNumber
	case "GetCarrierData":
		var out mcp.CarrierData
		r.decode(t, &out)
		n, _ := strconv.Atoi(out.AssureAdvantage[0].CarrierDetails.DotNumber.Value)
		return n
	case "GetCarrierContacts":
		var out mcp.CarrierContactsResult
		r.decode(t, &out)
		return out.Carrier.DOTNumber
	default:
		var out struct{ DOTNumber int }
		r.decode(t, &out)
		return out.DOTNumber
	}
}

func TestCarrierIdentification(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	mc := carrierOf(t, inst.Server, KindMC)
	ff := carrierOf(t, inst.Server, KindFF)
	mx := carrierOf(t, inst.Server, KindMX)
	intra := carrierOf(t, inst.Server, KindIntrastate)
	for _, lo := range lookupOps {
		t.Run(lo.op, func(t *testing.T) {
			a := a.with(t)
			found := []struct {
				query string
				want  int
			}{
				{fmt.Sprintf("%s=%d", lo.dot, mc.DOTNumber), mc.DOTNumber},
				{fmt.Sprintf("%s=%s", lo.docket, mc.DocketNumber), mc.DOTNumber},
				{fmt.Sprintf("%s=%s", lo.docket, strings.ToLower(ff.DocketNumber)), ff.DOTNumber},
				{fmt.Sprintf("%s=%d&%s=%s", lo.dot, mx.DOTNumber, lo.docket, mx.DocketNumber), mx.DOTNumber},
				{fmt.Sprintf("%s=%d", lo.dot, intra.DOTNumber), intra.DOTNumber},
				{fmt.Sprintf("%s=%d&%s=%s", lo.dot, SampleDOTNumber, lo.docket, SampleDocketNumber), SampleDOTNumber},
			}
			for _, f := range found {
				if got := dotIn(t, lo.op, a.ok(lo.op, f.query)); got != f.want {
					t.Errorf("%s: DOT %d, want %d", f.query, got, f.want)
				}
			}
			errs := []struct {
				query  string
				status int
				msg    string
			}{
				{fmt.Sprintf("%s=99", lo.dot), 404, "No carrier was found with DOT number 99."},
				{fmt.Sprintf("%s=0", lo.dot), 404, "No carrier was found with DOT number 0."},
				{fmt.Sprintf("%s=MC999", lo.docket), 404, "No carrier was found with docket number MC999."},
				{fmt.Sprintf("%s=%s", lo.docket, strings.TrimPrefix(mc.DocketNumber, "MC")), 404, ""},
				{fmt.Sprintf("%s=FF%s", lo.docket, strings.TrimPrefix(mc.DocketNumber, "MC")), 404, ""},
				{fmt.Sprintf("%s=%d&%s=%s", lo.dot, mc.DOTNumber, lo.docket, ff.DocketNumber), 400,
					fmt.Sprintf("DOT number %d and docket number %s do not identify the same carrier.", mc.DOTNumber, ff.DocketNumber)},
				{"", 400, "A DOT number or docket number is required."},
				{"IntrastateNumber=" + intra.IntrastateNumber, 400, "A DOT number or docket number is required."},
			}
			for _, e := range errs {
				r := a.call(lo.op, e.query)
				if r.status != e.status || (e.msg != "" && r.message(t) != e.msg) {
					t.Errorf("%s: HTTP %d %s, want %d %q", e.query, r.status, r.body, e.status, e.msg)
				}
			}
		})
	}
}

func TestPreviewCarrier(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	var out []mcp.PreviewCarrier
	a.ok("PreviewCarrier", "docketNumber="+SampleDocketNumber).decode(t, &out)
	p := out[0]
	if p.CompanyName != SampleLegalName || p.DotNumber != SampleDOTNumber || p.DocketNumber != SampleDocketNumber || p.IsIntrastateCarrier {
		t.Errorf("sample carrier %+v", p)
	}
	if !regexp.MustCompile(`^\(\d{3}\) \d{3}-\d{4}$`).MatchString(p.Phone) {
		t.Errorf("Phone %q is not (NNN) NNN-NNNN", p.Phone)
	}
	if p.Status != "Not Invited" || !p.StatusDate.IsZero() || p.OnCurrentCustomerAgreement != nil || p.RiskAssessment.Overall != "Acceptable" {
		t.Errorf("status %q %v, agreement %v, risk %q", p.Status, p.StatusDate, p.OnCurrentCustomerAgreement, p.RiskAssessment.Overall)
	}
	if len(p.Emails) == 0 || p.Emails[len(p.Emails)-1].EmailType != 3 || p.Emails[len(p.Emails)-1].Description != "FMCSA Email" {
		t.Errorf("Emails %+v", p.Emails)
	}
	raw := string(a.ok("PreviewCarrier", dotQuery(SampleDOTNumber)).body)
	for _, absent := range []string{"ReviewState", "ReviewDetails", "HasRuleOverride", "RuleName", "PreReviewScore", "RuleEnforced"} {
		if strings.Contains(raw, `"`+absent+`"`) {
			t.Errorf("answer carries %s, which captured traffic never did", absent)
		}
	}
	intra := carrierOf(t, inst.Server, KindIntrastate)
	a.ok("PreviewCarrier", dotQuery(intra.DOTNumber)).decode(t, &out)
	if !out[0].IsIntrastateCarrier || out[0].DocketNumber != "" || !out[0].RiskAssessmentDetails.IsIntrastateCarrier {
		t.Errorf("intrastate carrier %+v", out[0])
	}
}

func TestGetCarrierData(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)

	t.Run("without packet", func(t *testing.T) {
		a := a.with(t)
		m := a.ok("GetCarrierData", dotQuery(SampleDOTNumber)).object(t)
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range m {
				if !yield(k) {
					return
				}
			}
		})
		if !slices.Equal(keys, []string{"$id", "AssureAdvantage", "Message"}) || m["Message"] != "Carrier Agreement does not exist." {
			t.Errorf("keys %v, Message %v", keys, m["Message"])
		}
		var out mcp.CarrierData
		a.ok("GetCarrierData", dotQuery(SampleDOTNumber)).decode(t, &out)
		if len(out.AssureAdvantage) != 1 || out.AssureAdvantage[0].ResponseDO.Status != "APPROVED" || out.CarrierPacket != nil {
			t.Errorf("AssureAdvantage %+v", out.AssureAdvantage)
		}
	})

	t.Run("with packet", func(t *testing.T) {
		a := a.with(t)
		c := carrierOf(t, inst.Server, KindPacket)
		var out mcp.CarrierData
		a.ok("GetCarrierData", "DocketNumber="+c.DocketNumber+"&"+dotQuery(c.DOTNumber)).decode(t, &out)
		p := out.CarrierPacket
		if p == nil || out.Message != "" {
			t.Fatalf("no packet: Message %q", out.Message)
		}
		if p.DOTNumber != c.DOTNumber || p.MCNumber != c.DocketNumber || p.LegalName != c.LegalName {
			t.Errorf("packet names DOT %d %s %q", p.DOTNumber, p.MCNumber, p.LegalName)
		}
		if len(p.CarrierCustomerAgreements) != 1 || p.CarrierCustomerAgreements[0].CustomerAgreement.BlobName == "" ||
			len(p.CarrierCustomerAgreements[0].CarrierCustomerAgreementImages) != 1 {
			t.Errorf("agreements %+v", p.CarrierCustomerAgreements)
		}
		if len(p.CarrierW9Forms) != 1 || len(p.CarrierW9Forms[0].CarrierW9FormImages) != 1 || p.CarrierW9Forms[0].EIN == "" {
			t.Errorf("W-9 %+v", p.CarrierW9Forms)
		}
		if p.CarrierLane == nil || !p.CarrierLane.UnitedStates || p.CarrierTruckType == nil || !p.CarrierTruckType.Van || p.CarrierPaymentInfo == nil {
			t.Error("lanes, truck types or payment info missing")
		}
		if (p.FactoringRemit == nil) == (p.CarrierBank == nil) {
			t.Error("a packet has either a factoring remit or a bank")
		}
		d := out.AssureAdvantage[0].CarrierDetails
		if d.DotNumber.Value != strconv.Itoa(c.DOTNumber) || d.DocketNumber != c.DocketNumber {
			t.Errorf("CarrierDetails names %v %s", d.DotNumber, d.DocketNumber)
		}
	})
}

func TestGetCarrierContactsIsABareObject(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	r := a.ok("GetCarrierContacts", "docketNumber="+SampleDocketNumber)
	if !strings.HasPrefix(string(r.body), `{"$id":"1","Success":true,"Message":"","Carrier":{"$id":"2","DOTNumber":23868,`) {
		t.Errorf("body %.200s", r.body)
	}
	var out mcp.CarrierContactsResult
	r.decode(t, &out)
	if len(out.Carrier.Contacts) == 0 || out.Carrier.Contacts[0].Title != "Admin" || !out.Carrier.Contacts[0].AuthorizedForPackets {
		t.Errorf("contacts %+v", out.Carrier.Contacts)
	}
	for _, c := range out.Carrier.Contacts {
		if !regexp.MustCompile(`^\d{10}$`).MatchString(c.Phone) {
			t.Errorf("contact phone %q is not ten bare digits", c.Phone)
		}
	}
}

// TestIncidentReports: a carrier's reports are as many as PreviewCarrier
// counts (their content is tested in package universe).
func TestIncidentReports(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	if r := a.ok("GetCarrierIncidentReports", dotQuery(SampleDOTNumber)); !strings.Contains(string(r.body), `"IncidentReports":null`) {
		t.Errorf("no reports must be null: %s", r.body)
	}
	cs, err := inst.Carriers(CarrierFilter{Kind: KindIncidents, Limit: 30})
	if err != nil || len(cs) < 20 {
		t.Fatalf("%d carriers with incidents: %v", len(cs), err)
	}
	for _, c := range cs {
		var rep mcp.CarrierIncidentReport
		a.ok("GetCarrierIncidentReports", dotQuery(c.DOTNumber)).decode(t, &rep)
		var prev []mcp.PreviewCarrier
		a.ok("PreviewCarrier", dotQuery(c.DOTNumber)).decode(t, &prev)
		if got := prev[0].IncidentReports; len(rep.IncidentReports) == 0 || got.TotalIncidentReports != len(rep.IncidentReports) {
			t.Errorf("DOT %d: preview counts %+v, reports %d", c.DOTNumber, got, len(rep.IncidentReports))
		}
	}
}

// TestRiskRulesMatchTheDetails: a carrier whose insurance expired by the
// emulator's clock is scored for it (that the points add up is tested in
// package universe).
func TestRiskRulesMatchTheDetails(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	expired := carrierOf(t, inst.Server, KindExpiredInsurance)
	var out []mcp.PreviewCarrier
	a.ok("PreviewCarrier", dotQuery(expired.DOTNumber)).decode(t, &out)
	ins := out[0].RiskAssessmentDetails.Insurance
	if ins.OverallRating != "UnacceptableReview" || out[0].RiskAssessment.Insurance != "Unacceptable" || out[0].RiskAssessment.Overall != "Unacceptable" {
		t.Errorf("expired insurance scored %+v / %+v", ins, out[0].RiskAssessment)
	}
	earliest := "9999-99-99"
	for _, cv := range out[0].CertData.Certificates[0].Coverages {
		earliest = min(earliest, cv.ExpirationDate)
	}
	if earliest >= testEpoch.Format("2006-01-02") {
		t.Errorf("earliest expiration %s is not before the clock", earliest)
	}
}

func TestFindAssociatedCarriers(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 10000})
	a := newAPI(t, inst)
	find := func(t *testing.T, query string) mcp.AssociatedCarriersResult {
		t.Helper()
		var out mcp.AssociatedCarriersResult
		a.with(t).ok("FindAssociatedCarriers", query).decode(t, &out)
		if out.AssociatedCarriersCount != len(out.AssociatedCarriers) {
			t.Errorf("count %d for %d carriers", out.AssociatedCarriersCount, len(out.AssociatedCarriers))
		}
		return out
	}
	dots := func(r mcp.AssociatedCarriersResult) []int {
		var out []int
		for _, c := range r.AssociatedCarriers {
			out = append(out, c.DOTNumber)
		}
		return out
	}

	phoneRings, emailRings := fraudRings(t, inst.Server)
	if len(phoneRings) < 2 || len(emailRings) < 2 {
		t.Fatalf("%d phone and %d e-mail fraud rings", len(phoneRings), len(emailRings))
	}
	for k, ring := range slices.Concat(phoneRings[:2], emailRings[:2]) {
		sharesPhone := k < 2
		var want []int
		for _, c := range ring {
			want = append(want, c.DOTNumber)
		}
		member := ring[len(ring)-1]
		var got mcp.AssociatedCarriersResult
		if sharesPhone {
			got = find(t, "phone="+dashed(member.Phone))
			if g2 := find(t, "phone=%2B1"+digits(member.Phone)); !slices.Equal(dots(g2), dots(got)) {
				t.Errorf("ring %d: +1 prefix found %v, want %v", k, dots(g2), dots(got))
			}
		} else {
			got = find(t, "email="+url.QueryEscape(strings.ToUpper(member.Email)))
		}
		if !got.Success || !slices.Equal(dots(got), want) {
			t.Errorf("ring %d (phone %v): found %v, want %v", k, sharesPhone, dots(got), want)
			continue
		}
		for _, c := range got.AssociatedCarriers {
			types := c.EmailAssociationTypes
			other := c.PhoneAssociationTypes
			if sharesPhone {
				types, other = other, types
			}
			if len(types) == 0 || types[0] != (mcp.AssociationType{AssociationType: 1, Description: "Company"}) || len(other) != 0 {
				t.Errorf("ring %d DOT %d: association types %+v / %+v", k, c.DOTNumber, types, other)
			}
		}
	}

	t.Run("a carrier outside rings finds itself", func(t *testing.T) {
		cs, err := inst.Carriers(CarrierFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		k := 1 + slices.IndexFunc(cs[1:], func(c CarrierInfo) bool { return !slices.Contains(c.Kinds, KindFraudRing) })
		got := find(t, "phone="+url.QueryEscape(cs[k].Phone)+"&email="+url.QueryEscape(cs[k].Email))
		if !slices.Equal(dots(got), []int{cs[k].DOTNumber}) {
			t.Fatalf("found %v", dots(got))
		}
		c := got.AssociatedCarriers[0]
		if len(c.PhoneAssociationTypes) == 0 || len(c.EmailAssociationTypes) == 0 {
			t.Errorf("types %+v %+v", c.PhoneAssociationTypes, c.EmailAssociationTypes)
		}
	})

	t.Run("contacts associate by role", func(t *testing.T) {
		var res mcp.CarrierContactsResult
		a.with(t).ok("GetCarrierContacts", dotQuery(SampleDOTNumber)).decode(t, &res)
		admin := res.Carrier.Contacts[0]
		got := find(t, "email="+url.QueryEscape(admin.Email)+"&phone="+admin.Phone)
		if len(got.AssociatedCarriers) != 1 {
			t.Fatalf("found %v", dots(got))
		}
		// The e-mail and the phone are one contact's, an authorized user.
		c := got.AssociatedCarriers[0]
		authorized := mcp.AssociationType{AssociationType: 8, Description: "Authorized User"}
		if !slices.Equal(c.EmailAssociationTypes, c.PhoneAssociationTypes) || !slices.Contains(c.EmailAssociationTypes, authorized) {
			t.Errorf("association types %+v / %+v", c.EmailAssociationTypes, c.PhoneAssociationTypes)
		}
	})

	t.Run("no match", func(t *testing.T) {
		for _, q := range []string{"phone=" + url.QueryEscape("(999) 000-0000"), "email=nobody%40nowhere.example", "phone=12", "email=x%40atlasfreight.com"} {
			if got := find(t, q); !got.Success || got.AssociatedCarriers == nil || len(got.AssociatedCarriers) != 0 {
				t.Errorf("%s: %+v", q, got)
			}
		}
	})

	t.Run("neither phone nor email", func(t *testing.T) {
		r := a.with(t).ok("FindAssociatedCarriers", "")
		if want := `{"$id":"1","Success":false,"Message":"A phone number or an email address is required.","AssociatedCarriersCount":0,"AssociatedCarriers":[]}`; string(r.body) != want {
			t.Errorf("body %s", r.body)
		}
	})
}

// TestVINVerifications: carriers with VIN verifications answer them (their
// content is tested in package universe).
func TestVINVerifications(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	if r := a.ok("GetCarrierVINVerifications", dotQuery(SampleDOTNumber)); !strings.Contains(string(r.body), `"VINVerifications":null`) {
		t.Errorf("no verifications must be null: %s", r.body)
	}
	cs, _ := inst.Carriers(CarrierFilter{Kind: KindVINVerifications, Limit: 15})
	for _, c := range cs {
		var out mcp.CarrierVINVerification
		a.ok("GetCarrierVINVerifications", dotQuery(c.DOTNumber)).decode(t, &out)
		if len(out.VINVerifications) == 0 {
			t.Errorf("DOT %d has no VIN verifications", c.DOTNumber)
		}
	}
}

func BenchmarkGetCarrierDataWithPacket(b *testing.B) {
	s := New(Options{Carriers: 10000})
	c, _ := s.Carriers(CarrierFilter{Kind: KindPacket, Limit: 1})
	tok := s.auth.issue(s.now()).AccessToken
	for b.Loop() {
		req := httptest.NewRequestWithContext(b.Context(), http.MethodPost, "/api/v1/Carrier/GetCarrierData?DOTNumber="+strconv.Itoa(c[0].DOTNumber), nil)
		req.Header.Set("Authorization", "bearer "+tok)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
	}
}
