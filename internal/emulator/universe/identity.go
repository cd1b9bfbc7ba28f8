package universe

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Company names: generated carrier i (i ≥ 1) gets combination k = i-1 of
// prefix × second × noun, shuffled by an invertible affine map, so names and
// e-mail domains are unique within nameSpace carriers; past that a cycle
// number is appended ("Atlas Freight 2 LLC", atlasfreight2.com).
var (
	nameSpace            = len(namePrefixes) * len(nameSeconds) * len(nameNouns)
	nameMul, nameMulInv  = coprimeAndInverse(7919*131, nameSpace)
	prefixSlugs          = slugs(namePrefixes)
	secondSlugs          = slugs(nameSeconds)
	nounBySlug           = indexBySlug(nameNouns)
	phoneMul, phoneMulIn = coprimeAndInverse(2_718_281, phoneSpace)
)

const (
	nameAdd = 4_243
	// Phone numbers: every carrier owns phoneSlots seven-digit local numbers
	// (slot 0 company, 1–4 contacts, 5–6 drivers, 7 fax) in an affine
	// shuffle of exchanges 200–999, so no two carriers share a number unless
	// a fraud ring makes them.
	phoneSpace = 8_000_000
	phoneSlots = 8
	phoneAdd   = 1_234_567
	slotFax    = 7
)

var roleMailboxes = []string{"dispatch", "info", "office", "safety", "ops", "contact", "admin", "accounting"}

// identity is a carrier's name, address and company contact data.
type identity struct {
	legalName, dbaName string
	street, zip        string
	loc                location
	phone, fax         string // ten digits
	email              string
	domain             string
}

func (u *Universe) identity(i int32) identity {
	c := u.carriers[i]
	r := u.rngFor(i, streamIdentity)
	id := identity{loc: locations[c.loc]}
	id.legalName, id.domain = u.name(i, r)
	if c.has(traitDBA) {
		id.dbaName = pick(r, namePrefixes) + " " + pick(r, nameNouns)
	}
	id.street = fmt.Sprintf("%d %s %s", r.between(100, 19999), pick(r, streetNames), pick(r, streetTypes))
	id.zip = id.loc.zip[:3] + pad(r.intn(100), 2)
	if i == 0 {
		id.street = "123 Main St"
		id.zip = id.loc.zip
	}
	id.phone, id.fax = u.phoneDigits(i, 0), u.phoneDigits(i, slotFax)
	id.email = u.ownEmail(i, id.domain)
	if c.ring >= 0 {
		rg := u.rings[c.ring]
		if leader := rg.members[0]; leader != i {
			if rg.sharesPhone {
				id.phone = u.phoneDigits(leader, 0)
			} else {
				_, domain := u.name(leader, u.rngFor(leader, streamIdentity))
				id.email = u.ownEmail(leader, domain)
			}
		}
	}
	return id
}

// LegalName is carrier i's legal name.
func (u *Universe) LegalName(i int32) string { return u.identity(i).legalName }

// name returns the legal name and the e-mail domain. r is the identity
// stream, of which it draws first.
func (u *Universe) name(i int32, r *rng) (legal, domain string) {
	suffix := pick(r, nameSuffixes)
	if i == 0 {
		return SampleLegalName, "sampletrucking.com"
	}
	if u.carriers[i].kind == kindMX {
		suffix = " SA de CV"
	}
	k := int(i) - 1
	cycle := k / nameSpace
	p, s, n := nameCombo(k % nameSpace)
	parts := []string{namePrefixes[p]}
	if nameSeconds[s] != "" {
		parts = append(parts, nameSeconds[s])
	}
	parts = append(parts, nameNouns[n])
	slug := prefixSlugs[p] + secondSlugs[s] + slugOf(nameNouns[n])
	if cycle > 0 {
		parts = append(parts, strconv.Itoa(cycle+1))
		slug += strconv.Itoa(cycle + 1)
	}
	return strings.Join(parts, " ") + suffix, slug + ".com"
}

// ownEmail is the company mailbox at the carrier's own domain.
func (u *Universe) ownEmail(i int32, domain string) string {
	return roleMailboxes[mix(uint64(u.carriers[i].dot))%uint64(len(roleMailboxes))] + "@" + domain
}

func nameCombo(k int) (p, s, n int) {
	c := (k*nameMul + nameAdd) % nameSpace
	ns := len(nameNouns)
	return c / (len(nameSeconds) * ns), c / ns % len(nameSeconds), c % ns
}

