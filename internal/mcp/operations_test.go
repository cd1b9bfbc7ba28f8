package mcp

import (
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// swaggerPath is MCP's Swagger document, the authority for parameter names.
const swaggerPath = "../../api/mcp-swagger.json"

// Times used by the date parameters: 2021-07-01T01:00:00 UTC, given in
// another zone and with a fraction, both of which the client must drop.
var (
	testFrom = time.Date(2021, 6, 30, 20, 0, 0, 500_000_000, time.FixedZone("CDT", -5*3600))
	testTo   = time.Date(2021, 7, 1, 14, 0, 0, 0, time.UTC)
)

// operationCase is one MCP operation: how the client is called, exactly what
// must reach MCP's query string, and a 200 answer the method accepts.
type operationCase struct {
	name       string // MCP's name, the last path segment
	call       func(ctx context.Context, c *Client) error
	query      url.Values
	answer     string
	answerType string // Content-Type of answer; JSON when empty
	repeatable bool   // may be sent again after MCP may have received it
}

func (oc operationCase) path() string { return "/api/v1/Carrier/" + oc.name }

// writeAnswer sends the 200 answer with its content type.
func (oc operationCase) writeAnswer(w http.ResponseWriter) {
	if oc.answerType == "" {
		writeJSON(w, http.StatusOK, oc.answer)
		return
	}
	w.Header().Set("Content-Type", oc.answerType)
	_, _ = io.WriteString(w, oc.answer)
}

// operationCases lists all 23 operations.
var operationCases = []operationCase{
	{
		name: "PreviewCarrier", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.Preview(ctx, CarrierLookup{DOTNumber: 1234567, DocketNumber: "MC010203"})
			return err
		},
		query:  url.Values{"DOTNumber": {"1234567"}, "docketNumber": {"MC010203"}},
		answer: `[{"$id":"1","DotNumber":1234567,"DocketNumber":"MC010203"}]`,
	},
	{
		name: "GetCarrierData", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.Data(ctx, CarrierLookup{DOTNumber: 1234567, DocketNumber: "MC010203"})
			return err
		},
		query:  url.Values{"DOTNumber": {"1234567"}, "DocketNumber": {"MC010203"}},
		answer: `{"$id":"1","Message":"Carrier Agreement does not exist.","AssureAdvantage":[]}`,
	},
	{
		name: "GetCarrierContacts", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.Contacts(ctx, CarrierLookup{DocketNumber: "MC010203"})
			return err
		},
		query:  url.Values{"docketNumber": {"MC010203"}},
		answer: `{"$id":"1","Success":true,"Message":null,"Carrier":{"$id":"2","LegalName":"ACME","Contacts":[]}}`,
	},
	{
		name: "GetCarrierRiskAssessment", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.RiskAssessment(ctx, CarrierLookup{DOTNumber: 1234567, DocketNumber: "MC010203"})
			return err
		},
		query:  url.Values{"dotNumber": {"1234567"}, "docketNumber": {"MC010203"}},
		answer: `[{"$id":"1","DOTNumber":1234567,"DocketNumber":"MC010203","RiskAssessmentDetails":null}]`,
	},
	{
		name: "GetCarrierIncidentReports", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.IncidentReports(ctx, CarrierLookup{DOTNumber: 1234567})
			return err
		},
		query:  url.Values{"DOTNumber": {"1234567"}},
		answer: `{"$id":"1","DOTNumber":1234567,"IncidentReports":null}`,
	},
	{
		name: "GetCarrierVINVerifications", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.VINVerifications(ctx, CarrierLookup{DOTNumber: 1234567, DocketNumber: "FF4321"})
			return err
		},
		query:  url.Values{"DOTNumber": {"1234567"}, "docketNumber": {"FF4321"}},
		answer: `{"$id":"1","DOTNumber":1234567,"VINVerifications":null}`,
	},
	{
		name: "FindAssociatedCarriers", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.FindAssociated(ctx, AssociatedCarriersQuery{Phone: "(555) 010-0100", Email: "dispatch+ops@example.com"})
			return err
		},
		query:  url.Values{"phone": {"(555) 010-0100"}, "email": {"dispatch+ops@example.com"}},
		answer: `{"$id":"1","Success":true,"Message":null,"AssociatedCarriersCount":0,"AssociatedCarriers":[]}`,
	},
	{
		name: "EmailPacketInvitation",
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Invitations.EmailPacket(ctx, PacketInvitation{
				CarrierEmail: "owner@carrier.example", DOTNumber: 1234567, DocketNumber: "MC010203", UserName: "broker.user",
				SendConfirmationEmail: true, NotificationEmails: []string{"notify1@domain.com", "notify2@domain.com"},
			})
			return err
		},
		query: url.Values{"carrierEmail": {"owner@carrier.example"}, "dotNumber": {"1234567"}, "docketNumber": {"MC010203"},
			"userName": {"broker.user"}, "sendConfirmationEmail": {"true"}, "notificationEmails": {"notify1@domain.com, notify2@domain.com"}},
		answer: `{"$id":"1"}`,
	},
	{
		name: "CompletedPackets", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Invitations.CompletedPackets(ctx, testFrom, testTo)
			return err
		},
		query:  url.Values{"fromDate": {"2021-07-01T01:00:00"}, "toDate": {"2021-07-01T14:00:00"}},
		answer: `[]`,
	},
	{
		name: "RequestUserVerification",
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Invitations.RequestUserVerification(ctx, UserVerificationRequest{Email: "driver@carrier.example", DOTNumber: 1234567, UserName: "broker.user"})
			return err
		},
		query:  url.Values{"userVerificationEmail": {"driver@carrier.example"}, "dotNumber": {"1234567"}, "userName": {"broker.user"}},
		answer: `{"$id":"1"}`,
	},
	{
		name: "RequestVINVerification",
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Invitations.RequestVINVerification(ctx, VINVerificationRequest{DeliveryOption: DeliveryPhone, PhoneNumber: "5550100100",
				DOTNumber: 1234567, DocketNumber: "MC010203", UserName: "broker.user", OutputRequestID: true})
			return err
		},
		query: url.Values{"deliveryOption": {"2"}, "vinVerificationPhoneNumber": {"5550100100"}, "dotNumber": {"1234567"},
			"docketNumber": {"MC010203"}, "userName": {"broker.user"}, "outputVINVerificationRequestID": {"true"}},
		answer: `{"$id":"1","VinVerificationRequestID":991,"Message":null}`,
	},
	{
		name: "RequestMonitoring", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Monitoring.Request(ctx, CarrierRef{DOTNumber: 1234567, DocketNumber: "MC010203", IntrastateNumber: "TX123456"})
			return err
		},
		query:  url.Values{"DOTNumber": {"1234567"}, "DocketNumber": {"MC010203"}, "IntrastateNumber": {"TX123456"}},
		answer: `{"$id":"1","MonitoringID":9007199254740993,"RequestDate":"2026-01-15T10:00:00.123"}`,
	},
	{
		name: "CancelMonitoring", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Monitoring.Cancel(ctx, CarrierRef{DOTNumber: 1234567, DocketNumber: "MC010203"})
			return err
		},
		query:  url.Values{"DOTNumber": {"1234567"}, "DocketNumber": {"MC010203"}},
		answer: `{"$id":"1","MonitoringID":42,"CancelDate":"2026-01-15T10:00:00"}`,
	},
	{
		name: "MonitoredCarriers", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitoring.List(ctx, &ListOptions{PageNumber: 2, PageSize: 100})
			return err
		},
		query:  url.Values{"pageNumber": {"2"}, "pageSize": {"100"}},
		answer: `[]`,
	},
	{
		name: "MonitoredCarrierData", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Monitoring.CarrierData(ctx, &ListOptions{PageNumber: 1, PageSize: 250})
			return err
		},
		query:  url.Values{"pageNumber": {"1"}, "pageSize": {"250"}},
		answer: `{"$id":"1","pageNumber":1,"pageSize":250,"totalPages":0,"totalCount":0,"succeeded":true,"message":null,"data":[]}`,
	},
	{
		name: "GetMonitoredCarrierContactsData", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Monitoring.ContactsData(ctx, &ListOptions{PageSize: 500})
			return err
		},
		query:  url.Values{"pageSize": {"500"}},
		answer: `{"$id":"1","pageNumber":1,"pageSize":500,"totalPages":0,"totalCount":0,"succeeded":true,"message":null,"data":[]}`,
	},
	{
		name: "GetMonitoredCarriersRiskAssessment", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Monitoring.RiskAssessments(ctx, &ListOptions{PageNumber: 3})
			return err
		},
		query:  url.Values{"pageNumber": {"3"}},
		answer: `{"$id":"1","pageNumber":3,"pageSize":250,"totalPages":3,"totalCount":600,"succeeded":true,"message":null,"data":[]}`,
	},
	{
		name: "CarriersChanges", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitoring.Changes(ctx, ChangesOptions{From: testFrom, To: testTo, ListOptions: ListOptions{PageNumber: 1, PageSize: 500}})
			return err
		},
		query:  url.Values{"fromDate": {"2021-07-01T01:00:00"}, "toDate": {"2021-07-01T14:00:00"}, "pageNumber": {"1"}, "pageSize": {"500"}},
		answer: `{"$id":"1","CarrierCount":0,"CarrierList":[]}`,
	},
	{
		name: "BlockCarrier", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Blocking.Block(ctx, CarrierRef{DOTNumber: 1234567, DocketNumber: "MC010203"})
			return err
		},
		query:  url.Values{"DOTNumber": {"1234567"}, "DocketNumber": {"MC010203"}},
		answer: `{"$id":"1","Result":true,"Message":"Carrier DOT1234567/MC010203 was added to your blocked carrier list."}`,
	},
	{
		name: "UnblockCarrier", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Blocking.Unblock(ctx, CarrierRef{IntrastateNumber: "TX123456"})
			return err
		},
		query:  url.Values{"IntrastateNumber": {"TX123456"}},
		answer: `{"$id":"1","Result":true,"Message":"removed"}`,
	},
	{
		name: "BlockedCarriers", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Blocking.List(ctx, nil)
			return err
		},
		query:  url.Values{},
		answer: `[]`,
	},
	{
		name: "GetDocument", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Documents.Get(ctx, "company-agreement/12/f9f10ed2-799a-4521-a09b-19fb088e16c2")
			return err
		},
		query:      url.Values{"name": {"company-agreement/12/f9f10ed2-799a-4521-a09b-19fb088e16c2"}},
		answer:     `%PDF-1.7`,
		answerType: "application/pdf",
	},
	{
		name: "GetUpdatedFactoringCompanies", repeatable: true,
		call: func(ctx context.Context, c *Client) error {
			_, err := c.Factoring.Updated(ctx, testFrom, time.Time{})
			return err
		},
		query:  url.Values{"fromDate": {"2021-07-01T01:00:00"}},
		answer: `{"$id":"1","FactoringCompaniesCount":0,"FactoringCompanies":[]}`,
	},
}

