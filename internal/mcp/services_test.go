package mcp

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

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

const jsonType = "application/json; charset=utf-8"

var lookup = CarrierLookup{DOTNumber: 1234567, DocketNumber: "MC123456"}

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

// TestCarriers_previewQuirks: the JSON quirks of §2.5 decode.
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
				if got.Success || got.Message != tt.wantMessage || (got.Carrier != nil) != tt.wantCarrier {
					t.Errorf("Contacts = %+v, want Success=false, Message %q, carrier %v", got, tt.wantMessage, tt.wantCarrier)
				}
				if got.Carrier != nil && (len(got.Carrier.Contacts) != 0 || got.Carrier.LegalName != "ACME") {
					t.Errorf("Carrier = %+v", got.Carrier)
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

// TestBlocking_resultFalse: Result=false is an *OperationError returned
// together with the output.
func TestBlocking_resultFalse(t *testing.T) {
	t.Parallel()
	ref := CarrierRef{DOTNumber: 1234567, DocketNumber: "MC123456"}
	query := url.Values{"DOTNumber": {"1234567"}, "DocketNumber": {"MC123456"}}
	const msg = "Carrier DOT1234567/MC123456 is already on your blocked carrier list."
	tests := []struct {
		op   string
		call func(context.Context, *Client) (string, error)
	}{
		{"BlockCarrier", func(ctx context.Context, c *Client) (string, error) {
			out, err := c.Blocking.Block(ctx, ref)
			if out == nil {
				return "<nil output>", err
			}
			return out.Message, err
		}},
		{"UnblockCarrier", func(ctx context.Context, c *Client) (string, error) {
			out, err := c.Blocking.Unblock(ctx, ref)
			if out == nil {
				return "<nil output>", err
			}
			return out.Message, err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			calls := serveOnce(t, mux, tt.op, query, http.StatusOK, jsonType, `{"$id":"1","Result":false,"Message":"`+msg+`"}`)
			gotMsg, err := tt.call(context.Background(), client)
			opErr := errorsAs[*OperationError](t, err)
			if opErr.Operation != tt.op || opErr.Message != msg || gotMsg != msg {
				t.Errorf("OperationError = %+v, output message %q", opErr, gotMsg)
			}
			if calls.Load() != 1 {
				t.Errorf("requests = %d, want 1 (a false Result is not retried)", calls.Load())
			}
		})
	}
}

// TestInvitations_vinAnswerShapes: RequestVINVerification accepts a JSON
// string, the declared object, or plain text.
func TestInvitations_vinAnswerShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, contentType, body string
		want                    RequestVINVerificationOutput
	}{
		{"JSON string", jsonType, `"VIN verification request sent."`, RequestVINVerificationOutput{Message: "VIN verification request sent."}},
		{"object", jsonType, `{"$id":"1","VinVerificationRequestID":991,"Message":null}`, RequestVINVerificationOutput{VinVerificationRequestID: 991}},
		{"object with message", jsonType, `{"VinVerificationRequestID":992,"Message":"sent"}`, RequestVINVerificationOutput{VinVerificationRequestID: 992, Message: "sent"}},
		{"plain text", "text/plain; charset=utf-8", "VIN verification request sent.\r\n", RequestVINVerificationOutput{Message: "VIN verification request sent."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			serveOnce(t, mux, "RequestVINVerification", url.Values{"deliveryOption": {"2"}, "vinVerificationPhoneNumber": {"5550100100"},
				"dotNumber": {"1234567"}, "outputVINVerificationRequestID": {"true"}}, http.StatusOK, tt.contentType, tt.body)
			got, err := client.Invitations.RequestVINVerification(context.Background(),
				VINVerificationRequest{DeliveryOption: DeliveryPhone, PhoneNumber: "5550100100", DOTNumber: 1234567, OutputRequestID: true})
			if err != nil {
				t.Fatal(err)
			}
			if *got != tt.want {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// TestInvitations_rawAnswers: the undescribed answers of EmailPacketInvitation
// and RequestUserVerification come back byte for byte.
func TestInvitations_rawAnswers(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	const answer = `{"$id":"1","InvitationID":77,"Message":"Invitation sent."}`
	serveOnce(t, mux, "EmailPacketInvitation", url.Values{"carrierEmail": {"a@b.example"}, "sendConfirmationEmail": {"false"}}, http.StatusOK, jsonType, answer)
	serveOnce(t, mux, "RequestUserVerification", url.Values{"userVerificationEmail": {"a@b.example"}}, http.StatusOK, jsonType, `"queued"`)
	got, err := client.Invitations.EmailPacket(context.Background(), PacketInvitation{CarrierEmail: "a@b.example"})
	if err != nil || string(got) != answer {
		t.Errorf("EmailPacket = %s, %v", got, err)
	}
	got, err = client.Invitations.RequestUserVerification(context.Background(), UserVerificationRequest{Email: "a@b.example"})
	if err != nil || string(got) != `"queued"` {
		t.Errorf("RequestUserVerification = %s, %v", got, err)
	}
}

// TestDocuments_get: the document is returned as bytes with its content type.
func TestDocuments_get(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	pdf := "%PDF-1.7\n\x00\xff binary"
	serveOnce(t, mux, "GetDocument", url.Values{"name": {"coi/12/a b+c.pdf"}}, http.StatusOK, "application/pdf", pdf)
	doc, err := client.Documents.Get(context.Background(), "coi/12/a b+c.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if string(doc.Content) != pdf || doc.ContentType != "application/pdf" || doc.Name != "coi/12/a b+c.pdf" {
		t.Errorf("Document = %+v", doc)
	}
}

// TestDocuments_notTheDocument: a 200 whose body is JSON or HTML is a
// *NotDocumentError naming the content type (and the JSON message), never
// document bytes; other types are documents.
func TestDocuments_notTheDocument(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 150) // 300 bytes: cut between runes
	tests := []struct {
		name, contentType, body string
		wantMessage             string // "-" for a document
	}{
		{"JSON error object", jsonType, `{"$id":"1","Message":"The blob does not exist.\r\n"}`, "The blob does not exist."},
		{"JSON envelope", "application/json", `{"succeeded":false,"message":"Not allowed"}`, "Not allowed"},
		{"JSON without message", "text/json", `{"error":"x"}`, ""},
		{"JSON array", "application/problem+json", `[1]`, ""},
		{"JSON long message", jsonType, `{"Message":"` + long + `"}`, strings.Repeat("é", 100) + "…"},
		{"HTML sign-in page", "text/html; charset=utf-8", `<!DOCTYPE html><html><title>Sign in</title></html>`, ""},
		{"HTML, odd case", "Text/HTML", `<html></html>`, ""},
		{"PDF", "application/pdf", "%PDF-1.7", "-"},
		{"image", "image/png", "\x89PNG", "-"},
		{"octet-stream", "application/octet-stream", `{"Message":"looks like JSON, typed as bytes"}`, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			serveOnce(t, mux, "GetDocument", url.Values{"name": {"coi/12/a.pdf"}}, http.StatusOK, tt.contentType, tt.body)
			doc, err := client.Documents.Get(context.Background(), "coi/12/a.pdf")
			if tt.wantMessage == "-" {
				if err != nil || string(doc.Content) != tt.body {
					t.Errorf("Get = %+v, %v; want the document", doc, err)
				}
				return
			}
			if doc != nil {
				t.Errorf("Get returned a document: %q", doc.Content)
			}
			e := errorsAs[*NotDocumentError](t, err)
			if e.Name != "coi/12/a.pdf" || e.ContentType != tt.contentType || e.Message != tt.wantMessage {
				t.Errorf("NotDocumentError = %+v, want message %q", e, tt.wantMessage)
			}
			want := `MCP GetDocument did not return the document "coi/12/a.pdf": the answer is ` + tt.contentType
			if tt.wantMessage != "" {
				want += ": " + tt.wantMessage
			}
			if err.Error() != want {
				t.Errorf("Error() = %q, want %q", err, want)
			}
		})
	}
}

// TestAPIError_fromBody: a non-2xx answer is an *APIError with the status and
// the text of ASP.NET's {"Message", "MessageDetail"} body.
func TestAPIError_fromBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body  string
		status      int
		wantMessage string
		wantError   string
	}{
		{"captured 400", `{"$id":"1","Message":"Email VIN Validations are no longer supported"}`, 400,
			"Email VIN Validations are no longer supported",
			"MCP RequestVINVerification: HTTP 400 Bad Request: Email VIN Validations are no longer supported"},
		{"404 with detail", `{"Message":"No HTTP resource was found that matches the request URI.","MessageDetail":"No action was found on the controller 'Carrier' that matches the request."}`, 404,
			"No HTTP resource was found that matches the request URI. No action was found on the controller 'Carrier' that matches the request.",
			"MCP RequestVINVerification: HTTP 404 Not Found: No HTTP resource was found"},
		{"500 with exception", `{"Message":"An error has occurred.","ExceptionMessage":"Object reference not set","StackTrace":"at ..."}`, 500,
			"An error has occurred.", "MCP RequestVINVerification may or may not have been carried out: MCP RequestVINVerification: HTTP 500 Internal Server Error: An error has occurred."},
		{"HTML", `<html><body>IIS</body></html>`, 403, "", "MCP RequestVINVerification: HTTP 403 Forbidden"},
		{"empty", ``, 409, "", "MCP RequestVINVerification: HTTP 409 Conflict"},
		{"null message", `{"Message":null}`, 422, "", "MCP RequestVINVerification: HTTP 422 Unprocessable Entity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			serveOnce(t, mux, "RequestVINVerification", url.Values{"deliveryOption": {"1"}, "vinVerificationEmail": {"a@b.example"},
				"outputVINVerificationRequestID": {"false"}}, tt.status, jsonType, tt.body)
			_, err := client.Invitations.RequestVINVerification(context.Background(), VINVerificationRequest{DeliveryOption: DeliveryEmail, Email: "a@b.example"})
			apiErr := errorsAs[*APIError](t, err)
			if apiErr.StatusCode != tt.status || apiErr.Message != tt.wantMessage || apiErr.Operation != "RequestVINVerification" {
				t.Errorf("APIError = %+v, want status %d message %q", apiErr, tt.status, tt.wantMessage)
			}
			if !strings.HasPrefix(err.Error(), tt.wantError) {
				t.Errorf("Error() = %q, want prefix %q", err, tt.wantError)
			}
			if IsNotFound(err) != (tt.status == 404) {
				t.Errorf("IsNotFound = %v", tt.status != 404)
			}
		})
	}
}

