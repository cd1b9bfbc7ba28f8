package membership

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// fakeBackend is an in-memory list that counts calls.
type fakeBackend struct {
	mu                   sync.Mutex
	entries              map[int]Entry
	known                map[int]string // DOT -> docket of carriers MCP knows
	loads, adds, removes atomic.Int64
	loadDelay            time.Duration
	loadErr              error
	refuseAdd            bool // answer Result:false without adding
	refuseRemove         bool
	addAnyway            bool // with refuseAdd: the carrier lands on the list regardless
	badRequest           bool // answer every write 400, changing nothing
	onAdd                func(n int64)
	loadCancelled        chan struct{} // closed when a load sees its context end
}

func newFake(onList ...int) *fakeBackend {
	f := &fakeBackend{entries: map[int]Entry{}, known: map[int]string{23868: "MC113843", 100: "MC100", 200: "MC200", 300: "FF300"},
		loadCancelled: make(chan struct{})}
	for _, dot := range onList {
		f.entries[dot] = Entry{Key: carrierid.Key{DOT: dot, Docket: f.known[dot]}, CreatedBy: "portal"}
	}
	return f
}

func (f *fakeBackend) ListAll(ctx context.Context) ([]Entry, error) {
	f.loads.Add(1)
	select {
	case <-time.After(f.loadDelay):
	case <-ctx.Done():
		close(f.loadCancelled)
		return nil, ctx.Err()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.loadErr != nil {
		return nil, f.loadErr
	}
	var out []Entry
	for _, e := range f.entries {
		out = append(out, e)
	}
	return out, nil
}

func (f *fakeBackend) Add(_ context.Context, k carrierid.Key) error {
	n := f.adds.Add(1)
	if f.onAdd != nil {
		defer f.onAdd(n)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	docket, ok := f.known[k.DOT]
	switch {
	case f.badRequest:
		return &mcp.APIError{Operation: "BlockCarrier", StatusCode: 400, Message: "Carrier is already blocked."}
	case !ok:
		return &mcp.APIError{Operation: "RequestMonitoring", StatusCode: 404, Message: "No carrier found"}
	}
	if f.refuseAdd {
		if f.addAnyway {
			f.entries[k.DOT] = Entry{Key: carrierid.Key{DOT: k.DOT, Docket: docket}, CreatedBy: "api"}
		}
		return &mcp.OperationError{Operation: "BlockCarrier", Message: "Carrier is already on your blocked carrier list."}
	}
	f.entries[k.DOT] = Entry{Key: carrierid.Key{DOT: k.DOT, Docket: docket}, CreatedBy: "api"}
	return nil
}

func (f *fakeBackend) Remove(_ context.Context, k carrierid.Key) error {
	f.removes.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.badRequest:
		return &mcp.APIError{Operation: "UnblockCarrier", StatusCode: 400, Message: "Carrier is not blocked."}
	case f.refuseRemove:
		return &mcp.OperationError{Operation: "UnblockCarrier", Message: "no"}
	}
	delete(f.entries, k.DOT)
	return nil
}

func TestGetLoadsOnceForConcurrentReaders(t *testing.T) {
	t.Parallel()
	f := newFake(100, 200)
	f.loadDelay = 20 * time.Millisecond
	l := New("monitored list", f)
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dot := []int{100, 200, 300}[i%3]
			_, ok, err := l.Get(context.Background(), carrierid.Key{DOT: dot})
			if err != nil || ok != (dot != 300) {
				t.Errorf("Get(%d) = %v, %v", dot, ok, err)
			}
		}()
	}
	wg.Wait()
	if n := f.loads.Load(); n != 1 {
		t.Errorf("200 concurrent reads made %d loads, want 1", n)
	}
}

func TestAddAdoptsWithoutWriting(t *testing.T) {
	t.Parallel()
	f := newFake(23868)
	l := New("monitored list", f)
	e, err := l.Add(context.Background(), carrierid.Key{DOT: 23868})
	if err != nil || e.Key.Docket != "MC113843" || e.CreatedBy != "portal" {
		t.Fatalf("Add = %+v, %v", e, err)
	}
	if f.adds.Load() != 0 {
		t.Errorf("adopting an entry made %d writes", f.adds.Load())
	}
}

