package variant

import (
	"slices"
	"sync"
	"testing"
)

type set uint32

const (
	a set = 1 << iota
	b
	c
	d
	e
)

var cat = NewCatalogue("test", map[string]set{"a": a, "b": b, "c": c, "d": d, "e": e}, [2]set{a, b}, [2]set{c, d})

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want set
	}{
		{nil, 0},
		{[]string{"", " "}, 0},
		{[]string{" A ", "e"}, a | e},
		{[]string{"all"}, a | c | e},
		{[]string{"ALL", "b"}, b | c | e},
		{[]string{"all", "d", "a"}, a | d | e},
	} {
		got, err := cat.Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %#x, %v; want %#x", tc.in, got, err, tc.want)
		}
	}
	if _, err := cat.Parse([]string{"a", "zz"}); err == nil || err.Error() != `test: unknown variant "zz" (want a, b, c, d, e, or all)` {
		t.Errorf("unknown: %v", err)
	}
	if _, err := cat.Parse([]string{"all", "d", "c"}); err == nil || err.Error() != "test: variants c and d conflict; choose one" {
		t.Errorf("conflict: %v", err)
	}
}

func TestNames(t *testing.T) {
	if got := cat.Names(); !slices.Equal(got, []string{"a", "b", "c", "d", "e"}) {
		t.Errorf("Names() = %v", got)
	}
	if got := cat.NamesOf(e | a); !slices.Equal(got, []string{"a", "e"}) {
		t.Errorf("NamesOf = %v", got)
	}
	if got := cat.NamesOf(0); got == nil || len(got) != 0 {
		t.Errorf("NamesOf(0) = %#v, want empty and not nil (it is written as JSON [])", got)
	}
	if got := cat.Conflicts(); !slices.Equal(got, [][2]string{{"a", "b"}, {"c", "d"}}) {
		t.Errorf("Conflicts() = %v", got)
	}
	if got, err := cat.ParseList("e, ,a"); err != nil || !slices.Equal(got, []string{"a", "e"}) {
		t.Errorf("ParseList = %v, %v", got, err)
	}
}

func TestNewCataloguePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"shared bit": func() { NewCatalogue("test", map[string]set{"a": a, "b": a}) },
		"two bits":   func() { NewCatalogue("test", map[string]set{"a": a | b}) },
		"upper case": func() { NewCatalogue("test", map[string]set{"A": a}) },
		"all":        func() { NewCatalogue("test", map[string]set{All: a}) },
		"conflict":   func() { NewCatalogue("test", map[string]set{"a": a}, [2]set{a, b}) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

func TestHolder(t *testing.T) {
	if _, err := cat.NewHolder([]string{"zz"}, nil); err == nil {
		t.Error("NewHolder accepted an unknown variant")
	}
	applied := set(0)
	h, err := cat.NewHolder([]string{"e"}, func(vs set) { applied = vs })
	if err != nil || h.Load() != e || applied != e {
		t.Fatalf("NewHolder: %v, set %#x, applied %#x", err, h.Load(), applied)
	}
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b", "c", "d", "all", "e", "A"} {
		wg.Go(func() {
			if err := h.Set([]string{name}); err != nil {
				t.Error(err)
			}
			_ = h.Names()
		})
	}
	wg.Wait()
	if applied != h.Load() {
		t.Errorf("apply saw %#x, the set is %#x", applied, h.Load())
	}
	if err := h.Set([]string{"a", "c"}); err != nil || !slices.Equal(h.Names(), []string{"a", "c"}) {
		t.Errorf("Set: %v, Names() = %v", err, h.Names())
	}
	if err := h.Set([]string{"c", "d"}); err == nil || !slices.Equal(h.Names(), []string{"a", "c"}) {
		t.Errorf("a refused Set changed the set: %v, Names() = %v", err, h.Names())
	}
	h.Reset()
	if h.Load() != e || applied != e {
		t.Errorf("Reset: set %#x, applied %#x", h.Load(), applied)
	}
}
