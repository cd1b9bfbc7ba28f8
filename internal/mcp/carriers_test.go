package mcp

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

// previewQuirks has what Json.NET writes: "$id" on every object, a "$ref"
// object, nulls for strings, booleans, numbers, arrays and objects, and
// offset-less date-times with up to seven fractional digits.
const previewQuirks = `[{"$id":"1","CarrierID":null,"DotNumber":1234567,"DocketNumber":"MC123456","CompanyName":"ACME TRUCKING LLC",
"DBAName":null,"Phone":"(555) 010-0100","Status":"Not Invited","StatusDate":"2025-07-22T12:18:46.6299792","InProcessState":null,
"IncidentReports":{"$id":"2","TotalIncidentReports":0,"TotalIncidentReportsWithFraud":null},
"HasSaferWatchKey":null,"WatchdogReports":"NOACCOUNT","OnCurrentCustomerAgreement":null,
"CarrierRating":{"$id":"3","RatingValue":null,"HasCompletedPacket":null,"RatingValueText":null},
"RiskAssessment":{"$id":"4","Overall":"Unacceptable","Authority":"Acceptable","Insurance":null},
"RiskAssessmentDetails":{"$id":"5","IsIntrastateCarrier":false,"TotalPoints":1750,"OverallRating":"UnacceptableReview",
  "Authority":{"$id":"6","TotalPoints":0,"OverallRating":"Acceptable","Infractions":[]},
  "Insurance":{"$ref":"6"},"Safety":null,"Operation":{"$id":"7","TotalPoints":750,"OverallRating":"Moderate",
    "Infractions":[{"$id":"8","Points":250,"RiskLevel":"Medium","RuleText":"x","RuleOutput":null}]},"Other":null},
"CertData":{"$id":"9","Status":"OK","Noncoop":false,"Certificates":[{"$id":"10","CertificateID":"C-1","Coverages":[
  {"$id":"11","Type":"Auto","ExpirationDate":"2026-03-18","CoverageLimit":"1,000,000","Deductible":"","CancellationDate":null}]}]},
"Emails":null,"Source":3,"IsIntrastateCarrier":false,"IsMonitored":true,"IsBlocked":false,"FreightValidateStatus":null}]`

// TestCarriers_previewQuirks: Json.NET's quirks decode: "$id" members, a
// "$ref", nulls of every type, and offset-less date-times.
func TestCarriers_previewQuirks(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	serveOnce(t, mux, "PreviewCarrier", url.Values{"DOTNumber": {"1234567"}, "docketNumber": {"MC123456"}}, http.StatusOK, jsonType, previewQuirks)
	got, err := client.Carriers.Preview(context.Background(), lookup)
	if err != nil {
		t.Fatal(err)
	}
	if got.DotNumber != 1234567 || got.CompanyName != "ACME TRUCKING LLC" || got.DBAName != "" || got.CarrierID != 0 {
		t.Errorf("identity = %+v", got)
	}
	if want := time.Date(2025, 7, 22, 12, 18, 46, 629979200, time.UTC); !got.StatusDate.Equal(want) {
		t.Errorf("StatusDate = %v, want %v", got.StatusDate, want)
	}
	if got.OnCurrentCustomerAgreement != nil || got.CarrierRating == nil || got.CarrierRating.HasCompletedPacket != nil {
		t.Errorf("null booleans: OnCurrentCustomerAgreement=%v CarrierRating=%+v", got.OnCurrentCustomerAgreement, got.CarrierRating)
	}
	d := got.RiskAssessmentDetails
	if d == nil || d.TotalPoints != 1750 || d.Insurance == nil || d.Safety != nil || len(d.Operation.Infractions) != 1 || d.Operation.Infractions[0].Points != 250 {
		t.Fatalf("RiskAssessmentDetails = %+v", d)
	}
	if !reflect.DeepEqual(*d.Insurance, *d.Authority) || d.Insurance.OverallRating != "Acceptable" {
		t.Errorf(`{"$ref":"6"} decoded as %+v, want Authority %+v`, d.Insurance, d.Authority)
	}
	if got.Emails != nil || got.CertData.Certificates[0].Coverages[0].CoverageLimit != "1,000,000" {
		t.Errorf("Emails = %v, CertData = %+v", got.Emails, got.CertData)
	}
}

