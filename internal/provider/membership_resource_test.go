package provider

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

// membershipCase is one of the two per-carrier list resources, as its
// acceptance tests see it: the same tests run for both.
type membershipCase struct {
	resourceType    string // mcp_monitored_carrier
	list            emulator.List
	addOp, removeOp string // the MCP write operations
	listName        string
}

var (
	monitoredCase = membershipCase{resourceType: "mcp_monitored_carrier", list: emulator.MonitoredList, addOp: "RequestMonitoring", removeOp: "CancelMonitoring", listName: "monitored list"}
	blockedCase   = membershipCase{resourceType: "mcp_blocked_carrier", list: emulator.BlockedList, addOp: "BlockCarrier", removeOp: "UnblockCarrier", listName: "blocked list"}
)

func (c membershipCase) address() string { return c.resourceType + ".test" }

// config declares one carrier; extra is HCL inside the resource block.
func (c membershipCase) config(em *emulator.Instance, dot, extra string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf(`
resource %[1]q "test" {
  dot_number = %[2]s
  %[3]s
}
`, c.resourceType, dot, extra)
}

// portalPut puts a carrier on the list as someone in the MCP portal would.
func (c membershipCase) portalPut(t *testing.T, em *emulator.Instance, dot int) {
	t.Helper()
	if err := em.Put(c.list, dot); err != nil {
		t.Fatal(err)
	}
}

// portalTakeOff takes a carrier off the list in the MCP portal.
func (c membershipCase) portalTakeOff(t *testing.T, em *emulator.Instance, dot int) {
	t.Helper()
	if err := em.TakeOff(c.list, dot); err != nil {
		t.Fatal(err)
	}
}

// expectListedAs checks the id and docket_number of a carrier configured by
// DOT number alone: what MCP lists for it, in MCP's spelling, the docket
// null where MCP's entry leaves it out.
func (c membershipCase) expectListedAs(t *testing.T, em *emulator.Instance, dot int) []statecheck.StateCheck {
	listed := func() carrierid.Key {
		e := acctest.ServedEntry(t, em, c.list, dot)
		return carrierid.Key{DOT: dot, Docket: e.DocketNumber, Intrastate: e.IntrastateNumber}
	}
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("id"),
			acctest.Lazy(func() knownvalue.Check { return knownvalue.StringExact(listed().String()) })),
		statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("docket_number"),
			acctest.Lazy(func() knownvalue.Check { return stringOrNull(listed().Docket) })),
	}
}

// importByDOT imports the carrier by its DOT number alone. The import
// knows only what MCP lists: the docket where MCP's entry has one, which
// the state then holds as created; where MCP leaves it out, the import has
// none, and every other attribute matches.
func (c membershipCase) importByDOT(em *emulator.Instance, dot int) resource.TestStep {
	step := resource.TestStep{
		ResourceName: c.address(), ImportState: true, ImportStateId: strconv.Itoa(dot), ImportStateVerify: true,
		ImportStateVerifyIdentifierAttribute: "dot_number",
	}
	if acctest.VariantOn(em, emulator.VariantListNullDocket) {
		step.ImportStateVerifyIgnore = []string{"id", "docket_number"}
		step.ImportStateCheck = func(states []*terraform.InstanceState) error {
			if len(states) != 1 || states[0].ID != strconv.Itoa(dot) || states[0].Attributes["docket_number"] != "" {
				return fmt.Errorf("imported %v, want id %d and no docket_number", states, dot)
			}
			return nil
		}
	}
	return step
}

func (c membershipCase) checkDestroyed(em *emulator.Instance) resource.TestCheckFunc {
	return func(*terraform.State) error { return acctest.ExpectListed(em, c.list)() }
}

