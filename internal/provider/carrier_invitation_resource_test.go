package provider

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

const invitationAddress = "mcp_carrier_invitation.test"

func testAccInvitationConfig(em *emulator.Instance, body string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf(`
resource "mcp_carrier_invitation" "test" {
%s
}
`, body)
}

// expectInvitations fails unless the emulator received exactly these
// invitations, compared by DOT number, e-mail, user and CC list.
func expectInvitations(em *emulator.Instance, want ...emulator.Invitation) func() error {
	return func() error {
		got := em.Snapshot().Invitations
		if len(got) != len(want) {
			return fmt.Errorf("emulator received %d invitations, want %d: %+v", len(got), len(want), got)
		}
		for i, w := range want {
			g := got[i]
			if g.DOTNumber != w.DOTNumber || g.DocketNumber != w.DocketNumber || g.CarrierEmail != w.CarrierEmail ||
				g.UserName != w.UserName || g.SendConfirmationEmail != w.SendConfirmationEmail || !slices.Equal(g.NotificationEmails, w.NotificationEmails) {
				return fmt.Errorf("invitation %d = %+v, want %+v", i, g, w)
			}
		}
		return nil
	}
}

var rfc3339 = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

// Sending, then a packet completed in the portal showing in the next plan,
// then resend_triggers sending again; destroying sends nothing and MCP keeps
// what it received.
func TestAccCarrierInvitation_lifecycle(t *testing.T) {
	em := acctest.Emulator(t)
	first := emulator.Invitation{DOTNumber: 23868, DocketNumber: "MC113843", CarrierEmail: "dispatch@sampletrucking.com",
		UserName: "brenda", SendConfirmationEmail: true, NotificationEmails: []string{"ops@broker.example", "sales@broker.example"}}
	body := func(triggers string) string {
		return fmt.Sprintf(`
  carrier_email           = "dispatch@sampletrucking.com"
  dot_number              = 23868
  docket_number           = "MC113843"
  user_name               = "brenda"
  send_confirmation_email = true
  notification_emails     = ["ops@broker.example", "sales@broker.example"]
  resend_triggers         = { round = %q }
`, triggers)
	}
	sentAt := statecheck.CompareValue(compare.ValuesDiffer())
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return expectInvitations(em, first, first)() },
		Steps: []resource.TestStep{
			{
				Config: testAccInvitationConfig(em, body("1")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("id"), knownvalue.StringExact("23868/MC113843/dispatch@sampletrucking.com")),
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("sent_at"), knownvalue.StringRegexp(rfc3339)),
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("packet_completed"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("packet_completed_at"), knownvalue.Null()),
					sentAt.AddStateValue(invitationAddress, tfjsonpath.New("sent_at")),
					acctest.Check(expectInvitations(em, first)),
				},
			},
			{
				// The carrier completes the packet: the refresh shows it,
				// and nothing is sent again.
				PreConfig: func() {
					if err := em.CompletePacket(23868); err != nil {
						t.Fatal(err)
					}
				},
				Config: testAccInvitationConfig(em, body("1")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(invitationAddress, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("packet_completed"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("packet_completed_at"), knownvalue.StringRegexp(rfc3339)),
					acctest.Check(expectInvitations(em, first)),
				},
			},
			{
				// A new trigger sends the invitation again (a replacement):
				// a fresh send time, and the old completion no longer counts.
				// Send times have whole seconds, so let one pass.
				PreConfig: func() { time.Sleep(time.Second) },
				Config:    testAccInvitationConfig(em, body("2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(invitationAddress, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sentAt.AddStateValue(invitationAddress, tfjsonpath.New("sent_at")),
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("packet_completed"), knownvalue.Bool(false)),
					acctest.Check(expectInvitations(em, first, first)),
				},
			},
		},
	})
}

