package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

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

// listCase is one of the two list resources, as its acceptance tests see
// it; it reuses the per-carrier case for the emulator side.
type listCase struct {
	membershipCase
	id string
}

var (
	monitoringListCase = listCase{membershipCase: monitoredCase, id: "monitoring_list"}
	blockListCase      = listCase{membershipCase: blockedCase, id: "block_list"}
)

func (c listCase) resourceType() string { return "mcp_" + c.id }
func (c listCase) address() string      { return c.resourceType() + ".test" }

// listConfig declares the list with the given carriers entries (HCL lines
// such as `"23868" = "MC113843"`) and extra arguments.
func (c listCase) listConfig(em *emulator.Instance, providerExtra, extra string, entries ...string) string {
	return acctest.ProviderBlockWith(em, providerExtra) + fmt.Sprintf(`
resource %q "test" {
  carriers = {
    %s
  }
  %s
}
`, c.resourceType(), strings.Join(entries, "\n    "), extra)
}

// entry names a carrier by its DOT number alone.
func entry(dot int) string { return fmt.Sprintf("%q = \"\"", strconv.Itoa(dot)) }

// namedEntry names a carrier by DOT number and docket or intrastate number.
func namedEntry(dot int, value string) string {
	return fmt.Sprintf("%q = %q", strconv.Itoa(dot), value)
}

func dotsOf(cs []emulator.CarrierInfo) []int {
	out := make([]int, len(cs))
	for i, c := range cs {
		out[i] = c.DOTNumber
	}
	return out
}

func entries(dots ...int) []string {
	out := make([]string, len(dots))
	for i, dot := range dots {
		out[i] = entry(dot)
	}
	return out
}

// expectCarrierKeys is a plan check on the carriers map before and after a
// change: the plan must show exactly these DOT numbers, carrier by carrier.
func (c listCase) expectCarrierKeys(before, after []int) plancheck.PlanCheck {
	return planCheckFunc(func(req plancheck.CheckPlanRequest) error {
		for _, rc := range req.Plan.ResourceChanges {
			if rc.Address != c.address() {
				continue
			}
			for _, side := range []struct {
				name string
				val  any
				want []int
			}{{"before", rc.Change.Before, before}, {"after", rc.Change.After, after}} {
				got := carrierKeys(side.val)
				want := slices.Clone(side.want)
				sort.Ints(want)
				if !slices.Equal(got, want) {
					return fmt.Errorf("plan %s: carriers %v, want %v", side.name, got, want)
				}
			}
			return nil
		}
		return fmt.Errorf("no change planned for %s", c.address())
	})
}

