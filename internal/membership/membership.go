// Package membership keeps one provider run's view of MCP's two carrier
// lists, the Assure Advantage monitored list and the blocked list.
//
// A plan over thousands of per-carrier resources must not fetch a list once
// per resource: each List is loaded once, every page, and shared by all
// callers. Writes go through the List so that what it reports stays true
// after this run's own changes: a removal is applied to the loaded view, and
// an addition is confirmed by reading the list again, because only the list
// says what MCP really holds (and the created/modified fields it reports).
// Reloads after writes are coalesced: one reload serves every write that
// finished before it started.
package membership

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/flight"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Entry is one carrier on a list, as MCP reports it.
type Entry struct {
	Key            carrierid.Key
	CreatedAt      time.Time
	CreatedBy      string
	LastModifiedAt time.Time
	LastModifiedBy string
	// Learned marks an entry MCP listed without a DOT number, whose DOT
	// number a caller gave (see List.Learn).
	Learned bool
}

// Backend is the MCP side of one list.
type Backend interface {
	// ListAll returns every entry of the list.
	ListAll(ctx context.Context) ([]Entry, error)
	// Add puts the carrier on the list. An *mcp.OperationError means MCP
	// answered that it did not; the list has the last word.
	Add(ctx context.Context, k carrierid.Key) error
	// Remove takes the carrier off the list, with the same convention.
	Remove(ctx context.Context, k carrierid.Key) error
}

// List is one carrier list as seen by this provider run. It is safe for
// concurrent use.
type List struct {
	// Name is how messages name the list, e.g. "monitored list".
	Name    string
	backend Backend

	mu      sync.Mutex
	entries map[int]Entry // by DOT number; nil until loaded
	// MCP may list an intrastate-only carrier without its DOT number; only
	// the callers know it. dots holds the DOT number of each intrastate
	// number a caller named, and orphans the entries without a DOT number
	// that no caller has named yet.
	dots     map[string]int
	orphans  map[string]Entry
	gen      uint64 // writeSeq when the loaded view was requested
	writeSeq uint64 // completed writes whose effect the view may lack
	inflight *load
	// failed is the last load, when it failed: its error answers every
	// caller it would have served, rather than a new load per caller
	// after its retries are spent.
	failed *load
}

// load is one reading of the whole list, shared by every caller that needs
// it; it stops when none of them waits any more.
type load struct {
	seq  uint64
	call *flight.Call[struct{}]
	err  *LoadError // set when it failed
}

// LoadError is a failed reading of a list. Every caller that reading
// serves gets the same *LoadError, so that the failure can be reported
// once however many resources needed the list (see Claim).
type LoadError struct {
	List    string
	Err     error
	claimed atomic.Bool
}

func (e *LoadError) Error() string { return fmt.Sprintf("reading the %s: %v", e.List, e.Err) }

func (e *LoadError) Unwrap() error { return e.Err }

// Claim reports whether the caller is the first to claim the failure: that
// one reports it, and the others need not repeat it.
func (e *LoadError) Claim() bool { return e.claimed.CompareAndSwap(false, true) }

// New returns a List over a backend.
func New(name string, b Backend) *List {
	return &List{Name: name, backend: b}
}

// Get returns the entry for a carrier, by its DOT number, loading the list
// if needed.
func (l *List) Get(ctx context.Context, k carrierid.Key) (Entry, bool, error) {
	l.Learn(k)
	if err := l.load(ctx); err != nil {
		return Entry{}, false, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[k.DOT]
	return e, ok, nil
}

// Learn tells the list the DOT numbers of intrastate-only carriers, so that
// an entry MCP lists by intrastate number alone is found under its DOT
// number. Keys without an intrastate number teach nothing.
func (l *List) Learn(keys ...carrierid.Key) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		if k.Intrastate == "" || k.DOT == 0 {
			continue
		}
		if l.dots == nil {
			l.dots = map[string]int{}
		}
		l.dots[k.Intrastate] = k.DOT
		if e, ok := l.orphans[k.Intrastate]; ok {
			delete(l.orphans, k.Intrastate)
			e.Key.DOT, e.Learned = k.DOT, true
			l.entries[k.DOT] = e
		}
	}
}

// All returns a copy of the whole list, by DOT number.
func (l *List) All(ctx context.Context) (map[int]Entry, error) {
	if err := l.load(ctx); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[int]Entry, len(l.entries))
	for dot, e := range l.entries {
		out[dot] = e
	}
	return out, nil
}

