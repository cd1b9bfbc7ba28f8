package universe

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// testEpoch is the clock of the tests, so that universes and timestamps are
// the same on every run.
var testEpoch = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

// fresh is carrier i as an untouched emulator shows it at testEpoch.
func fresh(u *Universe, i int32) *Carrier { return u.Carrier(i, Facts{Now: testEpoch}) }

// first finds the first carrier after the sample carrier that is so.
func first(t *testing.T, u *Universe, is func(record) bool) int32 {
	t.Helper()
	for i := 1; i < u.Len(); i++ {
		if is(u.carriers[i]) {
			return int32(i)
		}
	}
	t.Fatal("no such carrier")
	return 0
}

// models are every model derived for a carrier.
func models(v *Carrier) []any {
	return []any{v.Preview(), v.Details(), v.ResponseDO(), v.Packet(), v.Contacts(), v.Incidents(), v.VINVerifications(), v.RiskAssessment()}
}

func TestUniverseIsDeterministic(t *testing.T) {
	t.Parallel()
	a, b, other := New(3000, 5, testEpoch), New(3000, 5, testEpoch), New(3000, 6, testEpoch)
	summary := func(u *Universe) []string {
		var out []string
		for i := range int32(u.Len()) {
			v := fresh(u, i)
			out = append(out, strconv.Itoa(v.DOT())+" "+v.Docket()+" "+v.Intrastate()+" "+v.LegalName()+" "+v.Phone()+" "+v.Email())
		}
		return out
	}
	sa := summary(a)
	if !slices.Equal(sa, summary(b)) {
		t.Fatal("same seed, different carriers")
	}
	if slices.Equal(sa[1:], summary(other)[1:]) {
		t.Fatal("different seeds, same carriers")
	}
	// Every model is the same too.
	for name, is := range map[string]func(record) bool{
		"packet":     func(c record) bool { return c.has(traitPacket) },
		"incidents":  func(c record) bool { return c.has(traitIncidents) },
		"vins":       func(c record) bool { return c.has(traitVINs) },
		"fraud":      func(c record) bool { return c.ring >= 0 },
		"intrastate": func(c record) bool { return c.kind == kindIntrastate },
	} {
		i := first(t, a, is)
		if !reflect.DeepEqual(models(fresh(a, i)), models(fresh(b, i))) {
			t.Errorf("%s carrier %d differs between identical universes", name, i)
		}
	}
}

func TestSampleCarrierIsInEveryUniverse(t *testing.T) {
	t.Parallel()
	var want []any
	for _, o := range []struct {
		n    int
		seed int64
	}{{1, 1}, {2, 3}, {500, 99}, {20000, -4}} {
		u := New(o.n, o.seed, testEpoch)
		i, ok := u.ByDocket(SampleDocketNumber)
		if v := fresh(u, i); !ok || v.DOT() != SampleDOTNumber || v.LegalName() != SampleLegalName || v.Details().DotNumber.Value != "23868" {
			t.Errorf("%+v: sample carrier %d, %v", o, i, ok)
		}
		got := models(fresh(u, i))
		if want == nil {
			want = got
		} else if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: the sample carrier differs from the first universe's", o)
		}
	}
}