func carrierKeys(v any) []int {
	obj, _ := v.(map[string]any)
	m, _ := obj["carriers"].(map[string]any)
	var out []int
	for k := range m {
		n, _ := strconv.Atoi(k)
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

type planCheckFunc func(plancheck.CheckPlanRequest) error

func (f planCheckFunc) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f(req)
}

func testAccListBasic(t *testing.T, c listCase) {
	em := acctest.Emulator(t)
	dotOnly := acctest.Carrier(t, em, emulator.KindMC)
	intra := acctest.Carrier(t, em, emulator.KindIntrastate)
	// Named as MCP lists them, so an import reads back the same state.
	named := c.listConfig(em, "", "",
		namedEntry(23868, "MC113843"), namedEntry(dotOnly.DOTNumber, dotOnly.DocketNumber), namedEntry(intra.DOTNumber, intra.IntrastateNumber))
	byDOT := c.listConfig(em, "", "",
		namedEntry(23868, "MC113843"), entry(dotOnly.DOTNumber), namedEntry(intra.DOTNumber, intra.IntrastateNumber))
	carriers := tfjsonpath.New("carriers")
	var writes int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		// on_destroy = "keep": destroying leaves MCP's list as it is.
		CheckDestroy: func(*terraform.State) error {
			return acctest.ExpectListed(em, c.list, 23868, dotOnly.DOTNumber, intra.DOTNumber)()
		},
		Steps: []resource.TestStep{
			{
				Config: named,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("id"), knownvalue.StringExact(c.id)),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("on_destroy"), knownvalue.StringExact("keep")),
					statecheck.ExpectKnownValue(c.address(), carriers, knownvalue.MapExact(map[string]knownvalue.Check{
						"23868":                         knownvalue.StringExact("MC113843"),
						strconv.Itoa(dotOnly.DOTNumber): knownvalue.StringExact(dotOnly.DocketNumber),
						strconv.Itoa(intra.DOTNumber):   knownvalue.StringExact(intra.IntrastateNumber),
					})),
					acctest.Check(acctest.ExpectListed(em, c.list, 23868, dotOnly.DOTNumber, intra.DOTNumber)),
				},
			},
			{
				ResourceName: c.address(), ImportState: true, ImportStateId: c.id,
				ImportStateVerify: acctest.ListsSpelledAsCarriers(em), ImportStateCheck: c.importedAsServed(t, em),
			},
			// Where MCP lists carriers otherwise than named, the import is
			// followed by an update of the configuration's spelling in
			// state (nothing reaches MCP: see the steps below).
			{
				ResourceName: c.address(), ImportState: true, ImportStateId: c.id, ImportStateKind: resource.ImportBlockWithID, Config: named,
				ExpectNonEmptyPlan: !acctest.ListsSpelledAsCarriers(em),
			},
			{
				ResourceName: c.address(), ImportState: true, ImportStateId: "mine", Config: named,
				ExpectError: acctest.ErrorMatching(`Invalid import ID`, fmt.Sprintf(`import it with the ID %q`, c.id)),
			},
			// Naming a carrier by its DOT number alone is a change to the
			// configuration only: MCP receives nothing, and state keeps "".
			{
				PreConfig: func() { writes = acctest.Requests(em, c.addOp) + acctest.Requests(em, c.removeOp) },
				Config:    byDOT,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(c.address(), plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(c.address(), carriers.AtMapKey(strconv.Itoa(dotOnly.DOTNumber)), knownvalue.StringExact("")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(c.address(), carriers.AtMapKey(strconv.Itoa(dotOnly.DOTNumber)), knownvalue.StringExact("")),
					acctest.Check(func() error {
						if n := acctest.Requests(em, c.addOp) + acctest.Requests(em, c.removeOp) - writes; n != 0 {
							return fmt.Errorf("%d writes to MCP for a change of how a carrier is named", n)
						}
						return nil
					}),
				},
			},
			{Config: byDOT, PlanOnly: true}, // and the refresh keeps it
		},
	})
}

// An update makes exactly the calls the difference needs.
func testAccListUpdate(t *testing.T, c listCase) {
	em := acctest.Emulator(t)
	dots := dotsOf(acctest.Carriers(t, em, emulator.KindMC, 5))
	var adds, removes int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            c.listConfig(em, "", "", entries(dots[0], dots[1], dots[2])...),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Check(acctest.ExpectListed(em, c.list, dots[0], dots[1], dots[2]))},
			},
			{
				PreConfig: func() { adds, removes = acctest.Requests(em, c.addOp), acctest.Requests(em, c.removeOp) },
				Config:    c.listConfig(em, "", "", entries(dots[1], dots[2], dots[3], dots[4])...),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(c.address(), plancheck.ResourceActionUpdate),
					c.expectCarrierKeys([]int{dots[0], dots[1], dots[2]}, []int{dots[1], dots[2], dots[3], dots[4]}),
					// Every carrier plans as configured: nothing is "(known after apply)".
					plancheck.ExpectKnownValue(c.address(), tfjsonpath.New("carriers"), knownvalue.MapSizeExact(4)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Check(acctest.ExpectRequests(em, c.addOp, &adds, 2)),
					acctest.Check(acctest.ExpectRequests(em, c.removeOp, &removes, 1)),
					acctest.Check(acctest.ExpectListed(em, c.list, dots[1], dots[2], dots[3], dots[4])),
				},
			},
		},
	})
}

// verbs are how the list resource's diagnostics word its changes.
func (c listCase) verbs() listVerbs {
	newResource := NewMonitoringListResource
	if c.list == emulator.BlockedList {
		newResource = NewBlockListResource
	}
	r, _ := newResource().(*carrierListResource)
	return r.kind.verbs
}

