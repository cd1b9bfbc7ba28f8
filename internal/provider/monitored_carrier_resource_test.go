package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
)

func TestAccMonitoredCarrier_basic(t *testing.T)      { testAccMembershipBasic(t, monitoredCase) }
func TestAccMonitoredCarrier_dotOnly(t *testing.T)    { testAccMembershipDOTOnly(t, monitoredCase) }
func TestAccMonitoredCarrier_intrastate(t *testing.T) { testAccMembershipIntrastate(t, monitoredCase) }
func TestAccMonitoredCarrier_replace(t *testing.T)    { testAccMembershipReplace(t, monitoredCase) }
func TestAccMonitoredCarrier_drift(t *testing.T)      { testAccMembershipDrift(t, monitoredCase) }
func TestAccMonitoredCarrier_validation(t *testing.T) { testAccMembershipValidation(t, monitoredCase) }
func TestAccMonitoredCarrier_unknownCarrier(t *testing.T) {
	testAccMembershipUnknownCarrier(t, monitoredCase)
}
func TestAccMonitoredCarrier_importErrors(t *testing.T) {
	testAccMembershipImportErrors(t, monitoredCase)
}
func TestAccMonitoredCarrier_identity(t *testing.T) { testAccMembershipIdentity(t, monitoredCase) }
func TestAccMonitoredCarrier_identityIntrastate(t *testing.T) {
	testAccMembershipIdentityIntrastate(t, monitoredCase)
}
func TestAccMonitoredCarrier_identityErrors(t *testing.T) {
	testAccMembershipIdentityErrors(t, monitoredCase)
}

// Refreshing N per-carrier resources does not make N list calls: the run's
// shared view loads the monitored list once, every page, for all of them.
// Counted through the emulator's /_emulator/stats, as an operator would.
// 250 resources prove the bound as well as 2,000 did (one or two calls
// against one per resource) in an eighth of the time; make bench measures
// 2,000.
func TestAccMonitoredCarrier_planCost(t *testing.T) {
	const n = 250
	em := emulatortest.Start(t, emulator.Options{Carriers: n + 500})
	dots := dotsOf(acctest.Carriers(t, em, emulator.KindAll, n))
	if err := em.Monitor(dots...); err != nil {
		t.Fatal(err)
	}
	// One block per carrier: Terraform itself plans a for_each over
	// thousands of instances in quadratic time (about 80 s for 2,000 here,
	// for terraform_data as much as for this provider).
	var config strings.Builder
	config.WriteString(acctest.ProviderBlock(em))
	for _, dot := range dots {
		fmt.Fprintf(&config, "resource \"mcp_monitored_carrier\" \"c%[1]d\" {\n  dot_number = \"%[1]d\"\n}\n", dot)
	}

	var before map[string]int
	listCalls := func() (int, error) {
		after, err := acctest.StatsOverHTTP(em)
		if err != nil {
			return 0, err
		}
		return after["MonitoredCarriers"] - before["MonitoredCarriers"], nil
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// The carriers are on the list already: creating adopts them.
				Config:            config.String(),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Check(acctest.ExpectNoWrites(em))},
			},
			{
				PreConfig: func() {
					var err error
					if before, err = acctest.StatsOverHTTP(em); err != nil {
						t.Fatal(err)
					}
				},
				Config:   config.String(),
				PlanOnly: true,
				// After the refreshing plan over all the resources.
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					acctest.PlanCheck(func() error {
						calls, err := listCalls()
						if err != nil {
							return err
						}
						if calls < 1 || calls > 2 {
							return fmt.Errorf("refreshing %d resources made %d MonitoredCarriers calls, want 1 or 2", n, calls)
						}
						return nil
					}),
				}},
			},
		},
	})
}
