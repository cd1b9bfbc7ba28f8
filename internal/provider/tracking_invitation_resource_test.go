package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

const trackingAddress = "mcp_tracking_invitation.test"

func testAccTrackingConfig(em *emulator.Instance, body string) string {
	return acctest.ProviderBlockWith(em, acctest.Project44Block(em)) + fmt.Sprintf(`
resource "mcp_tracking_invitation" "test" {
%s
}
`, body)
}

// trackingBody is an invitation of a carrier by DOT number, with the
// contact project44 needs, and extra arguments.
func trackingBody(dot, extra string) string {
	return fmt.Sprintf(`
  identifiers       = { DOT_NUMBER = %q }
  organization_name = "Nash Trucking LLC"
  contacts = [{
    email       = "dispatch@nashtrucking.example"
    given_name  = "John"
    family_name = "Nash"
    locale      = "en-US"
    phone       = "+14805550100"
  }]
%s
`, dot, extra)
}

func trackingState(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(trackingAddress, tfjsonpath.New(attr), v)
}

// Create; a carrier accepting shows in the next plan as a change outside
// Terraform; an expired invitation is sent again only once reinvite_when
// names EXPIRED; import finds the latest; destroying sends nothing and
// project44 keeps what it received.
func TestAccTrackingInvitation_lifecycle(t *testing.T) {
	em := acctest.Emulator(t)
	dot := acctest.UntrackedDOT(em)
	id := "DOT_NUMBER:" + dot
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return acctest.ExpectTrackingInvitations(em, id, 2)() },
		Steps: []resource.TestStep{
			{
				Config: testAccTrackingConfig(em, trackingBody(dot, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					trackingState("id", knownvalue.StringExact(id)),
					trackingState("status", knownvalue.StringExact("IN_PROGRESS")),
					trackingState("send_confirmed", knownvalue.Bool(true)),
					trackingState("created_at", knownvalue.StringRegexp(rfc3339)),
					acctest.Check(acctest.ExpectTrackingInvitations(em, id, 1)),
					acctest.Check(acctest.ExpectTrackingContact(em, id, "dispatch@nashtrucking.example", "John", "en-US")),
				},
			},
			{
				PreConfig: func() { acctest.SetTrackingStatus(t, em, dot, "ACCEPTED") },
				Config:    testAccTrackingConfig(em, trackingBody(dot, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
					acctest.ExpectDrift(trackingAddress, "status", "IN_PROGRESS", "ACCEPTED"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					trackingState("status", knownvalue.StringExact("ACCEPTED")),
					acctest.Check(acctest.ExpectTrackingInvitations(em, id, 1)),
				},
			},
			{
				// Expired, but reinvite_when does not say to invite again.
				PreConfig: func() { acctest.SetTrackingStatus(t, em, dot, "EXPIRED") },
				Config:    testAccTrackingConfig(em, trackingBody(dot, `reinvite_when = ["DECLINED"]`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(trackingAddress, tfjsonpath.New("status"), knownvalue.StringExact("EXPIRED")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					trackingState("status", knownvalue.StringExact("EXPIRED")),
					acctest.Check(acctest.ExpectTrackingInvitations(em, id, 1)),
				},
			},
			{
				Config: testAccTrackingConfig(em, trackingBody(dot, `reinvite_when = ["DECLINED", "EXPIRED"]`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(trackingAddress, tfjsonpath.New("status")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					trackingState("status", knownvalue.StringExact("IN_PROGRESS")),
					acctest.Check(acctest.ExpectTrackingInvitations(em, id, 2)),
				},
			},
			{
				// The next plan is empty: IN_PROGRESS is not a reason to invite.
				Config:   testAccTrackingConfig(em, trackingBody(dot, `reinvite_when = ["DECLINED", "EXPIRED"]`)),
				PlanOnly: true,
			},
			{
				ResourceName:      trackingAddress,
				ImportState:       true,
				ImportStateId:     id,
				ImportStateVerify: true,
				// reinvite_when is the configuration's alone; the contacts are
				// project44's, unless it does not echo them.
				ImportStateVerifyIgnore: acctest.TrackingImportIgnore(em, "reinvite_when"),
			},
			{
				Config: acctest.ProviderBlockWith(em, acctest.Project44Block(em)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddress, plancheck.ResourceActionDestroy),
				}},
			},
		},
	})
}

// An invitation project44 already lists is adopted, not sent again; a
// carrier that already supports asset-based tracking needs no contact.
func TestAccTrackingInvitation_adoptsAndAssetCarrier(t *testing.T) {
	em := acctest.Emulator(t)
	invited := acctest.UntrackedDOT(em)
	acctest.InviteToTracking(t, em, invited)
	asset := acctest.AssetTrackedDOT(em)
	config := testAccTrackingConfig(em, trackingBody(invited, "")) + fmt.Sprintf(`
resource "mcp_tracking_invitation" "asset" {
  identifiers = { DOT_NUMBER = %q }
}
`, asset)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				trackingState("status", knownvalue.StringExact("IN_PROGRESS")),
				statecheck.ExpectKnownValue("mcp_tracking_invitation.asset", tfjsonpath.New("status"), knownvalue.StringExact("IN_PROGRESS")),
				acctest.Check(acctest.ExpectTrackingInvitations(em, "DOT_NUMBER:"+invited, 1)),
				acctest.Check(acctest.ExpectTrackingInvitations(em, "DOT_NUMBER:"+asset, 1)),
			},
		}},
	})
}

