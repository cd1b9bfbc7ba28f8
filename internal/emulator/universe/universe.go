// Package universe is the emulator's synthetic carrier universe: carriers
// generated from a seed, each a compact core record from which every model
// MCP answers with (preview, FMCSA details, contacts, insurance, safety,
// risk, incidents, VINs, the packet, documents) is derived on demand,
// joined to the facts the server holds about the carrier (Facts: what has
// changed, list memberships, the clock). It knows nothing of HTTP, of the
// server's state or of how answers are written. Package emulator documents
// what the universe holds ("The synthetic universe").
package universe

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// The sample carrier of MCP's integration guide. It exists in every
// universe, whatever the seed and size, with the same details.
const (
	SampleDOTNumber    = 23868
	SampleDocketNumber = "MC113843"
	SampleLegalName    = "Sample Trucking LLC"
)

// Tick is the resolution of MCP's clock and date-times (.NET ticks); the
// times the universe derives are whole ticks, so that a time read from an
// answer can be sent back and compare equal.
const Tick = 100 * time.Nanosecond

// Identifier layout of generated carriers (index i ≥ 1). Every scheme is
// invertible, so lookups need no maps: DOT numbers ascend with the index
// (binary search), docket = docketBase + i·docketStride + r with r <
// docketStride, and intrastate numbers are <state><intrastateBase+i>.
const (
	firstDOT       = 1_000_000
	sampleDocket   = 113843
	docketBase     = 120_000
	docketStride   = 13
	intrastateBase = 100_000
)

// Carrier kinds.
const (
	kindMC uint8 = iota
	kindFF
	kindMX
	kindIntrastate
)

var docketPrefixes = [...]string{kindMC: "MC", kindFF: "FF", kindMX: "MX"}

// Traits are facts fixed when the universe is made; every detail a response
// shows is derived from them, the seed, the DOT number and the overlays.
const (
	traitPacket        uint16 = 1 << iota // completed the customer's packet before the start
	traitIncidents                        // has incident reports
	traitFraudReport                      // one of them alleges fraud
	traitVINs                             // has VIN verifications on record
	traitUnsafeDriving                    // CSA alerts, each a 250-point safety infraction
	traitHoursOfService
	traitVehicleMaint
	traitHighOOS         // vehicle out-of-service rate above average
	traitBlockedByOthers // blocked by 3 or more MCP customers
	traitNewAuthority    // authority granted recently
	traitLowAutoLimit    // auto liability below $1,000,000
	traitReefer
	traitHazmat
	traitDBA
)

// record is the compact core record kept for every carrier (20 bytes).
type record struct {
	dot       int32
	docket    int32 // numeric part of the docket; 0 for intrastate-only carriers
	packetAge int32 // minutes before the base time that the packet was completed
	traits    uint16
	ring      int16 // fraud ring, -1 for none
	expiry    int16 // days from the base date to the earliest coverage expiration
	kind      uint8
	loc       uint8 // index into locations
}

func (c record) has(t uint16) bool { return c.traits&t != 0 }

// ring is a group of carriers sharing a phone number or an e-mail address;
// members[0] owns the shared value.
type ring struct {
	members     []int32
	sharesPhone bool
}

// Universe is the immutable synthetic carrier population. Carriers are
// known by their index, from 0 (the sample carrier) to Len()-1 in DOT order.
type Universe struct {
	seed     uint64
	base     time.Time // the clock when the universe was made, to the second
	carriers []record  // sorted by DOT; index 0 is the sample carrier
	rings    []ring
	packets  []int32 // carriers with traitPacket
	factors  []mcp.FactoringCompany

	// padDockets gives a quarter of the MC carriers zero-padded dockets
	// (SetPaddedDockets); padded is built the first time it is needed.
	padDockets atomic.Bool
	padOnce    sync.Once
	padded     *paddedDockets
}