func TestAddWritesAndReadsBack(t *testing.T) {
	t.Parallel()
	f := newFake()
	l := New("monitored list", f)
	e, err := l.Add(context.Background(), carrierid.Key{DOT: 100, Docket: "MC100"})
	if err != nil || e.CreatedBy != "api" {
		t.Fatalf("Add = %+v, %v", e, err)
	}
	if f.adds.Load() != 1 || f.loads.Load() != 2 {
		t.Errorf("adds=%d loads=%d, want 1 write and 2 loads (initial, read-back)", f.adds.Load(), f.loads.Load())
	}
	if _, ok, _ := l.Get(context.Background(), carrierid.Key{DOT: 100}); !ok {
		t.Error("the added carrier is not visible to a later Get")
	}
}

func TestAddUnknownCarrier(t *testing.T) {
	t.Parallel()
	l := New("monitored list", newFake())
	_, err := l.Add(context.Background(), carrierid.Key{DOT: 999})
	if !mcp.IsNotFound(err) {
		t.Fatalf("Add(unknown) = %v, want MCP's 404", err)
	}
}

func TestAddMismatchedDocket(t *testing.T) {
	t.Parallel()
	l := New("blocked list", newFake(23868))
	_, err := l.Add(context.Background(), carrierid.Key{DOT: 23868, Docket: "MC999"})
	if err == nil || !strings.Contains(err.Error(), "DOT 23868 / MC113843") {
		t.Fatalf("Add = %v, want a mismatch naming the listed docket", err)
	}
}

func TestAddRefusedIsCheckedAgainstTheList(t *testing.T) {
	t.Parallel()
	t.Run("refused but listed", func(t *testing.T) {
		t.Parallel()
		f := newFake()
		f.refuseAdd, f.addAnyway = true, true
		if _, err := New("blocked list", f).Add(context.Background(), carrierid.Key{DOT: 100}); err != nil {
			t.Fatalf("Add = %v; a false Result for a carrier that is on the list is success", err)
		}
	})
	t.Run("refused and absent", func(t *testing.T) {
		t.Parallel()
		f := newFake()
		f.refuseAdd = true
		_, err := New("blocked list", f).Add(context.Background(), carrierid.Key{DOT: 100})
		var opErr *mcp.OperationError
		if !errors.As(err, &opErr) || !strings.Contains(err.Error(), "did not put DOT 100") {
			t.Fatalf("Add = %v, want the refusal", err)
		}
	})
}

func TestRemove(t *testing.T) {
	t.Parallel()
	t.Run("absent needs no write", func(t *testing.T) {
		t.Parallel()
		f := newFake()
		if err := New("monitored list", f).Remove(context.Background(), carrierid.Key{DOT: 100}); err != nil || f.removes.Load() != 0 {
			t.Fatalf("Remove = %v with %d writes", err, f.removes.Load())
		}
	})
	t.Run("present is removed and stays removed", func(t *testing.T) {
		t.Parallel()
		f := newFake(100)
		l := New("monitored list", f)
		if err := l.Remove(context.Background(), carrierid.Key{DOT: 100}); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := l.Get(context.Background(), carrierid.Key{DOT: 100}); ok {
			t.Error("removed carrier still visible")
		}
	})
	t.Run("refused and still listed", func(t *testing.T) {
		t.Parallel()
		f := newFake(100)
		f.refuseRemove = true
		err := New("blocked list", f).Remove(context.Background(), carrierid.Key{DOT: 100})
		if err == nil || !strings.Contains(err.Error(), "did not take DOT 100") {
			t.Fatalf("Remove = %v", err)
		}
	})
}