func TestIdentifiers(t *testing.T) {
	t.Parallel()
	u := New(60000, 1, testEpoch)
	dockets := map[string]bool{}
	kinds := map[uint8]int{}
	for i, c := range u.carriers {
		if c.dot <= 0 || c.dot > 99_999_999 || (i > 0 && (c.dot <= u.carriers[i-1].dot || c.dot == SampleDOTNumber)) {
			t.Fatalf("carrier %d: DOT %d", i, c.dot)
		}
		kinds[c.kind]++
		d := u.Docket(int32(i))
		in := u.Intrastate(int32(i))
		if (d == "") == (in == "") {
			t.Fatalf("carrier %d: docket %q, intrastate %q: want exactly one", i, d, in)
		}
		if d != "" {
			if dockets[d] || !regexp.MustCompile(`^(MC|FF|MX)[1-9]\d{5,7}$`).MatchString(d) {
				t.Fatalf("carrier %d: docket %q duplicate or malformed", i, d)
			}
			dockets[d] = true
			if j, ok := u.ByDocket(strings.ToLower(d)); !ok || j != int32(i) {
				t.Fatalf("byDocket(%s) = %d, %v", d, j, ok)
			}
		} else if j, ok := u.ByIntrastate(in); !ok || j != int32(i) || !regexp.MustCompile(`^[A-Z]{2}\d{6,7}$`).MatchString(in) {
			t.Fatalf("byIntrastate(%s) = %d, %v", in, j, ok)
		}
		if j, ok := u.ByDOT(int(c.dot)); !ok || j != int32(i) {
			t.Fatalf("byDOT(%d) = %d, %v", c.dot, j, ok)
		}
	}
	share := func(k uint8) float64 { return float64(kinds[k]) / float64(len(u.carriers)) }
	if share(kindIntrastate) < 0.02 || share(kindIntrastate) > 0.06 || share(kindFF) < 0.01 || share(kindMX) < 0.02 || share(kindMC) < 0.85 {
		t.Errorf("kind shares MC %.3f FF %.3f MX %.3f intrastate %.3f", share(kindMC), share(kindFF), share(kindMX), share(kindIntrastate))
	}
	if len(u.rings) != 59999/2000 {
		t.Errorf("%d fraud rings in 60,000 carriers, want one per 2,000 generated", len(u.rings))
	}
	for _, rg := range u.rings {
		if len(rg.members) < 3 || len(rg.members) > 6 {
			t.Errorf("ring of %d", len(rg.members))
		}
	}
	for _, bad := range []string{"MC", "MC0", "MC-1", "MC+120000", "XX120013", "MC00120013", "TX", "TX099999", "tx-1"} {
		if _, ok := u.ByDocket(bad); ok {
			t.Errorf("byDocket(%q) found a carrier", bad)
		}
		if _, ok := u.ByIntrastate(bad); ok {
			t.Errorf("byIntrastate(%q) found a carrier", bad)
		}
	}
	expired := 0
	for i := range int32(u.Len()) {
		if fresh(u, i).InsuranceLapsed() {
			expired++
		}
	}
	if share := float64(expired) / 60000; share < 0.04 || share > 0.08 {
		t.Errorf("%.3f of carriers have expired insurance", share)
	}
}

func TestNamesPhonesAndDomainsAreUniqueAndInvertible(t *testing.T) {
	t.Parallel()
	u := New(nameSpace+3, 1, testEpoch) // every name combination, and a second cycle
	domains := map[string]int32{}
	for i := int32(0); i < int32(len(u.carriers)); i++ {
		_, domain := u.name(i, u.rngFor(i, streamIdentity))
		if j, dup := domains[domain]; dup {
			t.Fatalf("carriers %d and %d share the domain %s", j, i, domain)
		}
		domains[domain] = i
		if i%97 == 0 || i > int32(nameSpace-2) {
			if !slices.Contains(u.carriersAtDomain(domain), i) {
				t.Fatalf("carriersAtDomain(%s) = %v, want %d", domain, u.carriersAtDomain(domain), i)
			}
			for slot := range phoneSlots {
				d := u.phoneDigits(i, slot)
				if j, s, ok := u.phoneOwner(d); !ok || j != i || s != slot {
					t.Fatalf("phoneOwner(%s) = %d/%d %v, want %d/%d", d, j, s, ok, i, slot)
				}
			}
		}
	}
	if _, _, ok := u.phoneOwner("2171990000"); ok {
		t.Error("exchange 199 has an owner")
	}
}

func TestLocationLaneFieldsExist(t *testing.T) {
	t.Parallel()
	lane := reflect.TypeFor[mcp.CarrierLane]()
	for _, l := range locations {
		for _, name := range []string{l.stateLane, l.regionLane} {
			if name == "" {
				continue
			}
			if f, ok := lane.FieldByName(name); !ok || f.Type.Kind() != reflect.Bool {
				t.Errorf("%s: CarrierLane has no boolean %s", l.city, name)
			}
		}
	}
}

func TestVINCheckDigit(t *testing.T) {
	t.Parallel()
	for _, vin := range []string{"1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352"} {
		if got := vinCheckDigit([]byte(vin)); got != vin[8] {
			t.Errorf("check digit of %s = %c, want %c", vin, got, vin[8])
		}
	}
}

func TestRoutingNumbersHaveValidChecksums(t *testing.T) {
	t.Parallel()
	r := &rng{42}
	for range 200 {
		n := routingNumber(r)
		d := make([]int, 9)
		for k := range d {
			d[k], _ = strconv.Atoi(n[k : k+1])
		}
		if len(n) != 9 || (3*(d[0]+d[3]+d[6])+7*(d[1]+d[4]+d[7])+d[2]+d[5]+d[8])%10 != 0 {
			t.Fatalf("routing number %s has a bad checksum", n)
		}
	}
}

func BenchmarkNew60000(b *testing.B) {
	for b.Loop() {
		New(60000, 1, time.Now())
	}
}
