package emulator

import (
	"fmt"
	"sync"
	"time"
	_ "time/tzdata" // local-times needs America/Chicago on machines without a zoneinfo database

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/variant"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Variants switch the emulator from its documented default to another
// reading of a place where the spec and the captures are silent (see the
// package documentation, "Variants"). The names are part of the emulator's
// interface: tests and the command select them by name.
const (
	VariantLocalTimes           = "local-times"
	VariantFractionTrim         = "fraction-trim"
	VariantDateOnly             = "date-only"
	VariantListNullDocket       = "list-null-docket"
	VariantListUnpaddedDocket   = "list-unpadded-docket"
	VariantListNoDOTIntrastate  = "list-no-dot-intrastate"
	VariantWriteFailure200      = "write-failure-200"
	VariantNoPagination         = "no-pagination"
	VariantJSONRefs             = "json-refs"
	VariantContactsSuccessFalse = "contacts-success-false"
	VariantDocumentJSON         = "document-json"
	VariantDocumentHTML         = "document-html"
	VariantRepeatWrite400       = "repeat-write-400"
	VariantExpiresInString      = "expires-in-string"
	VariantEmptyArrays          = "empty-arrays"
	VariantNullArrays           = "null-arrays"
	// VariantAll turns on every variant, taking the first of each
	// conflicting pair (see VariantConflicts) unless the second is named
	// as well.
	VariantAll = variant.All
)

// variantSet is a set of variants, one bit each.
type variantSet uint32

const (
	vLocalTimes variantSet = 1 << iota
	vFractionTrim
	vDateOnly
	vListNullDocket
	vListUnpaddedDocket
	vListNoDOTIntrastate
	vWriteFailure200
	vNoPagination
	vJSONRefs
	vContactsSuccessFalse
	vDocumentJSON
	vDocumentHTML
	vRepeatWrite400
	vExpiresInString
	vEmptyArrays
	vNullArrays
)

// variantCatalogue is the catalogue of the emulator's variants.
// VariantAll takes the first of each conflicting pair, or the second when
// it is named explicitly.
var variantCatalogue = variant.NewCatalogue("emulator", map[string]variantSet{
	VariantLocalTimes:           vLocalTimes,
	VariantFractionTrim:         vFractionTrim,
	VariantDateOnly:             vDateOnly,
	VariantListNullDocket:       vListNullDocket,
	VariantListUnpaddedDocket:   vListUnpaddedDocket,
	VariantListNoDOTIntrastate:  vListNoDOTIntrastate,
	VariantWriteFailure200:      vWriteFailure200,
	VariantNoPagination:         vNoPagination,
	VariantJSONRefs:             vJSONRefs,
	VariantContactsSuccessFalse: vContactsSuccessFalse,
	VariantDocumentJSON:         vDocumentJSON,
	VariantDocumentHTML:         vDocumentHTML,
	VariantRepeatWrite400:       vRepeatWrite400,
	VariantExpiresInString:      vExpiresInString,
	VariantEmptyArrays:          vEmptyArrays,
	VariantNullArrays:           vNullArrays,
},
	[2]variantSet{vEmptyArrays, vNullArrays},
	[2]variantSet{vDocumentJSON, vDocumentHTML},
)

// jsonVariants change how JSON bodies are written: with none of them on,
// bodies are encoded exactly as by default.
const jsonVariants = vLocalTimes | vFractionTrim | vDateOnly | vListNullDocket | vJSONRefs | vEmptyArrays | vNullArrays

// timeVariants change how date-times are written.
const timeVariants = vLocalTimes | vFractionTrim | vDateOnly

// has reports whether vs has any of the variants of v.
func (vs variantSet) has(v variantSet) bool { return variant.Has(vs, v) }

// VariantNames lists every variant name, sorted ("all" is not one: it
// stands for every variant).
func VariantNames() []string { return variantCatalogue.Names() }

// VariantConflicts lists the pairs of variants that cannot be on together.
// "all" turns on the first of each pair, unless the second is also named.
func VariantConflicts() [][2]string { return variantCatalogue.Conflicts() }

// ParseVariants reads a comma-separated list of variant names (spaces and
// empty items ignored, names in any case; "all" for every variant) and
// returns the variants it turns on, sorted.
func ParseVariants(s string) ([]string, error) { return variantCatalogue.ParseList(s) }

// SetVariants replaces the variants in effect (nil or empty turns them all
// off; "all" turns on every one). Unknown names and conflicting pairs are
// errors, and then nothing changes. Switch variants between requests: a
// request that is being answered may see either set.
func (s *Server) SetVariants(names []string) error { return s.vset.Set(names) }

// applyVariants switches the universe's docket padding to agree with the
// variants about to take effect.
func (s *Server) applyVariants(vs variantSet) { s.u.SetPaddedDockets(vs.has(vListUnpaddedDocket)) }

// Variants returns the names of the variants in effect, sorted.
func (s *Server) Variants() []string { return s.vset.Names() }

// LocalTimesZone is the IANA name of the zone variant local-times writes
// and reads date-times in.
const LocalTimesZone = "America/Chicago"

// central is US Central time, the zone local-times writes and reads.
var central = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation(LocalTimesZone)
	if err != nil {
		panic(fmt.Sprintf("emulator: loading %s: %v", LocalTimesZone, err)) // time/tzdata is linked in
	}
	return loc
})