// TestCarriers_nullsAndDates: nulls where arrays, objects and numbers go,
// and every date-time style, in the list models.
func TestCarriers_nullsAndDates(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	serveOnce(t, mux, "MonitoredCarriers", url.Values{}, http.StatusOK, jsonType, `[
	{"$id":"1","DOTNumber":1,"CreatedDate":"2025-07-22T12:18:46.6299792","LastModifiedDate":"2025-07-22T12:18:46.6"},
	{"$id":"2","DOTNumber":2,"CreatedDate":"2025-07-22T12:18:46","LastModifiedDate":"2025-07-22T12:18:46.629Z"},
	{"$id":"3","DOTNumber":3,"CreatedDate":"2025-07-22T14:18:46+02:00","LastModifiedDate":null},
	{"$id":"4","DOTNumber":null,"DocketNumber":null,"IntrastateNumber":null,"CreatedDate":null,"CreatedBy":null,"LastModifiedDate":"","LastModifiedBy":null},
	{"$ref":"1"}]`)
	got, _, err := client.Monitoring.List(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	at := func(ns int) time.Time { return time.Date(2025, 7, 22, 12, 18, 46, ns, time.UTC) }
	want := []struct{ created, modified time.Time }{
		{at(629979200), at(600000000)},
		{at(0), at(629000000)},
		{at(0), time.Time{}},
		{time.Time{}, time.Time{}},
		{at(629979200), at(600000000)}, // {"$ref":"1"}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d carriers, want %d", len(got), len(want))
	}
	for i, w := range want {
		if !got[i].CreatedDate.Equal(w.created) || !got[i].LastModifiedDate.Equal(w.modified) {
			t.Errorf("carrier %d dates = %v / %v, want %v / %v", i, got[i].CreatedDate, got[i].LastModifiedDate, w.created, w.modified)
		}
	}
}

// TestCarriers_badDate: a date-time MCP would never write fails the call
// with a decoding error rather than a silent zero.
func TestCarriers_badDate(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	serveOnce(t, mux, "MonitoredCarriers", url.Values{}, http.StatusOK, jsonType, `[{"DOTNumber":1,"CreatedDate":"22/07/2025"}]`)
	_, _, err := client.Monitoring.List(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "MCP MonitoredCarriers: decoding response") {
		t.Errorf("error = %v", err)
	}
}

// TestCarriers_contacts: GetCarrierContacts answers a bare object (as
// captured) or an array (as declared); an empty array is "not found".
// Success=false without contacts in a 200 is an empty result (MCP's answer
// for a carrier without contacts); with contacts, or in another 2xx, it is an
// *OperationError.
func TestCarriers_contacts(t *testing.T) {
	t.Parallel()
	contact := `{"$id":"1","Success":true,"Message":null,"Carrier":{"$id":"2","DOTNumber":1234567,"DocketNumber":"MC123456","LegalName":"ACME",
		"Contacts":[{"$id":"3","FirstName":"Pat","LastName":null,"AuthorizedForPackets":true,"VerificationStatus":"Verified"}]}}`
	tests := []struct {
		name, body   string
		status       int // 200 when zero
		wantErr      string
		wantNotFound bool
		wantEmpty    bool   // Success=false, no contacts, no error
		wantCarrier  bool   // with wantEmpty: Carrier is not nil
		wantMessage  string // with wantEmpty
	}{
		{name: "object", body: contact},
		{name: "array", body: "[" + contact + "]"},
		{name: "empty array", body: `[]`, wantErr: "no carrier matches DOT 1234567 / MC123456", wantNotFound: true},
		{name: "null", body: `null`, wantNotFound: true, wantErr: "not found"},
		{name: "Success false, carrier null", body: `{"$id":"1","Success":false,"Message":"No contacts found.","Carrier":null}`,
			wantEmpty: true, wantMessage: "No contacts found."},
		{name: "Success false, contacts empty", body: `{"Success":false,"Message":"No contacts.","Carrier":{"DOTNumber":1234567,"LegalName":"ACME","Contacts":[]}}`,
			wantEmpty: true, wantCarrier: true, wantMessage: "No contacts."},
		{name: "Success false, contacts null", body: `{"Success":false,"Carrier":{"DOTNumber":1234567,"LegalName":"ACME","Contacts":null}}`,
			wantEmpty: true, wantCarrier: true},
		{name: "Success false in array", body: `[{"Success":false,"Message":"nope"}]`, wantEmpty: true, wantMessage: "nope"},
		{name: "Success missing", body: `{"Carrier":null}`, wantEmpty: true},
		{name: "Success false with contacts", body: strings.Replace(contact, `"Success":true,"Message":null`, `"Success":false,"Message":"odd"`, 1),
			wantErr: "MCP GetCarrierContacts reported failure: odd"},
		{name: "Success false in a 203", status: http.StatusNonAuthoritativeInfo, body: `{"Success":false,"Message":"proxy","Carrier":null}`,
			wantErr: "reported failure: proxy"},
		{name: "garbage", body: `{"Success":"yes"`, wantErr: "decoding response"},
		{name: "Success true without a carrier", body: `{"Success":true,"Carrier":null}`, wantErr: "no carrier matches DOT 1234567 / MC123456", wantNotFound: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			status := tt.status
			if status == 0 {
				status = http.StatusOK
			}
			serveOnce(t, mux, "GetCarrierContacts", url.Values{"DOTNumber": {"1234567"}, "docketNumber": {"MC123456"}}, status, jsonType, tt.body)
			got, err := client.Carriers.Contacts(context.Background(), lookup)
			switch {
			case tt.wantEmpty:
				if err != nil {
					t.Fatal(err)
				}
				if got.Success || got.Message != tt.wantMessage || got.Carrier == nil {
					t.Fatalf("Contacts = %+v, want Success=false, Message %q, and a carrier", got, tt.wantMessage)
				}
				if wantName := map[bool]string{true: "ACME"}[tt.wantCarrier]; len(got.Carrier.Contacts) != 0 || got.Carrier.LegalName != wantName {
					t.Errorf("Carrier = %+v, want no contacts and the name %q MCP sent", got.Carrier, wantName)
				}
				return
			case tt.wantErr == "":
				if err != nil {
					t.Fatal(err)
				}
				if !got.Success || got.Carrier.LegalName != "ACME" || len(got.Carrier.Contacts) != 1 || !got.Carrier.Contacts[0].AuthorizedForPackets {
					t.Errorf("Contacts = %+v", got.Carrier)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want %q", err, tt.wantErr)
			}
			if IsNotFound(err) != tt.wantNotFound {
				t.Errorf("IsNotFound(%v) = %v", err, !tt.wantNotFound)
			}
			var opErr *OperationError
			if strings.Contains(tt.wantErr, "reported failure") && !errors.As(err, &opErr) {
				t.Errorf("error %T is not an *OperationError", err)
			}
		})
	}
}

// TestCarriers_notFound: an empty array from PreviewCarrier or
// GetCarrierRiskAssessment, and a 404 from any operation, are "not found".
func TestCarriers_notFound(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, op     string
		query        url.Values
		status       int
		body         string
		call         func(context.Context, *Client) error
		wantNotFound bool
	}{
		{"preview []", "PreviewCarrier", url.Values{"DOTNumber": {"1234567"}, "docketNumber": {"MC123456"}}, 200, `[]`, func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.Preview(ctx, lookup)
			return err
		}, true},
		{"risk []", "GetCarrierRiskAssessment", url.Values{"dotNumber": {"1234567"}, "docketNumber": {"MC123456"}}, 200, `[]`, func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.RiskAssessment(ctx, lookup)
			return err
		}, true},
		{"carrier data 404", "GetCarrierData", url.Values{"DOTNumber": {"1234567"}, "DocketNumber": {"MC123456"}}, 404, `{"Message":"Carrier not found."}`, func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.Data(ctx, lookup)
			return err
		}, true},
		{"document 404", "GetDocument", url.Values{"name": {"w9/1/x.pdf"}}, 404, ``, func(ctx context.Context, c *Client) error {
			_, err := c.Documents.Get(ctx, "w9/1/x.pdf")
			return err
		}, true},
		{"preview 400", "PreviewCarrier", url.Values{"DOTNumber": {"1234567"}, "docketNumber": {"MC123456"}}, 400, `{"Message":"bad"}`, func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.Preview(ctx, lookup)
			return err
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			serveOnce(t, mux, tt.op, tt.query, tt.status, jsonType, tt.body)
			err := tt.call(context.Background(), client)
			if err == nil {
				t.Fatal("no error")
			}
			if IsNotFound(err) != tt.wantNotFound {
				t.Errorf("IsNotFound(%v) = %v, want %v", err, !tt.wantNotFound, tt.wantNotFound)
			}
			if tt.status == 200 && !errors.Is(err, ErrNotFound) {
				t.Errorf("error %v does not wrap ErrNotFound", err)
			}
		})
	}
}