func testAccMembershipBasic(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	user, _ := em.Credentials()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             c.checkDestroyed(em),
		Steps: []resource.TestStep{
			{
				Config: c.config(em, `"23868"`, `docket_number = "MC113843"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("id"), knownvalue.StringExact("23868/MC113843")),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("dot_number"), knownvalue.StringExact("23868")),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("docket_number"), knownvalue.StringExact("MC113843")),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("intrastate_number"), knownvalue.Null()),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("created_by"), knownvalue.StringExact(user)),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("created_at"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("last_modified_by"), knownvalue.StringExact(user)),
					acctest.Check(acctest.ExpectListed(em, c.list, 23868)),
				},
			},
			// Import by command, in both ID forms; Read fills every attribute.
			// By DOT number alone the import can only know the docket MCP
			// lists, which MCP may leave out.
			{ResourceName: c.address(), ImportState: true, ImportStateId: "23868/MC113843", ImportStateVerify: true},
			c.importByDOT(em, 23868),
			// Import by block.
			{ResourceName: c.address(), ImportState: true, ImportStateId: "23868/MC113843", ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

// A DOT number written as a number, without a docket: MCP finds the
// carrier, and the docket it lists shows in state without a diff.
func testAccMembershipDOTOnly(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	var writes int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             c.checkDestroyed(em),
		Steps: []resource.TestStep{
			{
				Config:            c.config(em, `23868`, ``),
				ConfigStateChecks: append(c.expectListedAs(t, em, 23868), acctest.Check(acctest.ExpectListed(em, c.list, 23868))),
			},
			{
				// Naming the docket later writes nothing: the state had it
				// from MCP's entry already, or, where MCP's entry left it
				// out, takes it from the configuration in place.
				PreConfig: func() { writes = em.Writes() },
				Config:    c.config(em, `23868`, `docket_number = "MC113843"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("id"), knownvalue.StringExact("23868/MC113843")),
					acctest.Check(acctest.ExpectWritesSince(em, &writes, 0)),
					acctest.Check(acctest.ExpectListed(em, c.list, 23868)),
				},
			},
			{Config: c.config(em, `23868`, `docket_number = "MC113843"`), PlanOnly: true},
			{
				// The same docket with a leading zero, as MCP may spell it,
				// is the same carrier: updated in place, nothing written.
				PreConfig: func() { writes = em.Writes() },
				Config:    c.config(em, `23868`, `docket_number = "MC0113843"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(c.address(), plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("id"), knownvalue.StringExact("23868/MC0113843")),
					acctest.Check(acctest.ExpectWritesSince(em, &writes, 0)),
					acctest.Check(acctest.ExpectListed(em, c.list, 23868)),
				},
			},
		},
	})
}

func testAccMembershipIntrastate(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	carrier := acctest.Carrier(t, em, emulator.KindIntrastate)
	dot := strconv.Itoa(carrier.DOTNumber)
	id := dot + "/intrastate/" + carrier.IntrastateNumber
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             c.checkDestroyed(em),
		Steps: []resource.TestStep{
			{
				Config: c.config(em, strconv.Quote(dot), fmt.Sprintf("intrastate_number = %q", carrier.IntrastateNumber)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("id"), knownvalue.StringExact(id)),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("intrastate_number"), knownvalue.StringExact(carrier.IntrastateNumber)),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("docket_number"), knownvalue.Null()),
					acctest.Check(acctest.ExpectListed(em, c.list, carrier.DOTNumber)),
				},
			},
			{ResourceName: c.address(), ImportState: true, ImportStateId: id, ImportStateVerify: true},
		},
	})
}

// Changing the DOT number replaces the resource: the old carrier leaves the
// list, the new one joins it.
func testAccMembershipReplace(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	other := acctest.Carrier(t, em, emulator.KindMC)
	ids := statecheck.CompareValue(compare.ValuesDiffer())
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             c.checkDestroyed(em),
		Steps: []resource.TestStep{
			{
				Config:            c.config(em, `"23868"`, ``),
				ConfigStateChecks: []statecheck.StateCheck{ids.AddStateValue(c.address(), tfjsonpath.New("id"))},
			},
			{
				Config: c.config(em, strconv.Quote(strconv.Itoa(other.DOTNumber)), ``),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(c.address(), plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					ids.AddStateValue(c.address(), tfjsonpath.New("id")),
					c.expectListedAs(t, em, other.DOTNumber)[1],
					acctest.Check(acctest.ExpectListed(em, c.list, other.DOTNumber)),
				},
			},
		},
	})
}

// Drift both ways. Someone takes the carrier off the list in the portal:
// the plan proposes to put it back, and applying does. Someone puts a
// carrier on the list before Terraform does: creating adopts it, without a
// write.
func testAccMembershipDrift(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	adopted := acctest.Carrier(t, em, emulator.KindMC)
	var adds int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             c.checkDestroyed(em),
		Steps: []resource.TestStep{
			{Config: c.config(em, `"23868"`, ``)},
			{
				PreConfig:          func() { c.portalTakeOff(t, em, 23868) },
				Config:             c.config(em, `"23868"`, ``),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(c.address(), plancheck.ResourceActionCreate),
				}},
			},
			{
				Config: c.config(em, `"23868"`, ``),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(c.address(), plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Check(acctest.ExpectListed(em, c.list, 23868))},
			},
			{
				PreConfig: func() {
					c.portalPut(t, em, adopted.DOTNumber)
					adds = acctest.Requests(em, c.addOp)
				},
				Config: c.config(em, strconv.Quote(strconv.Itoa(adopted.DOTNumber)), ``),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("created_by"), knownvalue.StringExact(emulator.PortalUser)),
					acctest.Check(acctest.ExpectRequests(em, c.addOp, &adds, 0)),
					acctest.Check(acctest.ExpectListed(em, c.list, adopted.DOTNumber)),
				},
			},
		},
	})
}

// Bad arguments are refused at plan time, naming the attribute, and nothing
// reaches MCP.
func testAccMembershipValidation(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	steps := []resource.TestStep{}
	for _, tc := range []struct {
		dot, extra string
		want       []string
	}{
		{`"0"`, ``, []string{"Invalid dot_number", `"0" is not a USDOT number: expected 1 to 8 digits`}},
		{`-5`, ``, []string{"Invalid dot_number", `"-5" is not a USDOT number`}},
		{`"123456789"`, ``, []string{"Invalid dot_number", `"123456789" is not a USDOT number`}},
		{`"12ab"`, ``, []string{"Invalid dot_number", `"12ab" is not a USDOT number`}},
		{`"23868"`, `docket_number = "mc113843"`, []string{"Invalid docket_number", `did you mean "MC113843"`}},
		{`"23868"`, `docket_number = "XX113843"`, []string{"Invalid docket_number", `"XX113843" is not a docket number: expected MC, FF or MX`}},
		{`"23868"`, `docket_number = "MC 113843"`, []string{"Invalid docket_number", `"MC 113843" is not a docket number`}},
		{`"23868"`, `docket_number = "MC113843"` + "\n" + `intrastate_number = "TX1"`, []string{`Attribute "intrastate_number" cannot be specified when "docket_number" is specified`}},
		{`"23868"`, `intrastate_number = "tx 1"`, []string{"Invalid intrastate_number", `"tx 1" is not an intrastate number`}},
	} {
		steps = append(steps, resource.TestStep{
			Config:      c.config(em, tc.dot, tc.extra),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(tc.want...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return acctest.ExpectNoWrites(em)() },
		Steps:                    steps,
	})
}

// A carrier MCP does not know, or a docket that is another carrier's, fails
// the plan on the attribute at fault, naming whose the docket is; nothing
// is written.
func testAccMembershipUnknownCarrier(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	other := acctest.Carrier(t, em, emulator.KindMC)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return acctest.ExpectNoWrites(em)() },
		Steps: []resource.TestStep{
			{
				Config: c.config(em, `"99999999"`, `docket_number = "MC99999999"`),
				ExpectError: acctest.ErrorMatching(`Unable to `, `carrier DOT 99999999 / MC99999999`,
					`MCP does not know a carrier with DOT 99999999: check the DOT number`),
			},
			{
				// The DOT number of one carrier with another's docket.
				Config: c.config(em, `"23868"`, fmt.Sprintf("docket_number = %q", other.DocketNumber)),
				ExpectError: acctest.ErrorMatching(`docket_number`, fmt.Sprintf(`docket %s belongs to DOT %d, %q;`, other.DocketNumber, other.DOTNumber, other.LegalName),
					`DOT 23868 is "Sample Trucking LLC", with docket MC113843`),
			},
		},
	})
}

func testAccMembershipImportErrors(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: c.config(em, `"23868"`, ``), ResourceName: c.address(), ImportState: true, ImportStateId: "23868/mc113843",
				ExpectError: acctest.ErrorMatching(`invalid import ID "23868/mc113843"`, `expected "<dot>" (23868), "<dot>/<docket>" (23868/MC113843) or "<dot>/intrastate/<number>"`),
			},
			{
				Config: c.config(em, `"23868"`, ``), ResourceName: c.address(), ImportState: true, ImportStateId: "23868",
				ExpectError: acctest.ErrorMatching(`Carrier DOT 23868 is not on MCP's ` + c.listName),
			},
		},
	})
}