// Every argument replaces: changing the address sends to the new one.
func TestAccCarrierInvitation_replaceOnArgument(t *testing.T) {
	em := acctest.Emulator(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: testAccInvitationConfig(em, `
  carrier_email = "a@sampletrucking.com"
  dot_number    = "23868"
`)},
			{
				Config: testAccInvitationConfig(em, `
  carrier_email = "b@sampletrucking.com"
  dot_number    = "23868"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(invitationAddress, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("id"), knownvalue.StringExact("23868/b@sampletrucking.com")),
					acctest.Check(expectInvitations(em,
						emulator.Invitation{DOTNumber: 23868, DocketNumber: "MC113843", CarrierEmail: "a@sampletrucking.com"},
						emulator.Invitation{DOTNumber: 23868, DocketNumber: "MC113843", CarrierEmail: "b@sampletrucking.com"})),
				},
			},
		},
	})
}

// notification_emails = [] notifies no one, as leaving it out does: the send
// carries no notificationEmails, and changing between the two is an update
// in place that sends nothing, since an e-mail to a carrier goes out once.
func TestAccCarrierInvitation_emptyNotificationEmails(t *testing.T) {
	em := acctest.Emulator(t)
	config := func(notify string) string {
		return testAccInvitationConfig(em, `
  carrier_email = "dispatch@sampletrucking.com"
  dot_number    = "23868"
`+notify)
	}
	sent := emulator.Invitation{DOTNumber: 23868, DocketNumber: "MC113843", CarrierEmail: "dispatch@sampletrucking.com"}
	var sends int
	noSend := []statecheck.StateCheck{
		acctest.Check(acctest.ExpectRequests(em, "EmailPacketInvitation", &sends, 0)),
		acctest.Check(expectInvitations(em, sent)),
	}
	inPlace := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(invitationAddress, plancheck.ResourceActionUpdate),
	}}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config(`notification_emails = []`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("notification_emails"), knownvalue.ListExact(nil)),
					acctest.Check(expectInvitations(em, sent)),
					acctest.Check(func() error {
						if got := em.Snapshot().Invitations[0].NotificationEmails; got != nil {
							return fmt.Errorf("the send carried notificationEmails %q, want none", got)
						}
						sends = acctest.Requests(em, "EmailPacketInvitation")
						return nil
					}),
				},
			},
			{Config: config(""), ConfigPlanChecks: inPlace, ConfigStateChecks: noSend},
			{Config: config(`notification_emails = []`), ConfigPlanChecks: inPlace, ConfigStateChecks: noSend},
		},
	})
}

// Importing adopts an invitation sent outside Terraform: the arguments MCP
// cannot report are filled in from the configuration in place, and nothing
// is sent.
func TestAccCarrierInvitation_import(t *testing.T) {
	em := acctest.Emulator(t)
	config := testAccInvitationConfig(em, `
  carrier_email       = "dispatch@sampletrucking.com"
  dot_number          = "23868"
  docket_number       = "MC113843"
  user_name           = "brenda"
  notification_emails = ["ops@broker.example"]
`)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				ResourceName: invitationAddress, ImportState: true, ImportStateVerify: true,
				ImportStateId: "23868/MC113843/dispatch@sampletrucking.com",
				// What MCP cannot report about a sent invitation.
				ImportStateVerifyIgnore: []string{"user_name", "send_confirmation_email", "notification_emails", "resend_triggers", "sent_at"},
			},
			{
				// A fresh state adopts the invitation the first step sent,
				// by import block: the plan fills in the arguments MCP cannot
				// report with an in-place update, which sends nothing, rather
				// than a replacement, which would send again.
				Config:       config,
				ResourceName: invitationAddress, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:      "23868/MC113843/dispatch@sampletrucking.com",
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(invitationAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("user_name"), knownvalue.StringExact("brenda")),
					acctest.PlanCheck(func() error {
						if n := len(em.Snapshot().Invitations); n != 1 {
							return fmt.Errorf("emulator received %d invitations, want the one sent before the import", n)
						}
						return nil
					}),
				}},
			},
			{
				ResourceName: invitationAddress, ImportState: true, ImportStateId: "23868/mc113843/dispatch@sampletrucking.com",
				ExpectError: acctest.ErrorMatching(`invalid import ID`, `"<dot>/<docket>/<email>" (23868/MC113843/dispatch@carrier.com)`),
			},
		},
	})
}

// A send whose outcome is uncertain (MCP processed it, then the answer was
// lost) is recorded as unconfirmed and never repeated on its own: over
// three applies the carrier gets one e-mail, and every plan says what
// happened (TestAccReliability_InvitationTimeout reads the CLI's output for
// that). Changing resend_triggers sends it again, on purpose.
func TestAccCarrierInvitation_uncertainSendIsNotRetried(t *testing.T) {
	em := acctest.Emulator(t)
	config := func(triggers string) string {
		return testAccInvitationConfig(em, `
  carrier_email   = "dispatch@sampletrucking.com"
  dot_number      = "23868"
  resend_triggers = `+triggers)
	}
	sends := func(want int) statecheck.StateCheck {
		return acctest.Check(func() error {
			if n := acctest.Requests(em, "EmailPacketInvitation"); n != want {
				return fmt.Errorf("EmailPacketInvitation reached the emulator %d times, want %d", n, want)
			}
			return nil
		})
	}
	sendConfirmed := tfjsonpath.New("send_confirmed")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if err := em.SetFaults(emulator.Faults{Rate: 1, Statuses: []int{500, 0}, Operations: []string{"EmailPacketInvitation"}, After: true}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(`{}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(invitationAddress, sendConfirmed, knownvalue.Bool(false)),
					sends(1),
				},
			},
			{
				PreConfig: func() {
					if err := em.SetFaults(emulator.Faults{}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(`{}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{sends(1)},
			},
			{Config: config(`{}`), ConfigStateChecks: []statecheck.StateCheck{sends(1)}},
			{
				Config: config(`{ retry = "1" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(invitationAddress, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(invitationAddress, sendConfirmed, knownvalue.Bool(true)),
					sends(2),
				},
			},
		},
		CheckDestroy: func(*terraform.State) error {
			return expectInvitations(em,
				emulator.Invitation{DOTNumber: 23868, DocketNumber: "MC113843", CarrierEmail: "dispatch@sampletrucking.com"},
				emulator.Invitation{DOTNumber: 23868, DocketNumber: "MC113843", CarrierEmail: "dispatch@sampletrucking.com"})()
		},
	})
}

func TestAccCarrierInvitation_validation(t *testing.T) {
	em := acctest.Emulator(t)
	var steps []resource.TestStep
	for _, tc := range []struct {
		body string
		want []string
	}{
		{`carrier_email = "dispatch"` + "\n" + `dot_number = 23868`, []string{"Invalid carrier_email", `"dispatch" is not an e-mail address`}},
		{`carrier_email = ""` + "\n" + `dot_number = 23868`, []string{"Invalid carrier_email", `"" is not an e-mail address`}},
		{`carrier_email = "Dispatch <d@c.com>"` + "\n" + `dot_number = 23868`, []string{"Invalid carrier_email", "bare address"}},
		{`carrier_email = "d@c.com"` + "\n" + `dot_number = 0`, []string{"Invalid dot_number", `"0" is not a USDOT number`}},
		{`carrier_email = "d@c.com"` + "\n" + `dot_number = 23868` + "\n" + `docket_number = "113843"`, []string{"Invalid docket_number", "expected MC, FF or MX"}},
		{`carrier_email = "d@c.com"` + "\n" + `dot_number = 23868` + "\n" + `notification_emails = ["ops"]`, []string{"notification_emails", `"ops" is not an e-mail address`}},
		{`carrier_email = "d@c.com"` + "\n" + `dot_number = 23868` + "\n" + `notification_emails = ["a@b.co", "a@b.co"]`, []string{"Duplicate List Value", "notification_emails"}},
		{`carrier_email = "d@c.com"` + "\n" + `dot_number = 23868` + "\n" + `user_name = ""`, []string{"user_name", "length"}},
	} {
		steps = append(steps, resource.TestStep{Config: testAccInvitationConfig(em, tc.body), PlanOnly: true, ExpectError: acctest.ErrorMatching(tc.want...)})
	}
	steps = append(steps, resource.TestStep{
		Config:      testAccInvitationConfig(em, `carrier_email = "d@c.com"`+"\n"+`dot_number = 99999999`),
		ExpectError: acctest.ErrorMatching(`Unable to invite carrier DOT 99999999`, `MCP does not know a carrier with DOT 99999999`),
	})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return expectInvitations(em)() },
		Steps:                    steps,
	})
}

