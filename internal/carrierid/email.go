package carrierid

import (
	"fmt"
	"net/mail"
	"strings"
)

// maxEmailLen is the longest address SMTP can carry.
const maxEmailLen = 254

// CheckEmail accepts a bare e-mail address such as dispatch@carrier.com: no
// display name, no spaces, and a domain with a dot.
func CheckEmail(s string) error {
	bad := fmt.Errorf("%q is not an e-mail address: expected a bare address such as dispatch@carrier.com", s)
	if s == "" || len(s) > maxEmailLen || strings.ContainsAny(s, " \t\r\n<>,;/") {
		return bad
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s {
		return bad
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	if at < 1 || !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return bad
	}
	return nil
}

// InvitationKey identifies a packet invitation: the carrier and the address
// it was sent to.
type InvitationKey struct {
	DOT    int
	Docket string
	Email  string
}

// InvitationIDFormats describes the accepted invitation IDs.
const InvitationIDFormats = `"<dot>/<email>" (23868/dispatch@carrier.com) or "<dot>/<docket>/<email>" (23868/MC113843/dispatch@carrier.com)`

// String is the canonical invitation ID.
func (k InvitationKey) String() string {
	if k.Docket != "" {
		return Key{DOT: k.DOT, Docket: k.Docket}.String() + "/" + k.Email
	}
	return Key{DOT: k.DOT}.String() + "/" + k.Email
}

// ParseInvitationID reads an ID in one of InvitationIDFormats.
func ParseInvitationID(id string) (InvitationKey, error) {
	fail := func(reason string) (InvitationKey, error) {
		return InvitationKey{}, fmt.Errorf("invalid import ID %q: %s; expected %s", id, reason, InvitationIDFormats)
	}
	parts := strings.Split(id, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return fail("wrong number of parts")
	}
	dot, err := ParseDOT(parts[0])
	if err != nil {
		return fail(err.Error())
	}
	k := InvitationKey{DOT: dot, Email: parts[len(parts)-1]}
	if len(parts) == 3 {
		if err := CheckDocket(parts[1]); err != nil {
			return fail(err.Error())
		}
		k.Docket = parts[1]
	}
	if err := CheckEmail(k.Email); err != nil {
		return fail(err.Error())
	}
	return k, nil
}
