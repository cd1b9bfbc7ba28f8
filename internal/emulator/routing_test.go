package emulator

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
)

func TestCaseInsensitivePathsAndParameters(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	want := a.ok("PreviewCarrier", "DOTNumber=23868&docketNumber=MC113843").body
	for _, path := range []string{
		"/api/v1/Carrier/PreviewCarrier?DOTNumber=23868&docketNumber=MC113843",
		"/API/V1/CARRIER/PREVIEWCARRIER?dotnumber=23868&DOCKETNUMBER=MC113843",
		"/api/v1/carrier/previewcarrier?dOtNuMbEr=23868&docketnumber=mc113843",
		"/api/v1/Carrier/PreviewCarrier/?DOTNumber=23868&docketNumber=MC113843",
	} {
		r := send(t, http.MethodPost, inst.URL+path, nil, http.Header{"Authorization": {"bearer " + a.token}})
		if r.status != 200 || !bytes.Equal(r.body, want) {
			t.Errorf("%s: HTTP %d, body differs: %.200s", path, r.status, r.body)
		}
	}
	if r := send(t, http.MethodPost, inst.URL+"/TOKEN", strings.NewReader("grant_type=password&username=demo&password=demo"),
		http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}); r.status != 200 {
		t.Errorf("/TOKEN: HTTP %d", r.status)
	}
}

func TestFirstValueWins(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	var got []map[string]any
	a.ok("PreviewCarrier", "dotnumber=23868&DOTNumber=999").decode(t, &got)
	if got[0]["DotNumber"] != float64(23868) {
		t.Errorf("DotNumber %v, want the first value 23868", got[0]["DotNumber"])
	}
}

func TestUnknownPaths(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 20})
	tests := []struct {
		path, detail string
	}{
		{"/api/v1/Carrier/Nope", "No action was found on the controller 'Carrier' that matches the name 'Nope'."},
		{"/api/v1/Carrier/Token", "No action was found on the controller 'Carrier' that matches the name 'Token'."},
		{"/api/v1/Carrier", "No action was found on the controller 'Carrier' that matches the request."},
		{"/api/v1/Shipper/PreviewCarrier", "No type was found that matches the controller named 'Shipper'."},
		{"/api/v2/Carrier/PreviewCarrier", ""},
		{"/swagger/docs/v1", ""},
		{"/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := send(t, http.MethodPost, inst.URL+tt.path+"?x=1", nil, nil)
			if r.status != http.StatusNotFound {
				t.Fatalf("HTTP %d", r.status)
			}
			m := r.object(t)
			wantMsg := "No HTTP resource was found that matches the request URI '" + inst.URL + tt.path + "?x=1'."
			if m["Message"] != wantMsg || m["$id"] != "1" {
				t.Errorf("Message %q, want %q", m["Message"], wantMsg)
			}
			if detail, _ := m["MessageDetail"].(string); detail != tt.detail {
				t.Errorf("MessageDetail %q, want %q", detail, tt.detail)
			}
		})
	}
}

func TestWrongMethodComesBeforeAuthorization(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 20})
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		r := send(t, method, inst.URL+"/api/v1/Carrier/MonitoredCarriers", nil, nil)
		want := `{"$id":"1","Message":"The requested resource does not support http method '` + method + `'."}`
		if r.status != http.StatusMethodNotAllowed || string(r.body) != want {
			t.Errorf("%s: HTTP %d %s, want 405 %s", method, r.status, r.body, want)
		}
	}
}

func TestMissingRequiredParameterSelectsNoAction(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50})
	a := newAPI(t, inst)
	tests := []struct{ op, query string }{
		{"GetDocument", ""},
		{"EmailPacketInvitation", "dotNumber=23868"},
		{"RequestUserVerification", "dotNumber=23868"},
		{"RequestVINVerification", "dotNumber=23868&vinVerificationPhoneNumber=5551234567"},
		{"CompletedPackets", "fromDate=2026-01-01T00:00:00"},
		{"CompletedPackets", "toDate=2026-01-01T00:00:00"},
		{"CarriersChanges", "toDate=2026-01-01T00:00:00&pageSize=5"},
		{"GetUpdatedFactoringCompanies", "toDate=2026-01-01T00:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.op+"?"+tt.query, func(t *testing.T) {
			for _, r := range []*response{a.call(tt.op, tt.query), send(t, http.MethodPost, inst.URL+"/api/v1/Carrier/"+tt.op+"?"+tt.query, nil, nil)} {
				if r.status != http.StatusNotFound {
					t.Fatalf("HTTP %d %s, want 404 with or without a token", r.status, r.body)
				}
				m := r.object(t)
				if m["MessageDetail"] != "No action was found on the controller 'Carrier' that matches the request." ||
					!strings.HasPrefix(r.message(t), "No HTTP resource was found that matches the request URI") {
					t.Errorf("body %s", r.body)
				}
			}
		})
	}
	if inst.Writes() != 0 {
		t.Errorf("Writes = %d after requests that selected no action", inst.Writes())
	}
}

