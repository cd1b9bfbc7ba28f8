package carrierid

import (
	"net/mail"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseInvitationID: never panics; an accepted ID names a valid key,
// is already canonical, and round-trips.
func FuzzParseInvitationID(f *testing.F) {
	for _, s := range []string{
		"23868/dispatch@carrier.com", "23868/MC113843/dispatch@carrier.com", "23868/FF012345/a.b+c@sub.example.co",
		"23868", "23868/", "/d@c.com", "0/d@c.com", "023868/d@c.com", "123456789/d@c.com", "23868/mc113843/d@c.com",
		"23868/MC113843/extra/d@c.com", "23868/intrastate/TX1/d@c.com", "23868/d@c", "23868/\"a b\"@c.com",
		"23868/d@c.com/", "23868//d@c.com", "23868/MC113843/", "23868/Dispatch <d@c.com>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		k, err := ParseInvitationID(id)
		if err != nil {
			if !strings.Contains(err.Error(), "invalid import ID") {
				t.Fatalf("ParseInvitationID(%q) error %q does not say what is wrong", id, err)
			}
			return
		}
		if k.DOT < 1 || k.DOT > 99999999 {
			t.Fatalf("ParseInvitationID(%q) accepted DOT %d", id, k.DOT)
		}
		if k.Docket != "" && CheckDocket(k.Docket) != nil {
			t.Fatalf("ParseInvitationID(%q) accepted docket %q", id, k.Docket)
		}
		if CheckEmail(k.Email) != nil {
			t.Fatalf("ParseInvitationID(%q) accepted e-mail %q", id, k.Email)
		}
		if k.String() != id {
			t.Fatalf("ParseInvitationID(%q).String() = %q: an accepted ID must be canonical", id, k.String())
		}
		if again, err := ParseInvitationID(k.String()); err != nil || again != k {
			t.Fatalf("ParseInvitationID(%q) = %+v does not round-trip: %+v, %v", id, k, again, err)
		}
	})
}

// FuzzCheckEmail: never panics; an accepted address is a bare address with
// a dotted domain, printable, that an invitation ID can carry.
func FuzzCheckEmail(f *testing.F) {
	for _, s := range []string{
		"dispatch@carrier.com", "a.b+c@sub.example.co", "x@y.io", "", "dispatch", "@carrier.com", "dispatch@",
		"dispatch@carrier", "a b@c.com", "Dispatch <d@c.com>", "d@c.com,e@f.com", "d@.com", "d@c.com.", "d@@c.com",
		"d/e@c.com", `"quoted"@c.com`, `"a\"b"@c.com`, "d@[127.0.0.1]", "d@c..com", "ü@c.com", "d@c.com\x00",
		"d(comment)@c.com", "=?utf-8?q?x?=@c.com", strings.Repeat("a", 250) + "@c.com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckEmail(s) != nil {
			return
		}
		at := strings.LastIndexByte(s, '@')
		if len(s) > maxEmailLen || at < 1 || !strings.Contains(s[at+1:], ".") {
			t.Fatalf("CheckEmail accepted %q", s)
		}
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Fatalf("CheckEmail accepted %q, which holds control characters or invalid UTF-8", s)
		}
		if addr, err := mail.ParseAddress(s); err != nil || addr.Address != s || addr.Name != "" {
			t.Fatalf("CheckEmail accepted %q, which is not a bare address (%+v, %v)", s, addr, err)
		}
		if k, err := ParseInvitationID("23868/" + s); err != nil || k.Email != s {
			t.Fatalf("CheckEmail accepted %q, which an invitation ID cannot carry: %+v, %v", s, k, err)
		}
	})
}

// FuzzParseListValue: never panics; an accepted value names a valid docket
// or intrastate number, never both, and round-trips.
func FuzzParseListValue(f *testing.F) {
	for _, s := range []string{"", "MC113843", "mc113843", "MC 1", "FF0", "MX-1", "TX123456", "tx1", "MCA", "M", "MC", " ", "CA-1/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		k, err := ParseListValue(23868, value)
		if err != nil {
			if !strings.Contains(err.Error(), "is not a") {
				t.Fatalf("ParseListValue(%q) error %q does not say what is expected", value, err)
			}
			return
		}
		if k.DOT != 23868 || (k.Docket != "" && k.Intrastate != "") {
			t.Fatalf("ParseListValue(%q) = %+v", value, k)
		}
		if k.Docket != "" && CheckDocket(k.Docket) != nil || k.Intrastate != "" && CheckIntrastate(k.Intrastate) != nil {
			t.Fatalf("ParseListValue(%q) accepted an invalid identifier: %+v", value, k)
		}
		if k.ListValue() != value {
			t.Fatalf("ParseListValue(%q).ListValue() = %q", value, k.ListValue())
		}
	})
}
