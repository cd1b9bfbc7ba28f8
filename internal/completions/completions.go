// Package completions answers "has this carrier completed our packet since
// we invited it?" for every invitation in a provider run from as few
// CompletedPackets calls as possible: the window fetched so far is kept, and
// widened (at least doubling, so a run needs a handful of calls however the
// invitations' send times are spread) only when an older send time asks for
// it.
package completions

import (
	"context"
	"sync"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// ZoneSlack is how far MCP's date-times may be from UTC. They carry no
// offset, and MCP may write them, and read window bounds, in its own zone
// (anything from UTC-12 to UTC+14). Windows reach this far beyond what is
// asked on both sides, and a completion is told new by comparing it with
// what MCP listed before, in MCP's own times, not with this machine's clock.
const ZoneSlack = 14 * time.Hour

// Fetch reads the packets completed between from and to, both inclusive.
type Fetch func(ctx context.Context, from, to time.Time) ([]mcp.CompletedPacket, error)

// Window is the run's shared view of CompletedPackets. Safe for concurrent
// use.
type Window struct {
	fetch Fetch
	now   func() time.Time

	lock     chan struct{} // held while fetching; a channel so waiting honours ctx
	mu       sync.Mutex    // guards the fields below
	covered  bool
	from, to time.Time
	packets  []mcp.CompletedPacket
}

// New returns a Window over fetch; now is the clock (time.Now in production).
func New(fetch Fetch, now func() time.Time) *Window {
	return &Window{fetch: fetch, now: now, lock: make(chan struct{}, 1)}
}

// Find returns the earliest completion by the carrier at or after since,
// and after after when that is not zero. A zero docket matches any docket
// of the DOT number.
func (w *Window) Find(ctx context.Context, dot int, docket string, since, after time.Time) (mcp.CompletedPacket, bool, error) {
	var best mcp.CompletedPacket
	found := false
	err := w.each(ctx, dot, docket, since, func(p mcp.CompletedPacket) {
		if (after.IsZero() || p.CompletedDate.After(after)) && (!found || p.CompletedDate.Before(best.CompletedDate.Time)) {
			best, found = p, true
		}
	})
	return best, found, err
}

// Latest returns when the carrier last completed the packet at or after
// since, as MCP writes it; zero when it has not.
func (w *Window) Latest(ctx context.Context, dot int, docket string, since time.Time) (time.Time, error) {
	var latest time.Time
	err := w.each(ctx, dot, docket, since, func(p mcp.CompletedPacket) {
		if p.CompletedDate.After(latest) {
			latest = p.CompletedDate.Time
		}
	})
	return latest, err
}

// each calls f with every completion by the carrier at or after since.
func (w *Window) each(ctx context.Context, dot int, docket string, since time.Time, f func(mcp.CompletedPacket)) error {
	since = since.UTC().Truncate(time.Second) // MCP's window parameters have whole seconds
	if err := w.cover(ctx, since); err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.packets {
		if p.DOTNumber == dot && (docket == "" || p.DocketNumber == "" || carrierid.SameDocket(p.DocketNumber, docket)) && !p.CompletedDate.Before(since) {
			f(p)
		}
	}
	return nil
}

// cover makes sure the window reaches back to since.
func (w *Window) cover(ctx context.Context, since time.Time) error {
	select {
	case w.lock <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-w.lock }()

	w.mu.Lock()
	covered, from, to := w.covered, w.from, w.to
	w.mu.Unlock()

	if !covered {
		// Rounded up: a packet completed within the current second is in;
		// and as far ahead as MCP's zone may put it.
		now := w.now().UTC().Truncate(time.Second).Add(time.Second).Add(ZoneSlack)
		if since.After(now) {
			since = now
		}
		packets, err := w.fetch(ctx, since, now)
		if err != nil {
			return err
		}
		w.mu.Lock()
		w.covered, w.from, w.to, w.packets = true, since, now, packets
		w.mu.Unlock()
		return nil
	}
	if !since.Before(from) {
		return nil
	}
	// Widen by at least the span already covered, so repeated misses
	// cost a logarithmic number of calls.
	newFrom := from.Add(-max(to.Sub(from), time.Hour))
	if since.Before(newFrom) {
		newFrom = since
	}
	older, err := w.fetch(ctx, newFrom, from.Add(-time.Second))
	if err != nil {
		return err
	}
	w.mu.Lock()
	w.from = newFrom
	w.packets = append(w.packets, older...)
	w.mu.Unlock()
	return nil
}