// entryDescription is how a diagnostic describes a carrier someone put on
// the list in the portal: identifiers as MCP lists them, legal name, who
// and when (in UTC).
func (c listCase) entryDescription(t *testing.T, em *emulator.Instance, ci emulator.CarrierInfo) []string {
	t.Helper()
	e := acctest.ServedEntry(t, em, c.list, ci.DOTNumber)
	return []string{fmt.Sprintf("%s, %q, %s by %s on %s", c.listedKey(t, em, ci.DOTNumber).Describe(), ci.LegalName,
		c.verbs().added, e.CreatedBy, e.CreatedDate.UTC().Format("2006-01-02 15:04:05 UTC"))}
}

// importedAsServed checks an imported list against what MCP serves: each
// carrier MCP lists with a DOT number, with the docket or intrastate number
// it lists (none where it leaves it out). An import has no configuration to
// learn the DOT number of an entry MCP lists without one.
func (c listCase) importedAsServed(t *testing.T, em *emulator.Instance) resource.ImportStateCheckFunc {
	return func(states []*terraform.InstanceState) error {
		if len(states) != 1 {
			return fmt.Errorf("imported %d resources, want 1", len(states))
		}
		want := map[string]string{}
		for _, e := range acctest.Served(t, em, c.list) {
			if e.DOTNumber != 0 {
				want["carriers."+strconv.Itoa(e.DOTNumber)] = carrierid.Key{Docket: e.DocketNumber, Intrastate: e.IntrastateNumber}.ListValue()
			}
		}
		got := map[string]string{}
		for k, v := range states[0].Attributes {
			if strings.HasPrefix(k, "carriers.") && k != "carriers.%" {
				got[k] = v
			}
		}
		if !maps.Equal(got, want) {
			return fmt.Errorf("imported carriers %v, want what MCP lists: %v", got, want)
		}
		return nil
	}
}

// listedKey is the carrier as MCP's list names it: its DOT number and the
// docket or intrastate number MCP lists, in MCP's spelling (or none).
func (c listCase) listedKey(t *testing.T, em *emulator.Instance, dot int) carrierid.Key {
	t.Helper()
	e := acctest.ServedEntry(t, em, c.list, dot)
	return carrierid.Key{DOT: dot, Docket: e.DocketNumber, Intrastate: e.IntrastateNumber}
}

