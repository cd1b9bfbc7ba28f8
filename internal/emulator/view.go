package emulator

import (
	"slices"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// view is one carrier as responses show it: the immutable core record, a
// copy of its overlay and its list memberships, taken under the state lock
// so that the (possibly heavy) derivation runs outside it.
type view struct {
	u                  *universe
	i                  int32
	c                  carrier
	ov                 overlay
	monitored, blocked bool
	now                time.Time
	id                 *identity
	vs                 variantSet
}

// view copies carrier i's mutable state. Callers hold s.mu.
func (s *Server) view(i int32, now time.Time) *view {
	v := &view{u: s.u, i: i, c: s.u.carriers[i], now: now, vs: s.variants()}
	if ov := s.st.overlays[i]; ov != nil {
		v.ov = *ov
	}
	v.monitored = s.st.monitored[i] != nil
	v.blocked = s.st.blocked[i] != nil
	return v
}

// viewOf takes the lock to copy one carrier.
func (s *Server) viewOf(i int32) *view {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.view(i, now)
}

func (v *view) ident() *identity {
	if v.id == nil {
		id := v.u.identity(v.i)
		v.id = &id
	}
	return v.id
}

func (v *view) docket() string     { return v.u.docketOf(v.i) }
func (v *view) intrastate() string { return v.u.intrastateOf(v.i) }
func (v *view) intrastateOnly() bool {
	return v.c.kind == kindIntrastate
}

// hasPacket: the carrier completed the customer's packet, at packetTime.
func (v *view) hasPacket() bool { return v.c.has(traitPacket) || !v.ov.packetAt.IsZero() }

func (v *view) packetTime() time.Time {
	if !v.ov.packetAt.IsZero() {
		return v.ov.packetAt
	}
	return v.u.base.Add(-time.Duration(v.c.packetAge)*time.Minute + time.Duration(mix(uint64(v.c.dot))%1e7)*tick)
}

// Authority changes revoke and restore an interstate carrier's authority,
// and put an intrastate-only carrier out of service and back.
func (v *view) authorityRevoked() bool {
	return !v.intrastateOnly() && v.ov.authority.count%2 == 1
}

func (v *view) outOfService() bool {
	return v.intrastateOnly() && v.ov.authority.count%2 == 1
}

func (v *view) authGrantDate() string {
	if v.intrastateOnly() {
		return noDate
	}
	r := v.u.rngFor(v.i, streamIdentity)
	r.next()
	days := r.between(400, 9000)
	if v.c.has(traitNewAuthority) {
		days = r.between(20, 170)
	}
	return ymd(v.u.date(-days))
}

// status is PreviewCarrier.Status and its date.
func (v *view) status() (string, mcp.Time) {
	switch {
	case v.hasPacket():
		return "Completed", mcp.Time{Time: v.packetTime()}
	case v.ov.invitation != nil:
		return "Invited", mcp.Time{Time: v.ov.invitation.ReceivedAt}
	}
	return "Not Invited", mcp.Time{}
}

// contacts are the carrier's authorized and verified users: the derived
// ones, or the overlay's copy once a verification request changed them;
// none for a contactless carrier under contacts-success-false.
func (v *view) contacts() []mcp.CarrierContact {
	if v.ov.contacts != nil {
		return v.ov.contacts
	}
	if v.noContacts() {
		return []mcp.CarrierContact{}
	}
	return v.u.contacts(v.i)
}

// noContacts: the carrier has no MCP users (only under
// contacts-success-false, until a verification request adds one).
func (v *view) noContacts() bool {
	if v.ov.contacts != nil {
		return len(v.ov.contacts) == 0
	}
	return v.vs.has(vContactsSuccessFalse) && v.u.contactless(v.i)
}

func (v *view) latestInvitation() *mcp.LatestInvitation {
	inv := v.ov.invitation
	if inv == nil {
		return &mcp.LatestInvitation{}
	}
	li := &mcp.LatestInvitation{InvitedByUserName: inv.UserName, InvitationSentDate: mcp.Time{Time: inv.ReceivedAt}, InvitationRecipient: inv.CarrierEmail}
	if strings.Contains(inv.UserName, "@") {
		li.InvitedByEmail = inv.UserName
	}
	return li
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
