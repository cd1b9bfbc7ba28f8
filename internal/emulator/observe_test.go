package emulator

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"
)

// The recorder logs every API request with its timing and answer, captures
// the tokens /token issued, and changes nothing the client sees.
func TestRecorder(t *testing.T) {
	t.Parallel()
	inst, rec := startRecorded(t, Options{Carriers: 50, Now: newFakeClock().Now})
	a := newAPI(t, inst)

	// The same answer as without a recorder.
	r := a.ok("PreviewCarrier", dotQuery(SampleDOTNumber))
	if ct := r.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type = %q through the recorder", ct)
	}
	if r := a.call("Nope", ""); r.status != http.StatusNotFound {
		t.Errorf("unknown action: HTTP %d", r.status)
	}
	// A dropped connection stays dropped.
	if err := inst.SetFaults(Faults{Rate: 1, Statuses: []int{0}, Operations: []string{"MonitoredCarriers"}}); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, inst.URL+"/api/v1/Carrier/MonitoredCarriers", nil)
	req.Header.Set("Authorization", "bearer "+a.token)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("dropped connection answered HTTP %d", resp.StatusCode)
	}
	admin(t, inst, http.MethodGet, "stats", nil) // admin routes are not recorded

	got := waitRecorded(rec, 4)
	want := []struct {
		op      string
		status  int
		dropped bool
	}{{"Token", 200, false}, {"PreviewCarrier", 200, false}, {"/api/v1/Carrier/Nope", 404, false}, {"MonitoredCarriers", 0, true}}
	if len(got) != len(want) {
		t.Fatalf("recorded %d requests, want %d: %+v", len(got), len(want), got)
	}
	for k, w := range want {
		g := got[k]
		if g.Operation != w.op || g.Status != w.status || g.Dropped != w.dropped || g.Aborted {
			t.Errorf("request %d = %+v, want %s %d dropped=%v", k, g, w.op, w.status, w.dropped)
		}
		if g.Started.IsZero() || g.Finished.Before(g.Started) {
			t.Errorf("request %d times %v .. %v", k, g.Started, g.Finished)
		}
	}
	if got[1].Query != dotQuery(SampleDOTNumber) {
		t.Errorf("query = %q", got[1].Query)
	}
	if toks := rec.Tokens(); len(toks) != 2 || toks[0] != a.token {
		t.Errorf("tokens = %q, want the access token %q and its refresh token", toks, a.token)
	}
	rec.Reset()
	if n := len(rec.Requests()); n != 0 {
		t.Errorf("%d requests after Reset", n)
	}
}

// A request its client gives up on while the emulator waits out latency is
// recorded as aborted, and does not run.
func TestRecorderAborted(t *testing.T) {
	t.Parallel()
	inst, rec := startRecorded(t, Options{Carriers: 50, Faults: Faults{Latency: 5 * time.Second, Operations: []string{"RequestMonitoring"}}})
	a := newAPI(t, inst)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, inst.URL+"/api/v1/Carrier/RequestMonitoring?"+dotQuery(SampleDOTNumber), nil)
	req.Header.Set("Authorization", "bearer "+a.token)
	if resp, err := http.DefaultClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		if err == nil {
			resp.Body.Close()
		}
		t.Fatalf("request = %v, want the client's deadline", err)
	}
	got := waitRecorded(rec, 2)
	i := slices.IndexFunc(got, func(r RequestRecord) bool { return r.Operation == "RequestMonitoring" })
	if i < 0 || !got[i].Aborted || got[i].Status != 0 || got[i].Finished.Sub(got[i].Started) > 4*time.Second {
		t.Fatalf("requests = %+v, want RequestMonitoring aborted promptly", got)
	}
	if n := inst.Writes(); n != 0 || len(inst.Snapshot().Monitored) != 0 {
		t.Errorf("the aborted request ran: %d writes", n)
	}
}

// waitRecorded waits (a little) until n requests are recorded: a client can
// see a dropped or abandoned request end before the emulator's handler has.
func waitRecorded(rec *Recorder, n int) []RequestRecord {
	deadline := time.Now().Add(5 * time.Second)
	for len(rec.Requests()) < n && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	return rec.Requests()
}