// Changes in the portal, under each unmanaged_carriers policy: one carrier
// put on the list, one the configuration names taken off. Every plan names
// both, with who put the first on the list and when, and says what the
// apply does: the one taken off always goes back; the one put on is taken
// off ("remove"), stays and is reported in unmanaged ("keep"), or fails
// the plan until the configuration names it ("fail").
func testAccListUnmanaged(t *testing.T, c listCase, policy string) {
	em := acctest.Emulator(t)
	cs := acctest.Carriers(t, em, emulator.KindMC, 3)
	dots := dotsOf(cs)
	rec := newPlanRecorder()
	verbs := c.verbs()
	arg := fmt.Sprintf("unmanaged_carriers = %q", policy)
	config := c.listConfig(em, "", arg, entries(dots[0], dots[1])...)
	var adds, removes int
	var found []string
	putBack := fmt.Sprintf("DOT %d, %q, %s outside Terraform (MCP does not say by whom or when): %s", dots[0], cs[0].LegalName, verbs.removed, verbs.readd)
	unmanaged := tfjsonpath.New("unmanaged")
	portal := resource.TestStep{
		PreConfig: func() {
			c.portalPut(t, em, dots[2])
			c.portalTakeOff(t, em, dots[0])
			found = c.entryDescription(t, em, cs[2])
			rec.reset()
			adds, removes = acctest.Requests(em, c.addOp), acctest.Requests(em, c.removeOp)
		},
		Config: config,
	}
	steps := []resource.TestStep{{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("unmanaged_carriers"), knownvalue.StringExact(policy)),
			statecheck.ExpectKnownValue(c.address(), unmanaged, knownvalue.MapExact(map[string]knownvalue.Check{})),
		},
	}}
	switch policy {
	case unmanagedRemove:
		portal.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(c.address(), plancheck.ResourceActionUpdate),
			plancheck.ExpectKnownValue(c.address(), unmanaged, knownvalue.MapExact(map[string]knownvalue.Check{})),
		}}
		portal.ConfigStateChecks = []statecheck.StateCheck{
			acctest.Check(func() error { return rec.warned(append(found, verbs.remove)...)() }),
			acctest.Check(rec.warned(putBack)),
			acctest.Check(acctest.ExpectRequests(em, c.removeOp, &removes, 1)),
			acctest.Check(acctest.ExpectRequests(em, c.addOp, &adds, 1)),
			acctest.Check(acctest.ExpectListed(em, c.list, dots[0], dots[1])),
		}
		steps = append(steps, portal)
	case unmanagedKeep:
		portal.ConfigStateChecks = []statecheck.StateCheck{
			acctest.Check(func() error { return rec.warned(append(found, verbs.stays, "listed in unmanaged")...)() }),
			acctest.Check(rec.warned(putBack)),
			acctest.Check(acctest.ExpectRequests(em, c.removeOp, &removes, 0)),
			acctest.Check(acctest.ExpectRequests(em, c.addOp, &adds, 1)),
			acctest.Check(acctest.ExpectListed(em, c.list, dots...)),
			statecheck.ExpectKnownValue(c.address(), unmanaged, knownvalue.MapExact(map[string]knownvalue.Check{
				strconv.Itoa(dots[2]): acctest.Lazy(func() knownvalue.Check {
					return knownvalue.StringExact(c.listedKey(t, em, dots[2]).ListValue())
				})})),
		}
		// Kept, it is no longer news: the next plan is empty and quiet.
		steps = append(steps, portal, resource.TestStep{
			PreConfig:         rec.reset,
			Config:            config,
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{acctest.Check(rec.quiet("changed outside Terraform"))},
		})
	case unmanagedFail:
		// When the portal put it there is only known once it has: the
		// error must give a date and time.
		// How MCP will list the carrier is known before the step runs:
		// put it on the list and off again.
		c.portalPut(t, em, dots[2])
		listed := c.listedKey(t, em, dots[2])
		c.portalTakeOff(t, em, dots[2])
		refused := regexp.MustCompile(acctest.ErrorMatching(fmt.Sprintf("%s, %q, %s by %s", listed.Describe(),
			cs[2].LegalName, verbs.added, emulator.PortalUser)).String() + `\s+on\s+\d{4}-\d\d-\d\d\s+\d\d:\d\d:\d\d\s+UTC: ` +
			strings.TrimPrefix(acctest.ErrorMatching("not in carriers", "add each one to carriers",
				fmt.Sprintf("%q = %q", strconv.Itoa(dots[2]), listed.ListValue()), `or set unmanaged_carriers = "remove"`).String(), "(?s)"))
		portal.PreConfig = func() {
			c.portalPut(t, em, dots[2])
			c.portalTakeOff(t, em, dots[0])
			rec.reset()
		}
		portal.ExpectError = regexp.MustCompile(`are not in the configuration`)
		named := c.listConfig(em, "", arg, entries(dots...)...)
		steps = append(steps, portal,
			// The error names the carrier, who and when, and the ways out;
			// the plan that failed wrote nothing, and said it puts cs[0] back.
			resource.TestStep{
				PreConfig: func() {
					adds, removes = acctest.Requests(em, c.addOp), acctest.Requests(em, c.removeOp)
					if err := rec.warned(putBack)(); err != nil {
						t.Error(err)
					}
				},
				Config: config, PlanOnly: true, ExpectError: refused,
			},
			resource.TestStep{
				Config: named,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Check(acctest.ExpectRequests(em, c.removeOp, &removes, 0)),
					acctest.Check(acctest.ExpectRequests(em, c.addOp, &adds, 1)),
					acctest.Check(acctest.ExpectListed(em, c.list, dots...)),
				},
			})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: rec.factories(),
		Steps:                    steps,
	})
}

