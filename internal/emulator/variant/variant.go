// Package variant is the machinery the MCP emulator (package emulator) and
// the project44 emulator (package p44emulator) share for their variants:
// named alternative behaviours for what an API's spec leaves open. Each
// emulator keeps its own names, its own set type (one bit a variant, with
// the methods that act on its variants) and its own documentation; this
// package knows only names, bits and the pairs that conflict.
//
// It imports nothing of either emulator, so that both can import it.
package variant

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// All stands for every variant of a catalogue, taking the first of each
// conflicting pair unless the second is named as well. It is not a variant.
const All = "all"

// Bits is the constraint on an emulator's set type: a set of variants, one
// bit each.
type Bits interface{ ~uint32 }

// Has reports whether vs has any of the variants of v.
func Has[S Bits](vs, v S) bool { return vs&v != 0 }

// Catalogue is one emulator's variants: their names and bits, and the pairs
// that cannot both be on.
type Catalogue[S Bits] struct {
	pkg       string // prefixes error messages, as the emulator's own errors
	bits      map[string]S
	names     []string // sorted
	conflicts [][2]S
}

// NewCatalogue returns the catalogue of the variants of bits, whose names
// are lower case and bits distinct, with the pairs of conflicts that cannot
// both be on (All takes the first of each). pkg names the emulator in
// error messages ("emulator", "p44emulator"). It panics on a name or bit
// given twice, or a conflict naming a bit not in bits: a programming error.
func NewCatalogue[S Bits](pkg string, bits map[string]S, conflicts ...[2]S) *Catalogue[S] {
	c := &Catalogue[S]{pkg: pkg, bits: bits, conflicts: conflicts}
	var seen S
	for name, bit := range bits {
		if bit == 0 || bit&(bit-1) != 0 || Has(seen, bit) || name != strings.ToLower(name) || name == All {
			panic(fmt.Sprintf("%s: variant %q: bad name or bit %#x", pkg, name, uint32(bit)))
		}
		seen |= bit
		c.names = append(c.names, name)
	}
	slices.Sort(c.names)
	for _, pair := range conflicts {
		if !Has(seen, pair[0]) || !Has(seen, pair[1]) {
			panic(fmt.Sprintf("%s: conflicting pair %#x, %#x not in the catalogue", pkg, uint32(pair[0]), uint32(pair[1])))
		}
	}
	return c
}

// Names lists every variant name, sorted (All is not one).
func (c *Catalogue[S]) Names() []string { return slices.Clone(c.names) }

// Conflicts lists the pairs of variants that cannot be on together, by
// name, in the catalogue's order.
func (c *Catalogue[S]) Conflicts() [][2]string {
	out := make([][2]string, len(c.conflicts))
	for k, pair := range c.conflicts {
		out[k] = [2]string{c.name(pair[0]), c.name(pair[1])}
	}
	return out
}

// NamesOf lists the variants of vs, sorted.
func (c *Catalogue[S]) NamesOf(vs S) []string {
	out := []string{}
	for _, name := range c.names {
		if Has(vs, c.bits[name]) {
			out = append(out, name)
		}
	}
	return out
}

func (c *Catalogue[S]) name(bit S) string {
	for name, b := range c.bits {
		if b == bit {
			return name
		}
	}
	return "?"
}

// ParseList reads a comma-separated list of variant names (spaces and
// empty items ignored, names in any case; All for every variant) and
// returns the variants it turns on, sorted.
func (c *Catalogue[S]) ParseList(s string) ([]string, error) {
	vs, err := c.Parse(strings.Split(s, ","))
	if err != nil {
		return nil, err
	}
	return c.NamesOf(vs), nil
}

// Parse validates names (spaces and empty names ignored, any case) and
// returns the set they turn on, All expanded: every variant, taking the
// first of each conflicting pair unless the second is named. An unknown
// name, or both of a conflicting pair named, is an error.
func (c *Catalogue[S]) Parse(names []string) (S, error) {
	var explicit S
	all := false
	for _, raw := range names {
		name := strings.ToLower(strings.TrimSpace(raw))
		switch bit, known := c.bits[name]; {
		case name == "":
		case name == All:
			all = true
		case !known:
			return 0, fmt.Errorf("%s: unknown variant %q (want %s, or %s)", c.pkg, raw, strings.Join(c.names, ", "), All)
		default:
			explicit |= bit
		}
	}
	for _, pair := range c.conflicts {
		if Has(explicit, pair[0]) && Has(explicit, pair[1]) {
			return 0, fmt.Errorf("%s: variants %s and %s conflict; choose one", c.pkg, c.name(pair[0]), c.name(pair[1]))
		}
	}
	vs := explicit
	if all {
		var every S
		for _, bit := range c.bits {
			every |= bit
		}
		for _, pair := range c.conflicts {
			if Has(explicit, pair[1]) {
				every &^= pair[0]
			} else {
				every &^= pair[1]
			}
		}
		vs |= every
	}
	return vs, nil
}

// Holder holds the set of variants in effect, and the one Reset restores.
// Load is a single atomic read, cheap enough for every request.
type Holder[S Bits] struct {
	cat     *Catalogue[S]
	initial S
	apply   func(S)
	mu      sync.Mutex // serializes stores, so that apply and the set agree
	v       atomic.Uint32
}

// NewHolder returns a holder of this catalogue's variants with names (as
// for Parse) in effect, and restored by Reset. apply, when not nil, runs
// before each set takes effect, this first one included, under a lock
// the holder's stores share: it switches whatever else must agree with the
// set, so that two stores at once cannot leave that and the set from
// different calls.
func (c *Catalogue[S]) NewHolder(names []string, apply func(S)) (*Holder[S], error) {
	vs, err := c.Parse(names)
	if err != nil {
		return nil, err
	}
	h := &Holder[S]{cat: c, initial: vs, apply: apply}
	h.store(vs)
	return h, nil
}

// Load returns the set in effect.
func (h *Holder[S]) Load() S { return S(h.v.Load()) }

// Names lists the variants in effect, sorted.
func (h *Holder[S]) Names() []string { return h.cat.NamesOf(h.Load()) }

// Set replaces the variants in effect with names (as for Parse). An
// unknown name or a conflicting pair is an error, and then nothing
// changes. A request being answered meanwhile may see either set.
func (h *Holder[S]) Set(names []string) error {
	vs, err := h.cat.Parse(names)
	if err != nil {
		return err
	}
	h.store(vs)
	return nil
}

// Reset puts the holder's first set back in effect.
func (h *Holder[S]) Reset() { h.store(h.initial) }

func (h *Holder[S]) store(vs S) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.apply != nil {
		h.apply(vs)
	}
	h.v.Store(uint32(vs))
}