// importByIdentity is an import block naming a resource by its identity;
// attributes is HCL inside the identity object.
func importByIdentity(address, attributes string) string {
	return fmt.Sprintf(`
import {
  to = %s
  identity = {
    %s
  }
}
`, address, attributes)
}

// The identity is the id's values, the docket number MCP lists included;
// it survives a refresh, and an import block naming it, in full or by the
// DOT number alone, imports the carrier without a change.
func testAccMembershipIdentity(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	identity := statecheck.ExpectIdentity(c.address(), map[string]knownvalue.Check{
		"dot_number":        knownvalue.StringExact("23868"),
		"docket_number":     knownvalue.StringExact("MC113843"),
		"intrastate_number": knownvalue.Null(),
	})
	acctest.SkipWithout(t, acctest.Identity)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             c.checkDestroyed(em),
		Steps: []resource.TestStep{
			{
				Config: c.config(em, `"23868"`, ``),
				ConfigStateChecks: []statecheck.StateCheck{
					identity,
					statecheck.ExpectIdentityValueMatchesState(c.address(), tfjsonpath.New("dot_number")),
					statecheck.ExpectIdentityValueMatchesState(c.address(), tfjsonpath.New("docket_number")),
					statecheck.ExpectIdentityValueMatchesState(c.address(), tfjsonpath.New("intrastate_number")),
				},
			},
			{
				Config:            c.config(em, `"23868"`, `docket_number = "MC113843"`),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{identity},
			},
			// By the identity in state; the test checks the plan is a no-op
			// and the imported identity the same.
			{ResourceName: c.address(), ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			// By the DOT number alone: MCP fills in the docket number.
			{
				Config:                 c.config(em, `"23868"`, ``) + importByIdentity(c.address(), `dot_number = 23868`),
				ResourceName:           c.address(),
				ImportState:            true,
				ImportStateKind:        resource.ImportBlockWithResourceIdentity,
				ImportStateConfigExact: true,
			},
		},
	})
}

