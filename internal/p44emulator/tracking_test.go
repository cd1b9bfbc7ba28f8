package p44emulator

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
)

func (e *env) methods(tok, typ, value string) (*response, []string) {
	e.t.Helper()
	q := url.Values{"carrierIdentifier.type": {typ}, "carrierIdentifier.value": {value}}
	r := e.api(tok, http.MethodGet, TrackingMethodsPath+"?"+q.Encode(), nil)
	if r.status != http.StatusOK {
		return r, nil
	}
	var body struct {
		TrackingMethods []struct {
			EquipmentIdentifier struct {
				Type string `json:"type"`
			} `json:"equipmentIdentifier"`
		} `json:"trackingMethods"`
	}
	r.decode(e.t, &body)
	out := []string{}
	for _, m := range body.TrackingMethods {
		out = append(out, m.EquipmentIdentifier.Type)
	}
	return r, out
}

func TestTrackingMethodsRule(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	tests := []struct {
		typ, value string
		want       []string
	}{
		{"DOT_NUMBER", "1234569", []string{"VEHICLE_ID"}}, // 7·176367
		{"DOT_NUMBER", "21", []string{"VEHICLE_ID"}},      // 7 wins over 3
		{"MC_NUMBER", "123456", []string{"MOBILE_PHONE_NUMBER"}},
		{"DOT_NUMBER", "1000001", []string{}},
		{"VAT", "NL000000007", []string{"LICENSE_PLATE"}},
		{"P44_EU", "X14", []string{"LICENSE_PLATE"}},
		{"SCAC", "AB7", []string{"VEHICLE_ID"}},
		{"SCAC", "ABCD", []string{}},
		{"SYSTEM", "0", []string{}},
	}
	for _, tt := range tests {
		r, got := e.methods(tok, tt.typ, tt.value)
		if r.status != http.StatusOK || !slices.Equal(got, tt.want) {
			t.Errorf("%s %s: HTTP %d %v, want %v", tt.typ, tt.value, r.status, got, tt.want)
		}
		if !slices.Equal(e.s.TrackingMethods(tt.typ, tt.value), tt.want) && len(tt.want) > 0 {
			t.Errorf("%s %s: TrackingMethods %v", tt.typ, tt.value, e.s.TrackingMethods(tt.typ, tt.value))
		}
	}
	r, _ := e.methods(tok, "DOT_NUMBER", "1234569")
	want := `{"trackingMethods":[{"equipmentIdentifier":{"type":"VEHICLE_ID"},"infoMessages":[{"severity":"INFO","message":"Carrier can be tracked by VEHICLE_ID.","source":"SYSTEM"}]}]}`
	if string(r.body) != want {
		t.Errorf("body %s", r.body)
	}
	if r, _ := e.methods(tok, "DOT_NUMBER", "1000001"); string(r.body) != `{"trackingMethods":[]}` {
		t.Errorf("unknown carrier: %s", r.body)
	}
}

func TestTrackingMethodsOverrideAndValidation(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	if err := e.s.SetTrackingMethods("DOT_NUMBER", "1000001", "MOBILE_PHONE_NUMBER", "VEHICLE_ID"); err != nil {
		t.Fatal(err)
	}
	if _, got := e.methods(tok, "DOT_NUMBER", "1000001"); !slices.Equal(got, []string{"MOBILE_PHONE_NUMBER", "VEHICLE_ID"}) {
		t.Errorf("override: %v", got)
	}
	if _, got := e.methods(tok, "MC_NUMBER", "1000001"); len(got) != 0 {
		t.Errorf("an override is for its type only: %v", got)
	}
	if err := e.s.SetTrackingMethods("USDOT", "1"); err == nil {
		t.Error("unknown identifier type accepted")
	}
	if err := e.s.SetTrackingMethods("DOT_NUMBER", "1", "ELD"); err == nil {
		t.Error("unknown equipment type accepted")
	}
	e.s.Reset()
	if _, got := e.methods(tok, "DOT_NUMBER", "1000001"); len(got) != 0 {
		t.Errorf("after Reset: %v", got)
	}
	for q, want := range map[string][]string{
		"": {"carrierIdentifier.type", "carrierIdentifier.value"},
		"carrierIdentifier.type=DOT&carrierIdentifier.value=1":      {"carrierIdentifier.type"},
		"carrierIdentifier.type=DOT_NUMBER":                         {"carrierIdentifier.value"},
		"carrierIdentifierType=DOT_NUMBER&carrierIdentifierValue=7": {"carrierIdentifier.type", "carrierIdentifier.value"},
	} {
		r := e.api(tok, http.MethodGet, TrackingMethodsPath+"?"+q, nil)
		if got := r.fields(t); r.status != http.StatusBadRequest || !slices.Equal(got, want) {
			t.Errorf("%q: HTTP %d fields %v, want %v", q, r.status, got, want)
		}
	}
}