// AsListed returns the whole list as MCP lists it: the entries with a DOT
// number, by DOT number, and those without one (intrastate-only carriers
// MCP lists by their intrastate number alone), sorted by that number. It
// ignores what callers taught the list, so every caller sees the same.
func (l *List) AsListed(ctx context.Context) (map[int]Entry, []Entry, error) {
	if err := l.load(ctx); err != nil {
		return nil, nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	byDOT := make(map[int]Entry, len(l.entries))
	withoutDOT := slices.Collect(maps.Values(l.orphans))
	for dot, e := range l.entries {
		if !e.Learned {
			byDOT[dot] = e
			continue
		}
		e.Key.DOT, e.Learned = 0, false
		withoutDOT = append(withoutDOT, e)
	}
	sortByIntrastate(withoutDOT)
	return byDOT, withoutDOT, nil
}

// Orphans returns the entries of the last loaded list that MCP lists
// without a DOT number and no caller has named (see Learn), sorted by
// intrastate number: nothing keyed by DOT number can address them.
func (l *List) Orphans() []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := slices.Collect(maps.Values(l.orphans))
	sortByIntrastate(out)
	return out
}

func sortByIntrastate(entries []Entry) {
	slices.SortFunc(entries, func(a, b Entry) int { return strings.Compare(a.Key.Intrastate, b.Key.Intrastate) })
}

// load makes the view current: loaded after every write this run has
// completed.
func (l *List) load(ctx context.Context) error {
	l.mu.Lock()
	seq := l.writeSeq
	l.mu.Unlock()
	return l.fresh(ctx, seq)
}

// Add puts a carrier on the list, unless it is there already (it is then
// adopted without a write), and returns the entry MCP reports for it.
func (l *List) Add(ctx context.Context, k carrierid.Key) (Entry, error) {
	if e, ok, err := l.Get(ctx, k); err != nil {
		return Entry{}, err
	} else if ok {
		return e, mismatch(l.Name, k, e)
	}
	werr := l.backend.Add(ctx, k)
	if werr != nil && !listDecides(werr) {
		return Entry{}, werr
	}
	seq := l.wrote()
	if err := l.fresh(ctx, seq); err != nil {
		if werr == nil {
			return Entry{Key: k}, &UnconfirmedError{List: l.Name, Key: k, Err: err}
		}
		return Entry{}, err
	}
	l.mu.Lock()
	e, ok := l.entries[k.DOT]
	l.mu.Unlock()
	switch {
	case ok:
		return e, mismatch(l.Name, k, e)
	case werr != nil:
		return Entry{}, fmt.Errorf("MCP did not put %s on the %s: %w", k.Describe(), l.Name, werr)
	default:
		return Entry{}, fmt.Errorf("MCP accepted %s, but it is not on the %s", k.Describe(), l.Name)
	}
}

// Remove takes a carrier off the list. A carrier that is not on it, or that
// MCP does not know at all, needs nothing.
func (l *List) Remove(ctx context.Context, k carrierid.Key) error {
	e, ok, err := l.Get(ctx, k)
	if err != nil || !ok {
		return err
	}
	// Send the identifiers MCP itself reports, so the removal names the
	// same entry even when the caller knows only the DOT number.
	werr := l.backend.Remove(ctx, e.Key)
	switch {
	case werr == nil, mcp.IsNotFound(werr):
		l.mu.Lock()
		delete(l.entries, k.DOT)
		l.mu.Unlock()
		return nil
	case !listDecides(werr):
		return werr
	}
	// MCP said no, or answered ambiguously: only the list can tell whether
	// the carrier is still on it.
	if _, still, err := l.reread(ctx, k.DOT); err != nil {
		return err
	} else if still {
		return fmt.Errorf("MCP did not take %s off the %s: %w", k.Describe(), l.Name, werr)
	}
	return nil
}

// reread loads the list again and looks the DOT number up.
func (l *List) reread(ctx context.Context, dot int) (Entry, bool, error) {
	if err := l.fresh(ctx, l.wrote()); err != nil {
		return Entry{}, false, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[dot]
	return e, ok, nil
}

// wrote records a completed write and returns the freshness a view must have
// to include it.
func (l *List) wrote() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writeSeq++
	return l.writeSeq
}

