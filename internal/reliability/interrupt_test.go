package reliability

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
)

// TestAccReliability_InterruptedApply stops an apply part-way with SIGINT,
// as Ctrl-C or a CI runner's cancel would, once MCP has processed about a
// third of its writes; latency on every request keeps the apply long enough
// and requests in flight at that moment. It asserts that:
//   - the CLI stops gracefully (one SIGINT) and records part of the work;
//   - the state matches MCP for everything it recorded: every recorded
//     monitored carrier is on MCP's monitored list, the block list records
//     exactly what MCP's blocked list holds, and the invitations recorded
//     are exactly those MCP received, each once;
//   - no invitation request was abandoned in flight (with a real MCP, which
//     carries on with a request whose client went away, an abandoned send
//     is an e-mail whose outcome the provider forgets and sends again);
//   - no request starts later than a short grace after the provider's
//     contexts were cancelled (see checkStopsAtCancel);
//   - the next apply converges, MCP then holds exactly the configuration,
//     each invitation was received exactly once, and the plan is empty.
func TestAccReliability_InterruptedApply(t *testing.T) {
	cli := acctest.CLIUnderTest(t)
	const nMonitored, nBlockList, nInvitations = 120, 200, 40
	latency := emulator.Faults{Latency: 150 * time.Millisecond}
	em, rec := emulatortest.StartRecorded(t, emulator.Options{Carriers: 3000, Faults: latency})
	cs := universe(t, em, nMonitored+nBlockList)
	monitored, blockList := cs[:nMonitored], cs[nMonitored:]
	invited := monitored[:nInvitations]

	var config strings.Builder
	// Four writes at a time keep the block list's Sync in progress when
	// the interrupt comes.
	config.WriteString(providerBlock(em, "list_write_concurrency = 4"))
	for _, c := range monitored {
		config.WriteString(membershipBlock("mcp_monitored_carrier", c))
	}
	config.WriteString(blockListBlock(blockList))
	for _, c := range invited {
		config.WriteString(invitationBlock(c))
	}
	w := newWorkdir(t, cli)
	w.writeConfig(config.String())
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	defer cancel()

	// SIGINT once a third of the writes are done, at a moment when an
	// invitation is in flight (which must be seen through) and a read of a
	// list (which the cancellation aborts, so that it can be observed).
	total := nMonitored + nBlockList + nInvitations
	writesAtSignal := 0
	ready := func() bool {
		writesAtSignal = em.Writes()
		return writesAtSignal >= total/3 && inFlight(em, rec, "EmailPacketInvitation") > 0 && inFlight(em, rec, "MonitoredCarriers", "BlockedCarriers") > 0
	}
	run := w.interrupt(ctx, ready, "apply", "-auto-approve", "-input=false", "-no-color")
	if !run.Signalled {
		t.Fatalf("the apply ended (exit %d) before it could be interrupted:\n%s", run.Code, tail(run.Output))
	}
	if run.SecondSent {
		t.Errorf("the CLI did not stop within two minutes of SIGINT:\n%s", tail(run.Output))
	}
	if run.Code == 0 || !strings.Contains(string(run.Output), "Interrupt received") {
		t.Errorf("the interrupted apply exited %d without reporting the interrupt:\n%s", run.Code, tail(run.Output))
	}

	st := w.showState(ctx)
	mcp := viewOf(em)
	if st.Resources == 0 || st.Resources == nMonitored+1+nInvitations {
		t.Fatalf("the interrupted apply recorded %d of %d resources; want part of them", st.Resources, nMonitored+1+nInvitations)
	}
	failIf(t, "monitored carriers recorded but not monitored", subset("mcp_monitored_carrier", st.Monitored, mcp.Monitored))
	list, listRecorded := st.Lists["mcp_block_list"]
	if listRecorded {
		failIf(t, "the block list does not record exactly what MCP holds", diffLists("recorded block list", list, mcp.Blocked))
	}
	// Not recorded: the interrupted apply was creating the list, and a
	// creation that fails records nothing (a tainted list would be replaced,
	// clearing it first). The next apply adopts what MCP holds: checked
	// below, it unblocks nothing.
	checkInvitations(t, "after the interrupted apply", st, mcp.Invitations)
	reqs := rec.Requests()
	var abandoned []string
	invitationsInFlight := 0 // at SIGINT: what the check below is about
	for _, r := range reqs {
		if r.Operation != "EmailPacketInvitation" {
			continue
		}
		if r.Aborted {
			abandoned = append(abandoned, r.Query)
		}
		if r.Started.Before(run.SignalAt) && r.Finished.After(run.SignalAt) {
			invitationsInFlight++
		}
	}
	failIf(t, "invitation requests abandoned in flight (MCP may have sent them; the provider recorded nothing)", abandoned)
	if invitationsInFlight == 0 {
		t.Errorf("no invitation request was in flight at SIGINT; the test proves nothing about them")
	}
	cancelReport := checkStopsAtCancel(t, reqs, run.SignalAt)

	report := fmt.Sprintf("interrupted apply (%s): SIGINT after %d of %d writes, exit %d %s later; recorded %d monitored of %d (all on MCP's list of %d), "+
		"block list recorded %v with %d carriers (MCP holds %d; a list not recorded is adopted by the next apply), %d invitations recorded of %d (MCP received %d; %d were in flight at SIGINT, none abandoned); %s",
		cli, writesAtSignal, total, run.Code, run.ExitedAt.Sub(run.SignalAt).Round(time.Millisecond),
		len(st.Monitored), nMonitored, len(mcp.Monitored), listRecorded, len(list), len(mcp.Blocked),
		len(st.Invitations), nInvitations, len(mcp.Invitations), invitationsInFlight, cancelReport)
	if t.Failed() {
		t.Fatalf("%s\n%s", report, tail(run.Output))
	}

	// The next apply, without latency, converges.
	if err := em.SetFaults(emulator.Faults{}); err != nil {
		t.Fatal(err)
	}
	from, unblocks := time.Now(), em.Stats().Requests["UnblockCarrier"]
	w.must(ctx, "apply", "-auto-approve", "-input=false", "-no-color")
	if n := em.Stats().Requests["UnblockCarrier"] - unblocks; n != 0 {
		t.Errorf("the apply after the interrupt unblocked %d carriers the configuration names", n)
	}
	took := time.Since(from)
	mcp = viewOf(em)
	failIf(t, "MCP's monitored list differs from the configuration", diffLists("monitored list", mcp.Monitored, want(monitored)))
	failIf(t, "MCP's blocked list differs from the block list", diffLists("blocked list", mcp.Blocked, want(blockList)))
	wantInv := map[invitation]int{}
	for _, c := range invited {
		wantInv[invitation{c.DOT, c.Docket, c.Email}] = 1
	}
	if got := countInvitations(mcp.Invitations); !maps.Equal(got, wantInv) || len(mcp.Invitations) != nInvitations {
		t.Errorf("MCP received %d invitations %v; want each of the %d once", len(mcp.Invitations), got, nInvitations)
	}
	w.must(ctx, "plan", "-detailed-exitcode", "-input=false", "-no-color")
	t.Logf("%s\n  then one apply converged in %s: MCP holds the configuration, %d invitations received once each, empty plan",
		report, took.Round(time.Millisecond), len(mcp.Invitations))
}