// A send whose answer is lost is never repeated. When project44 has it
// (the fault came after it was stored), the list confirms it; when it does
// not, it is recorded unconfirmed, and later plans send nothing.
func TestAccTrackingInvitation_uncertainSend(t *testing.T) {
	for _, after := range []bool{false, true} {
		t.Run(fmt.Sprintf("stored=%t", after), func(t *testing.T) {
			em := acctest.Emulator(t)
			dot := acctest.UntrackedDOT(em)
			id := "DOT_NUMBER:" + dot
			want, confirmed := 0, false
			var status knownvalue.Check = knownvalue.Null()
			if after {
				want, confirmed, status = 1, true, knownvalue.StringExact("IN_PROGRESS")
			}
			if err := em.SetFaults(emulator.Faults{Rate: 1, Statuses: []int{500}, Operations: []string{acctest.P44CreateOperation}, After: after}); err != nil {
				t.Fatal(err)
			}
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: testAccTrackingConfig(em, trackingBody(dot, "")),
						ConfigStateChecks: []statecheck.StateCheck{
							trackingState("send_confirmed", knownvalue.Bool(confirmed)),
							trackingState("status", status),
							acctest.Check(acctest.ExpectTrackingInvitations(em, id, want)),
							acctest.Check(acctest.ExpectTrackingSends(em, 1)),
						},
					},
					{
						PreConfig: func() {
							if err := em.SetFaults(emulator.Faults{}); err != nil {
								t.Fatal(err)
							}
						},
						Config:   testAccTrackingConfig(em, trackingBody(dot, "")),
						PlanOnly: true,
						Check: func(*terraform.State) error {
							return acctest.ExpectTrackingSends(em, 1)()
						},
					},
				},
			})
		})
	}
}

// A re-invitation whose answer is lost stays unconfirmed: the expired
// invitation it was to supersede, still listed, is not taken for it, and
// no later plan sends it again on its own.
func TestAccTrackingInvitation_uncertainReinvite(t *testing.T) {
	em := acctest.Emulator(t)
	dot := acctest.UntrackedDOT(em)
	id := "DOT_NUMBER:" + dot
	config := testAccTrackingConfig(em, trackingBody(dot, `reinvite_when = ["EXPIRED"]`))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, ConfigStateChecks: []statecheck.StateCheck{acctest.Check(acctest.ExpectTrackingSends(em, 1))}},
			{
				PreConfig: func() {
					acctest.SetTrackingStatus(t, em, dot, "EXPIRED")
					if err := em.SetFaults(emulator.Faults{Rate: 1, Statuses: []int{500}, Operations: []string{acctest.P44CreateOperation}}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					trackingState("send_confirmed", knownvalue.Bool(false)),
					trackingState("status", knownvalue.Null()),
					acctest.Check(acctest.ExpectTrackingSends(em, 2)),
					acctest.Check(acctest.ExpectTrackingInvitations(em, id, 1)),
				},
			},
			{
				PreConfig: func() {
					if err := em.SetFaults(emulator.Faults{}); err != nil {
						t.Fatal(err)
					}
				},
				Config:   config,
				PlanOnly: true,
				Check:    func(*terraform.State) error { return acctest.ExpectTrackingSends(em, 2)() },
			},
		},
	})
}

// Both data sources: the invitations filtered by status, with the latest
// status by identifier; the tracking methods of a carrier with and without
// asset-based tracking.
func TestAccTrackingDataSources(t *testing.T) {
	em := acctest.Emulator(t)
	accepted, open, asset := acctest.UntrackedDOT(em), acctest.UntrackedDOT(em, 1), acctest.AssetTrackedDOT(em)
	acctest.InviteToTracking(t, em, accepted)
	acctest.InviteToTracking(t, em, open)
	acctest.SetTrackingStatus(t, em, accepted, "ACCEPTED")
	config := acctest.ProviderBlockWith(em, acctest.Project44Block(em)) + fmt.Sprintf(`
data "mcp_tracking_invitations" "accepted" {
  statuses = ["ACCEPTED"]
}

data "mcp_tracking_invitations" "all" {}

data "mcp_tracking_methods" "asset" {
  identifier_value = %q
}

data "mcp_tracking_methods" "none" {
  identifier_type  = "DOT_NUMBER"
  identifier_value = %q
}
`, asset, open)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.mcp_tracking_invitations.accepted", tfjsonpath.New("invitations"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"id":          knownvalue.StringExact("DOT_NUMBER:" + accepted),
						"identifiers": knownvalue.MapExact(map[string]knownvalue.Check{"DOT_NUMBER": knownvalue.StringExact(accepted)}),
						"status":      knownvalue.StringExact("ACCEPTED"),
						"created_at":  knownvalue.StringRegexp(rfc3339),
					}),
				})),
				statecheck.ExpectKnownValue("data.mcp_tracking_invitations.all", tfjsonpath.New("latest_status"), knownvalue.MapExact(map[string]knownvalue.Check{
					"DOT_NUMBER:" + accepted: knownvalue.StringExact("ACCEPTED"),
					"DOT_NUMBER:" + open:     knownvalue.StringExact("IN_PROGRESS"),
				})),
				statecheck.ExpectKnownValue("data.mcp_tracking_methods.asset", tfjsonpath.New("asset_tracking"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.mcp_tracking_methods.asset", tfjsonpath.New("identifier_type"), knownvalue.StringExact("DOT_NUMBER")),
				statecheck.ExpectKnownValue("data.mcp_tracking_methods.asset", tfjsonpath.New("methods").AtSliceIndex(0).AtMapKey("equipment_identifier_type"),
					knownvalue.StringExact("VEHICLE_ID")),
				statecheck.ExpectKnownValue("data.mcp_tracking_methods.none", tfjsonpath.New("asset_tracking"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.mcp_tracking_methods.none", tfjsonpath.New("methods"), knownvalue.ListExact(nil)),
			},
		}},
	})
}
