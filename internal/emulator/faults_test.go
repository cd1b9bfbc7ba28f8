package emulator

import (
	"net/http"
	"testing"
	"time"
)

// statuses makes n sequential PreviewCarrier calls and returns their
// statuses (-1 for a dropped connection).
func statuses(t *testing.T, a *api, op, query string, n int) []int {
	t.Helper()
	out := make([]int, n)
	for k := range out {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, a.inst.URL+"/api/v1/Carrier/"+op+"?"+query, nil)
		req.Header.Set("Authorization", "bearer "+a.token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			out[k] = -1
			continue
		}
		resp.Body.Close()
		out[k] = resp.StatusCode
	}
	return out
}

func TestFaultRateIsReproducible(t *testing.T) {
	t.Parallel()
	run := func() ([]int, Stats) {
		inst, _ := startTest(t, Options{Carriers: 50, Seed: 7})
		a := newAPI(t, inst)
		if err := inst.SetFaults(Faults{Rate: 0.25, Statuses: []int{429, 500, 503}, Operations: []string{"previewcarrier"}}); err != nil {
			t.Fatal(err)
		}
		return statuses(t, a, "PreviewCarrier", dotQuery(SampleDOTNumber), 400), inst.Stats()
	}
	first, stats := run()
	second, _ := run()
	faults := map[int]int{}
	for k, s := range first {
		faults[s]++
		if second[k] != s {
			t.Fatalf("request %d: %d then %d with the same seed", k, s, second[k])
		}
	}
	failed := 400 - faults[200]
	if failed < 70 || failed > 130 {
		t.Errorf("%d of 400 requests failed at rate 0.25: %v", failed, faults)
	}
	for _, s := range []int{429, 500, 503} {
		if faults[s] == 0 {
			t.Errorf("status %d never injected: %v", s, faults)
		}
	}
	if stats.Faults["PreviewCarrier"] != failed || stats.Requests["PreviewCarrier"] != 400 {
		t.Errorf("stats %+v, want %d faults of 400 requests", stats, failed)
	}
}

func TestFaultAnswers(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50})
	a := newAPI(t, inst)
	tests := []struct {
		faults     Faults
		status     int
		retryAfter string
		body       string
	}{
		{Faults{Rate: 1, Statuses: []int{429}, RetryAfter: 1500 * time.Millisecond}, 429, "2", `{"$id":"1","Message":"Rate limit exceeded. Try again later."}`},
		{Faults{Rate: 1, Statuses: []int{429}}, 429, "", `{"$id":"1","Message":"Rate limit exceeded. Try again later."}`},
		{Faults{Rate: 1, Statuses: []int{503}, RetryAfter: time.Second}, 503, "1", `{"$id":"1","Message":"The service is unavailable."}`},
		{Faults{Rate: 1, Statuses: []int{500}, RetryAfter: time.Second}, 500, "", `{"$id":"1","Message":"An error has occurred."}`},
	}
	for _, tt := range tests {
		if err := inst.SetFaults(tt.faults); err != nil {
			t.Fatal(err)
		}
		r := a.call("MonitoredCarriers", "")
		if r.status != tt.status || r.header.Get("Retry-After") != tt.retryAfter || string(r.body) != tt.body {
			t.Errorf("%+v: HTTP %d Retry-After %q %s", tt.faults, r.status, r.header.Get("Retry-After"), r.body)
		}
	}
	if err := inst.SetFaults(Faults{}); err != nil {
		t.Fatal(err)
	}
	a.ok("MonitoredCarriers", "")
}