// New makes the universe of n carriers (n ≥ 1) for a seed; base is the
// clock when it is made, which the carriers' histories end at.
func New(n int, seed int64, base time.Time) *Universe {
	u := &Universe{seed: uint64(seed), base: base.UTC().Truncate(time.Second), carriers: make([]record, n)}
	u.carriers[0] = record{dot: SampleDOTNumber, docket: sampleDocket, kind: kindMC, loc: sampleLocation, ring: -1, expiry: 200}
	r := rand.New(rand.NewPCG(u.seed, 0x6d63702d756e6976))
	gap := max(2, min(60, 98_000_000/n))
	dot := int32(firstDOT)
	for i := 1; i < n; i++ {
		dot += 1 + int32(r.IntN(gap))
		c := record{dot: dot, ring: -1}
		switch p := r.IntN(1000); {
		case p < 40:
			c.kind = kindIntrastate
		case p < 60:
			c.kind = kindFF
		case p < 90:
			c.kind = kindMX
		default:
			c.kind = kindMC
		}
		if c.kind == kindMX {
			c.loc = uint8(len(usLocations) + r.IntN(len(mxLocations)))
		} else {
			c.loc = uint8(1 + r.IntN(len(usLocations)-1))
		}
		if c.kind != kindIntrastate {
			c.docket = docketBase + int32(i)*docketStride + int32(r.IntN(docketStride))
		}
		c.traits = randomTraits(r, c.kind)
		if r.IntN(100) < 6 {
			c.expiry = -int16(1 + r.IntN(365))
		} else {
			c.expiry = int16(14 + r.IntN(350))
		}
		if c.has(traitPacket) {
			c.packetAge = int32(1 + r.IntN(90*24*60))
			u.packets = append(u.packets, int32(i))
		}
		u.carriers[i] = c
	}
	u.makeRings(r)
	u.factors = factoringDirectory(u.seed, u.base)
	return u
}

func randomTraits(r *rand.Rand, kind uint8) uint16 {
	var t uint16
	set := func(bit uint16, perMille int) {
		if r.IntN(1000) < perMille {
			t |= bit
		}
	}
	set(traitPacket, 30)
	set(traitIncidents, 40)
	if t&traitIncidents != 0 {
		set(traitFraudReport, 300)
	}
	set(traitVINs, 50)
	set(traitUnsafeDriving, 70)
	set(traitHoursOfService, 80)
	set(traitVehicleMaint, 80)
	set(traitHighOOS, 60)
	set(traitBlockedByOthers, 20)
	if kind != kindIntrastate {
		set(traitNewAuthority, 50)
	}
	set(traitLowAutoLimit, 40)
	set(traitReefer, 200)
	set(traitHazmat, 50)
	set(traitDBA, 120)
	return t
}

// makeRings forms the fraud rings: about one per 2,000 carriers (at least
// three), 3–6 members each, alternately sharing a phone and an e-mail.
func (u *Universe) makeRings(r *rand.Rand) {
	n := len(u.carriers) - 1
	count := min(max(n/2000, 3), 200, n/8)
	for k := range count {
		rg := ring{sharesPhone: k%2 == 0}
		for size := 3 + r.IntN(4); len(rg.members) < size; {
			i := int32(1 + r.IntN(n))
			if u.carriers[i].ring >= 0 {
				continue
			}
			u.carriers[i].ring = int16(k)
			rg.members = append(rg.members, i)
		}
		slices.Sort(rg.members)
		u.rings = append(u.rings, rg)
	}
}

// Len is the number of carriers.
func (u *Universe) Len() int { return len(u.carriers) }

// ByDOT finds a carrier by DOT number.
func (u *Universe) ByDOT(dot int) (int32, bool) {
	i, found := slices.BinarySearchFunc(u.carriers, dot, func(c record, d int) int { return cmp.Compare(int(c.dot), d) })
	return int32(i), found
}

// Packets lists the carriers that completed the customer's packet before
// the universe was made, ascending. Callers must not modify it.
func (u *Universe) Packets() []int32 { return u.packets }