// Creating the resource over a list that already holds carriers the
// configuration does not name: "fail" refuses and writes nothing;
// "remove" takes off exactly the carriers its plan named.
func testAccListCreateOverUnmanaged(t *testing.T, c listCase) {
	em := acctest.Emulator(t)
	cs := acctest.Carriers(t, em, emulator.KindMC, 3)
	dots := dotsOf(cs)
	rec := newPlanRecorder()
	var removes int
	c.portalPut(t, em, dots[1])
	c.portalPut(t, em, dots[2])
	unmanaged := c.listedKey(t, em, dots[2]).Describe()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: rec.factories(),
		Steps: []resource.TestStep{
			{
				Config:      c.listConfig(em, "", `unmanaged_carriers = "fail"`, entries(dots[0], dots[1])...),
				ExpectError: acctest.ErrorMatching(`1 carrier(s) on the `+c.listName+` are not in the configuration`, unmanaged),
			},
			{
				PreConfig: func() {
					if n := em.Writes(); n != 0 {
						t.Fatalf("a plan that failed wrote %d times to MCP", n)
					}
					removes = acctest.Requests(em, c.removeOp)
				},
				Config: c.listConfig(em, "", `unmanaged_carriers = "remove"`, entries(dots[0], dots[1])...),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Check(rec.warned(fmt.Sprintf("%s, %q", unmanaged, cs[2].LegalName), c.verbs().remove)),
					acctest.Check(acctest.ExpectRequests(em, c.removeOp, &removes, 1)),
					acctest.Check(acctest.ExpectListed(em, c.list, dots[0], dots[1])),
				},
			},
		},
	})
}

// MCP may list an intrastate-only carrier by its intrastate number alone.
// Put there in the portal, such a carrier cannot be named by DOT number
// until someone says which it is: every policy but "keep" warns that it
// stays as it is, the apply writes nothing, and a "fail" plan does not fail
// on it. Named in carriers with its intrastate number, it is managed and
// the warning goes.
func testAccListWithoutDOT(t *testing.T, c listCase, policy string) {
	em := acctest.EmulatorWith(t, emulator.VariantListNoDOTIntrastate)
	managed := acctest.Carrier(t, em, emulator.KindMC)
	intra := acctest.Carrier(t, em, emulator.KindIntrastate)
	rec := newPlanRecorder()
	arg := fmt.Sprintf("unmanaged_carriers = %q", policy)
	var writes int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: rec.factories(),
		Steps: []resource.TestStep{
			{Config: c.listConfig(em, "", arg, entry(managed.DOTNumber))},
			{
				PreConfig: func() {
					c.portalPut(t, em, intra.DOTNumber)
					rec.reset()
					writes = em.Writes()
				},
				Config: c.listConfig(em, "", arg, entry(managed.DOTNumber)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Check(rec.warned("1 carrier(s) on the "+c.listName+" have no DOT number",
						fmt.Sprintf("unmanaged_carriers = %q does not apply to them", policy), "intrastate "+intra.IntrastateNumber)),
					acctest.Check(acctest.ExpectWritesSince(em, &writes, 0)),
					acctest.Check(acctest.ExpectListed(em, c.list, managed.DOTNumber, intra.DOTNumber)),
				},
			},
			{
				PreConfig: rec.reset,
				Config:    c.listConfig(em, "", arg, entry(managed.DOTNumber), namedEntry(intra.DOTNumber, intra.IntrastateNumber)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Check(rec.quiet("have no DOT number")),
					acctest.Check(acctest.ExpectWritesSince(em, &writes, 0)),
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("carriers").AtMapKey(strconv.Itoa(intra.DOTNumber)),
						knownvalue.StringExact(intra.IntrastateNumber)),
				},
			},
		},
	})
}

func testAccListOnDestroyClear(t *testing.T, c listCase) {
	em := acctest.Emulator(t)
	dots := dotsOf(acctest.Carriers(t, em, emulator.KindMC, 2))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return acctest.ExpectListed(em, c.list)() },
		Steps: []resource.TestStep{{
			Config:            c.listConfig(em, "", `on_destroy = "clear"`, entries(dots...)...),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Check(acctest.ExpectListed(em, c.list, dots...))},
		}},
	})
}

