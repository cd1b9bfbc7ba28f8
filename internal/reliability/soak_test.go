package reliability

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// soakFaults fail a fifth of all requests, the token endpoint's included:
// 429 with Retry-After, 500, 503 and dropped connections, all before MCP
// acts on the request, plus latency on every request.
var soakFaults = emulator.Faults{
	Rate:       0.2,
	Statuses:   []int{429, 500, 503, 0},
	RetryAfter: time.Second,
	Latency:    3 * time.Millisecond,
}

// uncertainDiagnostic is how a diagnostic says a send may have happened.
var uncertainDiagnostic = acctest.ErrorMatching("may or may not have been carried out")

// maxSoakApplies bounds the applies the soak may need. Under faults an
// apply can fail part-way (a request failing seven times in a row, or an
// addition MCP refused): the next apply makes what is left. An invitation
// whose send fails uncertainly (a 500, 503 or dropped connection) is not
// such a failure: it is recorded as unconfirmed and never sent again. After
// six applies the chance that work is still left is negligible, and it
// shrinks with the work.
const maxSoakApplies = 6

// TestAccReliability_FaultSoak applies one configuration of 300 monitored
// carriers, 100 blocked carriers, a block list of 500 and 20 invitations
// (MCP_SOAK_SCALE times that; make soak uses 10) while the emulator fails a
// fifth of all requests, adds latency and lets access tokens expire every
// three seconds. It asserts that:
//   - after every apply, the state records nothing MCP does not hold, every
//     invitation MCP received is recorded exactly once, and no invitation
//     request was repeated after a failure that left its outcome uncertain;
//   - the applies converge within maxSoakApplies;
//   - MCP then holds exactly the configuration: the monitored list, the
//     blocked list and the invitations, EmailPacketInvitation processed
//     exactly once per invitation (the emulator's record, its 200 answers,
//     and its request count less faults and refused tokens all agree);
//   - the next plan is empty (plan -detailed-exitcode exits 0), faults still on.
func TestAccReliability_FaultSoak(t *testing.T) {
	cli := acctest.CLIUnderTest(t)
	k := scale(t, "MCP_SOAK_SCALE")
	n := struct{ monitored, blocked, blockList, invitations int }{300 * k, 100 * k, 500 * k, 20 * k}
	em, rec := emulatortest.StartRecorded(t, emulator.Options{
		Carriers: max(3000, 2*(n.monitored+n.blockList)),
		TokenTTL: 3 * time.Second,
		Latency:  2 * time.Millisecond,
		Faults:   soakFaults,
	})
	cs := universe(t, em, n.monitored+n.blockList)
	monitored, blockList := cs[:n.monitored], cs[n.monitored:]
	// mcp_blocked_carrier and mcp_block_list manage the same MCP list, and
	// the list resource fails the plan (its default unmanaged_carriers) on
	// every carrier it does not declare. For the configuration to be coherent (rather than the two fighting on
	// every apply, as the docs warn), the block list's carriers INCLUDE the
	// carriers of the mcp_blocked_carrier resources: they are its first
	// n.blocked entries.
	blocked := blockList[:n.blocked]
	invited := make([]carrier, 0, n.invitations)
	for i := 0; len(invited) < n.invitations; i += len(monitored) / n.invitations {
		invited = append(invited, monitored[i])
	}

	var config strings.Builder
	config.WriteString(providerBlock(em, ""))
	for _, c := range monitored {
		config.WriteString(membershipBlock("mcp_monitored_carrier", c))
	}
	for _, c := range blocked {
		config.WriteString(membershipBlock("mcp_blocked_carrier", c))
	}
	config.WriteString("# Includes every carrier of the mcp_blocked_carrier resources above: both manage MCP's one blocked list.\n")
	config.WriteString(blockListBlock(blockList))
	for _, c := range invited {
		config.WriteString(invitationBlock(c))
	}
	w := newWorkdir(t, cli)
	w.writeConfig(config.String())

	ctx, cancel := context.WithTimeout(t.Context(), time.Duration(k)*20*time.Minute)
	defer cancel()
	start := time.Now()
	type applyRun struct {
		code     int
		took     time.Duration
		errors   map[string]int
		recorded int
	}
	var applies []applyRun
	for len(applies) < maxSoakApplies {
		from := time.Now()
		res := w.run(ctx, "apply", "-auto-approve", "-input=false", "-no-color")
		to := time.Now()
		label := fmt.Sprintf("after apply %d", len(applies)+1)
		st := checkSoakState(t, w, em, label)
		applied := window(rec.Requests(), from, to)
		checkNotRepeated(t, label, applied)
		// Every invitation whose send MCP may have seen fail is reported as
		// such, and only those.
		if told, saw := len(uncertainDiagnostic.FindAll(res.Output, -1)), uncertainInvitations(applied); told != saw {
			t.Errorf("%s: %d diagnostics say an invitation may or may not have been sent; MCP saw %d invitation requests fail", label, told, saw)
		}
		applies = append(applies, applyRun{res.Code, to.Sub(from), errorSummaries(res.Output), st.Resources})
		if t.Failed() {
			t.Fatalf("%s (exit %d):\n%s", label, res.Code, tail(res.Output))
		}
		if res.Code == 0 {
			break
		}
		for summary := range errorSummaries(res.Output) {
			if !expectedUnderFaults(summary) {
				t.Fatalf("%s: unexpected error %q:\n%s", label, summary, tail(res.Output))
			}
		}
	}
	applyTime := time.Since(start)
	if last := applies[len(applies)-1]; last.code != 0 {
		t.Fatalf("no convergence in %d applies: %+v", maxSoakApplies, applies)
	}

	// MCP holds exactly the configuration. An invitation recorded as
	// unconfirmed was received once or not at all: its send was never
	// repeated, and re-sending it is for people to decide.
	mcp := viewOf(em)
	final := w.showState(ctx)
	failIf(t, "MCP's monitored list differs from the configuration", diffLists("monitored list", mcp.Monitored, want(monitored)))
	failIf(t, "MCP's blocked list differs from the block list", diffLists("blocked list", mcp.Blocked, want(blockList)))
	received := countInvitations(mcp.Invitations)
	var problems []string
	unconfirmed, unconfirmedReceived := 0, 0
	for _, c := range invited {
		inv := invitation{c.DOT, c.Docket, c.Email}
		switch n := received[inv]; {
		case final.Unconfirmed[inv] && n <= 1:
			unconfirmed++
			unconfirmedReceived += n
		case n != 1:
			problems = append(problems, fmt.Sprintf("%s received %d times", inv, n))
		}
	}
	failIf(t, "invitations MCP received", problems)
	reqs := rec.Requests()
	stats := em.Stats()
	const epi = "EmailPacketInvitation"
	var epiOK, epi401 int
	for _, r := range reqs {
		if r.Operation == epi && r.Status == 200 {
			epiOK++
		}
		if r.Operation == epi && r.Status == 401 {
			epi401++
		}
	}
	// Every request was answered 200, failed by a fault, or refused for an
	// expired token; each confirmed invitation was answered 200 once.
	wantProcessed, wantOK := n.invitations-unconfirmed+unconfirmedReceived, n.invitations-unconfirmed
	if len(mcp.Invitations) != wantProcessed || epiOK != wantOK || stats.Requests[epi] != epiOK+stats.Faults[epi]+epi401 {
		t.Errorf("EmailPacketInvitation: %d processed, %d answered 200, %d requests = %d faults + %d refused tokens + the rest; "+
			"want %d processed (%d unconfirmed, %d of them received) and %d answered 200, and no other request",
			len(mcp.Invitations), epiOK, stats.Requests[epi], stats.Faults[epi], epi401, wantProcessed, unconfirmed, unconfirmedReceived, wantOK)
	}

	// The next plan is empty. Faults are still on: a plan that fails (exit
	// 1, every retry exhausted) is run again, a plan with changes is not.
	var planCode, plans int
	var planTook time.Duration
	for plans < 3 {
		plans++
		from := time.Now()
		res := w.run(ctx, "plan", "-detailed-exitcode", "-input=false", "-no-color")
		planCode, planTook = res.Code, time.Since(from)
		if res.Code == 2 {
			t.Fatalf("the plan after convergence is not empty:\n%s", tail(res.Output))
		}
		if res.Code == 0 {
			break
		}
		t.Logf("plan %d failed under faults (exit %d), trying again:\n%s", plans, res.Code, tfcli.Tail(res.Output, 10))
	}
	if planCode != 0 {
		t.Fatalf("plan -detailed-exitcode exited %d three times", planCode)
	}

	// The figures.
	faults := statusCounts(reqs)
	var b strings.Builder
	fmt.Fprintf(&b, "fault soak (%s, scale %d): %d monitored, %d blocked, block list of %d (including the %d), %d invitations; %d resources\n",
		cli, k, n.monitored, n.blocked, n.blockList, n.blocked, n.invitations, n.monitored+n.blocked+1+n.invitations)
	for i, a := range applies {
		fmt.Fprintf(&b, "  apply %d: exit %d in %s, %d resources recorded, errors %v\n", i+1, a.code, a.took.Round(time.Millisecond), a.recorded, a.errors)
	}
	fmt.Fprintf(&b, "  applies needed: %d, %s in all; empty plan in %s\n", len(applies), applyTime.Round(time.Second), planTook.Round(time.Millisecond))
	fmt.Fprintf(&b, "  requests: %d; injected faults %d (429: %d, 500: %d, 503: %d, dropped: %d); expired tokens refused (401): %d\n",
		len(reqs), sum(stats.Faults), faults[429], faults[500], faults[503], countDropped(reqs), faults[401])
	fmt.Fprintf(&b, "  retries (faults and refused tokens the client repeated): %d; uncertain invitation sends recorded as unconfirmed, not repeated: %d\n",
		sum(stats.Faults)+faults[401]-uncertainInvitations(reqs), uncertainInvitations(reqs))
	fmt.Fprintf(&b, "  token requests: %d (%d tokens issued) over %d CLI commands\n", stats.Requests["Token"], stats.TokensIssued, len(applies)+plans)
	fmt.Fprintf(&b, "  EmailPacketInvitation: %d requests, %d faults, %d refused tokens, %d processed; %d recorded unconfirmed (%d of them received)\n",
		stats.Requests[epi], stats.Faults[epi], epi401, len(mcp.Invitations), unconfirmed, unconfirmedReceived)
	fmt.Fprintf(&b, "  requests per operation: %v", stats.Requests)
	t.Log(b.String())
}