func TestWritesCoalesceReloads(t *testing.T) {
	t.Parallel()
	f := newFake()
	f.loadDelay = 10 * time.Millisecond
	for dot := 1000; dot < 1100; dot++ {
		f.known[dot] = "MC1"
	}
	l := New("monitored list", f)
	var wg sync.WaitGroup
	for dot := 1000; dot < 1100; dot++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := l.Add(context.Background(), carrierid.Key{DOT: dot}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := f.loads.Load(); n > 20 {
		t.Errorf("100 concurrent additions made %d loads; reloads should be shared", n)
	}
	all, err := l.All(context.Background())
	if err != nil || len(all) != 100 {
		t.Errorf("All = %d entries, %v", len(all), err)
	}
}

func TestLoadError(t *testing.T) {
	t.Parallel()
	f := newFake()
	f.loadErr = errors.New("boom")
	_, _, err := New("monitored list", f).Get(context.Background(), carrierid.Key{DOT: 1})
	if err == nil || !strings.Contains(err.Error(), "reading the monitored list: boom") {
		t.Fatalf("Get = %v", err)
	}
}

// A failed reading answers every caller it serves with the same error, which
// one of them claims to report; later callers get it too, without a new
// reading and its retries.
func TestLoadErrorIsSharedAndClaimedOnce(t *testing.T) {
	t.Parallel()
	f := newFake()
	f.loadErr = errors.New("connection refused")
	f.loadDelay = 50 * time.Millisecond
	l := New("blocked list", f)
	errs := make([]error, 8)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() { _, _, errs[i] = l.Get(context.Background(), carrierid.Key{DOT: 100 + i}) })
	}
	wg.Wait()
	_, _, late := l.Get(context.Background(), carrierid.Key{DOT: 1})
	claims := 0
	for _, err := range append(slices.Clip(errs), late) {
		var loadErr *LoadError
		if !errors.As(err, &loadErr) || loadErr != errs[0] { //nolint:errorlint // the very same error
			t.Fatalf("Get = %v, want the one *LoadError %v", err, errs[0])
		}
		if loadErr.Claim() {
			claims++
		}
	}
	if claims != 1 || f.loads.Load() != 1 {
		t.Errorf("%d claims over %d loads, want 1 of 1", claims, f.loads.Load())
	}

	// MCP recovering does not matter within the run: its retries were spent.
	f.mu.Lock()
	f.loadErr = nil
	f.mu.Unlock()
	if _, err := l.Add(context.Background(), carrierid.Key{DOT: 100}); err != errs[0] || f.loads.Load() != 1 || f.adds.Load() != 0 { //nolint:errorlint // the very same error
		t.Errorf("Add after a failed reading = %v after %d loads and %d writes; want the reading's error and nothing sent", err, f.loads.Load(), f.adds.Load())
	}
}

func TestGetHonoursCancellation(t *testing.T) {
	t.Parallel()
	f := newFake()
	f.loadDelay = time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, _, err := New("monitored list", f).Get(ctx, carrierid.Key{DOT: 1}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Get = %v, want the context's error", err)
	}
}

// set is a set of DOT numbers.
func set(dots ...int) map[int]bool {
	out := make(map[int]bool, len(dots))
	for _, dot := range dots {
		out[dot] = true
	}
	return out
}

// Sync adds what is missing and takes off only the carriers it is told to:
// 150, on the list but not named, stays.
func TestSync(t *testing.T) {
	t.Parallel()
	f := newFake(100, 150, 200)
	for dot := 1000; dot < 1050; dot++ {
		f.known[dot] = "MC1"
	}
	l := New("monitored list", f)
	desired := map[int]carrierid.Key{200: {DOT: 200}, 300: {DOT: 300, Docket: "FF300"}}
	for dot := 1000; dot < 1050; dot++ {
		desired[dot] = carrierid.Key{DOT: dot}
	}
	var progress countingProgress
	res, err := l.Sync(context.Background(), desired, set(100, 200), 4, &progress)
	if err != nil {
		t.Fatal(err)
	}
	if got := progress.String(); got != "planned 51+1, wrote 51+1" {
		t.Errorf("progress heard %s", got)
	}
	if _, kept := res.Entries[150]; res.Added != 51 || res.Removed != 1 || len(res.Entries) != 53 || !kept {
		t.Errorf("Sync added %d, removed %d, holds %d (150 kept: %v); want 51, 1, 53 with 150", res.Added, res.Removed, len(res.Entries), kept)
	}
	if f.adds.Load() != 51 || f.removes.Load() != 1 || f.loads.Load() != 2 {
		t.Errorf("writes %d+%d with %d loads; want exactly the difference and one read-back", f.adds.Load(), f.removes.Load(), f.loads.Load())
	}

	// In sync: no writes, no reload, nothing to report.
	before := f.loads.Load()
	var quiet countingProgress
	if res, err := l.Sync(context.Background(), desired, set(100, 200), 4, &quiet); err != nil || res.Added+res.Removed != 0 || f.loads.Load() != before {
		t.Errorf("second Sync = %+v, %v with %d loads", res, err, f.loads.Load()-before)
	}
	if got := quiet.String(); got != "planned 0+0, wrote 0+0" {
		t.Errorf("progress of a Sync without writes heard %s", got)
	}
}