// A first apply that fails part-way, with on_destroy = "clear": the next
// apply, after the fix, creates the resource again and adopts what the
// first one blocked. Nothing is taken off the list on the way: a tainted
// resource would have been replaced, clearing the list first. Before that,
// a mistyped DOT number fails the plan, and nothing is written.
func testAccListFailedCreate(t *testing.T, c listCase) {
	em := acctest.Emulator(t)
	dots := dotsOf(acctest.Carriers(t, em, emulator.KindMC, 12))
	const unknownDOT = 99999998
	var removes, adds, missing int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: c.listConfig(em, "", `on_destroy = "clear"`, append(entries(dots...), entry(unknownDOT))...),
				ExpectError: acctest.ErrorMatching(`Unable to put carrier DOT 99999998 on the `+c.listName, `"99999998" = ""`,
					`MCP does not know a carrier with DOT 99999998`),
			},
			{
				PreConfig: func() {
					if n := em.Writes(); n != 0 {
						t.Fatalf("a plan that failed wrote %d times to MCP", n)
					}
					if err := em.SetFaults(emulator.Faults{Rate: 0.5, Statuses: []int{500}, Operations: []string{c.addOp}}); err != nil {
						t.Fatal(err)
					}
				},
				Config:      c.listConfig(em, "max_retries = 0", `on_destroy = "clear"`, entries(dots...)...),
				ExpectError: acctest.ErrorMatching(`Unable to update the ` + c.listName + ` completely`),
			},
			{
				PreConfig: func() {
					if err := em.SetFaults(emulator.Faults{}); err != nil {
						t.Fatal(err)
					}
					missing = len(dots) - len(acctest.Listed(em, c.list))
					if missing == 0 || missing == len(dots) {
						t.Fatalf("the injected failures left %d of %d carriers missing; the test needs a partial failure", missing, len(dots))
					}
					removes, adds = acctest.Requests(em, c.removeOp), acctest.Requests(em, c.addOp)
				},
				Config: c.listConfig(em, "", `on_destroy = "clear"`, entries(dots...)...),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(c.address(), plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Check(acctest.ExpectRequests(em, c.removeOp, &removes, 0)),
					acctest.Check(func() error { return acctest.ExpectRequests(em, c.addOp, &adds, missing)() }),
					acctest.Check(acctest.ExpectListed(em, c.list, dots...)),
				},
			},
		},
	})
}

// An unknown DOT number and a docket that is another carrier's are each
// refused at plan time, on the carrier's own path, naming whose the docket
// is; nothing is written. A plan that adds nothing looks nothing up.
func testAccListCheckedAtPlan(t *testing.T, c listCase) {
	em := acctest.Emulator(t)
	cs := acctest.Carriers(t, em, emulator.KindMC, 3)
	var previews int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: c.listConfig(em, "", "", namedEntry(cs[0].DOTNumber, cs[0].DocketNumber), entry(99999998)),
				ExpectError: acctest.ErrorMatching(`Unable to put carrier DOT 99999998 on the `+c.listName, `"99999998" = ""`,
					`MCP does not know a carrier with DOT 99999998: check the DOT number`),
			},
			{
				Config: c.listConfig(em, "", "", namedEntry(cs[0].DOTNumber, cs[0].DocketNumber), namedEntry(cs[1].DOTNumber, cs[2].DocketNumber)),
				ExpectError: acctest.ErrorMatching(fmt.Sprintf(`%q = %q`, strconv.Itoa(cs[1].DOTNumber), cs[2].DocketNumber),
					fmt.Sprintf(`docket %s belongs to DOT %d, %q; DOT %d is %q, with docket %s`,
						cs[2].DocketNumber, cs[2].DOTNumber, cs[2].LegalName, cs[1].DOTNumber, cs[1].LegalName, cs[1].DocketNumber)),
			},
			{
				PreConfig: func() {
					if n := em.Writes(); n != 0 {
						t.Fatalf("plans that failed wrote %d times to MCP", n)
					}
				},
				Config: c.listConfig(em, "", "", namedEntry(cs[0].DOTNumber, cs[0].DocketNumber), namedEntry(cs[1].DOTNumber, cs[1].DocketNumber)),
			},
			{
				PreConfig: func() { previews = acctest.Requests(em, "PreviewCarrier") },
				Config:    c.listConfig(em, "", "", namedEntry(cs[0].DOTNumber, cs[0].DocketNumber), namedEntry(cs[1].DOTNumber, cs[1].DocketNumber)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Check(acctest.ExpectRequests(em, "PreviewCarrier", &previews, 0)),
				},
			},
		},
	})
}

