package p44emulator

import "github.com/carrierstate/terraform-provider-mcp/internal/emulator/variant"

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
	VariantAll = variant.All
)

// variantSet is a set of variants, one bit each.
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

// variantCatalogue is the catalogue of the emulator's variants; "all"
// takes the first of each conflicting pair unless the second is named.
var variantCatalogue = variant.NewCatalogue("p44emulator", map[string]variantSet{
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
},
	[2]variantSet{vTimeOffset, vTimeNoOffset},
	[2]variantSet{vExpiresInString, vExpiresInAbsent},
)

// has reports whether vs has any of the variants of v.
func (vs variantSet) has(v variantSet) bool { return variant.Has(vs, v) }

// VariantNames lists every variant name, sorted ("all" is not one).
func VariantNames() []string { return variantCatalogue.Names() }

// VariantConflicts lists the pairs of variants that cannot be on together.
func VariantConflicts() [][2]string { return variantCatalogue.Conflicts() }

// ParseVariants reads a comma-separated list of variant names (spaces and
// empty items ignored, names in any case; "all" for every variant) and
// returns the variants it turns on, sorted.
func ParseVariants(s string) ([]string, error) { return variantCatalogue.ParseList(s) }

// SetVariants replaces the variants in effect (none turns them all off;
// "all" turns on every one). Unknown names and conflicting pairs are
// errors, and then nothing changes.
func (s *Server) SetVariants(names []string) error { return s.vset.Set(names) }

// Variants returns the names of the variants in effect, sorted.
func (s *Server) Variants() []string { return s.vset.Names() }