// TestErrorPredicates: the Is* helpers see through wrapping and do not
// confuse the error kinds.
func TestErrorPredicates(t *testing.T) {
	t.Parallel()
	notFound := &APIError{Operation: "GetCarrierData", StatusCode: 404}
	tests := []struct {
		name                        string
		err                         error
		notFound, uncertain, authed bool
	}{
		{"nil", nil, false, false, false},
		{"404", notFound, true, false, false},
		{"wrapped 404", errors.Join(errors.New("context"), notFound), true, false, false},
		{"empty answer", (CarrierLookup{DOTNumber: 1}).notFound("PreviewCarrier"), true, false, false},
		{"400", &APIError{StatusCode: 400}, false, false, false},
		{"rate limit", &RateLimitError{APIError: APIError{StatusCode: 429}}, false, false, false},
		{"uncertain 503", &UncertainError{Operation: "EmailPacketInvitation", Err: &APIError{StatusCode: 503}}, false, true, false},
		{"auth", &AuthError{StatusCode: 400, Code: "invalid_grant"}, false, false, true},
		{"operation", &OperationError{Operation: "BlockCarrier"}, false, false, false},
		{"plain", errors.New("boom"), false, false, false},
	}
	for _, tt := range tests {
		if got := IsNotFound(tt.err); got != tt.notFound {
			t.Errorf("%s: IsNotFound = %v", tt.name, got)
		}
		if got := IsUncertain(tt.err); got != tt.uncertain {
			t.Errorf("%s: IsUncertain = %v", tt.name, got)
		}
		if got := IsAuthError(tt.err); got != tt.authed {
			t.Errorf("%s: IsAuthError = %v", tt.name, got)
		}
	}
	if got := (&OperationError{Operation: "BlockCarrier"}).Error(); got != "MCP BlockCarrier reported failure" {
		t.Errorf("OperationError without message: %q", got)
	}
	if got := (&AuthError{StatusCode: 401}).Error(); got != "MCP rejected the integration credentials (HTTP 401)" {
		t.Errorf("AuthError without code: %q", got)
	}
	if got := (CarrierLookup{DocketNumber: "MC1"}).notFound("PreviewCarrier").Error(); got != "MCP PreviewCarrier: no carrier matches MC1: not found" {
		t.Errorf("not-found error: %q", got)
	}
	if got := (CarrierRef{DOTNumber: 5, IntrastateNumber: "TX9"}).String(); got != "DOT 5 / TX9" {
		t.Errorf("CarrierRef.String = %q", got)
	}
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
				"GetCarrierIncidentReports": `{"$id":"1","IncidentReports":` + empty + `}`,
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

// An invitation answered 200 with a Message (ASP.NET's error shape) may have
// failed, or succeeded: it is uncertain, never a plain success, never an
// error the caller would answer by sending it again.
func TestEmailPacket_messageIsUncertain(t *testing.T) {
	t.Parallel()
	for body, uncertain := range map[string]bool{
		`{"$id":"1"}`: false,
		`{"$id":"1","InvitationID":77,"Message":"Invitation sent."}`:         false,
		`{"$id":"1","Message":"No carrier was found with DOT number 2386."}`: true,
	} {
		client, mux, _ := setup(t)
		handleToken(t, mux)
		mux.HandleFunc("/api/v1/Carrier/EmailPacketInvitation", func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusOK, body)
		})
		_, err := client.Invitations.EmailPacket(context.Background(), PacketInvitation{CarrierEmail: "a@b.example", DOTNumber: 2386})
		if got := IsUncertain(err); got != uncertain || !uncertain && err != nil {
			t.Errorf("answer %s: err = %v, uncertain %v; want uncertain %v", body, err, got, uncertain)
		}
		if uncertain && !strings.Contains(err.Error(), "No carrier was found with DOT number 2386") {
			t.Errorf("the error %q does not quote MCP's message", err)
		}
	}
}
