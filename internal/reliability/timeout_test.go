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
)

// TestAccReliability_InvitationTimeout: MCP does not answer an invitation
// within request_timeout. The apply warns that the invitation may have been
// sent and was not repeated (not merely that MCP was slow), and records it
// as unconfirmed; exactly one request reached MCP. Once MCP answers again,
// the next apply sends nothing and every plan still says so, until
// resend_triggers sends it again, on purpose: once.
func TestAccReliability_InvitationTimeout(t *testing.T) {
	cli := acctest.CLIUnderTest(t)
	em, rec := emulatortest.StartRecorded(t, emulator.Options{Carriers: 3000,
		Faults: emulator.Faults{Latency: 5 * time.Second, Operations: []string{"EmailPacketInvitation"}}})
	c := universe(t, em, 1)[0]
	w := newWorkdir(t, cli)
	config := func(triggers string) string {
		return providerBlock(em, `request_timeout = "1s"`) +
			strings.Replace(invitationBlock(c), "\n}\n", "\n  resend_triggers = "+triggers+"\n}\n", 1)
	}
	w.writeConfig(config("{}"))
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	sent := func() int {
		n := 0
		for _, r := range rec.Requests() {
			if r.Operation == "EmailPacketInvitation" {
				n++
			}
		}
		return n
	}

	res := w.must(ctx, "apply", "-auto-approve", "-input=false", "-no-color")
	want := acctest.ErrorMatching(fmt.Sprintf("Warning: Invitation to carrier DOT %d (%s) may not have been sent", c.DOT, c.Email),
		"may or may not have been carried out", "context deadline exceeded",
		"send_confirmed = false", "no apply sends it again on its own", "change resend_triggers")
	if !want.Match(res.Output) {
		t.Errorf("the apply does not warn that the invitation is uncertain:\n%s", tail(res.Output))
	}
	st := w.showState(ctx)
	if sent() != 1 || len(st.Invitations) != 1 || len(st.Unconfirmed) != 1 {
		t.Fatalf("%d invitation requests reached MCP, %d invitations are recorded, %d unconfirmed; want 1, 1 and 1", sent(), len(st.Invitations), len(st.Unconfirmed))
	}

	if err := em.SetFaults(emulator.Faults{}); err != nil {
		t.Fatal(err)
	}
	res = w.must(ctx, "plan", "-detailed-exitcode", "-input=false", "-no-color")
	if !acctest.ErrorMatching("is unconfirmed", "may or may not have received it", "change resend_triggers").Match(res.Output) {
		t.Errorf("the plan does not say the invitation is unconfirmed:\n%s", tail(res.Output))
	}
	w.must(ctx, "apply", "-auto-approve", "-input=false", "-no-color")
	if n := sent(); n != 1 {
		t.Fatalf("after a second apply, %d invitation requests reached MCP; want still 1", n)
	}

	w.writeConfig(config(`{ retry = "1" }`))
	w.must(ctx, "apply", "-auto-approve", "-input=false", "-no-color")
	st = w.showState(ctx)
	if n := sent(); n != 2 || len(st.Unconfirmed) != 0 {
		t.Errorf("after resend_triggers changed, %d invitation requests reached MCP and %d are unconfirmed; want 2 and 0", n, len(st.Unconfirmed))
	}
	if n := len(st.Invitations); n != 1 {
		t.Errorf("%d invitations recorded after the resend, want 1", n)
	}
}
