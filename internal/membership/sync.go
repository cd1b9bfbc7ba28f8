package membership

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// SyncResult is what a Sync did.
type SyncResult struct {
	// Entries is the list as MCP holds it after the writes.
	Entries map[int]Entry
	// Added and Removed count the writes MCP accepted.
	Added, Removed int
}

// Progress follows a Sync's writes, for whoever watches a long apply.
type Progress interface {
	// Planned is called once, before the first write, with how many
	// carriers Sync is about to put on the list and take off it.
	Planned(ctx context.Context, adds, removes int)
	// Wrote is called after each write, whatever its outcome.
	Wrote(ctx context.Context, add bool)
}

// Sync puts the desired carriers on the list and takes off those in
// remove that are not desired, at most concurrency writes at a time, and
// then reads the list back once. A carrier on the list that is in neither
// stays: only what the caller names is taken off. Failed writes do not stop the
// others; they come back joined in the error, and Entries still says what
// MCP holds, so that state records everything that did happen. Once ctx is
// cancelled no request is made: no new write starts, and instead of reading
// the list back Entries records the writes MCP accepted. A non-nil progress
// hears of every write.
func (l *List) Sync(ctx context.Context, desired map[int]carrierid.Key, remove map[int]bool, concurrency int, progress Progress) (SyncResult, error) {
	for _, k := range desired {
		l.Learn(k)
	}
	current, err := l.All(ctx)
	if err != nil {
		return SyncResult{}, err
	}
	var adds, removes []carrierid.Key
	var errs []error
	for dot, k := range desired {
		e, ok := current[dot]
		switch {
		case !ok:
			adds = append(adds, k)
		case !e.Matches(k):
			errs = append(errs, mismatch(l.Name, k, e))
		}
	}
	for dot, e := range current {
		if _, ok := desired[dot]; !ok && remove[dot] {
			removes = append(removes, e.Key)
		}
	}
	if len(adds) == 0 && len(removes) == 0 {
		return SyncResult{Entries: current}, joinCapped(errs)
	}
	byDOT := func(a, b carrierid.Key) int { return a.DOT - b.DOT }
	slices.SortFunc(adds, byDOT)
	slices.SortFunc(removes, byDOT)
	if progress != nil {
		progress.Planned(ctx, len(adds), len(removes))
	}

	var (
		mu       sync.Mutex
		result   SyncResult
		reported = make(map[int]bool) // DOT numbers with an error already
		accepted []carrierid.Key      // writes MCP accepted, for a cancelled Sync
		added    = make(map[int]bool)
	)
	write := func(k carrierid.Key, add bool) {
		var err error
		if add {
			err = l.backend.Add(ctx, k)
		} else {
			err = l.backend.Remove(ctx, k)
		}
		if progress != nil {
			progress.Wrote(ctx, add)
		}
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err == nil && add:
			result.Added++
			accepted, added[k.DOT] = append(accepted, k), true
		case err == nil, !add && mcp.IsNotFound(err):
			result.Removed++
			accepted = append(accepted, k)
		case listDecides(err):
			// MCP said no, or not clearly yes: the read-back decides.
		case add && mcp.IsNotFound(err):
			errs, reported[k.DOT] = append(errs, fmt.Errorf("MCP does not know a carrier with %s", k.Describe())), true
		default:
			errs, reported[k.DOT] = append(errs, fmt.Errorf("%s: %w", k.Describe(), err)), true
		}
	}
	runBounded(ctx, concurrency, adds, removes, write)

	seq := l.wrote()
	if ctx.Err() != nil {
		// Interrupted: record what MCP accepted without asking it again.
		// The next refresh fills in what MCP reports about the additions.
		result.Entries = current
		for _, k := range accepted {
			if added[k.DOT] {
				result.Entries[k.DOT] = Entry{Key: k}
			} else {
				delete(result.Entries, k.DOT)
			}
		}
		errs = append(errs, fmt.Errorf("interrupted before every change was made: %w", ctx.Err()))
		return result, joinCapped(errs)
	}
	if err := l.fresh(ctx, seq); err != nil {
		return SyncResult{}, joinCapped(append(errs, err))
	}
	l.mu.Lock()
	result.Entries = make(map[int]Entry, len(l.entries))
	for dot, e := range l.entries {
		result.Entries[dot] = e
	}
	l.mu.Unlock()

	{
		// A write MCP refused, or accepted without effect, shows in the list.
		for _, k := range adds {
			if _, ok := result.Entries[k.DOT]; !ok && !reported[k.DOT] {
				errs = append(errs, fmt.Errorf("MCP did not put %s on the %s", k.Describe(), l.Name))
			}
		}
		for _, k := range removes {
			if _, ok := result.Entries[k.DOT]; ok && !reported[k.DOT] {
				errs = append(errs, fmt.Errorf("MCP did not take %s off the %s", k.Describe(), l.Name))
			}
		}
	}
	return result, joinCapped(errs)
}

// maxReportedErrors keeps a diagnostic readable when thousands of writes fail.
const maxReportedErrors = 20

// joinCapped joins errors, summarising beyond maxReportedErrors.
func joinCapped(errs []error) error {
	if len(errs) > maxReportedErrors {
		more := len(errs) - maxReportedErrors
		errs = append(errs[:maxReportedErrors:maxReportedErrors], fmt.Errorf("… and %d more", more))
	}
	return errors.Join(errs...)
}

// runBounded performs the additions and removals, at most n at a time, and
// starts no new write once ctx is done.
func runBounded(ctx context.Context, n int, adds, removes []carrierid.Key, write func(carrierid.Key, bool)) {
	n = max(n, 1)
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	start := func(k carrierid.Key, add bool) bool {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			return false
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			write(k, add)
		}()
		return true
	}
	func() {
		for _, k := range removes {
			if !start(k, false) {
				return
			}
		}
		for _, k := range adds {
			if !start(k, true) {
				return
			}
		}
	}()
	wg.Wait()
}