// zone is where date-times without an offset live: UTC, or US Central
// under local-times.
func (vs variantSet) zone() *time.Location {
	if vs.has(vLocalTimes) {
		return central()
	}
	return time.UTC
}

// midnight is the start of t's day in the zone date-times are written in.
func (vs variantSet) midnight(t time.Time) time.Time {
	loc := vs.zone()
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc).UTC()
}

// Date-time layouts: MCP's seven digits, and Json.NET's default with
// trailing zeros (and an all-zero fraction) dropped.
const (
	wireTimeLayout    = "2006-01-02T15:04:05.0000000"
	trimmedTimeLayout = "2006-01-02T15:04:05.9999999"
)

// formatTime writes a date-time as the variants say: in US Central time
// unless utcField (a field whose name ends in "Utc"), as a bare date at
// midnight, with the fraction trimmed.
func (vs variantSet) formatTime(t time.Time, utcField bool) string {
	t = t.UTC()
	if vs.has(vLocalTimes) && !utcField {
		t = t.In(central())
	}
	if vs.has(vDateOnly) && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	if vs.has(vFractionTrim) {
		return t.Format(trimmedTimeLayout)
	}
	return t.Format(wireTimeLayout)
}

// failureBody is what write-failure-200 answers, with HTTP 200, instead of
// a 4xx from one of the membership writes or EmailPacketInvitation: the
// operation's own response type, its Result false and Message set where it
// has them, every other field zero (null date-times). EmailPacketInvitation's
// response is an untyped object, so it carries just the Message.
func failureBody(op *operation, message string) (any, bool) {
	switch op.name {
	case "BlockCarrier":
		return mcp.BlockCarrierOutput{Message: message}, true
	case "UnblockCarrier":
		return mcp.UnblockCarrierOutput{Message: message}, true
	case "RequestMonitoring":
		return mcp.RequestMonitoringOutput{}, true
	case "CancelMonitoring":
		return mcp.CancelMonitoringOutput{}, true
	case "EmailPacketInvitation":
		return httpError{Message: message}, true
	}
	return nil, false
}

// signInPage is document-html's answer: what a sign-in proxy in front of
// the API would send.
const signInPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sign in - MyCarrierPackets</title>
</head>
<body>
<h1>Sign in</h1>
<form method="post" action="/Account/Login?ReturnUrl=%2Fapi%2Fv1%2FCarrier%2FGetDocument">
<label>User name <input name="UserName" type="text"></label>
<label>Password <input name="Password" type="password"></label>
<button type="submit">Sign in</button>
</form>
</body>
</html>
`