// checkSoakState checks what may hold at any point of the soak: the state
// records nothing MCP does not hold, and the invitations MCP received are
// exactly the recorded ones, each once.
func checkSoakState(t *testing.T, w *workdir, em *emulator.Instance, label string) recorded {
	t.Helper()
	st := w.showState(t.Context())
	mcp := viewOf(em)
	failIf(t, label+": monitored carriers recorded but not monitored", subset("mcp_monitored_carrier", st.Monitored, mcp.Monitored))
	failIf(t, label+": blocked carriers recorded but not blocked", subset("mcp_blocked_carrier", st.Blocked, mcp.Blocked))
	if l, ok := st.Lists["mcp_block_list"]; ok {
		failIf(t, label+": block list entries recorded but not blocked", subset("mcp_block_list", l, mcp.Blocked))
	}
	checkInvitations(t, label, st, mcp.Invitations)
	return st
}

// checkInvitations: every invitation received is recorded, every one
// recorded was received unless it is recorded as unconfirmed (MCP may or
// may not have received it), and none was received twice.
func checkInvitations(t *testing.T, label string, st recorded, received []invitation) {
	t.Helper()
	recv, recd := countInvitations(received), countInvitations(st.Invitations)
	var problems []string
	for i, n := range recv {
		if n > 1 {
			problems = append(problems, fmt.Sprintf("%s received %d times", i, n))
		}
		if recd[i] == 0 {
			problems = append(problems, fmt.Sprintf("%s received but not recorded: the next apply would send it again", i))
		}
	}
	for i := range recd {
		if recv[i] == 0 && !st.Unconfirmed[i] {
			problems = append(problems, fmt.Sprintf("%s recorded as sent but never received", i))
		}
	}
	slices.Sort(problems)
	failIf(t, label+": invitations", problems)
}

