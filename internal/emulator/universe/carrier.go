package universe

import (
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Overlay is what has changed about a carrier since the universe was made;
// the server keeps one for each carrier it changed. Slices are replaced,
// never modified in place, so copies can share them.
type Overlay struct {
	Insurance, Authority, Risk Change
	PacketAt                   time.Time            // packet completed out of band (CompletePacket)
	Invitation                 *Invitation          // the latest EmailPacketInvitation
	Contacts                   []mcp.CarrierContact // the contacts once a verification request changed them
	VINRequests                []VINRequest         // the customer's pending VIN verification requests
}

// Change counts the changes of one kind made to a carrier, and holds the
// time of the last.
type Change struct {
	Count int
	At    time.Time
}

// Invitation is what an EmailPacketInvitation shows of itself.
type Invitation struct {
	CarrierEmail, UserName string
	ReceivedAt             time.Time
}

// VINRequest is what a RequestVINVerification shows of itself.
type VINRequest struct {
	PhoneNumber string // (NNN) NNN-NNNN
	UserName    string
	ReceivedAt  time.Time
}

// Facts are what a carrier's models derive from besides the universe: a copy
// of its overlay and list memberships, taken under the server's lock so that
// the (possibly heavy) derivation runs outside it, the clock, and the two
// variants that change what is derived rather than how it is written.
type Facts struct {
	Overlay
	Monitored, Blocked bool
	Now                time.Time
	// ContactsSuccessFalse is the variant contacts-success-false: one
	// carrier in eight has no contacts, which the universe otherwise never
	// lacks.
	ContactsSuccessFalse bool
	// DateOnly is the zone date-times are written in under the variant
	// date-only, nil without it: the customer's agreement is then created
	// at midnight there, so that date-only has a field to show.
	DateOnly *time.Location
}

// Carrier is one carrier as responses show it: the immutable core record
// joined to its Facts. Its methods derive the models of MCP's answers.
type Carrier struct {
	u  *Universe
	i  int32
	c  record
	f  Facts
	id *identity
}

// Carrier joins carrier i to its facts.
func (u *Universe) Carrier(i int32, f Facts) *Carrier {
	return &Carrier{u: u, i: i, c: u.carriers[i], f: f}
}

func (v *Carrier) ident() *identity {
	if v.id == nil {
		id := v.u.identity(v.i)
		v.id = &id
	}
	return v.id
}

// DOT is the carrier's DOT number.
func (v *Carrier) DOT() int { return int(v.c.dot) }

// Docket is the carrier's docket number, "" for intrastate-only carriers.
func (v *Carrier) Docket() string { return v.u.Docket(v.i) }

// Intrastate is the intrastate number of an intrastate-only carrier, else "".
func (v *Carrier) Intrastate() string { return v.u.Intrastate(v.i) }

// LegalName is the carrier's legal name.
func (v *Carrier) LegalName() string { return v.ident().legalName }

// DBAName is the carrier's "doing business as" name, often "".
func (v *Carrier) DBAName() string { return v.ident().dbaName }

// Phone is the company phone as PreviewCarrier writes it, (NNN) NNN-NNNN.
func (v *Carrier) Phone() string { return ParenPhone(v.ident().phone) }

// Email is the FMCSA census e-mail.
func (v *Carrier) Email() string { return v.ident().email }

// Monitored: the carrier is on the customer's monitored list.
func (v *Carrier) Monitored() bool { return v.f.Monitored }

// Blocked: the carrier is on the customer's blocked list.
func (v *Carrier) Blocked() bool { return v.f.Blocked }

func (v *Carrier) intrastateOnly() bool {
	return v.c.kind == kindIntrastate
}

// InFraudRing: the carrier shares a phone number or an e-mail address with
// other carriers.
func (v *Carrier) InFraudRing() bool { return v.c.ring >= 0 }

// HasIncidents: other customers filed incident reports about the carrier.
func (v *Carrier) HasIncidents() bool { return v.c.has(traitIncidents) }

// HasVINVerifications: the carrier has VIN verifications on record, or the
// customer requested one.
func (v *Carrier) HasVINVerifications() bool {
	return v.c.has(traitVINs) || len(v.f.VINRequests) > 0
}

// PaddedDocket: the carrier has a zero-padded docket now.
func (v *Carrier) PaddedDocket() bool { return v.u.hasPaddedDocket(v.i) }

// HasPacket: the carrier completed the customer's packet, at PacketTime.
func (v *Carrier) HasPacket() bool { return v.c.has(traitPacket) || !v.f.PacketAt.IsZero() }

// PacketTime is when the carrier completed the customer's packet.
func (v *Carrier) PacketTime() time.Time {
	if !v.f.PacketAt.IsZero() {
		return v.f.PacketAt
	}
	return v.u.base.Add(-time.Duration(v.c.packetAge)*time.Minute + time.Duration(mix(uint64(v.c.dot))%1e7)*Tick)
}

// Authority changes revoke and restore an interstate carrier's authority,
// and put an intrastate-only carrier out of service and back.
func (v *Carrier) authorityRevoked() bool {
	return !v.intrastateOnly() && v.f.Authority.Count%2 == 1
}

func (v *Carrier) outOfService() bool {
	return v.intrastateOnly() && v.f.Authority.Count%2 == 1
}

func (v *Carrier) authGrantDate() string {
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
func (v *Carrier) status() (string, mcp.Time) {
	switch {
	case v.HasPacket():
		return "Completed", mcp.Time{Time: v.PacketTime()}
	case v.f.Invitation != nil:
		return "Invited", mcp.Time{Time: v.f.Invitation.ReceivedAt}
	}
	return "Not Invited", mcp.Time{}
}

// Contacts are the carrier's authorized and verified users: the derived
// ones, or the overlay's copy once a verification request changed them;
// none for a contactless carrier under contacts-success-false.
func (v *Carrier) Contacts() []mcp.CarrierContact {
	if v.f.Contacts != nil {
		return v.f.Contacts
	}
	if v.NoContacts() {
		return []mcp.CarrierContact{}
	}
	return v.u.contacts(v.i)
}

// NoContacts: the carrier has no MCP users (only under
// contacts-success-false, until a verification request adds one).
func (v *Carrier) NoContacts() bool {
	if v.f.Contacts != nil {
		return len(v.f.Contacts) == 0
	}
	return v.f.ContactsSuccessFalse && v.u.contactless(v.i)
}

func (v *Carrier) latestInvitation() *mcp.LatestInvitation {
	inv := v.f.Invitation
	if inv == nil {
		return &mcp.LatestInvitation{}
	}
	li := &mcp.LatestInvitation{InvitedByUserName: inv.UserName, InvitationSentDate: mcp.Time{Time: inv.ReceivedAt}, InvitationRecipient: inv.CarrierEmail}
	if strings.Contains(inv.UserName, "@") {
		li.InvitedByEmail = inv.UserName
	}
	return li
}
