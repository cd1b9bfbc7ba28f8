package p44emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Enumerations of the tracking-methods lookup (reference §4).
var (
	// CarrierIdentifierTypes are the types carrierIdentifier.type takes.
	CarrierIdentifierTypes = []string{"SCAC", "MC_NUMBER", "DOT_NUMBER", "SYSTEM", "VAT", "P44_EU"}
	// EquipmentTypes are the types trackingMethods[].equipmentIdentifier.type takes.
	EquipmentTypes = []string{"MOBILE_PHONE_NUMBER", "VEHICLE_ID", "LICENSE_PLATE", "SENSITECH_DEVICE", "TIVE_DEVICE_ID"}
)

// assetTracking reports whether tracking methods include asset-based
// (ELD/telematics) tracking: VEHICLE_ID or LICENSE_PLATE.
func assetTracking(methods []string) bool {
	return slices.Contains(methods, "VEHICLE_ID") || slices.Contains(methods, "LICENSE_PLATE")
}

// ruleMethods is the deterministic rule (package documentation, choice
// "Tracking methods"): the number formed by the value's digits, n,
// divisible by 7 gives asset tracking (LICENSE_PLATE for VAT and P44_EU
// identifiers, European ones; VEHICLE_ID otherwise), divisible by 3 (and
// not 7) the driver app only, MOBILE_PHONE_NUMBER; anything else, or no
// digits, nothing: project44 does not know the carrier.
func ruleMethods(id Identifier) []string {
	var digits strings.Builder
	for _, r := range id.Value {
		if r >= '0' && r <= '9' && digits.Len() < 18 {
			digits.WriteRune(r)
		}
	}
	n, err := strconv.ParseUint(digits.String(), 10, 64)
	switch {
	case err != nil || n == 0:
		return nil
	case n%7 == 0 && (id.Type == "VAT" || id.Type == "P44_EU"):
		return []string{"LICENSE_PLATE"}
	case n%7 == 0:
		return []string{"VEHICLE_ID"}
	case n%3 == 0:
		return []string{"MOBILE_PHONE_NUMBER"}
	}
	return nil
}

// methodsLocked returns the tracking methods of a carrier identifier: its
// override, else the rule. Callers hold s.mu.
func (s *Server) methodsLocked(id Identifier) []string {
	if m, ok := s.methods[id]; ok {
		return m
	}
	return ruleMethods(id)
}

// knownLocked reports whether project44 knows the carrier: it has an
// override (even an empty one) or the rule gives it a method.
func (s *Server) knownLocked(id Identifier) bool {
	_, ok := s.methods[id]
	return ok || len(ruleMethods(id)) > 0
}

// TrackingMethods returns the equipment types the lookup answers for a
// carrier identifier.
func (s *Server) TrackingMethods(typ, value string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.methodsLocked(Identifier{Type: typ, Value: value}))
}

// SetTrackingMethods overrides the rule for one carrier identifier: the
// lookup answers these equipment types (none: a known carrier without
// methods, an empty list even under p44-tracking-unknown-404), and an
// invitation naming the identifier needs no organization or contacts when
// they include VEHICLE_ID or LICENSE_PLATE. Reset drops overrides.
func (s *Server) SetTrackingMethods(typ, value string, equipmentTypes ...string) error {
	if !slices.Contains(CarrierIdentifierTypes, typ) {
		return fmt.Errorf("p44emulator: carrier identifier type %q is not one of %s", typ, strings.Join(CarrierIdentifierTypes, ", "))
	}
	for _, et := range equipmentTypes {
		if !slices.Contains(EquipmentTypes, et) {
			return fmt.Errorf("p44emulator: equipment type %q is not one of %s", et, strings.Join(EquipmentTypes, ", "))
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.methods[Identifier{Type: typ, Value: value}] = append([]string{}, equipmentTypes...)
	return nil
}

// trackingMethods answers GET /api/v4/tl/shipments/trackingmethods.
func (s *Server) trackingMethods(c *call) (any, int, *apiError) {
	q := c.r.URL.Query()
	id := Identifier{Type: q.Get("carrierIdentifier.type"), Value: q.Get("carrierIdentifier.value")}
	var errs []message
	switch {
	case id.Type == "":
		errs = append(errs, fieldError("carrierIdentifier.type", "must not be empty"))
	case !slices.Contains(CarrierIdentifierTypes, id.Type):
		errs = append(errs, fieldError("carrierIdentifier.type", "must be one of %s", strings.Join(CarrierIdentifierTypes, ", ")))
	}
	if strings.TrimSpace(id.Value) == "" {
		errs = append(errs, fieldError("carrierIdentifier.value", "must not be empty"))
	}
	if len(errs) > 0 {
		e := errorf(http.StatusBadRequest, "Invalid request: %d validation error(s)", len(errs))
		e.errors = errs
		return nil, 0, e
	}
	s.mu.Lock()
	methods, known := slices.Clone(s.methodsLocked(id)), s.knownLocked(id)
	s.mu.Unlock()
	if !known && c.vs.has(vTrackingUnknown404) {
		return nil, 0, errorf(http.StatusNotFound, "No carrier found for %s %s", id.Type, id.Value)
	}
	out := trackingMethodsJSON{TrackingMethods: []trackingMethod{}}
	for _, m := range methods {
		out.TrackingMethods = append(out.TrackingMethods, trackingMethod{
			EquipmentIdentifier: equipmentIdentifier{Type: m},
			InfoMessages:        []message{{Severity: "INFO", Message: "Carrier can be tracked by " + m + ".", Source: "SYSTEM"}},
		})
	}
	return out, http.StatusOK, nil
}
