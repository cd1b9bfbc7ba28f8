package emulator

import (
	"slices"
	"strings"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/universe"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Single-carrier reads. Each resolves DOTNumber/DocketNumber with resolve
// (404 unknown, 400 none or contradictory) and derives its answer from a
// view outside the lock.

func (s *Server) carrierView(c *call) (*universe.Carrier, error) {
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
	return ok([]mcp.PreviewCarrier{v.Preview()}), nil
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
		AssureAdvantage: []mcp.FMCSACarrier{{CarrierDetails: v.Details(), ResponseDO: v.ResponseDO()}},
	}
	if v.HasPacket() {
		out.CarrierPacket, out.Message = v.Packet(), ""
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
	contacts := v.Contacts()
	if len(contacts) == 0 && c.vs.has(vContactsSuccessFalse) {
		return ok(mcp.CarrierContactsResult{Message: "No contacts were found for this carrier."}), nil
	}
	return ok(mcp.CarrierContactsResult{Success: true, Carrier: &mcp.Carrier{
		DOTNumber: v.DOT(), DocketNumber: v.Docket(), LegalName: v.LegalName(), DBAName: v.DBAName(), Contacts: contacts,
	}}), nil
}

func (s *Server) getCarrierRiskAssessment(c *call) (reply, error) {
	v, err := s.carrierView(c)
	if err != nil {
		return reply{}, err
	}
	return ok([]mcp.CarrierRiskAssessment{v.RiskAssessment()}), nil
}

func (s *Server) getCarrierIncidentReports(c *call) (reply, error) {
	v, err := s.carrierView(c)
	if err != nil {
		return reply{}, err
	}
	return ok(mcp.CarrierIncidentReport{
		DOTNumber: v.DOT(), DocketNumber: v.Docket(), LegalName: v.LegalName(), DBAName: v.DBAName(), IncidentReports: v.Incidents(),
	}), nil
}

func (s *Server) getCarrierVINVerifications(c *call) (reply, error) {
	v, err := s.carrierView(c)
	if err != nil {
		return reply{}, err
	}
	return ok(mcp.CarrierVINVerification{
		DOTNumber: v.DOT(), DocketNumber: v.Docket(), LegalName: v.LegalName(), DBAName: v.DBAName(), VINVerifications: v.VINVerifications(),
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
	phone, email := universe.NormalizePhone(rawPhone), strings.ToLower(rawEmail)

	s.mu.Lock()
	var views []*universe.Carrier
	for _, i := range s.associationCandidates(phone, email) {
		views = append(views, s.view(i, c.now))
	}
	s.mu.Unlock()

	out := mcp.AssociatedCarriersResult{Success: true, AssociatedCarriers: []mcp.AssociatedCarrier{}}
	for _, v := range views {
		if ac, ok := v.AssociatedCarrier(phone, email); ok {
			out.AssociatedCarriers = append(out.AssociatedCarriers, ac)
		}
	}
	out.AssociatedCarriersCount = len(out.AssociatedCarriers)
	return ok(out), nil
}

// associationCandidates are the carriers whose data may hold the phone or
// e-mail: the universe's, plus carriers whose contacts a verification
// request changed. Callers hold s.mu and verify every candidate.
func (s *Server) associationCandidates(phone, email string) []int32 {
	out := s.u.AssociationCandidates(phone, email)
	if !strings.Contains(email, "@") {
		return out
	}
	for i, ov := range s.st.overlays {
		if slices.ContainsFunc(ov.Contacts, func(c mcp.CarrierContact) bool { return strings.EqualFold(c.Email, email) }) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
