package mcp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// CarriersService reads what MCP knows about single carriers.
type CarriersService struct{ client *Client }

// CarrierLookup names a carrier by DOT number, docket number (with its MC, FF
// or MX prefix) or both. A zero DOTNumber or empty DocketNumber is not sent.
type CarrierLookup struct {
	DOTNumber    int
	DocketNumber string
}

func (l CarrierLookup) String() string {
	switch {
	case l.DOTNumber != 0 && l.DocketNumber != "":
		return fmt.Sprintf("DOT %d / %s", l.DOTNumber, l.DocketNumber)
	case l.DOTNumber != 0:
		return fmt.Sprintf("DOT %d", l.DOTNumber)
	default:
		return l.DocketNumber
	}
}

// query encodes the lookup with the parameter names of one operation: the
// spec's casing differs from operation to operation.
func (l CarrierLookup) query(dotParam, docketParam string) url.Values {
	q := url.Values{}
	if l.DOTNumber != 0 {
		q.Set(dotParam, strconv.Itoa(l.DOTNumber))
	}
	if l.DocketNumber != "" {
		q.Set(docketParam, l.DocketNumber)
	}
	return q
}

func (l CarrierLookup) notFound(op string) error {
	return fmt.Errorf("MCP %s: no carrier matches %s: %w", op, l, ErrNotFound)
}

var (
	opPreviewCarrier             = carrierOp("PreviewCarrier", opRead)
	opGetCarrierData             = carrierOp("GetCarrierData", opRead)
	opGetCarrierContacts         = carrierOp("GetCarrierContacts", opRead)
	opGetCarrierRiskAssessment   = carrierOp("GetCarrierRiskAssessment", opRead)
	opGetCarrierIncidentReports  = carrierOp("GetCarrierIncidentReports", opRead)
	opGetCarrierVINVerifications = carrierOp("GetCarrierVINVerifications", opRead)
	opFindAssociatedCarriers     = carrierOp("FindAssociatedCarriers", opRead)
)

// Preview returns a carrier's profile, risk and insurance without the
// caller's packet: POST /api/v1/Carrier/PreviewCarrier.
func (s *CarriersService) Preview(ctx context.Context, l CarrierLookup) (*PreviewCarrier, error) {
	var out []PreviewCarrier
	if _, err := s.client.call(ctx, opPreviewCarrier, l.query("DOTNumber", "docketNumber"), &out); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, l.notFound(opPreviewCarrier.name)
	}
	return &out[0], nil
}

