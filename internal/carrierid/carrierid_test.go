package carrierid

import (
	"strings"
	"testing"
)

func TestParseDOT(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int{"23868": 23868, "1": 1, "99999999": 99999999} {
		got, err := ParseDOT(in)
		if err != nil || got != want {
			t.Errorf("ParseDOT(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-5", "+5", "023868", "123456789", "12a", "2.5", " 23868", "23868 ", "١٢٣"} {
		if got, err := ParseDOT(in); err == nil {
			t.Errorf("ParseDOT(%q) = %d, want an error", in, got)
		}
	}
	// A DOT number with spaces around it suggests the trimmed one; other
	// mistakes get no suggestion.
	for in, hint := range map[string]string{" 23868": `(did you mean "23868", without the spaces?)`, "23868 ": `(did you mean "23868", without the spaces?)`} {
		if _, err := ParseDOT(in); err == nil || !strings.Contains(err.Error(), hint) {
			t.Errorf("ParseDOT(%q) = %v, want an error mentioning %q", in, err, hint)
		}
	}
	if _, err := ParseDOT(" 0 "); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("ParseDOT(%q) = %v, want an error without a suggestion", " 0 ", err)
	}
}

func TestCheckDocket(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"MC113843", "FF1", "MX12345678", "MC010203"} {
		if err := CheckDocket(ok); err != nil {
			t.Errorf("CheckDocket(%q) = %v", ok, err)
		}
	}
	for in, hint := range map[string]string{
		"mc113843":    `did you mean "MC113843"`,
		"MC 113843":   `did you mean "MC113843"`,
		"MC-113843":   `did you mean "MC113843"`,
		"XX113843":    "expected MC, FF or MX",
		"TX100030":    "TX100030 looks like a state-issued intrastate number: give it as intrastate_number",
		"113843":      "expected MC, FF or MX",
		"MC":          "expected MC, FF or MX",
		"MC123456789": "1 to 8 digits",
		"MC12a":       "expected MC, FF or MX",
		"":            "expected MC, FF or MX",
	} {
		err := CheckDocket(in)
		if err == nil || !strings.Contains(err.Error(), hint) {
			t.Errorf("CheckDocket(%q) = %v, want an error mentioning %q", in, err, hint)
		}
	}
}

func TestNormalizeDocket(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"mc 113843": "MC113843", "MC113843": "MC113843", " Mc-113843 ": "MC113843",
		"ff#0123": "FF0123", "mx 1": "MX1",
	} {
		got, err := NormalizeDocket(in)
		if err != nil || got != want {
			t.Errorf("NormalizeDocket(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "mc", "113843", "ab123", "MC 11 3843", "MC123456789", "MC1x"} {
		if got, err := NormalizeDocket(in); err == nil {
			t.Errorf("NormalizeDocket(%q) = %q, want an error", in, got)
		}
	}
}

func TestCheckIntrastate(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"TX123456", "CA-998877", "1"} {
		if err := CheckIntrastate(ok); err != nil {
			t.Errorf("CheckIntrastate(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "tx123456", "TX 123456", "TX/1", strings.Repeat("A", 21)} {
		if err := CheckIntrastate(bad); err == nil {
			t.Errorf("CheckIntrastate(%q) = nil, want an error", bad)
		}
	}
}

func TestParseImportID(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Key{
		"23868":                     {DOT: 23868},
		"23868/MC113843":            {DOT: 23868, Docket: "MC113843"},
		"23868/intrastate/TX123456": {DOT: 23868, Intrastate: "TX123456"},
	} {
		got, err := ParseImportID(in)
		if err != nil || got != want {
			t.Errorf("ParseImportID(%q) = %+v, %v; want %+v", in, got, err, want)
		}
		if got.String() != in {
			t.Errorf("Key(%+v).String() = %q, want %q", got, got.String(), in)
		}
	}
	for _, in := range []string{
		"", "/", "23868/", "/MC113843", "23868//MC113843", "23868/mc113843", "MC113843", "abc",
		"23868/MC113843/x", "23868/intrastate", "23868/intrastate/", "23868/intrastate/tx1", "23868/state/TX1", "0/MC1",
	} {
		_, err := ParseImportID(in)
		if err == nil {
			t.Errorf("ParseImportID(%q) succeeded, want an error", in)
			continue
		}
		if !strings.Contains(err.Error(), "23868/MC113843") {
			t.Errorf("ParseImportID(%q) error does not show the accepted formats: %v", in, err)
		}
	}
}

// FuzzParseImportID: the parser never panics, and whatever it accepts is
// valid and prints back to the same ID.
func FuzzParseImportID(f *testing.F) {
	for _, s := range []string{"23868", "23868/MC113843", "23868/intrastate/TX123456", "23868//", "/", "0", "99999999/FF0", "1/intrastate/A-1", "23868/MC113843/extra"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		k, err := ParseImportID(id)
		if err != nil {
			return
		}
		if k.DOT < 1 || k.DOT > 99999999 || (k.Docket != "" && k.Intrastate != "") {
			t.Fatalf("ParseImportID(%q) accepted an invalid key %+v", id, k)
		}
		if k.String() != id {
			t.Fatalf("ParseImportID(%q).String() = %q", id, k.String())
		}
	})
}

// FuzzNormalizeDocket: never panics; a result is a valid docket and a fixed
// point of normalisation.
func FuzzNormalizeDocket(f *testing.F) {
	for _, s := range []string{"mc 113843", "MC113843", " Mc-113843 ", "ff#0123", "", "mc", "MC 11 3843", "ｍｃ1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeDocket(s)
		if err != nil {
			return
		}
		if err := CheckDocket(n); err != nil {
			t.Fatalf("NormalizeDocket(%q) = %q, which CheckDocket rejects: %v", s, n, err)
		}
		if again, err := NormalizeDocket(n); err != nil || again != n {
			t.Fatalf("NormalizeDocket(%q) = %q is not a fixed point (%q, %v)", s, n, again, err)
		}
	})
}