// carriersAtDomain inverts name: the carriers whose e-mail domain may be
// domain. Callers verify each candidate.
func (u *Universe) carriersAtDomain(domain string) []int32 {
	slug, ok := strings.CutSuffix(strings.ToLower(domain), ".com")
	if !ok {
		return nil
	}
	if slug == "sampletrucking" {
		return []int32{0}
	}
	j := len(slug)
	for j > 0 && slug[j-1] >= '0' && slug[j-1] <= '9' {
		j--
	}
	cycle := 0
	if j < len(slug) {
		n, err := strconv.Atoi(slug[j:])
		if err != nil || n < 2 {
			return nil
		}
		cycle = n - 1
	}
	slug = slug[:j]
	var out []int32
	for p, ps := range prefixSlugs {
		rest, ok := strings.CutPrefix(slug, ps)
		if !ok {
			continue
		}
		for s, ss := range secondSlugs {
			last, ok := strings.CutPrefix(rest, ss)
			if !ok {
				continue
			}
			if n, ok := nounBySlug[last]; ok {
				c := p*len(nameSeconds)*len(nameNouns) + s*len(nameNouns) + n
				k := ((c-nameAdd)%nameSpace + nameSpace) % nameSpace * nameMulInv % nameSpace
				if i := cycle*nameSpace + k + 1; i < len(u.carriers) {
					out = append(out, int32(i))
				}
			}
		}
	}
	return out
}

// phoneDigits is carrier i's number in a slot: ten digits, area code first.
func (u *Universe) phoneDigits(i int32, slot int) string {
	v := ((int(i)*phoneSlots+slot)*phoneMul + phoneAdd) % phoneSpace
	area := locations[u.carriers[i].loc].area
	return strconv.Itoa(area) + strconv.Itoa(200+v/10000) + pad(v%10000, 4)
}

// phoneOwner inverts phoneDigits: the carrier and slot a number belongs to.
// Callers verify the area code through phoneDigits.
func (u *Universe) phoneOwner(digits string) (int32, int, bool) {
	if len(digits) != 10 {
		return 0, 0, false
	}
	exchange, err1 := strconv.Atoi(digits[3:6])
	line, err2 := strconv.Atoi(digits[6:])
	if err1 != nil || err2 != nil || exchange < 200 {
		return 0, 0, false
	}
	v := (exchange-200)*10000 + line
	k := ((v-phoneAdd)%phoneSpace + phoneSpace) % phoneSpace * phoneMulIn % phoneSpace
	i := k / phoneSlots
	if i >= len(u.carriers) || u.phoneDigits(int32(i), k%phoneSlots) != digits {
		return 0, 0, false
	}
	return int32(i), k % phoneSlots, true
}

// NormalizePhone reduces a phone number to ten digits; a leading country
// code 1 is dropped. It returns "" for anything else.
func NormalizePhone(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	if len(d) != 10 {
		return ""
	}
	return d
}

// Phone styles differ between MCP models, as captured. ParenPhone writes ten
// digits as PreviewCarrier and the packet do, (NNN) NNN-NNNN.
func ParenPhone(d string) string { return "(" + d[:3] + ") " + d[3:6] + "-" + d[6:] }

// dashPhone writes ten digits as the FMCSA Identity does, NNN-NNN-NNNN.
func dashPhone(d string) string { return d[:3] + "-" + d[3:6] + "-" + d[6:] }

func slugOf(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func slugs(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = slugOf(w)
	}
	return out
}

func indexBySlug(words []string) map[string]int {
	m := make(map[string]int, len(words))
	for i, w := range words {
		m[slugOf(w)] = i
	}
	return m
}

// coprimeAndInverse returns the first multiplier from start on that is
// coprime with m, and its inverse modulo m.
func coprimeAndInverse(start, m int) (int, int) {
	for a := start % m; ; a++ {
		if inv, ok := modInverse(a, m); ok {
			return a, inv
		}
	}
}

func modInverse(a, m int) (int, bool) {
	t, newT, r, newR := 0, 1, m, a
	for newR != 0 {
		q := r / newR
		t, newT = newT, t-q*newT
		r, newR = newR, r-q*newR
	}
	if r != 1 {
		return 0, false
	}
	return (t%m + m) % m, true
}