// A failure part-way through an update: the writes that failed are reported,
// and the next apply makes exactly the ones still missing.
func testAccListPartialFailure(t *testing.T, c listCase) {
	em := acctest.Emulator(t)
	dots := dotsOf(acctest.Carriers(t, em, emulator.KindMC, 12))
	var adds, missing int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: c.listConfig(em, "", "", entries(dots[:2]...)...)},
			{
				PreConfig: func() {
					if err := em.SetFaults(emulator.Faults{Rate: 0.5, Statuses: []int{500}, Operations: []string{c.addOp}}); err != nil {
						t.Fatal(err)
					}
				},
				Config:      c.listConfig(em, "max_retries = 0", "", entries(dots...)...),
				ExpectError: acctest.ErrorMatching(`Unable to update the ` + c.listName + ` completely`),
			},
			{
				PreConfig: func() {
					if err := em.SetFaults(emulator.Faults{}); err != nil {
						t.Fatal(err)
					}
					listed := acctest.Listed(em, c.list)
					missing = len(dots) - len(listed)
					if missing == 0 || missing == len(dots)-2 {
						t.Fatalf("the injected failures left %d of %d carriers missing; the test needs a partial failure", missing, len(dots)-2)
					}
					adds = acctest.Requests(em, c.addOp)
				},
				Config: c.listConfig(em, "", "", entries(dots...)...),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Check(func() error { return acctest.ExpectRequests(em, c.addOp, &adds, missing)() }),
					acctest.Check(acctest.ExpectListed(em, c.list, dots...)),
				},
			},
		},
	})
}

