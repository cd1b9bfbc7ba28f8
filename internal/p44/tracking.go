package p44

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// TrackingMethod is one way project44 can track a carrier's loads.
type TrackingMethod struct {
	CapacityProviderAccountCode string
	// EquipmentIdentifierType is MOBILE_PHONE_NUMBER, VEHICLE_ID,
	// LICENSE_PLATE, SENSITECH_DEVICE or TIVE_DEVICE_ID.
	EquipmentIdentifierType  string
	EquipmentIdentifierValue string // phone numbers come masked
	ShipmentIdentifierType   string // BILL_OF_LADING or ORDER
	ShipmentIdentifierValue  string
	InfoMessages             []Message
}

type idValue struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// UnmarshalJSON flattens project44's nested objects.
func (m *TrackingMethod) UnmarshalJSON(b []byte) error {
	var w struct {
		CapacityProviderAccount struct {
			Code string `json:"code"`
		} `json:"capacityProviderAccount"`
		EquipmentIdentifier idValue   `json:"equipmentIdentifier"`
		ShipmentIdentifier  idValue   `json:"shipmentIdentifier"`
		InfoMessages        []Message `json:"infoMessages"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*m = TrackingMethod{
		CapacityProviderAccountCode: w.CapacityProviderAccount.Code,
		EquipmentIdentifierType:     w.EquipmentIdentifier.Type,
		EquipmentIdentifierValue:    w.EquipmentIdentifier.Value,
		ShipmentIdentifierType:      w.ShipmentIdentifier.Type,
		ShipmentIdentifierValue:     w.ShipmentIdentifier.Value,
		InfoMessages:                w.InfoMessages,
	}
	return nil
}

var trackingMethodsOp = operation{name: "TrackingMethods", method: http.MethodGet, path: "/api/v4/tl/shipments/trackingmethods"}

// TrackingMethods asks how project44 can track a carrier:
// GET /api/v4/tl/shipments/trackingmethods?carrierIdentifier.type=..&carrierIdentifier.value=..
func (c *Client) TrackingMethods(ctx context.Context, carrier Identifier) ([]TrackingMethod, error) {
	query := url.Values{"carrierIdentifier.type": {string(carrier.Type)}, "carrierIdentifier.value": {carrier.Value}}
	resp, err := c.exchange(ctx, trackingMethodsOp, request{query: query})
	if err != nil {
		return nil, err
	}
	var body struct {
		TrackingMethods []TrackingMethod `json:"trackingMethods"`
	}
	if err := json.Unmarshal(resp.Body, &body); err != nil {
		return nil, fmt.Errorf("project44 %s: decoding response: %w", trackingMethodsOp.name, err)
	}
	return body.TrackingMethods, nil
}

// SupportsAssetTracking reports whether the methods include ELD or telematics
// tracking (VEHICLE_ID in North America, LICENSE_PLATE in Europe): then an
// invitation needs no organization or contacts.
func SupportsAssetTracking(methods []TrackingMethod) bool {
	for _, m := range methods {
		if m.EquipmentIdentifierType == "VEHICLE_ID" || m.EquipmentIdentifierType == "LICENSE_PLATE" {
			return true
		}
	}
	return false
}