// ByDocket finds a carrier by docket number, prefix included, in any case.
// A zero-padded docket (SetPaddedDockets) is found by either spelling.
func (u *Universe) ByDocket(s string) (int32, bool) {
	s = strings.ToUpper(s)
	if len(s) < 3 || len(s) > 10 {
		return 0, false
	}
	n, err := strconv.Atoi(s[2:])
	if err != nil || n <= 0 {
		return 0, false
	}
	if u.padDockets.Load() && strings.HasPrefix(s, "MC") && n >= paddedFirst && n < paddedFirst+paddedSlots {
		i, ok := u.paddedCarrier(n)
		return i, ok && (s == "MC"+pad(n, 6) || s == "MC"+strconv.Itoa(n))
	}
	i := 0
	if n != sampleDocket {
		i = (n - docketBase) / docketStride
	}
	if n < docketBase && n != sampleDocket || i < 0 || i >= len(u.carriers) {
		return 0, false
	}
	if u.Docket(int32(i)) != s {
		return 0, false
	}
	return int32(i), true
}

// ByIntrastate finds an intrastate-only carrier by its intrastate number.
func (u *Universe) ByIntrastate(s string) (int32, bool) {
	s = strings.ToUpper(s)
	if len(s) < 3 {
		return 0, false
	}
	n, err := strconv.Atoi(s[2:])
	if err != nil {
		return 0, false
	}
	i := n - intrastateBase
	if i < 1 || i >= len(u.carriers) || u.Intrastate(int32(i)) != s {
		return 0, false
	}
	return int32(i), true
}

// DOT is carrier i's DOT number.
func (u *Universe) DOT(i int32) int { return int(u.carriers[i].dot) }

// Docket is carrier i's docket number, "" for intrastate-only carriers.
func (u *Universe) Docket(i int32) string {
	c := u.carriers[i]
	if c.kind == kindIntrastate {
		return ""
	}
	if c.kind == kindMC && u.padDockets.Load() {
		if n, ok := u.paddedNumber(i); ok {
			return "MC" + pad(n, 6)
		}
	}
	return docketPrefixes[c.kind] + strconv.Itoa(int(c.docket))
}

// hasPaddedDocket: carrier i has a zero-padded docket now.
func (u *Universe) hasPaddedDocket(i int32) bool {
	if u.carriers[i].kind != kindMC || !u.padDockets.Load() {
		return false
	}
	_, ok := u.paddedNumber(i)
	return ok
}

// ListDocket is the docket as MonitoredCarriers and BlockedCarriers write
// it under list-unpadded-docket: without the leading zeros of a padded one.
func (u *Universe) ListDocket(i int32) string {
	if u.hasPaddedDocket(i) {
		n, _ := u.paddedNumber(i)
		return "MC" + strconv.Itoa(n)
	}
	return u.Docket(i)
}

// SetPaddedDockets switches the zero-padded dockets of the variant
// list-unpadded-docket on or off. Safe for concurrent use.
func (u *Universe) SetPaddedDockets(on bool) { u.padDockets.Store(on) }

// Zero-padded dockets (list-unpadded-docket): every fourth MC carrier in
// DOT order, the sample carrier excepted and starting with the first, gets
// the docket MC0nnnnn (nnnnn from 10000 to 99999, spread by a multiplier
// prime to the slot count) in place of its usual one, while there are
// slots left (universes up to about 390,000 carriers have them throughout).
const (
	paddedFirst = 10_000
	paddedSlots = 90_000
	paddedMult  = 7919
)

type paddedDockets struct {
	idx   []int32 // the carriers with a padded docket, ascending
	byNum []int32 // docket number − paddedFirst → carrier index + 1 (0: none)
}

func (u *Universe) paddedTable() *paddedDockets {
	u.padOnce.Do(func() {
		pd := &paddedDockets{byNum: make([]int32, paddedSlots)}
		k := 0
		for i := 1; i < len(u.carriers); i++ {
			if u.carriers[i].kind != kindMC {
				continue
			}
			if k%4 == 0 {
				p := len(pd.idx)
				if p == paddedSlots {
					break
				}
				pd.idx = append(pd.idx, int32(i))
				pd.byNum[p*paddedMult%paddedSlots] = int32(i) + 1
			}
			k++
		}
		u.padded = pd
	})
	return u.padded
}