// An intrastate carrier someone put on the list in the portal, adopted by
// an import block naming its identity: applied, without a write; then
// imported again from the identity in state.
func testAccMembershipIdentityIntrastate(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	carrier := acctest.Carrier(t, em, emulator.KindIntrastate)
	dot := strconv.Itoa(carrier.DOTNumber)
	config := c.config(em, strconv.Quote(dot), fmt.Sprintf("intrastate_number = %q", carrier.IntrastateNumber))
	var adds int
	acctest.SkipWithout(t, acctest.Identity)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             c.checkDestroyed(em),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					c.portalPut(t, em, carrier.DOTNumber)
					adds = acctest.Requests(em, c.addOp)
				},
				Config: config + importByIdentity(c.address(),
					fmt.Sprintf("dot_number = %q\n    intrastate_number = %q", dot, carrier.IntrastateNumber)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(c.address(), plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(c.address(), map[string]knownvalue.Check{
						"dot_number":        knownvalue.StringExact(dot),
						"docket_number":     knownvalue.Null(),
						"intrastate_number": knownvalue.StringExact(carrier.IntrastateNumber),
					}),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("id"), knownvalue.StringExact(dot+"/intrastate/"+carrier.IntrastateNumber)),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("created_by"), knownvalue.StringExact(emulator.PortalUser)),
					acctest.Check(acctest.ExpectRequests(em, c.addOp, &adds, 0)),
					acctest.Check(acctest.ExpectListed(em, c.list, carrier.DOTNumber)),
				},
			},
			{Config: config, ResourceName: c.address(), ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// A malformed identity is refused naming the attribute and the accepted
// form; a well-formed one that names nothing on the list fails as the same
// import ID would. Nothing reaches MCP's lists.
func testAccMembershipIdentityErrors(t *testing.T, c membershipCase) {
	em := acctest.Emulator(t)
	other := acctest.Carrier(t, em, emulator.KindMC)
	step := func(identity string, want ...string) resource.TestStep {
		return resource.TestStep{
			Config:      c.config(em, `"23868"`, ``) + importByIdentity(c.address(), identity),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(want...),
		}
	}
	onList := step(`dot_number = "23868"`+"\n"+fmt.Sprintf("docket_number = %q", other.DocketNumber),
		`Cannot import DOT 23868 / `+other.DocketNumber,
		`Carrier DOT 23868 is on MCP's `+c.listName+` as DOT 23868 / MC113843, not DOT 23868 / `+other.DocketNumber)
	onList.PreConfig = func() { c.portalPut(t, em, 23868) }
	var adds int
	acctest.SkipWithout(t, acctest.Identity)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			return acctest.ExpectRequests(em, c.addOp, &adds, 0)()
		},
		Steps: []resource.TestStep{
			step(`dot_number = "0"`,
				`Invalid dot_number in import identity`,
				`The identity attribute dot_number is not valid: "0" is not a USDOT number: expected 1 to 8 digits`,
				`Expected identity = { dot_number = "23868" }, optionally with docket_number = "MC113843"`),
			step(`dot_number = "23868"`+"\n"+`docket_number = "mc113843"`,
				`Invalid docket_number in import identity`, `did you mean "MC113843"`),
			step(`dot_number = "23868"`+"\n"+`intrastate_number = "tx 1"`,
				`Invalid intrastate_number in import identity`, `"tx 1" is not an intrastate number`),
			step(`dot_number = "23868"`+"\n"+`docket_number = "MC113843"`+"\n"+`intrastate_number = "TX1"`,
				`Invalid intrastate_number in import identity`, `not both`),
			step(`dot_number = "23868"`, `Carrier DOT 23868 is not on MCP's `+c.listName),
			onList,
		},
	})
}