// fresh makes sure the loaded view was requested after write number seq,
// joining a load in flight when it is recent enough and starting one
// otherwise.
func (l *List) fresh(ctx context.Context, seq uint64) error {
	for {
		l.mu.Lock()
		if l.entries != nil && l.gen >= seq {
			l.mu.Unlock()
			return nil
		}
		if err := ctx.Err(); err != nil {
			l.mu.Unlock()
			return err // no request once the caller has given up
		}
		if f := l.failed; f != nil && f.seq >= seq {
			l.mu.Unlock()
			return f.err
		}
		f := l.inflight
		if f == nil {
			f = &load{seq: l.writeSeq}
			f.call = flight.Start(ctx, func(ctx context.Context) (struct{}, error) { return struct{}{}, l.run(ctx, f) })
			l.inflight = f
		}
		l.mu.Unlock()

		_, err := f.call.Wait(ctx)
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, context.Canceled):
			// Cancelled by callers who all gave up just before this one
			// joined: start a new load.
		case err != nil && f.seq >= seq:
			return err
		}
	}
}

// run loads the list and installs it as the view.
func (l *List) run(ctx context.Context, f *load) error {
	list, err := l.backend.ListAll(ctx)
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.inflight == f {
		l.inflight = nil
	}
	if err != nil {
		f.err = &LoadError{List: l.Name, Err: err}
		if !errors.Is(err, context.Canceled) {
			l.failed = f
		}
		return f.err
	}
	l.failed = nil
	entries := make(map[int]Entry, len(list))
	orphans := map[string]Entry{}
	for _, e := range list {
		switch dot, known := l.dots[e.Key.Intrastate]; {
		case e.Key.DOT != 0:
			entries[e.Key.DOT] = e
		case e.Key.Intrastate == "":
			// Neither a DOT nor an intrastate number: nothing to address it by.
		case known:
			e.Key.DOT, e.Learned = dot, true
			entries[dot] = e
		default:
			orphans[e.Key.Intrastate] = e
		}
	}
	l.entries, l.orphans, l.gen = entries, orphans, f.seq
	return nil
}

// listDecides reports whether a write's error leaves the outcome to the
// list: MCP said no in a 200 answer (*mcp.OperationError, which includes an
// answer too ambiguous to count as done), or refused a request as invalid
// (400), as MCP may for a carrier already on the list, or already off it.
func listDecides(err error) bool {
	var opErr *mcp.OperationError
	var apiErr *mcp.APIError
	return errors.As(err, &opErr) || errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest
}

// Matches reports whether the entry is the carrier k names: the same DOT
// number, and no other docket or intrastate number than k's. An entry that
// lists none does not contradict k (MCP may leave the docket null), and
// dockets that differ only in leading zeros are the same.
func (e Entry) Matches(k carrierid.Key) bool {
	return e.Key.DOT == k.DOT &&
		(k.Docket == "" || e.Key.Docket == "" || carrierid.SameDocket(k.Docket, e.Key.Docket)) &&
		(k.Intrastate == "" || e.Key.Intrastate == "" || k.Intrastate == e.Key.Intrastate)
}

// As is the entry with the identifiers k gives, when it is the carrier k
// names: state then keeps the configuration's spelling, and what MCP left
// out.
func (e Entry) As(k carrierid.Key) Entry {
	if !e.Matches(k) {
		return e
	}
	if k.Docket != "" {
		e.Key.Docket = k.Docket
	}
	if k.Intrastate != "" {
		e.Key.Intrastate = k.Intrastate
	}
	return e
}

// mismatch reports a carrier whose list entry names another docket or
// intrastate number than the one asked for.
func mismatch(name string, want carrierid.Key, got Entry) error {
	if !got.Matches(want) {
		return fmt.Errorf("carrier DOT %d is on the %s as %s, not %s", want.DOT, name, got.Key.Describe(), want.Describe())
	}
	return nil
}

// UnconfirmedError is an addition MCP accepted that could not be read back:
// the carrier is on the list, but what MCP reports about it is not known yet.
type UnconfirmedError struct {
	List string
	Key  carrierid.Key
	Err  error
}

func (e *UnconfirmedError) Error() string {
	return fmt.Sprintf("MCP accepted %s for the %s, but reading the list back failed: %v. "+
		"The carrier is recorded; the next refresh reads its details.", e.Key.Describe(), e.List, e.Err)
}

func (e *UnconfirmedError) Unwrap() error { return e.Err }