// countingProgress counts what a Sync reports.
type countingProgress struct {
	plannedAdds, plannedRemoves int
	added, removed              atomic.Int32
}

func (p *countingProgress) Planned(_ context.Context, adds, removes int) {
	p.plannedAdds, p.plannedRemoves = adds, removes
}

func (p *countingProgress) Wrote(_ context.Context, add bool) {
	if add {
		p.added.Add(1)
	} else {
		p.removed.Add(1)
	}
}

func (p *countingProgress) String() string {
	return fmt.Sprintf("planned %d+%d, wrote %d+%d", p.plannedAdds, p.plannedRemoves, p.added.Load(), p.removed.Load())
}

func TestSyncPartialFailureReportsWhatHappened(t *testing.T) {
	t.Parallel()
	f := newFake(100)
	l := New("blocked list", f)
	desired := map[int]carrierid.Key{200: {DOT: 200}, 999: {DOT: 999}, 23868: {DOT: 23868, Docket: "MC113843"}}
	res, err := l.Sync(context.Background(), desired, set(100), 2, nil)
	if err == nil || !strings.Contains(err.Error(), "MCP does not know a carrier with DOT 999") {
		t.Fatalf("Sync error = %v, want the unknown carrier named", err)
	}
	if _, ok := res.Entries[200]; !ok || len(res.Entries) != 2 {
		t.Errorf("Entries = %v; the successful additions must be reported", res.Entries)
	}
	if _, ok := res.Entries[100]; ok {
		t.Error("the successful removal is not reflected")
	}
}

// An interrupted Sync starts no new write and makes no request after the
// interruption, yet reports every write MCP accepted.
func TestSyncCancelledRecordsWhatHappened(t *testing.T) {
	t.Parallel()
	f := newFake()
	for dot := 1; dot <= 100; dot++ {
		f.known[dot] = "MC1"
	}
	l := New("monitored list", f)
	if _, err := l.All(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	f.onAdd = func(n int64) {
		if n == 10 {
			cancel()
		}
	}
	desired := map[int]carrierid.Key{}
	for dot := 1; dot <= 100; dot++ {
		desired[dot] = carrierid.Key{DOT: dot}
	}
	res, err := l.Sync(ctx, desired, nil, 1, nil)
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("Sync = %v, want the interruption reported", err)
	}
	if f.adds.Load() != 10 || len(res.Entries) != 10 {
		t.Errorf("%d writes reached MCP and %d are reported; want 10 and 10", f.adds.Load(), len(res.Entries))
	}
	if f.loads.Load() != 1 {
		t.Errorf("%d loads; the interrupted Sync must not read the list again", f.loads.Load())
	}
	// The next reader sees the list as MCP holds it.
	all, err := l.All(context.Background())
	if err != nil || len(all) != 10 {
		t.Errorf("All after the interruption = %d entries, %v", len(all), err)
	}
}

// A load every caller has given up on stops: no request goes on after
// cancellation.
func TestAbandonedLoadIsCancelled(t *testing.T) {
	t.Parallel()
	f := newFake()
	f.loadDelay = time.Second
	l := New("monitored list", f)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, _, err := l.Get(ctx, carrierid.Key{DOT: 1}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Get = %v", err)
	}
	// The backend saw its context end.
	select {
	case <-f.loadCancelled:
	case <-time.After(time.Second):
		t.Fatal("the abandoned load was not cancelled")
	}
}

// MCP may list a carrier with no docket number, or a docket without its
// leading zeros: neither contradicts the carrier as configured.
func TestMatchesToleratesWhatMCPLeavesOut(t *testing.T) {
	t.Parallel()
	want := carrierid.Key{DOT: 7, Docket: "MC010203"}
	for _, tc := range []struct {
		entry carrierid.Key
		match bool
	}{
		{carrierid.Key{DOT: 7, Docket: "MC010203"}, true},
		{carrierid.Key{DOT: 7}, true},
		{carrierid.Key{DOT: 7, Docket: "MC10203"}, true},
		{carrierid.Key{DOT: 7, Docket: "MC102030"}, false},
		{carrierid.Key{DOT: 7, Docket: "FF10203"}, false},
		{carrierid.Key{DOT: 8, Docket: "MC010203"}, false},
	} {
		e := Entry{Key: tc.entry}
		if got := e.Matches(want); got != tc.match {
			t.Errorf("%v matches %v = %v, want %v", tc.entry, want, got, tc.match)
		}
		if tc.match && e.As(want).Key != want {
			t.Errorf("%v as %v = %v; state must keep the configured spelling", tc.entry, want, e.As(want).Key)
		}
	}
}