// swaggerParameters returns each operation's declared query parameters.
func swaggerParameters(t *testing.T) map[string][]string {
	t.Helper()
	raw, err := os.ReadFile(swaggerPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	params := map[string][]string{}
	for path, methods := range doc.Paths {
		for method, op := range methods {
			if method != "post" {
				t.Errorf("spec: %s %s is not a POST", method, path)
			}
			params[path] = []string{}
			for _, p := range op.Parameters {
				if p.In == "query" {
					params[path] = append(params[path], p.Name)
				}
			}
		}
	}
	return params
}

// TestOperations_parameters: every one of the 23 operations sends POST to its
// path under the base path, the spec's exact parameter names and casing in
// the query string, an empty body, Accept: application/json and the bearer
// token; and the table itself matches the spec.
func TestOperations_parameters(t *testing.T) {
	t.Parallel()
	spec := swaggerParameters(t)
	var names []string
	for _, oc := range operationCases {
		names = append(names, oc.path())
		declared, ok := spec[oc.path()]
		if !ok {
			t.Errorf("%s is not in the spec", oc.path())
		}
		for name := range oc.query {
			if !slices.Contains(declared, name) {
				t.Errorf("%s: test expects parameter %q, spec declares %v", oc.name, name, declared)
			}
		}
	}
	specPaths := slices.Sorted(maps.Keys(spec))
	sort.Strings(names)
	if !slices.Equal(names, specPaths) {
		t.Errorf("table covers %v,\nspec has %v", names, specPaths)
	}

	for _, oc := range operationCases {
		t.Run(oc.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			var calls atomic.Int32
			mux.HandleFunc(oc.path(), func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				testAPIRequest(t, r, oc.query)
				if got, want := r.Header.Get("Authorization"), "bearer "+issuedToken(1); got != want {
					t.Errorf("Authorization = %q, want %q", got, want)
				}
				if strings.Contains(r.URL.RawQuery, "/") || strings.Contains(r.URL.RawQuery, ":") {
					t.Errorf("raw query %q is not URL-encoded", r.URL.RawQuery)
				}
				oc.writeAnswer(w)
			})
			if err := oc.call(context.Background(), client); err != nil {
				t.Fatalf("%s: %v", oc.name, err)
			}
			if calls.Load() != 1 {
				t.Errorf("%s reached MCP %d times, want 1", oc.name, calls.Load())
			}
		})
	}
}