// paddedNumber is the numeric part of carrier i's padded docket.
func (u *Universe) paddedNumber(i int32) (int, bool) {
	pd := u.paddedTable()
	p, found := slices.BinarySearch(pd.idx, i)
	if !found {
		return 0, false
	}
	return paddedFirst + p*paddedMult%paddedSlots, true
}

// paddedCarrier finds the carrier with padded docket number n.
func (u *Universe) paddedCarrier(n int) (int32, bool) {
	i := u.paddedTable().byNum[n-paddedFirst]
	return i - 1, i > 0
}

// contactless: under contacts-success-false, one carrier in eight (by a
// hash of seed and DOT number; never the sample carrier or a fraud-ring
// member) has no MCP users, which the default universe never lacks.
func (u *Universe) contactless(i int32) bool {
	c := u.carriers[i]
	return i != 0 && c.ring < 0 && mix(u.seed^uint64(c.dot)^0x6e6f2d7573657273)%8 == 0
}

// Intrastate is carrier i's intrastate number: home state and digits, such
// as TX100042; "" for interstate carriers.
func (u *Universe) Intrastate(i int32) string {
	c := u.carriers[i]
	if c.kind != kindIntrastate {
		return ""
	}
	return locations[c.loc].state + strconv.Itoa(intrastateBase+int(i))
}

// date is the base date moved by days, at midnight UTC.
func (u *Universe) date(days int) time.Time {
	y, m, d := u.base.Date()
	return time.Date(y, m, d+days, 0, 0, 0, 0, time.UTC)
}

// rng is a small deterministic generator (splitmix64). Each detail of a
// carrier draws from its own stream, so details never shift one another.
type rng struct{ s uint64 }

// Streams of per-carrier randomness.
const (
	streamIdentity uint64 = iota + 1
	streamContacts
	streamInsurance
	streamSafety
	streamIncidents
	streamVINs
	streamPacket
	streamFactoring
	streamBlobs
)

func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// rngFor returns carrier i's generator for a stream. The sample carrier
// ignores the seed so that it looks the same in every universe.
func (u *Universe) rngFor(i int32, stream uint64) *rng {
	return &rng{mix(mix(u.carrierSeed(i)) ^ mix(uint64(u.carriers[i].dot)) ^ mix(stream<<32))}
}

// carrierSeed is the seed carrier i's details derive from: the universe's,
// except for the sample carrier, which looks the same in every universe.
func (u *Universe) carrierSeed(i int32) uint64 {
	if i == 0 {
		return 0
	}
	return u.seed
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix(r.s)
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance is true with probability pct/100.
func (r *rng) chance(pct int) bool { return r.intn(100) < pct }

func pick[T any](r *rng, list []T) T { return list[r.intn(len(list))] }

// digits returns n random decimal digits.
func (r *rng) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.intn(10))
	}
	return string(b)
}

// guid returns a GUID-shaped string; when tail is non-negative its last
// group is tail in decimal, which lets GetDocument find the carrier a blob
// belongs to.
func (r *rng) guid(tail int) string {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, 36)
	for i, n := range []int{8, 4, 4, 4, 12} {
		if i > 0 {
			b = append(b, '-')
		}
		if i == 4 && tail >= 0 {
			b = append(b, []byte(pad(tail, 12))...)
			break
		}
		for range n {
			b = append(b, hex[r.intn(16)])
		}
	}
	return string(b)
}

// pad writes n with leading zeros to width digits.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) >= width {
		return s
	}
	return strings.Repeat("0", width-len(s)) + s
}

// timeAt is the base time moved back by the given minutes, with a
// sub-second fraction so that timestamps look like MCP's.
func (u *Universe) timeAt(minutesAgo int, r *rng) time.Time {
	return u.base.Add(-time.Duration(minutesAgo)*time.Minute + time.Duration(r.intn(60_000_000))*time.Microsecond)
}
