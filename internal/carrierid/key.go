package carrierid

import (
	"fmt"
	"strconv"
	"strings"
)

// Key identifies a carrier on one of MCP's lists: its USDOT number, and its
// docket number or, for an intrastate-only carrier, its intrastate number.
type Key struct {
	DOT        int
	Docket     string
	Intrastate string
}

// intrastateMarker separates the intrastate form of an ID from the docket
// form, whose second part is self-describing.
const intrastateMarker = "intrastate"

// ImportIDFormats describes the accepted IDs, for error messages and docs.
const ImportIDFormats = `"<dot>" (23868), "<dot>/<docket>" (23868/MC113843) or "<dot>/intrastate/<number>" (23868/intrastate/TX123456)`

// String is the canonical ID: "23868", "23868/MC113843" or
// "23868/intrastate/TX123456".
func (k Key) String() string {
	s := strconv.Itoa(k.DOT)
	switch {
	case k.Docket != "":
		return s + "/" + k.Docket
	case k.Intrastate != "":
		return s + "/" + intrastateMarker + "/" + k.Intrastate
	}
	return s
}

// ParseImportID reads an ID in one of ImportIDFormats, exactly: one
// separator, no empty parts, each part valid.
func ParseImportID(id string) (Key, error) {
	parts := strings.Split(id, "/")
	fail := func(reason string) (Key, error) {
		return Key{}, fmt.Errorf("invalid import ID %q: %s; expected %s", id, reason, ImportIDFormats)
	}
	dot, err := ParseDOT(parts[0])
	if err != nil {
		return fail(err.Error())
	}
	k := Key{DOT: dot}
	switch {
	case len(parts) == 1:
	case len(parts) == 2:
		if err := CheckDocket(parts[1]); err != nil {
			return fail(err.Error())
		}
		k.Docket = parts[1]
	case len(parts) == 3 && parts[1] == intrastateMarker:
		if err := CheckIntrastate(parts[2]); err != nil {
			return fail(err.Error())
		}
		k.Intrastate = parts[2]
	default:
		return fail("wrong number of parts")
	}
	return k, nil
}

// Describe names the carrier for people: "DOT 23868 / MC113843",
// "DOT 23868 / intrastate TX123456" or "DOT 23868".
func (k Key) Describe() string {
	s := "DOT " + strconv.Itoa(k.DOT)
	switch {
	case k.Docket != "":
		return s + " / " + k.Docket
	case k.Intrastate != "":
		return s + " / intrastate " + k.Intrastate
	}
	return s
}

// ListValue is how a list resource's carriers map names a carrier besides
// its DOT number: its docket number, its intrastate number, or "" when the
// DOT number alone identifies it.
func (k Key) ListValue() string {
	if k.Docket != "" {
		return k.Docket
	}
	return k.Intrastate
}

// ParseListValue reads a carriers map value for the carrier with the given
// DOT number. The kind is told from the value: one that starts with a
// docket prefix (MC, FF or MX, in any case) and then a digit or separator
// is a docket number and must be one exactly; anything else non-empty is an
// intrastate number.
func ParseListValue(dot int, value string) (Key, error) {
	k := Key{DOT: dot}
	switch {
	case value == "":
	case looksLikeDocket(value):
		if err := CheckDocket(value); err != nil {
			return Key{}, err
		}
		k.Docket = value
	default:
		if err := CheckIntrastate(value); err != nil {
			return Key{}, fmt.Errorf("%w; a docket number is MC, FF or MX followed by digits, such as MC113843, "+
				"and \"\" names the carrier by its DOT number alone", err)
		}
		k.Intrastate = value
	}
	return k, nil
}

// looksLikeDocket reports whether a value is meant as a docket number: a
// docket prefix in any case, then a digit or a separator people write.
func looksLikeDocket(s string) bool {
	t := strings.ToUpper(strings.TrimSpace(s))
	if len(t) < 3 || !hasDocketPrefix(t) {
		return false
	}
	switch c := t[2]; {
	case c >= '0' && c <= '9', c == ' ', c == '-', c == '#':
		return true
	}
	return false
}