// TestOperations_omitEmptyIdentifiers: zero identifiers and options are left
// out rather than sent as 0 or "".
func TestOperations_omitEmptyIdentifiers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		call  func(ctx context.Context, c *Client) error
		path  string
		query url.Values
	}{
		{"lookup by DOT only", func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.Data(ctx, CarrierLookup{DOTNumber: 7})
			return err
		}, "GetCarrierData", url.Values{"DOTNumber": {"7"}}},
		{"lookup by docket only", func(ctx context.Context, c *Client) error {
			_, err := c.Carriers.Data(ctx, CarrierLookup{DocketNumber: "MX77"})
			return err
		}, "GetCarrierData", url.Values{"DocketNumber": {"MX77"}}},
		{"invitation without extras", func(ctx context.Context, c *Client) error {
			_, err := c.Invitations.EmailPacket(ctx, PacketInvitation{CarrierEmail: "a@b.example"})
			return err
		}, "EmailPacketInvitation", url.Values{"carrierEmail": {"a@b.example"}, "sendConfirmationEmail": {"false"}}},
		{"one notification e-mail", func(ctx context.Context, c *Client) error {
			_, err := c.Invitations.EmailPacket(ctx, PacketInvitation{CarrierEmail: "a@b.example", NotificationEmails: []string{"n@b.example"}})
			return err
		}, "EmailPacketInvitation", url.Values{"carrierEmail": {"a@b.example"}, "sendConfirmationEmail": {"false"}, "notificationEmails": {"n@b.example"}}},
		{"VIN request, message only", func(ctx context.Context, c *Client) error {
			_, err := c.Invitations.RequestVINVerification(ctx, VINVerificationRequest{DeliveryOption: DeliveryPhone, PhoneNumber: "5550100100"})
			return err
		}, "RequestVINVerification", url.Values{"deliveryOption": {"2"}, "vinVerificationPhoneNumber": {"5550100100"}, "outputVINVerificationRequestID": {"false"}}},
		{"factoring window with end", func(ctx context.Context, c *Client) error {
			_, err := c.Factoring.Updated(ctx, testFrom, testTo)
			return err
		}, "GetUpdatedFactoringCompanies", url.Values{"fromDate": {"2021-07-01T01:00:00"}, "toDate": {"2021-07-01T14:00:00"}}},
		{"one page, MCP's page size", func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitoring.List(ctx, &ListOptions{PageNumber: 4})
			return err
		}, "MonitoredCarriers", url.Values{"pageNumber": {"4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			answer := ""
			for _, oc := range operationCases {
				if oc.name == tt.path {
					answer = oc.answer
				}
			}
			var calls atomic.Int32
			mux.HandleFunc("/api/v1/Carrier/"+tt.path, func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				testAPIRequest(t, r, tt.query)
				writeJSON(w, http.StatusOK, answer)
			})
			if err := tt.call(context.Background(), client); err != nil {
				t.Fatal(err)
			}
			if calls.Load() != 1 {
				t.Errorf("calls = %d, want 1", calls.Load())
			}
		})
	}
}

func TestQueryTime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2021, 7, 1, 1, 0, 0, 0, time.UTC), "2021-07-01T01:00:00"},
		{testFrom, "2021-07-01T01:00:00"},
		{time.Date(2024, 1, 1, 0, 0, 0, 999_999_999, time.FixedZone("", 90*60)), "2023-12-31T22:30:00"},
	}
	for _, tt := range tests {
		if got := QueryTime(tt.in); got != tt.want {
			t.Errorf("QueryTime(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
