package emulator

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // local-times needs America/Chicago on machines without a zoneinfo database

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
	VariantAll = "all"
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

var variantBits = map[string]variantSet{
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
}

// variantConflicts are the pairs that cannot both be on. VariantAll takes
// the first of each pair, or the second when it is named explicitly.
var variantConflicts = [][2]variantSet{
	{vEmptyArrays, vNullArrays},
	{vDocumentJSON, vDocumentHTML},
}

// jsonVariants change how JSON bodies are written: with none of them on,
// bodies are encoded exactly as by default.
const jsonVariants = vLocalTimes | vFractionTrim | vDateOnly | vListNullDocket | vJSONRefs | vEmptyArrays | vNullArrays

// timeVariants change how date-times are written.
const timeVariants = vLocalTimes | vFractionTrim | vDateOnly

func (vs variantSet) has(v variantSet) bool { return vs&v != 0 }

// names lists the variants of the set, sorted.
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

// VariantNames lists every variant name, sorted ("all" is not one: it
// stands for every variant).
func VariantNames() []string {
	out := make([]string, 0, len(variantBits))
	for name := range variantBits {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// VariantConflicts lists the pairs of variants that cannot be on together.
// "all" turns on the first of each pair, unless the second is also named.
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

// parseVariants validates names and expands "all".
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
			return 0, fmt.Errorf("emulator: unknown variant %q (want %s, or %s)", raw, strings.Join(VariantNames(), ", "), VariantAll)
		default:
			explicit |= bit
		}
	}
	for _, pair := range variantConflicts {
		if explicit.has(pair[0]) && explicit.has(pair[1]) {
			return 0, fmt.Errorf("emulator: variants %s and %s conflict; choose one", variantName(pair[0]), variantName(pair[1]))
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

// variants returns the variants in effect.
func (s *Server) variants() variantSet { return variantSet(s.vset.Load()) }

// SetVariants replaces the variants in effect (nil or empty turns them all
// off; "all" turns on every one). Unknown names and conflicting pairs are
// errors, and then nothing changes. Switch variants between requests: a
// request that is being answered may see either set.
func (s *Server) SetVariants(names []string) error {
	vs, err := parseVariants(names)
	if err != nil {
		return err
	}
	s.setVariants(vs)
	return nil
}

func (s *Server) setVariants(vs variantSet) {
	s.vsetMu.Lock()
	defer s.vsetMu.Unlock()
	s.u.SetPaddedDockets(vs.has(vListUnpaddedDocket))
	s.vset.Store(uint32(vs))
}

// Variants returns the names of the variants in effect, sorted.
func (s *Server) Variants() []string { return s.variants().names() }

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