func TestCheckEmail(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"dispatch@carrier.com", "a.b+c@sub.example.co", "x@y.io"} {
		if err := CheckEmail(ok); err != nil {
			t.Errorf("CheckEmail(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "dispatch", "@carrier.com", "dispatch@", "dispatch@carrier", "a b@c.com",
		"Dispatch <d@c.com>", "d@c.com,e@f.com", "d@.com", "d@c.com.", "d@@c.com", "d/e@c.com"} {
		if err := CheckEmail(bad); err == nil {
			t.Errorf("CheckEmail(%q) = nil, want an error", bad)
		}
	}
}

func TestParseInvitationID(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]InvitationKey{
		"23868/dispatch@carrier.com":          {DOT: 23868, Email: "dispatch@carrier.com"},
		"23868/MC113843/dispatch@carrier.com": {DOT: 23868, Docket: "MC113843", Email: "dispatch@carrier.com"},
	} {
		got, err := ParseInvitationID(in)
		if err != nil || got != want || got.String() != in {
			t.Errorf("ParseInvitationID(%q) = %+v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"23868", "23868/MC113843", "dispatch@carrier.com", "0/a@b.co", "23868/mc1/a@b.co", "1/2/3/a@b.co", "23868/not-an-email"} {
		if _, err := ParseInvitationID(bad); err == nil || !strings.Contains(err.Error(), "23868/MC113843/dispatch@carrier.com") {
			t.Errorf("ParseInvitationID(%q) = %v, want an error showing the formats", bad, err)
		}
	}
}

func TestParseListValue(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Key{
		"":          {DOT: 7},
		"MC113843":  {DOT: 7, Docket: "MC113843"},
		"FF012345":  {DOT: 7, Docket: "FF012345"},
		"MX1":       {DOT: 7, Docket: "MX1"},
		"TX123456":  {DOT: 7, Intrastate: "TX123456"},
		"CA-998877": {DOT: 7, Intrastate: "CA-998877"},
		"MCA1":      {DOT: 7, Intrastate: "MCA1"}, // no digit after the prefix: not a docket
	} {
		got, err := ParseListValue(7, in)
		if err != nil || got != want {
			t.Errorf("ParseListValue(7, %q) = %+v, %v; want %+v", in, got, err, want)
		}
		if err == nil && got.ListValue() != in {
			t.Errorf("ParseListValue(7, %q).ListValue() = %q: does not round-trip", in, got.ListValue())
		}
	}
	for in, hint := range map[string]string{
		"mc113843":  `is not a docket number: expected MC, FF or MX followed by 1 to 8 digits, such as MC113843 (did you mean "MC113843"?)`,
		"MC 113843": `did you mean "MC113843"`,
		"MC11384X":  `"MC11384X" is not a docket number`,
		"mx-1":      `did you mean "MX1"`,
		"tx123456":  `"tx123456" is not an intrastate number: expected upper-case letters, digits and hyphens only, such as TX123456; a docket number is MC, FF or MX`,
		"TX 1":      `"TX 1" is not an intrastate number`,
		" ":         `is not an intrastate number`,
	} {
		if got, err := ParseListValue(7, in); err == nil || !strings.Contains(err.Error(), hint) {
			t.Errorf("ParseListValue(7, %q) = %+v, %v; want an error containing %q", in, got, err, hint)
		}
	}
}