// TestCarriers_findAssociated: Success=false inside a 200 is an error.
func TestCarriers_findAssociated(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	serveOnce(t, mux, "FindAssociatedCarriers", url.Values{"email": {"dispatch@example.com"}}, http.StatusOK, jsonType,
		`{"$id":"1","Success":false,"Message":"A phone number or email address is required.","AssociatedCarriersCount":0,"AssociatedCarriers":null}`)
	_, err := client.Carriers.FindAssociated(context.Background(), AssociatedCarriersQuery{Email: "dispatch@example.com"})
	opErr := errorsAs[*OperationError](t, err)
	if opErr.Operation != "FindAssociatedCarriers" || opErr.Message != "A phone number or email address is required." {
		t.Errorf("OperationError = %+v", opErr)
	}
}

// TestCarriers_dataWithoutPacket: GetCarrierData's "no packet" answer is a
// result, not an error.
func TestCarriers_dataWithoutPacket(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	serveOnce(t, mux, "GetCarrierData", url.Values{"DOTNumber": {"1234567"}, "DocketNumber": {"MC123456"}}, http.StatusOK, jsonType,
		`{"$id":"1","Message":"Carrier Agreement does not exist.","AssureAdvantage":[{"$id":"2","CarrierDetails":{"$id":"3","docketNumber":"MC123456","dotNumber":{"$id":"4","status":null,"Value":"1234567"}},"ResponseDO":null}]}`)
	got, err := client.Carriers.Data(context.Background(), lookup)
	if err != nil {
		t.Fatal(err)
	}
	if got.CarrierPacket != nil || got.Message != "Carrier Agreement does not exist." || got.AssureAdvantage[0].CarrierDetails.DotNumber.Value != "1234567" {
		t.Errorf("CarrierData = %+v", got)
	}
}

// TestCarriers_answerWithoutCarrier: the client owns "not found". Incident
// reports and VIN verifications that name no carrier, and a successful
// contacts answer without one, are ErrNotFound, as an empty PreviewCarrier
// is.
func TestCarriers_answerWithoutCarrier(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	for op, body := range map[string]string{
		"GetCarrierIncidentReports":  `{"$id":"1","DOTNumber":0,"IncidentReports":null}`,
		"GetCarrierVINVerifications": `{"$id":"1","VINVerifications":[]}`,
		"GetCarrierContacts":         `{"$id":"1","Success":true,"Message":null,"Carrier":null}`,
	} {
		mux.HandleFunc("/api/v1/Carrier/"+op, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, body) })
	}
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"IncidentReports":  func() error { _, err := client.Carriers.IncidentReports(ctx, lookup); return err },
		"VINVerifications": func() error { _, err := client.Carriers.VINVerifications(ctx, lookup); return err },
		"Contacts":         func() error { _, err := client.Carriers.Contacts(ctx, lookup); return err },
	} {
		if err := call(); !IsNotFound(err) || !errors.Is(err, ErrNotFound) {
			t.Errorf("%s = %v, want ErrNotFound", name, err)
		}
	}
}
