package emulator

import (
	"strings"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Single-carrier reads. Each resolves DOTNumber/DocketNumber with resolve
// (404 unknown, 400 none or contradictory) and derives its answer from a
// view outside the lock.

func (s *Server) carrierView(c *call) (*view, error) {
	i, err := s.resolve(c.p, false)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.view(i, c.now), nil
}

// previewCarrier answers a one-element array, as captured.
func (s *Server) previewCarrier(c *call) (reply, error) {
	v, err := s.carrierView(c)
	if err != nil {
		return reply{}, err
	}
	return ok([]mcp.PreviewCarrier{v.preview()}), nil
}

// getCarrierData answers only Message and AssureAdvantage when the carrier
// has no packet with the customer, as captured.
func (s *Server) getCarrierData(c *call) (reply, error) {
	v, err := s.carrierView(c)
	if err != nil {
		return reply{}, err
	}
	out := mcp.CarrierData{
		Message:         "Carrier Agreement does not exist.",
		AssureAdvantage: []mcp.FMCSACarrier{{CarrierDetails: v.details(), ResponseDO: v.responseDO()}},
	}
	if v.hasPacket() {
		out.CarrierPacket, out.Message = v.packet(), ""
	}
	return ok(out), nil
}

// getCarrierContacts answers a bare object although the spec declares an
// array: the live API did. Under contacts-success-false a carrier without
// contacts is Success false, a Message and Carrier null.
func (s *Server) getCarrierContacts(c *call) (reply, error) {
	v, err := s.carrierView(c)
	if err != nil {
		return reply{}, err
	}
	id := v.ident()
	contacts := v.contacts()
	if len(contacts) == 0 && c.vs.has(vContactsSuccessFalse) {
		return ok(mcp.CarrierContactsResult{Message: "No contacts were found for this carrier."}), nil
	}
	return ok(mcp.CarrierContactsResult{Success: true, Carrier: &mcp.Carrier{
		DOTNumber: int(v.c.dot), DocketNumber: v.docket(), LegalName: id.legalName, DBAName: id.dbaName, Contacts: contacts,
	}}), nil
}

func (s *Server) getCarrierRiskAssessment(c *call) (reply, error) {
	v, err := s.carrierView(c)
	if err != nil {
		return reply{}, err
	}
	return ok([]mcp.CarrierRiskAssessment{v.riskAssessment()}), nil
}

func (s *Server) getCarrierIncidentReports(c *call) (reply, error) {
	v, err := s.carrierView(c)
	if err != nil {
		return reply{}, err
	}
	id := v.ident()
	return ok(mcp.CarrierIncidentReport{
		DOTNumber: int(v.c.dot), DocketNumber: v.docket(), LegalName: id.legalName, DBAName: id.dbaName, IncidentReports: v.incidents(),
	}), nil
}

func (s *Server) getCarrierVINVerifications(c *call) (reply, error) {
	v, err := s.carrierView(c)
	if err != nil {
		return reply{}, err
	}
	id := v.ident()
	return ok(mcp.CarrierVINVerification{
		DOTNumber: int(v.c.dot), DocketNumber: v.docket(), LegalName: id.legalName, DBAName: id.dbaName, VINVerifications: v.vinVerifications(),
	}), nil
}

// findAssociatedCarriers matches phones on their ten digits and e-mails
// case-insensitively. Without either it reports failure in the body.
func (s *Server) findAssociatedCarriers(c *call) (reply, error) {
	rawPhone, hasPhone := c.p.str("phone")
	rawEmail, hasEmail := c.p.str("email")
	if !hasPhone && !hasEmail {
		return ok(mcp.AssociatedCarriersResult{Message: "A phone number or an email address is required.", AssociatedCarriers: []mcp.AssociatedCarrier{}}), nil
	}
	phone, email := normalizePhone(rawPhone), strings.ToLower(rawEmail)

	s.mu.Lock()
	var views []*view
	for _, i := range s.associationCandidates(phone, email) {
		views = append(views, s.view(i, c.now))
	}
	s.mu.Unlock()

	out := mcp.AssociatedCarriersResult{Success: true, AssociatedCarriers: []mcp.AssociatedCarrier{}}
	for _, v := range views {
		byPhone, byEmail := v.associations(phone, email)
		if len(byPhone) == 0 && len(byEmail) == 0 {
			continue
		}
		id := v.ident()
		out.AssociatedCarriers = append(out.AssociatedCarriers, mcp.AssociatedCarrier{
			DOTNumber: int(v.c.dot), DocketNumber: v.docket(), CompanyName: id.legalName, DBAName: id.dbaName,
			Street: id.street, City: id.loc.city, State: id.loc.state, ZipCode: id.zip, Country: id.loc.country,
			Phone: parenPhone(id.phone), PhoneAssociationTypes: associationTypes(byPhone), EmailAssociationTypes: associationTypes(byEmail),
		})
	}
	out.AssociatedCarriersCount = len(out.AssociatedCarriers)
	return ok(out), nil
}