// An intrastate-only carrier MCP lists without its DOT number is found
// under the DOT number the caller names: adding it adopts it, without a
// write, and removing it sends MCP's identifiers.
func TestEntryWithoutDOTNumber(t *testing.T) {
	t.Parallel()
	f := newFake()
	f.entries[0] = Entry{Key: carrierid.Key{Intrastate: "TX100042"}, CreatedBy: "portal"}
	l := New("blocked list", f)
	k := carrierid.Key{DOT: 4242, Intrastate: "TX100042"}
	if _, err := l.All(context.Background()); err != nil { // loaded before anyone names it
		t.Fatal(err)
	}
	e, err := l.Add(context.Background(), k)
	if err != nil || e.Key.DOT != 4242 || e.CreatedBy != "portal" || f.adds.Load() != 0 {
		t.Fatalf("Add = %+v, %v with %d writes; want the listed entry adopted without a write", e, err, f.adds.Load())
	}
	all, _ := l.All(context.Background())
	if _, ok := all[4242]; !ok {
		t.Errorf("All = %v; the entry must be listed under its DOT number", all)
	}
}

// AsListed gives the list as MCP lists it, whatever callers taught it: an
// entry without a DOT number stays one, before and after Learn.
func TestAsListedKeepsEntriesWithoutDOTNumber(t *testing.T) {
	t.Parallel()
	f := newFake()
	f.entries[0] = Entry{Key: carrierid.Key{Intrastate: "TX100042"}, CreatedBy: "portal"}
	f.entries[7] = Entry{Key: carrierid.Key{DOT: 7, Docket: "MC7"}}
	l := New("monitored list", f)
	check := func(when string) {
		t.Helper()
		byDOT, withoutDOT, err := l.AsListed(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := byDOT[7]; len(byDOT) != 1 || !ok {
			t.Errorf("%s: by DOT %v, want DOT 7 alone", when, byDOT)
		}
		if len(withoutDOT) != 1 || withoutDOT[0].Key != (carrierid.Key{Intrastate: "TX100042"}) || withoutDOT[0].CreatedBy != "portal" {
			t.Errorf("%s: without DOT %+v, want TX100042 as MCP lists it", when, withoutDOT)
		}
	}
	check("before Learn")
	if o := l.Orphans(); len(o) != 1 || o[0].Key.Intrastate != "TX100042" {
		t.Errorf("Orphans before Learn = %+v, want TX100042", o)
	}
	l.Learn(carrierid.Key{DOT: 4242, Intrastate: "TX100042"})
	if o := l.Orphans(); len(o) != 0 {
		t.Errorf("Orphans after Learn = %+v, want none", o)
	}
	if all, _ := l.All(context.Background()); !all[4242].Learned {
		t.Errorf("All = %v; the learned entry must be under DOT 4242 and marked", all)
	}
	check("after Learn")
}

// MCP may answer a write to a carrier already on the list, or already off
// it, with 400: the list decides, and the write converges.
func TestBadRequestOnRepeatedWriteConverges(t *testing.T) {
	t.Parallel()
	f := newFake()
	l := New("blocked list", f)
	if _, err := l.All(context.Background()); err != nil { // a view without 100
		t.Fatal(err)
	}
	f.mu.Lock()
	f.entries[100] = Entry{Key: carrierid.Key{DOT: 100, Docket: "MC100"}, CreatedBy: "portal"} // blocked since
	f.badRequest = true
	f.mu.Unlock()
	if _, err := l.Add(context.Background(), carrierid.Key{DOT: 100}); err != nil {
		t.Errorf("Add of a carrier already on the list, answered 400: %v", err)
	}
	f.mu.Lock()
	delete(f.entries, 100) // unblocked since
	f.mu.Unlock()
	if err := l.Remove(context.Background(), carrierid.Key{DOT: 100}); err != nil {
		t.Errorf("Remove of a carrier already off the list, answered 400: %v", err)
	}
}