// cancelGrace is how long after the provider's contexts were cancelled a
// request may still start: a request the provider sent just before the
// cancellation reaches the emulator's handler a little later on a busy
// machine. Anything later was started after the cancellation.
const cancelGrace = 250 * time.Millisecond

// checkStopsAtCancel asserts that no request starts later than cancelGrace
// after the provider's contexts were cancelled, and describes what
// happened around the interrupt.
//
// What the emulator can observe of the cancellation: when Terraform stops
// the provider (on SIGINT), the provider's in-flight requests are cancelled
// and their connections close; the emulator sees each of those requests
// aborted. The first abort is therefore when the cancellation reached the
// provider's HTTP client. The check is only meaningful if requests were in
// flight at that moment (at least one abort is required) and were being
// started just before it (the rate is reported), so that a provider that
// kept going would have started more.
func checkStopsAtCancel(t *testing.T, reqs []emulator.RequestRecord, signalAt time.Time) string {
	t.Helper()
	var cancelAt time.Time
	aborted := 0
	for _, r := range reqs {
		if r.Aborted && r.Finished.After(signalAt) {
			aborted++
			if cancelAt.IsZero() || r.Finished.Before(cancelAt) {
				cancelAt = r.Finished
			}
		}
	}
	if aborted == 0 {
		t.Errorf("no request was in flight when the provider was cancelled, so the cancellation cannot be observed")
		return "no request aborted"
	}
	var late []string
	var afterSignal, beforeSignal int
	var lastStart time.Time
	for _, r := range reqs {
		if r.Started.After(signalAt) {
			afterSignal++
		}
		if r.Started.After(signalAt.Add(-time.Second)) && !r.Started.After(signalAt) {
			beforeSignal++
		}
		if r.Started.After(lastStart) {
			lastStart = r.Started
		}
		if r.Started.After(cancelAt.Add(cancelGrace)) {
			late = append(late, fmt.Sprintf("%s?%s started %s after the cancellation", r.Operation, r.Query, r.Started.Sub(cancelAt).Round(time.Millisecond)))
		}
	}
	slices.Sort(late)
	failIf(t, "requests started after the provider's contexts were cancelled", late)
	return fmt.Sprintf("cancellation reached the provider %s after SIGINT (%d requests aborted in flight); %d requests started in the second before SIGINT, %d after it, "+
		"the last one %s after the cancellation",
		cancelAt.Sub(signalAt).Round(time.Millisecond), aborted, beforeSignal, afterSignal, lastStart.Sub(cancelAt).Round(time.Millisecond))
}