func TestInvalidParameters(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50})
	a := newAPI(t, inst)
	invalid := `{"$id":"1","Message":"The request is invalid."}`
	tests := []struct{ op, query string }{
		{"PreviewCarrier", "DOTNumber=abc"},
		{"PreviewCarrier", "DOTNumber=2147483648"},
		{"PreviewCarrier", "DOTNumber=12.5"},
		{"GetCarrierRiskAssessment", "dotNumber=0x10"},
		{"MonitoredCarriers", "pageSize=ten"},
		{"BlockedCarriers", "pageNumber=-"},
		{"MonitoredCarrierData", "pageNumber=1e3"},
		{"EmailPacketInvitation", "dotNumber=23868&carrierEmail=a@b.com&sendConfirmationEmail=yes"},
		{"RequestVINVerification", "dotNumber=23868&deliveryOption=two"},
		{"RequestVINVerification", "dotNumber=23868&deliveryOption="},
		{"RequestVINVerification", "dotNumber=23868&deliveryOption=3&vinVerificationPhoneNumber=5551234567"},
		{"RequestVINVerification", "dotNumber=23868&deliveryOption=2&vinVerificationPhoneNumber=5551234567&outputVINVerificationRequestID=1"},
		{"CompletedPackets", "fromDate=yesterday&toDate=2026-01-01T00:00:00"},
		{"CompletedPackets", "fromDate=&toDate=2026-01-01T00:00:00"},
		{"CarriersChanges", "fromDate=2026-01-01T00:00:00&toDate=2026-13-01T00:00:00"},
		{"CarriersChanges", "fromDate=2026-01-01T00:00:00.12345678&toDate=2026-01-02T00:00:00"},
		{"GetUpdatedFactoringCompanies", "fromDate=01/01/2026"},
		{"GetDocument", "name="},
	}
	for _, tt := range tests {
		t.Run(tt.op+"?"+tt.query, func(t *testing.T) {
			if r := a.call(tt.op, tt.query); r.status != http.StatusBadRequest || string(r.body) != invalid {
				t.Errorf("HTTP %d %s, want 400 %s", r.status, r.body, invalid)
			}
		})
	}
	if inst.Writes() != 0 || len(inst.Snapshot().Invitations) != 0 {
		t.Error("a request with an invalid parameter changed state")
	}
}

func TestResponseHeaders(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 20})
	a := newAPI(t, inst)
	for _, r := range []*response{a.call("PreviewCarrier", dotQuery(SampleDOTNumber)), a.call("PreviewCarrier", "DOTNumber=1"), a.call("Nope", "")} {
		for k, want := range map[string]string{
			"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache", "Pragma": "no-cache", "Expires": "-1",
		} {
			if got := r.header.Get(k); got != want {
				t.Errorf("HTTP %d: %s = %q, want %q", r.status, k, got, want)
			}
		}
	}
}

func TestBodiesAreIgnored(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 20})
	a := newAPI(t, inst)
	r := send(t, http.MethodPost, inst.URL+"/api/v1/Carrier/RequestMonitoring", strings.NewReader(`{"DOTNumber":23868,"DocketNumber":"MC113843"}`),
		http.Header{"Authorization": {"bearer " + a.token}, "Content-Type": {"application/json"}})
	if r.status != http.StatusBadRequest || r.message(t) != "A DOT number, docket number or intrastate number is required." {
		t.Errorf("HTTP %d %s: a JSON body must not identify the carrier", r.status, r.body)
	}
	if n := len(inst.Snapshot().Monitored); n != 0 {
		t.Errorf("%d carriers monitored", n)
	}
}
