package p44emulator

import (
	"fmt"
	"slices"
	"strings"
)

// Variants switch the emulator from its documented default to another
// reading of a place where project44's documentation is silent or only
// inferred (see the package documentation, "Variants"). The names are part
// of the emulator's interface; all start with "p44-", so that they can
// never be mistaken for the MCP emulator's.
const (
	VariantCreate200           = "p44-create-200"
	VariantInvitationID        = "p44-invitation-id"
	VariantOneBasedPages       = "p44-one-based-pages"
	VariantStatusFilterIgnored = "p44-status-filter-ignored"
	VariantDuplicate409        = "p44-duplicate-409"
	VariantTrackingUnknown404  = "p44-tracking-unknown-404"
	VariantTimeOffset          = "p44-time-offset"
	VariantTimeNoOffset        = "p44-time-no-offset"
	VariantListNoContacts      = "p44-list-no-contacts"
	VariantGateway401Empty     = "p44-gateway-401-empty"
	VariantExpiresInString     = "p44-expires-in-string"
	VariantExpiresInAbsent     = "p44-expires-in-absent"
	VariantTokenOAuthErrors    = "p44-token-oauth-errors"
	// VariantAll turns on every variant, taking the first of each
	// conflicting pair (see VariantConflicts) unless the second is named
	// as well.
	VariantAll = "all"
)

type variantSet uint32

const (
	vCreate200 variantSet = 1 << iota
	vInvitationID
	vOneBasedPages
	vStatusFilterIgnored
	vDuplicate409
	vTrackingUnknown404
	vTimeOffset
	vTimeNoOffset
	vListNoContacts
	vGateway401Empty
	vExpiresInString
	vExpiresInAbsent
	vTokenOAuthErrors
)

var variantBits = map[string]variantSet{
	VariantCreate200:           vCreate200,
	VariantInvitationID:        vInvitationID,
	VariantOneBasedPages:       vOneBasedPages,
	VariantStatusFilterIgnored: vStatusFilterIgnored,
	VariantDuplicate409:        vDuplicate409,
	VariantTrackingUnknown404:  vTrackingUnknown404,
	VariantTimeOffset:          vTimeOffset,
	VariantTimeNoOffset:        vTimeNoOffset,
	VariantListNoContacts:      vListNoContacts,
	VariantGateway401Empty:     vGateway401Empty,
	VariantExpiresInString:     vExpiresInString,
	VariantExpiresInAbsent:     vExpiresInAbsent,
	VariantTokenOAuthErrors:    vTokenOAuthErrors,
}

// variantConflicts are the pairs that cannot both be on; "all" takes the
// first of each unless the second is named.
var variantConflicts = [][2]variantSet{
	{vTimeOffset, vTimeNoOffset},
	{vExpiresInString, vExpiresInAbsent},
}

func (vs variantSet) has(v variantSet) bool { return vs&v != 0 }

func (vs variantSet) names() []string {
	out := []string{}
	for name, bit := range variantBits {
		if vs.has(bit) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func variantName(bit variantSet) string {
	for name, b := range variantBits {
		if b == bit {
			return name
		}
	}
	return "?"
}

// VariantNames lists every variant name, sorted ("all" is not one).
func VariantNames() []string {
	out := make([]string, 0, len(variantBits))
	for name := range variantBits {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// VariantConflicts lists the pairs of variants that cannot be on together.
func VariantConflicts() [][2]string {
	out := make([][2]string, len(variantConflicts))
	for k, pair := range variantConflicts {
		out[k] = [2]string{variantName(pair[0]), variantName(pair[1])}
	}
	return out
}

// ParseVariants reads a comma-separated list of variant names (spaces and
// empty items ignored, names in any case; "all" for every variant) and
// returns the variants it turns on, sorted.
func ParseVariants(s string) ([]string, error) {
	vs, err := parseVariants(strings.Split(s, ","))
	if err != nil {
		return nil, err
	}
	return vs.names(), nil
}

func parseVariants(names []string) (variantSet, error) {
	var explicit variantSet
	all := false
	for _, raw := range names {
		name := strings.ToLower(strings.TrimSpace(raw))
		switch bit, known := variantBits[name]; {
		case name == "":
		case name == VariantAll:
			all = true
		case !known:
			return 0, fmt.Errorf("p44emulator: unknown variant %q (want %s, or %s)", raw, strings.Join(VariantNames(), ", "), VariantAll)
		default:
			explicit |= bit
		}
	}
	for _, pair := range variantConflicts {
		if explicit.has(pair[0]) && explicit.has(pair[1]) {
			return 0, fmt.Errorf("p44emulator: variants %s and %s conflict; choose one", variantName(pair[0]), variantName(pair[1]))
		}
	}
	vs := explicit
	if all {
		every := variantSet(0)
		for _, bit := range variantBits {
			every |= bit
		}
		for _, pair := range variantConflicts {
			if explicit.has(pair[1]) {
				every &^= pair[0]
			} else {
				every &^= pair[1]
			}
		}
		vs |= every
	}
	return vs, nil
}

func (s *Server) variants() variantSet { return variantSet(s.vset.Load()) }

// SetVariants replaces the variants in effect (none turns them all off;
// "all" turns on every one). Unknown names and conflicting pairs are
// errors, and then nothing changes.
func (s *Server) SetVariants(names []string) error {
	vs, err := parseVariants(names)
	if err != nil {
		return err
	}
	s.vset.Store(uint32(vs))
	return nil
}

// Variants returns the names of the variants in effect, sorted.
func (s *Server) Variants() []string { return s.variants().names() }
