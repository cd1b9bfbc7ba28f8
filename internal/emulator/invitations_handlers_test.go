package emulator

import (
	"bytes"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func TestCompletedPackets(t *testing.T) {
	t.Parallel()
	inst, clock := startTest(t, Options{})
	a := newAPI(t, inst)
	generated, _ := inst.Carriers(CarrierFilter{Kind: KindPacket})
	if len(generated) < 20 {
		t.Fatalf("%d carriers with a packet", len(generated))
	}
	var out []mcp.CompletedPacket
	a.ok("CompletedPackets", window(testEpoch.AddDate(0, 0, -91), testEpoch)).decode(t, &out)
	if len(out) != len(generated) {
		t.Errorf("%d completed packets in 91 days, want %d", len(out), len(generated))
	}
	for k, p := range out {
		if p.DOTNumber != generated[k].DOTNumber || p.DocketNumber != generated[k].DocketNumber || p.LegalName != generated[k].LegalName || p.CompletedDate.After(testEpoch) {
			t.Errorf("packet %+v, want DOT %d", p, generated[k].DOTNumber)
		}
	}
	// A window around one completion finds exactly it, both ends included.
	at := out[0].CompletedDate.Time
	var one []mcp.CompletedPacket
	a.ok("CompletedPackets", "fromDate="+url.QueryEscape(mcp.Time{Time: at}.String())+"&toDate="+url.QueryEscape(mcp.Time{Time: at}.String())).decode(t, &one)
	if len(one) != 1 || one[0].DOTNumber != out[0].DOTNumber {
		t.Errorf("window [t, t] found %+v", one)
	}

	clock.Advance(time.Hour)
	if err := inst.CompletePacket(SampleDOTNumber); err != nil {
		t.Fatal(err)
	}
	a.ok("CompletedPackets", window(clock.Now().Add(-time.Minute), clock.Now())).decode(t, &out)
	if len(out) != 1 || out[0].DOTNumber != SampleDOTNumber || !out[0].CompletedDate.Equal(clock.Now()) {
		t.Errorf("after CompletePacket: %+v", out)
	}
	var data mcp.CarrierData
	a.ok("GetCarrierData", dotQuery(SampleDOTNumber)).decode(t, &data)
	if data.CarrierPacket == nil || data.Message != "" {
		t.Error("GetCarrierData has no packet after CompletePacket")
	}
	var p []mcp.PreviewCarrier
	a.ok("PreviewCarrier", dotQuery(SampleDOTNumber)).decode(t, &p)
	if p[0].Status != "Completed" || !p[0].StatusDate.Equal(clock.Now()) || p[0].OnCurrentCustomerAgreement == nil || !*p[0].OnCurrentCustomerAgreement {
		t.Errorf("preview after completion: %q %v", p[0].Status, p[0].StatusDate)
	}
	if r := a.call("CompletedPackets", window(clock.Now(), testEpoch)); r.status != http.StatusBadRequest {
		t.Errorf("fromDate after toDate: HTTP %d", r.status)
	}
}

func TestEmailPacketInvitation(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	c := carrierOf(t, inst.Server, KindMC)
	q := "carrierEmail=" + url.QueryEscape("dispatch@carrier.example") + "&dotNumber=" + strconv.Itoa(c.DOTNumber) +
		"&userName=jane&sendConfirmationEmail=True&notificationEmails=" + url.QueryEscape("a@broker.example, b@broker.example")
	if r := a.ok("EmailPacketInvitation", q); string(r.body) != `{"$id":"1"}` {
		t.Errorf("body %s, want {} with $id", r.body)
	}
	want := Invitation{DOTNumber: c.DOTNumber, DocketNumber: c.DocketNumber, CarrierEmail: "dispatch@carrier.example", UserName: "jane",
		SendConfirmationEmail: true, NotificationEmails: []string{"a@broker.example", "b@broker.example"}, ReceivedAt: testEpoch}
	got := inst.Snapshot().Invitations
	if len(got) != 1 || got[0].DOTNumber != want.DOTNumber || got[0].DocketNumber != want.DocketNumber || got[0].CarrierEmail != want.CarrierEmail ||
		got[0].UserName != want.UserName || !got[0].SendConfirmationEmail || !slices.Equal(got[0].NotificationEmails, want.NotificationEmails) || !got[0].ReceivedAt.Equal(testEpoch) {
		t.Errorf("invitations %+v, want [%+v]", got, want)
	}
	var p []mcp.PreviewCarrier
	a.ok("PreviewCarrier", dotQuery(c.DOTNumber)).decode(t, &p)
	if p[0].Status != "Invited" || !p[0].StatusDate.Equal(testEpoch) {
		t.Errorf("Status %q %v after an invitation", p[0].Status, p[0].StatusDate)
	}
	var d mcp.CarrierData
	a.ok("GetCarrierData", dotQuery(c.DOTNumber)).decode(t, &d)
	if li := d.AssureAdvantage[0].CarrierDetails.LatestInvitation; li.InvitationRecipient != "dispatch@carrier.example" || li.InvitedByUserName != "jane" || !li.InvitationSentDate.Equal(testEpoch) {
		t.Errorf("LatestInvitation %+v", li)
	}

	tests := []struct {
		name, query string
		status      int
	}{
		{"not an address", "carrierEmail=dispatch&dotNumber=23868", 400},
		{"display name", "carrierEmail=" + url.QueryEscape("Bob <bob@x.example>") + "&dotNumber=23868", 400},
		{"no dotted domain", "carrierEmail=bob%40localhost&dotNumber=23868", 400},
		{"bad notification address", "carrierEmail=bob%40x.example&dotNumber=23868&notificationEmails=a%40b.example,nope", 400},
		{"empty e-mail", "carrierEmail=&dotNumber=23868", 400},
		{"no carrier", "carrierEmail=bob%40x.example", 400},
		{"unknown carrier", "carrierEmail=bob%40x.example&docketNumber=MC1", 404},
	}
	for _, tt := range tests {
		if r := a.call("EmailPacketInvitation", tt.query); r.status != tt.status {
			t.Errorf("%s: HTTP %d %s, want %d", tt.name, r.status, r.body, tt.status)
		}
	}
	if n := len(inst.Snapshot().Invitations); n != 1 || inst.Writes() != 1 {
		t.Errorf("%d invitations, %d writes after refused requests", n, inst.Writes())
	}
}

func TestRequestUserVerification(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	var before mcp.CarrierContactsResult
	a.ok("GetCarrierContacts", dotQuery(SampleDOTNumber)).decode(t, &before)

	for _, email := range []string{before.Carrier.Contacts[0].Email, "new.user@sampletrucking.com"} {
		if r := a.ok("RequestUserVerification", "userVerificationEmail="+url.QueryEscape(email)+"&dotNumber=23868&userName=jane"); string(r.body) != `{"$id":"1"}` {
			t.Errorf("body %s", r.body)
		}
	}
	var after mcp.CarrierContactsResult
	a.ok("GetCarrierContacts", dotQuery(SampleDOTNumber)).decode(t, &after)
	if len(after.Carrier.Contacts) != len(before.Carrier.Contacts)+1 {
		t.Fatalf("%d contacts, want %d", len(after.Carrier.Contacts), len(before.Carrier.Contacts)+1)
	}
	if s := after.Carrier.Contacts[0].VerificationStatus; s != "Pending" {
		t.Errorf("existing contact status %q", s)
	}
	added := after.Carrier.Contacts[len(after.Carrier.Contacts)-1]
	if added.Email != "new.user@sampletrucking.com" || added.VerificationStatus != "Pending" {
		t.Errorf("added contact %+v", added)
	}
	// The added contact is searchable.
	var found mcp.AssociatedCarriersResult
	a.ok("FindAssociatedCarriers", "email=NEW.USER%40sampletrucking.com").decode(t, &found)
	if len(found.AssociatedCarriers) != 1 || found.AssociatedCarriers[0].EmailAssociationTypes[0].Description != "User Verification Pending" {
		t.Errorf("FindAssociatedCarriers %+v", found)
	}
	if uv := inst.Snapshot().UserVerifications; len(uv) != 2 || uv[1].Email != "new.user@sampletrucking.com" || uv[1].UserName != "jane" || uv[1].DOTNumber != SampleDOTNumber {
		t.Errorf("user verifications %+v", uv)
	}
	if r := a.call("RequestUserVerification", "userVerificationEmail=nope&dotNumber=23868"); r.status != 400 {
		t.Errorf("bad e-mail: HTTP %d", r.status)
	}
}

func TestRequestVINVerification(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)

	r := a.call("RequestVINVerification", "deliveryOption=1&vinVerificationEmail=a%40b.example&dotNumber=23868")
	if r.status != 400 || string(r.body) != `{"$id":"1","Message":"Email VIN Validations are no longer supported"}` {
		t.Errorf("option 1: HTTP %d %s", r.status, r.body)
	}
	for _, q := range []string{"deliveryOption=2&dotNumber=23868", "deliveryOption=2&dotNumber=23868&vinVerificationPhoneNumber=555-1234"} {
		if r := a.call("RequestVINVerification", q); r.status != 400 {
			t.Errorf("%s: HTTP %d", q, r.status)
		}
	}
	if r := a.call("RequestVINVerification", "deliveryOption=2&vinVerificationPhoneNumber=5551234567&dotNumber=42"); r.status != 404 {
		t.Errorf("unknown carrier: HTTP %d", r.status)
	}

	r = a.ok("RequestVINVerification", "deliveryOption=2&vinVerificationPhoneNumber=%2B1+(312)+555-0101&dotNumber=23868")
	if string(r.body) != `"VIN verification request sent to (312) 555-0101."` {
		t.Errorf("string answer %s", r.body)
	}
	var out mcp.RequestVINVerificationOutput
	a.ok("RequestVINVerification", "deliveryOption=2&vinVerificationPhoneNumber=3125550102&docketNumber=MC113843&userName=jane&outputVINVerificationRequestID=true").decode(t, &out)
	if out.VinVerificationRequestID != firstVINRequestID+1 || out.Message != "VIN verification request sent to (312) 555-0102." {
		t.Errorf("object answer %+v", out)
	}

	var v mcp.CarrierVINVerification
	a.ok("GetCarrierVINVerifications", dotQuery(SampleDOTNumber)).decode(t, &v)
	if len(v.VINVerifications) != 2 {
		t.Fatalf("%d verifications, want the 2 pending requests", len(v.VINVerifications))
	}
	pending := v.VINVerifications[1]
	if pending.VIN != "" || pending.VINVerificationStatus.StatusID != 1 || len(pending.Requests) != 1 ||
		pending.Requests[0].RequestSentTo != "(312) 555-0102" || pending.Requests[0].RequestedByUser != "jane" || !pending.CreatedOnUtc.Equal(testEpoch) {
		t.Errorf("pending request %+v", pending)
	}
	if v.VINVerifications[0].Requests[0].RequestedByUser != "demo" {
		t.Errorf("RequestedByUser %q without userName, want the integration user", v.VINVerifications[0].Requests[0].RequestedByUser)
	}
	snap := inst.Snapshot().VINVerifications
	if len(snap) != 2 || snap[1].RequestID != out.VinVerificationRequestID || snap[1].PhoneNumber != "(312) 555-0102" {
		t.Errorf("snapshot %+v", snap)
	}
	if inst.Writes() != 2 {
		t.Errorf("Writes = %d, want 2", inst.Writes())
	}
}

// checkPDF verifies a PDF's header, trailer and cross-reference offsets.
func checkPDF(t *testing.T, pdf []byte) {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatalf("not a PDF: %.40q", pdf)
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 6\n")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n \n`).FindAllSubmatch(pdf[xref:], -1)
	if len(entries) != 5 {
		t.Fatalf("%d xref entries", len(entries))
	}
	for k, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := strconv.Itoa(k+1) + " 0 obj\n"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %.12q", k+1, pdf[off:])
		}
	}
	length := regexp.MustCompile(`/Length (\d+) >>\nstream\n`).FindSubmatchIndex(pdf)
	n, _ := strconv.Atoi(string(pdf[length[2]:length[3]]))
	if !bytes.HasPrefix(pdf[length[1]+n:], []byte("endstream")) {
		t.Error("stream /Length is wrong")
	}
}