func TestFaultsBeforeAndAfterProcessing(t *testing.T) {
	t.Parallel()
	query := "carrierEmail=dispatch%40carrier.example&dotNumber=23868"
	for _, tc := range []struct {
		name        string
		after       bool
		status      int
		invitations int
	}{
		{"drop before", false, 0, 0},
		{"drop after", true, 0, 1},
		{"503 before", false, 503, 0},
		{"503 after", true, 503, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			inst, _ := startTest(t, Options{Carriers: 50})
			a := newAPI(t, inst)
			if err := inst.SetFaults(Faults{Rate: 1, Statuses: []int{tc.status}, Operations: []string{"EmailPacketInvitation"}, After: tc.after}); err != nil {
				t.Fatal(err)
			}
			got := statuses(t, a, "EmailPacketInvitation", query, 1)[0]
			want := tc.status
			if want == 0 {
				want = -1
			}
			if got != want {
				t.Errorf("status %d, want %d", got, want)
			}
			if n := len(inst.Snapshot().Invitations); n != tc.invitations || inst.Writes() != tc.invitations {
				t.Errorf("%d invitations recorded, %d writes; want %d", n, inst.Writes(), tc.invitations)
			}
			// Other operations are not faulted.
			a.ok("PreviewCarrier", dotQuery(SampleDOTNumber))
			if s := inst.Stats(); s.Faults["EmailPacketInvitation"] != 1 || len(s.Faults) != 1 {
				t.Errorf("faults %v", s.Faults)
			}
		})
	}
}

func TestFaultsSpareAdminRoutesAndCoverTheTokenEndpoint(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50, Faults: Faults{Rate: 1, Statuses: []int{503}}})
	if r := admin(t, inst, http.MethodGet, "stats", nil); r.status != http.StatusOK {
		t.Errorf("admin route faulted: HTTP %d", r.status)
	}
	user, pass := inst.Credentials()
	if r := postForm(t, inst, map[string][]string{"grant_type": {"password"}, "username": {user}, "password": {pass}}); r.status != 503 {
		t.Errorf("/token with faults on every operation: HTTP %d", r.status)
	}
	inst.Reset() // back to Options.Faults
	if f := inst.Faults(); f.Rate != 1 {
		t.Errorf("Reset restored faults %+v, want Options.Faults", f)
	}
	if err := inst.SetFaults(Faults{}); err != nil {
		t.Fatal(err)
	}
	newAPI(t, inst).ok("PreviewCarrier", dotQuery(SampleDOTNumber))
}

func TestLatency(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50, Latency: 30 * time.Millisecond})
	a := newAPI(t, inst)
	if err := inst.SetFaults(Faults{Latency: 40 * time.Millisecond, Operations: []string{"BlockedCarriers"}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		op  string
		min time.Duration
	}{{"MonitoredCarriers", 30 * time.Millisecond}, {"BlockedCarriers", 70 * time.Millisecond}} {
		start := time.Now()
		a.ok(tc.op, "")
		if d := time.Since(start); d < tc.min {
			t.Errorf("%s took %v, want at least %v", tc.op, d, tc.min)
		}
	}
	// The admin routes are never delayed: with every operation two seconds
	// slow, one still answers well within one (a bound a loaded machine
	// keeps, unlike one near the injected latency).
	if err := inst.SetFaults(Faults{Latency: 2 * time.Second}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	admin(t, inst, http.MethodGet, "stats", nil)
	if d := time.Since(start); d >= time.Second {
		t.Errorf("admin route delayed %v", d)
	}
}

func TestSetFaultsValidation(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 20})
	for _, f := range []Faults{
		{Rate: 1.5}, {Rate: -0.1}, {Rate: 0.5, Statuses: []int{404}}, {Operations: []string{"Nope"}},
		{RetryAfter: -time.Second}, {Latency: -time.Second},
	} {
		if err := inst.SetFaults(f); err == nil {
			t.Errorf("SetFaults(%+v) accepted", f)
		}
	}
	if err := inst.SetFaults(Faults{Rate: 0.5, Operations: []string{"token", "monitoredcarriers"}}); err != nil {
		t.Fatal(err)
	}
	if ops := inst.Faults().Operations; len(ops) != 2 || ops[0] != "Token" || ops[1] != "MonitoredCarriers" {
		t.Errorf("operations %v, want canonical names", ops)
	}
}