// checkNotRepeated: within one CLI command, an invitation request is only
// sent again after an answer that proves MCP did not act (429, or 401 for
// an expired token), never after a 500, 503 or dropped connection.
func checkNotRepeated(t *testing.T, label string, reqs []emulator.RequestRecord) {
	t.Helper()
	byQuery := map[string][]emulator.RequestRecord{}
	for _, r := range reqs {
		if r.Operation == "EmailPacketInvitation" {
			byQuery[r.Query] = append(byQuery[r.Query], r)
		}
	}
	var problems []string
	for q, list := range byQuery {
		slices.SortFunc(list, func(a, b emulator.RequestRecord) int { return a.Started.Compare(b.Started) })
		for _, r := range list[:len(list)-1] {
			if r.Status != 429 && r.Status != 401 {
				problems = append(problems, fmt.Sprintf("%s: sent again after status %d (dropped %v)", q, r.Status, r.Dropped))
			}
		}
	}
	failIf(t, label+": invitation requests repeated after an uncertain failure", problems)
}

// expectedUnderFaults reports whether a failed apply's error is one the
// faults explain: an uncertain invitation, or retries exhausted (at plan
// time too: "Unable to put carrier" is a list addition whose PreviewCarrier
// check failed six times in a row, before anything was written).
func expectedUnderFaults(summary string) bool {
	for _, prefix := range []string{"Unable to invite carrier", "Unable to read", "Unable to monitor", "Unable to block",
		"Unable to update the", "Unable to reach MCP", "Unable to put carrier"} {
		if strings.HasPrefix(summary, prefix) {
			return true
		}
	}
	return false
}

// uncertainInvitations counts invitation requests that failed with a
// server error or a dropped connection: sends the client reports and does
// not repeat.
func uncertainInvitations(reqs []emulator.RequestRecord) int {
	n := 0
	for _, r := range reqs {
		if r.Operation == "EmailPacketInvitation" && (r.Status == 500 || r.Status == 503 || r.Dropped) {
			n++
		}
	}
	return n
}

func countDropped(reqs []emulator.RequestRecord) int {
	n := 0
	for _, r := range reqs {
		if r.Dropped {
			n++
		}
	}
	return n
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func tail(out []byte) string { return tfcli.Tail(out, 60) }
