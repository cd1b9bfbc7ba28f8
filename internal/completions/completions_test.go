package completions

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var t0 = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

type recorder struct {
	mu      sync.Mutex
	windows [][2]time.Time
	all     []mcp.CompletedPacket
	err     error
}

func (r *recorder) fetch(_ context.Context, from, to time.Time) ([]mcp.CompletedPacket, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.windows = append(r.windows, [2]time.Time{from, to})
	if r.err != nil {
		return nil, r.err
	}
	var out []mcp.CompletedPacket
	for _, p := range r.all {
		if !p.CompletedDate.Before(from) && !p.CompletedDate.After(to) {
			out = append(out, p)
		}
	}
	return out, nil
}

func packet(dot int, docket string, at time.Time) mcp.CompletedPacket {
	return mcp.CompletedPacket{DOTNumber: dot, DocketNumber: docket, CompletedDate: mcp.Time{Time: at}}
}

func TestFind(t *testing.T) {
	t.Parallel()
	r := &recorder{all: []mcp.CompletedPacket{
		packet(100, "MC100", t0.Add(-10*time.Hour)),
		packet(100, "MC100", t0.Add(-2*time.Hour)),
		packet(200, "MC200", t0.Add(-30*time.Minute)),
	}}
	w := New(r.fetch, func() time.Time { return t0 })
	ctx := context.Background()

	p, ok, err := w.Find(ctx, 100, "MC100", t0.Add(-3*time.Hour), time.Time{})
	if err != nil || !ok || !p.CompletedDate.Equal(t0.Add(-2*time.Hour)) {
		t.Fatalf("Find = %+v, %v, %v; want the completion two hours ago", p, ok, err)
	}
	if _, ok, _ := w.Find(ctx, 100, "MC100", t0.Add(-time.Hour), time.Time{}); ok {
		t.Error("a completion before the invitation was sent counted")
	}
	if _, ok, _ := w.Find(ctx, 200, "MC999", t0.Add(-time.Hour), time.Time{}); ok {
		t.Error("a completion under another docket counted")
	}
	if _, ok, _ := w.Find(ctx, 200, "", t0.Add(-time.Hour), time.Time{}); !ok {
		t.Error("a DOT-only lookup missed the completion")
	}
	if len(r.windows) != 1 {
		t.Errorf("made %d fetches for lookups inside the first window, want 1", len(r.windows))
	}
	p, ok, _ = w.Find(ctx, 100, "", t0.Add(-24*time.Hour), time.Time{})
	if !ok || !p.CompletedDate.Equal(t0.Add(-10*time.Hour)) {
		t.Errorf("after widening, Find = %+v, %v; want the earliest completion", p, ok)
	}
	if len(r.windows) != 2 || !r.windows[1][1].Equal(t0.Add(-3*time.Hour-time.Second)) {
		t.Errorf("widening fetched %v; want one more window ending just before the first", r.windows)
	}
}

func TestWideningIsLogarithmic(t *testing.T) {
	t.Parallel()
	r := &recorder{}
	w := New(r.fetch, func() time.Time { return t0 })
	for i := 1; i <= 1000; i++ {
		if _, _, err := w.Find(context.Background(), 1, "", t0.Add(-time.Duration(i)*time.Hour), time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(r.windows); n > 12 {
		t.Errorf("1000 ever-older lookups made %d fetches", n)
	}
}

func TestFetchError(t *testing.T) {
	t.Parallel()
	r := &recorder{err: errors.New("boom")}
	w := New(r.fetch, func() time.Time { return t0 })
	if _, _, err := w.Find(context.Background(), 1, "", t0.Add(-time.Hour), time.Time{}); err == nil {
		t.Fatal("Find hid the fetch error")
	}
}

// MCP in US Central time writes a completion an hour after the invitation
// as five hours before it, read as UTC. Compared with what MCP listed when
// the invitation was sent, in MCP's own times, it is new; compared with
// this machine's clock it would never count. A completion listed before
// the invitation does not count, however its time reads.
func TestCompletionInAnotherZone(t *testing.T) {
	t.Parallel()
	central := -6 * time.Hour
	before := packet(100, "MC100", t0.Add(-2*time.Hour+central)) // completed two hours before the invitation
	r := &recorder{all: []mcp.CompletedPacket{before}}
	sent := t0
	w := New(r.fetch, func() time.Time { return sent })
	ctx := context.Background()
	baseline, err := w.Latest(ctx, 100, "MC100", sent.Add(-ZoneSlack))
	if err != nil || !baseline.Equal(before.CompletedDate.Time) {
		t.Fatalf("Latest = %v, %v; want the earlier completion", baseline, err)
	}
	if _, ok, _ := w.Find(ctx, 100, "MC100", sent.Add(-ZoneSlack), baseline); ok {
		t.Error("a completion listed before the invitation counted")
	}

	after := packet(100, "MC100", t0.Add(time.Hour+central))
	r.all = append(r.all, after)
	w = New(r.fetch, func() time.Time { return t0.Add(2 * time.Hour) }) // the next run
	p, ok, err := w.Find(ctx, 100, "MC100", sent.Add(-ZoneSlack), baseline)
	if err != nil || !ok || !p.CompletedDate.Equal(after.CompletedDate.Time) {
		t.Errorf("Find = %+v, %v, %v; want the completion after the invitation", p, ok, err)
	}
	if _, ok, _ := w.Find(ctx, 100, "MC100", sent, time.Time{}); ok {
		t.Error("by this machine's clock the completion is before the invitation; the test shows nothing")
	}
}
