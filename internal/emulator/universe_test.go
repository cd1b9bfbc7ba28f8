package emulator

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func TestUniverseIsDeterministic(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	a, b := New(Options{Carriers: 3000, Seed: 5, Now: clock.Now}), New(Options{Carriers: 3000, Seed: 5, Now: clock.Now})
	other := New(Options{Carriers: 3000, Seed: 6, Now: clock.Now})
	ca, _ := a.Carriers(CarrierFilter{})
	cb, _ := b.Carriers(CarrierFilter{})
	co, _ := other.Carriers(CarrierFilter{})
	if !reflect.DeepEqual(ca, cb) {
		t.Fatal("same seed, different carriers")
	}
	if reflect.DeepEqual(ca[1:], co[1:]) {
		t.Fatal("different seeds, same carriers")
	}
	// Whole answers are byte-identical too.
	ops := []string{"PreviewCarrier", "GetCarrierData", "GetCarrierContacts", "GetCarrierIncidentReports", "GetCarrierVINVerifications"}
	for _, kind := range []string{KindPacket, KindIncidents, KindVINVerifications, KindFraudRing, KindIntrastate} {
		c := carrierOf(t, a, kind)
		for _, op := range ops {
			if x, y := serve(t, a, op, dotQuery(c.DOTNumber)), serve(t, b, op, dotQuery(c.DOTNumber)); !bytes.Equal(x, y) {
				t.Errorf("%s of %s carrier %d differs between identical universes", op, kind, c.DOTNumber)
			}
		}
	}
}

// serve runs one authorised request through a Server's handler.
func serve(t *testing.T, s *Server, op, query string) []byte {
	t.Helper()
	tok := s.auth.issue(s.now()).AccessToken
	req := httptest.NewRequestWithContext(t.Context(), http.MethodPost, "/api/v1/Carrier/"+op+"?"+query, nil)
	req.Header.Set("Authorization", "bearer "+tok)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("%s?%s: HTTP %d %s", op, query, rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

func TestSampleCarrierIsInEveryUniverse(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	var first []byte
	for _, o := range []Options{{Carriers: 1}, {Carriers: 2, Seed: 3}, {Carriers: 500, Seed: 99}, {Carriers: 20000, Seed: -4}} {
		o.Now = clock.Now
		s := New(o)
		body := serve(t, s, "GetCarrierData", "DocketNumber="+SampleDocketNumber)
		if !bytes.Contains(body, []byte(`"legalName":"Sample Trucking LLC"`)) || !bytes.Contains(body, []byte(`"dotNumber":{"$id":"4","status":"ACTIVE","Value":"23868"}`)) {
			t.Errorf("%+v: sample carrier %.300s", o, body)
		}
		if first == nil {
			first = body
		} else if !bytes.Equal(body, first) {
			t.Errorf("%+v: the sample carrier differs from the first universe's", o)
		}
	}
}

func TestIdentifiers(t *testing.T) {
	t.Parallel()
	s := New(Options{Carriers: 60000, Now: newFakeClock().Now})
	u := s.u
	dockets := map[string]bool{}
	kinds := map[uint8]int{}
	for i, c := range u.carriers {
		if c.dot <= 0 || c.dot > 99_999_999 || (i > 0 && (c.dot <= u.carriers[i-1].dot || c.dot == SampleDOTNumber)) {
			t.Fatalf("carrier %d: DOT %d", i, c.dot)
		}
		kinds[c.kind]++
		d := u.docketOf(int32(i))
		in := u.intrastateOf(int32(i))
		if (d == "") == (in == "") {
			t.Fatalf("carrier %d: docket %q, intrastate %q: want exactly one", i, d, in)
		}
		if d != "" {
			if dockets[d] || !regexp.MustCompile(`^(MC|FF|MX)[1-9]\d{5,7}$`).MatchString(d) {
				t.Fatalf("carrier %d: docket %q duplicate or malformed", i, d)
			}
			dockets[d] = true
			if j, ok := u.byDocket(strings.ToLower(d)); !ok || j != int32(i) {
				t.Fatalf("byDocket(%s) = %d, %v", d, j, ok)
			}
		} else if j, ok := u.byIntrastate(in); !ok || j != int32(i) || !regexp.MustCompile(`^[A-Z]{2}\d{6,7}$`).MatchString(in) {
			t.Fatalf("byIntrastate(%s) = %d, %v", in, j, ok)
		}
		if j, ok := u.byDOT(int(c.dot)); !ok || j != int32(i) {
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
		if _, ok := u.byDocket(bad); ok {
			t.Errorf("byDocket(%q) found a carrier", bad)
		}
		if _, ok := u.byIntrastate(bad); ok {
			t.Errorf("byIntrastate(%q) found a carrier", bad)
		}
	}
	expired, _ := s.Carriers(CarrierFilter{Kind: KindExpiredInsurance})
	if share := float64(len(expired)) / 60000; share < 0.04 || share > 0.08 {
		t.Errorf("%.3f of carriers have expired insurance", share)
	}
}

func TestNamesPhonesAndDomainsAreUniqueAndInvertible(t *testing.T) {
	t.Parallel()
	u := newUniverse(nameSpace+3, 1, testEpoch) // every name combination, and a second cycle
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
		New(Options{Carriers: 60000})
	}
}

func BenchmarkMonitoredCarriersPage5000(b *testing.B) {
	s := New(Options{Carriers: 60000})
	cs, _ := s.Carriers(CarrierFilter{Limit: 50000})
	dots := make([]int, len(cs))
	for k, c := range cs {
		dots[k] = c.DOTNumber
	}
	if err := s.Monitor(dots...); err != nil {
		b.Fatal(err)
	}
	tok := s.auth.issue(s.now()).AccessToken
	b.ResetTimer()
	for b.Loop() {
		req := httptest.NewRequestWithContext(b.Context(), http.MethodPost, "/api/v1/Carrier/MonitoredCarriers?pageNumber=5&pageSize=5000", nil)
		req.Header.Set("Authorization", "bearer "+tok)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

func BenchmarkGetCarrierDataWithPacket(b *testing.B) {
	s := New(Options{Carriers: 10000})
	c, _ := s.Carriers(CarrierFilter{Kind: KindPacket, Limit: 1})
	tok := s.auth.issue(s.now()).AccessToken
	for b.Loop() {
		req := httptest.NewRequestWithContext(b.Context(), http.MethodPost, "/api/v1/Carrier/GetCarrierData?DOTNumber="+strconv.Itoa(c[0].DOTNumber), nil)
		req.Header.Set("Authorization", "bearer "+tok)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
	}
}