// Sending to an intrastate carrier by DOT number alone.
func TestAccCarrierInvitation_intrastate(t *testing.T) {
	em := acctest.Emulator(t)
	c := acctest.Carrier(t, em, emulator.KindIntrastate)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccInvitationConfig(em, fmt.Sprintf("carrier_email = %q\ndot_number = %d", c.Email, c.DOTNumber)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("id"), knownvalue.StringExact(strconv.Itoa(c.DOTNumber)+"/"+c.Email)),
				acctest.Check(expectInvitations(em, emulator.Invitation{DOTNumber: c.DOTNumber, CarrierEmail: c.Email})),
			},
		}},
	})
}

// The identity is the id's values; importing by it adopts an invitation as
// importing by ID does: the plan fills in what MCP cannot report with an
// in-place update, never a replacement, and nothing is sent again.
func TestAccCarrierInvitation_identity(t *testing.T) {
	em := acctest.Emulator(t)
	config := testAccInvitationConfig(em, `
  carrier_email       = "dispatch@sampletrucking.com"
  dot_number          = "23868"
  docket_number       = "MC113843"
  user_name           = "brenda"
  notification_emails = ["ops@broker.example"]
`)
	sent := emulator.Invitation{DOTNumber: 23868, DocketNumber: "MC113843", CarrierEmail: "dispatch@sampletrucking.com",
		UserName: "brenda", NotificationEmails: []string{"ops@broker.example"}}
	identity := statecheck.ExpectIdentity(invitationAddress, map[string]knownvalue.Check{
		"dot_number":    knownvalue.StringExact("23868"),
		"docket_number": knownvalue.StringExact("MC113843"),
		"carrier_email": knownvalue.StringExact("dispatch@sampletrucking.com"),
	})
	notResent := acctest.PlanCheck(func() error {
		if n := len(em.Snapshot().Invitations); n != 1 {
			return fmt.Errorf("emulator received %d invitations, want the one sent by the first step", n)
		}
		return nil
	})
	acctest.SkipWithout(t, acctest.Identity)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return expectInvitations(em, sent)() },
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					identity,
					statecheck.ExpectIdentityValueMatchesState(invitationAddress, tfjsonpath.New("dot_number")),
					statecheck.ExpectIdentityValueMatchesState(invitationAddress, tfjsonpath.New("docket_number")),
					statecheck.ExpectIdentityValueMatchesState(invitationAddress, tfjsonpath.New("carrier_email")),
				},
			},
			{
				// Into a fresh state, by the identity in state: planned only.
				Config:       config,
				ResourceName: invitationAddress, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(invitationAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("user_name"), knownvalue.StringExact("brenda")),
					notResent,
				}},
			},
			{
				// Destroying only forgets the invitation...
				Config: acctest.ProviderBlock(em),
			},
			{
				// ...which an import block naming its identity adopts again,
				// applied this time: the update keeps the identity.
				Config: config + importByIdentity(invitationAddress,
					`dot_number = 23868`+"\n"+`docket_number = "MC113843"`+"\n"+`carrier_email = "dispatch@sampletrucking.com"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(invitationAddress, plancheck.ResourceActionUpdate),
					notResent,
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					identity,
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("id"), knownvalue.StringExact("23868/MC113843/dispatch@sampletrucking.com")),
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("user_name"), knownvalue.StringExact("brenda")),
					statecheck.ExpectKnownValue(invitationAddress, tfjsonpath.New("sent_at"), knownvalue.Null()),
					acctest.Check(expectInvitations(em, sent)),
				},
			},
		},
	})
}

// A malformed identity is refused naming the attribute and the accepted
// form, and nothing is sent.
func TestAccCarrierInvitation_identityErrors(t *testing.T) {
	em := acctest.Emulator(t)
	config := testAccInvitationConfig(em, `
  carrier_email = "dispatch@sampletrucking.com"
  dot_number    = "23868"
`)
	step := func(identity string, want ...string) resource.TestStep {
		return resource.TestStep{
			Config:      config + importByIdentity(invitationAddress, identity),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(want...),
		}
	}
	acctest.SkipWithout(t, acctest.Identity)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return expectInvitations(em)() },
		Steps: []resource.TestStep{
			step(`dot_number = "0"`+"\n"+`carrier_email = "dispatch@sampletrucking.com"`,
				`Invalid dot_number in import identity`,
				`The identity attribute dot_number is not valid: "0" is not a USDOT number`,
				`Expected identity = { dot_number = "23868", carrier_email = "dispatch@carrier.com" }`),
			step(`dot_number = "23868"`+"\n"+`carrier_email = "Dispatch <dispatch@sampletrucking.com>"`,
				`Invalid carrier_email in import identity`, `is not an e-mail address: expected a bare address`),
			step(`dot_number = "23868"`+"\n"+`docket_number = "113843"`+"\n"+`carrier_email = "dispatch@sampletrucking.com"`,
				`Invalid docket_number in import identity`, `"113843" is not a docket number`),
		},
	})
}
