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
