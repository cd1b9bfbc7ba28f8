package provider

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// progressLines runs writes through a listProgress whose clock advances by
// each between writes, and returns the INFO lines it logged.
func progressLines(t *testing.T, kind listKind, removes, adds int, each time.Duration) []string {
	t.Helper()
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	clock := time.Date(2026, 12, 6, 18, 0, 0, 0, time.UTC)
	p := newListProgress(kind, func() time.Time { return clock })
	p.Planned(ctx, adds, removes)
	for i := range removes + adds {
		clock = clock.Add(each)
		p.Wrote(ctx, i >= removes) // removals first, as Sync makes them
	}
	p.summarize(ctx, adds, removes)
	entries, err := tflogtest.MultilineJSONDecode(&out)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range entries {
		if e["@level"] != "info" {
			t.Errorf("logged at %v, want info: %v", e["@level"], e)
		}
		lines = append(lines, e["@message"].(string)) //nolint:forcetypeassert // a test: a panic is a failure
	}
	return lines
}

func TestListProgress_everyTenth(t *testing.T) {
	t.Parallel()
	// 6 s per tenth: a line at each.
	got := progressLines(t, blockList, 0, 1000, 60*time.Millisecond)
	want := []string{
		"blocked 100 of 1,000", "blocked 200 of 1,000", "blocked 300 of 1,000", "blocked 400 of 1,000", "blocked 500 of 1,000",
		"blocked 600 of 1,000", "blocked 700 of 1,000", "blocked 800 of 1,000", "blocked 900 of 1,000", "blocked 1,000 of 1,000",
		"blocked 1,000 carriers in 1m0s",
	}
	if !slices.Equal(got, want) {
		t.Errorf("lines:\n%q\nwant\n%q", got, want)
	}
}

func TestListProgress_notMoreOftenThanEveryFiveSeconds(t *testing.T) {
	t.Parallel()
	// 1 s per tenth: a line only at the tenths 5 s apart.
	got := progressLines(t, blockList, 3, 1000, 10*time.Millisecond)
	want := []string{"blocked 497 of 1,000", "blocked 997 of 1,000", "blocked 1,000 carriers, unblocked 3 in 10s"}
	if !slices.Equal(got, want) {
		t.Errorf("lines:\n%q\nwant\n%q", got, want)
	}
}

func TestListProgress_monitoringWording(t *testing.T) {
	t.Parallel()
	got := progressLines(t, monitoringList, 2000, 20, 3*time.Millisecond)
	want := []string{"monitoring cancelled for 1,818 of 2,000", "monitoring requested for 20 carriers, monitoring cancelled for 2,000 in 6s"}
	if !slices.Equal(got, want) {
		t.Errorf("lines:\n%q\nwant\n%q", got, want)
	}
	if got := progressLines(t, monitoringList, 1, 0, time.Second); !slices.Equal(got, []string{"monitoring cancelled for 1 carrier in 1s"}) {
		t.Errorf("a single write: %q", got)
	}
}

// A list apply that needs no write logs nothing.
func TestListProgress_nothingToWrite(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	newListProgress(blockList, time.Now).summarize(ctx, 0, 0)
	if out.Len() != 0 {
		t.Errorf("logged %s", out.String())
	}
}