// Data returns everything about a carrier, including the packet it completed
// for the caller (CarrierPacket is nil when there is none):
// POST /api/v1/Carrier/GetCarrierData.
func (s *CarriersService) Data(ctx context.Context, l CarrierLookup) (*CarrierData, error) {
	var out CarrierData
	if _, err := s.client.call(ctx, opGetCarrierData, l.query("DOTNumber", "DocketNumber"), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Contacts returns the carrier's users authorised for packets or verified:
// POST /api/v1/Carrier/GetCarrierContacts. The spec declares an array but the
// live API answers with one object; both are accepted.
//
// For a carrier without contacts MCP may answer Success=false instead of
// Success=true with an empty list. So a 200 with Success=false that carries
// no contacts (Carrier null, or its Contacts null or empty) is returned as
// an empty result, not an error: Success stays false, Message keeps MCP's
// words, and Carrier is never nil (empty when MCP sent none). Success=false
// with contacts in it contradicts itself and is an *OperationError. A
// successful answer without a carrier is ErrNotFound.
func (s *CarriersService) Contacts(ctx context.Context, l CarrierLookup) (*CarrierContactsResult, error) {
	resp, err := s.client.call(ctx, opGetCarrierContacts, l.query("DOTNumber", "docketNumber"), nil)
	if err != nil {
		return nil, err
	}
	var out CarrierContactsResult
	if err := decodeObjectOrFirst(resp.Body, &out); err != nil {
		if errors.Is(err, errEmptyArray) {
			return nil, l.notFound(opGetCarrierContacts.name)
		}
		return nil, fmt.Errorf("MCP %s: decoding response: %w", opGetCarrierContacts.name, err)
	}
	s.client.inZone(&out)
	switch {
	case !out.Success && (resp.Status != http.StatusOK || (out.Carrier != nil && len(out.Carrier.Contacts) > 0)):
		return nil, &OperationError{Operation: opGetCarrierContacts.name, Message: out.Message}
	case out.Carrier == nil && out.Success:
		return nil, l.notFound(opGetCarrierContacts.name)
	case out.Carrier == nil:
		out.Carrier = &Carrier{}
	}
	return &out, nil
}

// RiskAssessment returns the carrier's Assure Advantage risk assessment:
// POST /api/v1/Carrier/GetCarrierRiskAssessment.
func (s *CarriersService) RiskAssessment(ctx context.Context, l CarrierLookup) (*CarrierRiskAssessment, error) {
	var out []CarrierRiskAssessment
	if _, err := s.client.call(ctx, opGetCarrierRiskAssessment, l.query("dotNumber", "docketNumber"), &out); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, l.notFound(opGetCarrierRiskAssessment.name)
	}
	return &out[0], nil
}

// IncidentReports returns the incident reports MCP customers filed about the
// carrier (IncidentReports is nil when there are none):
// POST /api/v1/Carrier/GetCarrierIncidentReports. An answer that names no
// carrier is ErrNotFound.
func (s *CarriersService) IncidentReports(ctx context.Context, l CarrierLookup) (*CarrierIncidentReport, error) {
	var out CarrierIncidentReport
	if _, err := s.client.call(ctx, opGetCarrierIncidentReports, l.query("DOTNumber", "docketNumber"), &out); err != nil {
		return nil, err
	}
	if out.DOTNumber == 0 && out.DocketNumber == "" && out.LegalName == "" {
		return nil, l.notFound(opGetCarrierIncidentReports.name)
	}
	return &out, nil
}

// VINVerifications returns every VIN verification on record for the carrier:
// POST /api/v1/Carrier/GetCarrierVINVerifications. An answer that names no
// carrier is ErrNotFound.
func (s *CarriersService) VINVerifications(ctx context.Context, l CarrierLookup) (*CarrierVINVerification, error) {
	var out CarrierVINVerification
	if _, err := s.client.call(ctx, opGetCarrierVINVerifications, l.query("DOTNumber", "docketNumber"), &out); err != nil {
		return nil, err
	}
	if out.DOTNumber == 0 && out.DocketNumber == "" && out.LegalName == "" {
		return nil, l.notFound(opGetCarrierVINVerifications.name)
	}
	return &out, nil
}

// AssociatedCarriersQuery is a phone number, an e-mail address, or both.
type AssociatedCarriersQuery struct {
	Phone string
	Email string
}

// FindAssociated finds every carrier whose contact data holds the phone or
// e-mail, a classic sign of fraud: POST /api/v1/Carrier/FindAssociatedCarriers.
func (s *CarriersService) FindAssociated(ctx context.Context, q AssociatedCarriersQuery) (*AssociatedCarriersResult, error) {
	query := url.Values{}
	if q.Phone != "" {
		query.Set("phone", q.Phone)
	}
	if q.Email != "" {
		query.Set("email", q.Email)
	}
	var out AssociatedCarriersResult
	if _, err := s.client.call(ctx, opFindAssociatedCarriers, query, &out); err != nil {
		return nil, err
	}
	if !out.Success {
		return nil, &OperationError{Operation: opFindAssociatedCarriers.name, Message: out.Message}
	}
	return &out, nil
}

var errEmptyArray = errors.New("empty array")

// decodeObjectOrFirst decodes a JSON object, or the first element of a JSON
// array of objects.
func decodeObjectOrFirst(body []byte, v any) error {
	body, err := resolveRefs(body)
	if err != nil {
		return err
	}
	var items []json.RawMessage
	if err := json.Unmarshal(body, &items); err == nil {
		if len(items) == 0 {
			return errEmptyArray
		}
		return json.Unmarshal(items[0], v)
	}
	return json.Unmarshal(body, v)
}

// CarrierRef names a carrier on the monitored or blocked list: DOT and/or
// docket number for an interstate carrier, IntrastateNumber (optionally with
// the DOT number) for an intrastate-only one. Empty fields are not sent.
type CarrierRef struct {
	DOTNumber        int
	DocketNumber     string
	IntrastateNumber string
}

func (r CarrierRef) String() string {
	s := ""
	if r.DOTNumber != 0 {
		s = "DOT " + strconv.Itoa(r.DOTNumber)
	}
	for _, part := range []string{r.DocketNumber, r.IntrastateNumber} {
		if part == "" {
			continue
		}
		if s != "" {
			s += " / "
		}
		s += part
	}
	return s
}

func (r CarrierRef) query() url.Values {
	q := url.Values{}
	if r.DOTNumber != 0 {
		q.Set("DOTNumber", strconv.Itoa(r.DOTNumber))
	}
	if r.DocketNumber != "" {
		q.Set("DocketNumber", r.DocketNumber)
	}
	if r.IntrastateNumber != "" {
		q.Set("IntrastateNumber", r.IntrastateNumber)
	}
	return q
}
