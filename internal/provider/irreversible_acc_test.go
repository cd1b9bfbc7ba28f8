package provider

import (
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
)

// Plans warn before what cannot be undone. These tests read the CLI's own
// output, where the people who approve a plan read the warnings.

// expectNoSendWarning fails if the output warns of a send or of a destroy
// that cannot unsend.
func expectNoSendWarning(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(out, "Warning: This apply") || strings.Contains(out, "Warning: Destroying") {
		t.Errorf("the output warns of a send:\n%s", out)
	}
}

// A plan that creates or replaces an invitation names the carrier and the
// address it will e-mail; one that changes nothing says nothing; a destroy
// says the e-mail stays sent. Plans send nothing.
func TestAccCarrierInvitation_irreversibleWarnings(t *testing.T) {
	t.Parallel()
	em := acctest.Emulator(t)
	config := func(email string) string {
		return testAccInvitationConfig(em, `
  carrier_email       = "`+email+`"
  dot_number          = "23868"
  docket_number       = "MC113843"
  notification_emails = ["ops@broker.example"]
`)
	}
	d := newCLIDir(t, config("dispatch@sampletrucking.com"))
	sends := func(want int) {
		t.Helper()
		if got := acctest.Requests(em, "EmailPacketInvitation"); got != want {
			t.Errorf("EmailPacketInvitation reached the emulator %d times, want %d", got, want)
		}
	}

	expectOutput(t, d.run(0, "plan"), "Warning: This apply e-mails carrier DOT 23868 / MC113843 at dispatch@sampletrucking.com",
		"The apply sends MCP's packet invitation to this address, and an e-mail cannot be unsent. MCP also notifies ops@broker.example.")
	sends(0)
	d.run(0, "apply", "-auto-approve")
	sends(1)
	expectNoSendWarning(t, d.run(0, "plan"))

	d.write(config("owner@sampletrucking.com"))
	expectOutput(t, d.run(0, "plan"), "Warning: This apply e-mails carrier DOT 23868 / MC113843 at owner@sampletrucking.com",
		"The invitation's arguments changed, so the apply sends a new one to this address; the e-mail already sent stays sent. "+
			"MCP also notifies ops@broker.example.")
	sends(1)

	d.write(config("dispatch@sampletrucking.com"))
	expectOutput(t, d.run(0, "plan", "-destroy"),
		"Warning: Destroying does not unsend the invitation to carrier DOT 23868 / MC113843 at dispatch@sampletrucking.com",
		"The e-mail already sent stays sent: the apply only removes the invitation from Terraform's state, and the carrier "+
			"can still complete the packet from it.")
	d.run(0, "destroy", "-auto-approve")
	sends(1)
}

// A plan that invites a carrier to tracking names it and whom project44
// will e-mail; a destroy says the e-mail stays sent.
func TestAccTrackingInvitation_irreversibleWarnings(t *testing.T) {
	t.Parallel()
	em := acctest.Emulator(t)
	dot := acctest.UntrackedDOT(em)
	d := newCLIDir(t, testAccTrackingConfig(em, trackingBody(dot, "")))

	expectOutput(t, d.run(0, "plan"),
		"Warning: This apply invites carrier DOT_NUMBER:"+dot+" to tracking, e-mailing dispatch@nashtrucking.example",
		"project44 e-mails the invitation as soon as the apply sends it, and an e-mail cannot be unsent. If project44 already "+
			"lists an invitation for the carrier, the apply adopts it instead and sends nothing.")
	if err := acctest.ExpectTrackingSends(em, 0)(); err != nil {
		t.Error(err)
	}
	d.run(0, "apply", "-auto-approve")
	if err := acctest.ExpectTrackingInvitations(em, "DOT_NUMBER:"+dot, 1)(); err != nil {
		t.Error(err)
	}
	expectNoSendWarning(t, d.run(0, "plan"))
	expectOutput(t, d.run(0, "plan", "-destroy"),
		"Warning: Destroying does not cancel the tracking invitation to DOT_NUMBER:"+dot,
		"The e-mail project44 already sent stays sent, and project44 has no way to cancel an invitation")
}