// Bad keys and values are refused at plan time, naming the attribute, and
// nothing reaches MCP.
func testAccListValidation(t *testing.T, c listCase) {
	em := acctest.Emulator(t)
	var steps []resource.TestStep
	for _, tc := range []struct {
		extra   string
		entries []string
		want    []string
	}{
		{``, []string{`"abc" = ""`}, []string{`"abc" is not a USDOT number`}},
		{``, []string{`"0" = ""`}, []string{`"0" is not a USDOT number`}},
		{``, []string{`"023868" = ""`}, []string{`"023868" is not a USDOT number`, "without a sign or leading zero"}},
		{``, []string{`"23868" = "mc113843"`}, []string{`did you mean "MC113843"`}},
		{``, []string{`"23868" = "MC-113843"`}, []string{`did you mean "MC113843"`}},
		{``, []string{`"23868" = "tx1"`}, []string{`"tx1" is not an intrastate number`}},
		{`on_destroy = "delete"`, []string{`"23868" = ""`}, []string{"on_destroy", `value must be one of: ["keep" "clear"]`}},
		{`unmanaged_carriers = "ignore"`, []string{`"23868" = ""`}, []string{"unmanaged_carriers", `value must be one of: ["remove" "keep" "fail"]`}},
	} {
		steps = append(steps, resource.TestStep{
			Config: c.listConfig(em, "", tc.extra, tc.entries...), PlanOnly: true, ExpectError: acctest.ErrorMatching(tc.want...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return acctest.ExpectNoWrites(em)() },
		Steps:                    steps,
	})
}

// A list a rule drives: selected_carriers holds the carriers whose
// insurance mcp_carrier reports expired, and reasons says why. One of them
// is also hand-kept in carriers. When both renew their insurance (through
// the emulator's admin change route, as MCP's own data changes), the rule
// stops selecting them: the hand-kept one stays on the list under every
// policy; the other is taken off under "remove", stays (listed in
// unmanaged) under "keep", and stops the plan under "fail". Every plan
// names the released carrier with the reason it was listed for.
func testAccListSelected(t *testing.T, c listCase, policy string) {
	em := acctest.Emulator(t)
	expired := acctest.Carriers(t, em, emulator.KindExpiredInsurance, 2)
	current := currentlyInsured(t, em, 1)
	released, handKept, other := expired[0].DOTNumber, expired[1].DOTNumber, current[0].DOTNumber
	rec := newPlanRecorder()
	config := acctest.ProviderBlock(em) + fmt.Sprintf(`
# One block each: terraform-plugin-testing cannot shim a data source's
# for_each instances into its legacy state.
data "mcp_carrier" "a" { dot_number = "%d" }
data "mcp_carrier" "b" { dot_number = "%d" }
data "mcp_carrier" "c" { dot_number = "%d" }

locals {
  carriers = { for c in [data.mcp_carrier.a, data.mcp_carrier.b, data.mcp_carrier.c] : c.dot_number => c }
  expired  = { for dot, c in local.carriers : dot => "insurance expired" if c.insurance_expired == true }
}

resource %q "test" {
  carriers           = { "%d" = "" }
  selected_carriers  = { for dot, _ in local.expired : dot => "" }
  reasons            = merge(local.expired, { "%d" = "hand-kept" })
  unmanaged_carriers = %q
}
`, released, handKept, other, c.resourceType(), handKept, handKept, policy)
	key := strconv.Itoa
	var adds, removes int
	count := func() { adds, removes = acctest.Requests(em, c.addOp), acctest.Requests(em, c.removeOp) }
	renew := func() {
		// The first insurance change cancels the cargo coverage; the
		// second renews every coverage for a year.
		for _, dot := range []int{released, handKept} {
			acctest.ChangeOverHTTP(t, em, dot, "insurance")
			acctest.ChangeOverHTTP(t, em, dot, "insurance")
		}
		rec.reset()
		count()
	}
	steps := []resource.TestStep{{
		PreConfig: count,
		Config:    config,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectKnownValue(c.address(), tfjsonpath.New("reasons"), knownvalue.MapExact(map[string]knownvalue.Check{
				key(released): knownvalue.StringExact("insurance expired"), key(handKept): knownvalue.StringExact("hand-kept")})),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("selected_carriers"), knownvalue.MapExact(map[string]knownvalue.Check{
				key(released): knownvalue.StringExact(""), key(handKept): knownvalue.StringExact("")})),
			acctest.Check(acctest.ExpectRequests(em, c.addOp, &adds, 2)),
			acctest.Check(acctest.ExpectListed(em, c.list, released, handKept)),
		},
	}}
	leaves := []string{"1 carrier(s) left selected_carriers", fmt.Sprintf("DOT %d", released), expired[0].LegalName}
	switch policy {
	case unmanagedRemove:
		steps = append(steps, resource.TestStep{
			PreConfig: renew,
			Config:    config,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Check(rec.warned(append(leaves, c.verbs().remove, "(listed for: insurance expired)")...)),
				acctest.Check(acctest.ExpectRequests(em, c.removeOp, &removes, 1)),
				acctest.Check(acctest.ExpectRequests(em, c.addOp, &adds, 0)),
				acctest.Check(acctest.ExpectListed(em, c.list, handKept)),
				statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("unmanaged"), knownvalue.MapExact(map[string]knownvalue.Check{})),
			},
		})
	case unmanagedKeep:
		steps = append(steps, resource.TestStep{
			PreConfig: renew,
			Config:    config,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Check(rec.warned(append(leaves, c.verbs().stays, "listed in unmanaged", "(listed for: insurance expired)")...)),
				acctest.Check(acctest.ExpectRequests(em, c.removeOp, &removes, 0)),
				acctest.Check(acctest.ExpectListed(em, c.list, released, handKept)),
				statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("unmanaged"), knownvalue.MapExact(map[string]knownvalue.Check{
					key(released): knownvalue.StringExact("")})),
			},
		}, resource.TestStep{
			// Kept, it is no longer news: the next plan is empty and quiet.
			PreConfig:         rec.reset,
			Config:            config,
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{acctest.Check(rec.quiet("left selected_carriers"))},
		})
	case unmanagedFail:
		steps = append(steps, resource.TestStep{
			PreConfig: renew,
			Config:    config,
			ExpectError: acctest.ErrorMatching(fmt.Sprintf("DOT %d", released), "no longer in selected_carriers",
				"(listed for: insurance expired)", "add each one to carriers"),
		}, resource.TestStep{
			// The failed plan wrote nothing: both are still on the list.
			PreConfig: func() {
				if err := errors.Join(acctest.ExpectRequests(em, c.removeOp, &removes, 0)(), acctest.ExpectListed(em, c.list, released, handKept)()); err != nil {
					t.Error(err)
				}
			},
			Config:      config,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`are not in the configuration`),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: rec.factories(),
		Steps:                    steps,
	})
}

// currentlyInsured returns n MC carriers whose insurance has not lapsed.
func currentlyInsured(t *testing.T, em *emulator.Instance, n int) []emulator.CarrierInfo {
	t.Helper()
	var out []emulator.CarrierInfo
	for _, c := range acctest.Carriers(t, em, emulator.KindMC, 50) {
		if len(out) < n && !slices.Contains(c.Kinds, emulator.KindExpiredInsurance) {
			out = append(out, c)
		}
	}
	if len(out) < n {
		t.Fatalf("found %d insured MC carriers, want %d", len(out), n)
	}
	return out
}
