package reliability

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
	"github.com/carrierstate/terraform-provider-mcp/internal/p44emulator"
)

const trackedCarriers = 40

// TestAccReliability_Project44Token applies 40 tracking invitations beside
// 40 mcp_tracking_methods data sources, -parallelism=20, against project44's
// own limit of five tokens a minute: each provider run asks project44 for
// one token however many requests it makes at once (the apply's plan and
// apply walks are a run each), every carrier is invited exactly once, and
// the plan after it asks for one more token and proposes nothing.
func TestAccReliability_Project44Token(t *testing.T) {
	cli := acctest.CLIUnderTest(t)
	em, rec := emulatortest.StartRecorded(t, emulator.Options{Carriers: 3000, Faults: emulator.Faults{Latency: 100 * time.Millisecond,
		Operations: []string{p44emulator.OpTrackingMethods, p44emulator.OpCreateInvitation, p44emulator.OpListInvitations}}})
	var b strings.Builder
	b.WriteString(providerBlock(em, acctest.Project44Block(em)))
	dots := make([]string, trackedCarriers)
	for i := range dots {
		dots[i] = acctest.UntrackedDOT(em, i)
		fmt.Fprintf(&b, `
resource "mcp_tracking_invitation" "c%[1]s" {
  identifiers       = { DOT_NUMBER = %[1]q }
  organization_name = "Carrier %[1]s"
  contacts          = [{ email = "dispatch@carrier%[1]s.example", given_name = "Dispatch" }]
}

data "mcp_tracking_methods" "c%[1]s" {
  identifier_value = %[1]q
}
`, dots[i])
	}
	w := newWorkdir(t, cli)
	w.writeConfig(b.String())
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()

	tokens := func() int { return em.P44().Stats().TokensIssued }
	w.must(ctx, "apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=20")
	if got := tokens(); got != 2 {
		t.Errorf("the apply (a plan run and an apply run) minted %d project44 tokens, want 2", got)
	}
	for _, dot := range dots {
		if err := acctest.ExpectTrackingInvitations(em, "DOT_NUMBER:"+dot, 1)(); err != nil {
			t.Error(err)
		}
	}
	if got := em.P44().Stats().Requests[p44emulator.OpCreateInvitation]; got != trackedCarriers {
		t.Errorf("project44 received %d invitation sends, want %d", got, trackedCarriers)
	}

	from := time.Now()
	w.must(ctx, "plan", "-detailed-exitcode", "-input=false", "-no-color", "-parallelism=20")
	reqs := window(rec.Requests(), from, time.Now())
	if got := tokens(); got != 3 {
		t.Errorf("the plan minted %d project44 tokens, want 1", got-2)
	}
	if peak := maxInFlight(reqs); peak < 5 {
		t.Errorf("at most %d requests were in flight at once; the test needs real concurrency", peak)
	}
	lists := 0
	for _, r := range reqs {
		if r.Operation == p44emulator.OpListInvitations {
			lists++
		}
	}
	if lists != 1 {
		t.Errorf("the plan's refresh of %d invitations listed project44's invitations %d times, want once (one page)", trackedCarriers, lists)
	}
}
