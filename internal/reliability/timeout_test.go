package reliability

import (
	"context"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

// TestAccReliability_InvitationTimeout: MCP does not answer an invitation
// within request_timeout. The apply fails with a diagnostic that says the
// invitation may have been sent and was not repeated (not merely that MCP
// was slow); the invitation is not recorded; exactly one request reached
// MCP. Once MCP answers again, the next apply sends it, once.
func TestAccReliability_InvitationTimeout(t *testing.T) {
	cli := acctest.CLIUnderTest(t)
	em, rec := emulator.StartRecorded(t, emulator.Options{Carriers: 3000,
		Faults: emulator.Faults{Latency: 5 * time.Second, Operations: []string{"EmailPacketInvitation"}}})
	c := universe(t, em, 1)[0]
	w := newWorkdir(t, cli)
	w.writeConfig(providerBlock(em, `request_timeout = "1s"`) + invitationBlock(c))
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()

	res := w.must(ctx, 1, "apply", "-auto-approve", "-input=false", "-no-color")
	want := acctest.ErrorMatching("Unable to invite carrier DOT", "may or may not have been carried out", "context deadline exceeded",
		"The request may have reached MCP, so the provider did not repeat it", "Find out whether it arrived before applying again")
	if !want.Match(res.Output) {
		t.Errorf("the diagnostic does not say the invitation is uncertain:\n%s", tail(res.Output))
	}
	sent := 0
	for _, r := range rec.Requests() {
		if r.Operation == "EmailPacketInvitation" {
			sent++
		}
	}
	if st := w.showState(ctx); sent != 1 || len(st.Invitations) != 0 {
		t.Fatalf("%d invitation requests reached MCP and %d invitations are recorded; want 1 and 0", sent, len(st.Invitations))
	}

	if err := em.SetFaults(emulator.Faults{}); err != nil {
		t.Fatal(err)
	}
	w.must(ctx, 0, "apply", "-auto-approve", "-input=false", "-no-color")
	checkInvitations(t, "after the second apply", w.showState(ctx).Invitations, viewOf(em).Invitations)
	if n := len(em.Snapshot().Invitations); n != 1 {
		t.Errorf("MCP received %d invitations, want 1", n)
	}
}
