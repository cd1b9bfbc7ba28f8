package p44

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

func TestTrackingMethods(t *testing.T) {
	t.Parallel()
	c, mux := setup(t)
	handleToken(t, mux)
	mux.HandleFunc("GET /api/v4/tl/shipments/trackingmethods", func(w http.ResponseWriter, r *http.Request) {
		testBearer(t, r)
		if want := (url.Values{"carrierIdentifier.type": {"DOT_NUMBER"}, "carrierIdentifier.value": {"1234567"}}); !reflect.DeepEqual(r.URL.Query(), want) {
			t.Errorf("query = %v, want %v", r.URL.Query(), want)
		}
		writeJSON(w, http.StatusOK, `{"trackingMethods":[
			{"capacityProviderAccount":{"code":"ACME"},"equipmentIdentifier":{"type":"MOBILE_PHONE_NUMBER","value":"***0000"},
			 "infoMessages":[{"severity":"INFO","message":"driver app","source":"SYSTEM"}],"shipmentIdentifier":{"type":"BILL_OF_LADING","value":"BOL1"}},
			{"equipmentIdentifier":{"shouldDelete":false,"type":"VEHICLE_ID","value":"T-12"},"futureField":1}]}`)
	})
	got, err := c.TrackingMethods(context.Background(), Identifier{Type: IdentifierDOTNumber, Value: "1234567"})
	if err != nil {
		t.Fatal(err)
	}
	want := []TrackingMethod{
		{CapacityProviderAccountCode: "ACME", EquipmentIdentifierType: "MOBILE_PHONE_NUMBER", EquipmentIdentifierValue: "***0000",
			ShipmentIdentifierType: "BILL_OF_LADING", ShipmentIdentifierValue: "BOL1", InfoMessages: []Message{{Severity: "INFO", Message: "driver app", Source: "SYSTEM"}}},
		{EquipmentIdentifierType: "VEHICLE_ID", EquipmentIdentifierValue: "T-12"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if !SupportsAssetTracking(got) || SupportsAssetTracking(got[:1]) || SupportsAssetTracking(nil) {
		t.Error("SupportsAssetTracking: want true only with VEHICLE_ID")
	}
	if !SupportsAssetTracking([]TrackingMethod{{EquipmentIdentifierType: "LICENSE_PLATE"}}) {
		t.Error("LICENSE_PLATE is asset tracking")
	}
}

// TestTrackingMethods_retried: a read is repeated after 5xx and lost answers.
func TestTrackingMethods_retried(t *testing.T) {
	t.Parallel()
	c, mux := setup(t)
	handleToken(t, mux)
	var n int
	mux.HandleFunc("GET /api/v4/tl/shipments/trackingmethods", func(w http.ResponseWriter, r *http.Request) {
		n++
		switch n {
		case 1:
			writeJSON(w, http.StatusBadGateway, ``)
		case 2:
			dropConnection(t, w)
		default:
			writeJSON(w, http.StatusOK, `{}`)
		}
	})
	if got, err := c.TrackingMethods(context.Background(), Identifier{Type: IdentifierSCAC, Value: "ABCD"}); err != nil || got != nil || n != 3 {
		t.Errorf("= %v, %v after %d requests", got, err, n)
	}
}
