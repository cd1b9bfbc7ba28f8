package emulator

import (
	"net/http"
	"net/mail"
	"slices"
	"strings"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/universe"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Invitations, verification requests, completed packets, documents and the
// factoring directory.

// emptyObject is the spec's untyped {"type": "object"} answer: {} (plus $id).
type emptyObject struct{}

func (s *Server) emailPacketInvitation(c *call) (reply, error) {
	send, err := c.p.boolean("sendConfirmationEmail")
	if err != nil {
		return reply{}, err
	}
	i, err := s.resolve(c.p, false)
	if err != nil {
		return reply{}, err
	}
	email, _ := c.p.str("carrierEmail")
	if !isEmail(email) {
		return reply{}, errorf(http.StatusBadRequest, "carrierEmail '%s' is not a valid email address.", email)
	}
	var notify []string
	if raw, has := c.p.str("notificationEmails"); has {
		for _, addr := range strings.Split(raw, ",") {
			addr = strings.TrimSpace(addr)
			if !isEmail(addr) {
				return reply{}, errorf(http.StatusBadRequest, "notificationEmails contains '%s', which is not a valid email address.", addr)
			}
			notify = append(notify, addr)
		}
	}
	userName, _ := c.p.str("userName")
	inv := Invitation{
		DOTNumber: s.u.DOT(i), DocketNumber: s.u.Docket(i), CarrierEmail: email, UserName: userName,
		SendConfirmationEmail: send, NotificationEmails: notify, ReceivedAt: c.now,
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.invitations = append(s.st.invitations, inv)
	s.st.overlay(i).Invitation = &universe.Invitation{CarrierEmail: email, UserName: userName, ReceivedAt: c.now}
	return ok(emptyObject{}), nil
}

// requestUserVerification records the request and marks the contact with
// that e-mail (added when missing) as Pending in GetCarrierContacts.
func (s *Server) requestUserVerification(c *call) (reply, error) {
	i, err := s.resolve(c.p, false)
	if err != nil {
		return reply{}, err
	}
	email, _ := c.p.str("userVerificationEmail")
	if !isEmail(email) {
		return reply{}, errorf(http.StatusBadRequest, "userVerificationEmail '%s' is not a valid email address.", email)
	}
	userName, _ := c.p.str("userName")
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.userVerifications = append(s.st.userVerifications, UserVerification{
		DOTNumber: s.u.DOT(i), DocketNumber: s.u.Docket(i), Email: email, UserName: userName, ReceivedAt: c.now,
	})
	v := s.view(i, c.now)
	s.st.overlay(i).Contacts = withContactStatus(v.Contacts(), email, "Pending")
	return ok(emptyObject{}), nil
}

// requestVINVerification accepts text-message requests only. The answer is
// a JSON string, or RequestVINVerificationOutput when
// outputVINVerificationRequestID=true.
func (s *Server) requestVINVerification(c *call) (reply, error) {
	option, hasOption, err := c.p.integer("deliveryOption")
	if err != nil || !hasOption {
		return reply{}, errInvalid()
	}
	outputID, err := c.p.boolean("outputVINVerificationRequestID")
	if err != nil {
		return reply{}, err
	}
	switch option {
	case 1:
		return reply{}, errorf(http.StatusBadRequest, "Email VIN Validations are no longer supported")
	case 2:
	default:
		return reply{}, errInvalid()
	}
	i, err := s.resolve(c.p, false)
	if err != nil {
		return reply{}, err
	}
	raw, hasPhone := c.p.str("vinVerificationPhoneNumber")
	if !hasPhone {
		return reply{}, errorf(http.StatusBadRequest, "A vinVerificationPhoneNumber is required for deliveryOption 2 (PhoneNumber).")
	}
	phone := universe.NormalizePhone(raw)
	if phone == "" {
		return reply{}, errorf(http.StatusBadRequest, "vinVerificationPhoneNumber '%s' is not a valid phone number.", raw)
	}
	userName, hasUser := c.p.str("userName")
	if !hasUser {
		userName = c.user
	}
	s.mu.Lock()
	req := VINRequest{
		RequestID: s.st.nextVINRequestID, DOTNumber: s.u.DOT(i), DocketNumber: s.u.Docket(i),
		PhoneNumber: universe.ParenPhone(phone), UserName: userName, ReceivedAt: c.now,
	}
	s.st.nextVINRequestID++
	s.st.vinRequests = append(s.st.vinRequests, req)
	ov := s.st.overlay(i)
	ov.VINRequests = append(slices.Clip(ov.VINRequests), universe.VINRequest{PhoneNumber: req.PhoneNumber, UserName: userName, ReceivedAt: c.now})
	s.mu.Unlock()

	msg := "VIN verification request sent to " + req.PhoneNumber + "."
	if outputID {
		return ok(mcp.RequestVINVerificationOutput{VinVerificationRequestID: req.RequestID, Message: msg}), nil
	}
	return ok(msg), nil
}

// completedPackets lists, in DOT order, the carriers whose packet
// completion falls within [fromDate, toDate].
func (s *Server) completedPackets(c *call) (reply, error) {
	from, to, err := c.p.window()
	if err != nil {
		return reply{}, err
	}
	s.mu.Lock()
	candidates := slices.Concat(s.u.Packets(), s.st.completedOutOfBand)
	slices.Sort(candidates)
	var views []*universe.Carrier
	for _, i := range slices.Compact(candidates) {
		v := s.view(i, c.now)
		if t := v.PacketTime(); !t.Before(from) && !t.After(to) {
			views = append(views, v)
		}
	}
	s.mu.Unlock()
	out := make([]mcp.CompletedPacket, len(views))
	for k, v := range views {
		out[k] = mcp.CompletedPacket{DOTNumber: v.DOT(), DocketNumber: v.Docket(), LegalName: v.LegalName(), CompletedDate: mcp.Time{Time: v.PacketTime()}}
	}
	return ok(out), nil
}

// withContactStatus returns contacts with the one at email (added when
// missing) marked as verification-pending. The input is not modified.
func withContactStatus(contacts []mcp.CarrierContact, email, status string) []mcp.CarrierContact {
	out := slices.Clone(contacts)
	for k := range out {
		if strings.EqualFold(out[k].Email, email) {
			out[k].VerificationStatus = status
			return out
		}
	}
	return append(out, mcp.CarrierContact{Email: email, VerificationStatus: status})
}

// isEmail accepts a bare address (no display name) with a dotted domain.
func isEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return false
	}
	_, domain, _ := strings.Cut(s, "@")
	return strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
