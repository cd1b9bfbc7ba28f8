package reliability

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
)

const (
	concurrentResources   = 200
	concurrentDataSources = 100
	parallelism           = "-parallelism=50"
)

// concurrentConfig is 200 mcp_monitored_carrier resources and, with reads,
// 100 mcp_carrier_risk_assessment data sources: each data source makes its
// own request, so a plan has many requests in flight at once.
func concurrentConfig(em *emulator.Instance, cs []carrier, reads bool) string {
	var b strings.Builder
	b.WriteString(providerBlock(em, ""))
	for _, c := range cs[:concurrentResources] {
		b.WriteString(membershipBlock("mcp_monitored_carrier", c))
	}
	if reads {
		for _, c := range cs[:concurrentDataSources] {
			fmt.Fprintf(&b, "data \"mcp_carrier_risk_assessment\" \"c%d\" {\n  dot_number = \"%d\"\n}\n", c.DOT, c.DOT)
		}
	}
	return b.String()
}

// TestAccReliability_Concurrency runs the CLI with -parallelism=50 over 200
// resources:
//   - one token: a plan that refreshes the 200 resources and reads 100 data
//     sources, up to 50 requests in flight at once, requests one token;
//   - expiring tokens: when tokens expire every second under such a plan
//     (run ten at a time, so that it outlives several tokens), in-flight
//     requests are refused (401) and the provider asks for one new token
//     per expiry, not one per request;
//   - cancellation: an apply of 200 resources interrupted with SIGINT starts
//     no request later than a short grace after the provider's contexts were
//     cancelled.
func TestAccReliability_Concurrency(t *testing.T) {
	cli := acctest.CLIUnderTest(t)
	t.Run("one token", func(t *testing.T) {
		em, rec := emulatortest.StartRecorded(t, emulator.Options{Carriers: 3000, Faults: emulator.Faults{Latency: 300 * time.Millisecond}})
		cs := universe(t, em, concurrentResources)
		w := newWorkdir(t, cli)
		w.writeConfig(concurrentConfig(em, cs, true))
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
		defer cancel()
		w.must(ctx, "apply", "-auto-approve", "-input=false", "-no-color", parallelism)
		if n := len(em.Snapshot().Monitored); n != concurrentResources {
			t.Fatalf("MCP monitors %d carriers, want %d", n, concurrentResources)
		}

		tokens := em.Stats().Requests["Token"]
		from := time.Now()
		w.must(ctx, "plan", "-detailed-exitcode", "-input=false", "-no-color", parallelism)
		reqs := window(rec.Requests(), from, time.Now())
		got := em.Stats().Requests["Token"] - tokens
		peak := maxInFlight(reqs)
		t.Logf("plan %s over %d resources and %d data sources: %d requests, up to %d in flight at once, %d token request(s), in %s",
			parallelism, concurrentResources, concurrentDataSources, len(reqs), peak, got, time.Since(from).Round(time.Millisecond))
		if got != 1 {
			t.Errorf("the plan made %d token requests, want 1", got)
		}
		if peak < 10 {
			t.Errorf("at most %d requests were in flight at once; the test needs real concurrency", peak)
		}
	})

	t.Run("expiring tokens", func(t *testing.T) {
		const ttl = time.Second
		// Latency on the reads, not on /token: a token then expires while
		// requests the provider sent with it are still on their way.
		em, rec := emulatortest.StartRecorded(t, emulator.Options{Carriers: 3000, TokenTTL: ttl,
			Faults: emulator.Faults{Latency: 400 * time.Millisecond, Operations: []string{"GetCarrierRiskAssessment", "MonitoredCarriers"}}})
		cs := universe(t, em, concurrentResources)
		w := newWorkdir(t, cli)
		w.writeConfig(concurrentConfig(em, cs, true))
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
		defer cancel()
		from := time.Now()
		// Ten at a time: the 100 reads then flow for about four token
		// lifetimes, so that some are sent late in each one (at 50 they
		// would be done in two waves, before a token grew old).
		const flowing = "-parallelism=10"
		w.must(ctx, "plan", "-input=false", "-no-color", flowing)
		took := time.Since(from)
		reqs := window(rec.Requests(), from, time.Now())
		tokens, refused := 0, 0
		for _, r := range reqs {
			switch {
			case r.Operation == "Token":
				tokens++
			case r.Status == 401:
				refused++
			}
		}
		// A token is renewed after 90% of its lifetime (0.9s), and refused
		// requests are repeated with the token that replaced it.
		bound := 1 + int(math.Ceil(took.Seconds()/0.9))
		t.Logf("plan %s with tokens expiring every %s: %d requests in %s, up to %d in flight, %d refused (401) and repeated, %d token requests (bound %d)",
			flowing, ttl, len(reqs), took.Round(time.Millisecond), maxInFlight(reqs), refused, tokens, bound)
		if tokens > bound {
			t.Errorf("%d token requests in %s, want at most %d: one per expiry, shared by every request", tokens, took.Round(time.Millisecond), bound)
		}
		if tokens < 2 || refused == 0 {
			t.Errorf("%d token requests and %d refused requests: no token expired under requests in flight, so the test proves nothing", tokens, refused)
		}
	})

	t.Run("cancellation", func(t *testing.T) {
		em, rec := emulatortest.StartRecorded(t, emulator.Options{Carriers: 3000, Faults: emulator.Faults{Latency: 300 * time.Millisecond}})
		cs := universe(t, em, concurrentResources)
		w := newWorkdir(t, cli)
		w.writeConfig(concurrentConfig(em, cs, false))
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
		defer cancel()
		// SIGINT once some carriers are monitored, at a moment when writes
		// (which are seen through) and a read of the list (which a
		// cancellation aborts, so that it can be observed) are in flight:
		// every Create then has something left to do, and must not do it.
		ready := func() bool {
			return em.Writes() >= 20 && inFlight(em, rec, "RequestMonitoring") > 0 && inFlight(em, rec, "MonitoredCarriers") > 0
		}
		run := w.interrupt(ctx, ready, "apply", "-auto-approve", "-input=false", "-no-color", parallelism)
		if !run.Signalled || run.SecondSent || run.Code == 0 {
			t.Fatalf("apply: signalled %v, forced %v, exit %d:\n%s", run.Signalled, run.SecondSent, run.Code, tail(run.Output))
		}
		report := checkStopsAtCancel(t, rec.Requests(), run.SignalAt)
		st := w.showState(ctx)
		t.Logf("apply %s of %d resources interrupted (%d writes reached MCP in all); exit %d %s after SIGINT; %d recorded, MCP monitors %d; %s",
			parallelism, concurrentResources, em.Writes(), run.Code, run.ExitedAt.Sub(run.SignalAt).Round(time.Millisecond),
			len(st.Monitored), len(em.Snapshot().Monitored), report)
		failIf(t, "monitored carriers recorded but not monitored", subset("mcp_monitored_carrier", st.Monitored, viewOf(em).Monitored))
		if len(st.Monitored) == concurrentResources {
			t.Errorf("every resource was created: the interrupt came too late to test anything")
		}
	})
}

// inFlight counts requests of the operations that have reached the
// emulator and not ended: the emulator counts a request when it arrives,
// the recorder when it ends.
func inFlight(em *emulator.Instance, rec *emulator.Recorder, ops ...string) int {
	stats := em.Stats()
	n := 0
	for _, op := range ops {
		n += stats.Requests[op]
	}
	for _, r := range rec.Requests() {
		for _, op := range ops {
			if r.Operation == op {
				n--
			}
		}
	}
	return n
}
