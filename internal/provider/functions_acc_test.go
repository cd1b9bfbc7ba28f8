package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
)

// Provider functions through the CLI. Functions need Terraform 1.8 or
// OpenTofu 1.7; on Terraform 1.5.7 these tests skip. They need no provider
// block: the CLI calls functions on a provider it has not configured.

func testAccFunctionCase(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	acctest.SkipWithout(t, acctest.Functions)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
}

// nullArgumentStep calls a function with a null argument. OpenTofu (up to
// 1.12.6 at least) sends a null argument of a parameter that allows null as
// an empty value, which terraform-plugin-framework cannot read, so the call
// fails before the function runs. On OpenTofu the step expects that failure:
// when OpenTofu is fixed it fails, and the null cases can join the others.
// Passing "" (or false) instead of null works on both CLIs.
func nullArgumentStep(t *testing.T, config string, want map[string]string) resource.TestStep {
	if acctest.CLIInfo(t).OpenTofu {
		return resource.TestStep{Config: config, ExpectError: acctest.ErrorMatching("DynamicValue had no JSON or msgpack data set")}
	}
	return outputsStep(config, want)
}

// outputsStep applies a configuration of outputs and checks each value.
func outputsStep(config string, want map[string]string) resource.TestStep {
	var checks []statecheck.StateCheck
	for name, value := range want {
		checks = append(checks, statecheck.ExpectKnownOutputValue(name, knownvalue.StringExact(value)))
	}
	return resource.TestStep{Config: config, ConfigStateChecks: checks}
}

func TestAccIntelliviteLinkFunction_basic(t *testing.T) {
	const base = "https://mycarrierpackets.com/" + testIntelliviteID + "/Carrier/Intellivite"
	testAccFunctionCase(t,
		outputsStep(`
locals {
  intellivite_id = "`+testIntelliviteID+`"
}

output "full" {
  value = provider::mcp::intellivite_link(local.intellivite_id, "brenda", "23868", "MC113843")
}

output "dot_only" {
  value = provider::mcp::intellivite_link(local.intellivite_id, "brenda", 23868)
}

output "user_only" {
  value = provider::mcp::intellivite_link(local.intellivite_id, "brenda")
}

output "basic" {
  value = provider::mcp::intellivite_link(local.intellivite_id)
}
`, map[string]string{
			"full":      base + "/brenda/23868/MC113843",
			"dot_only":  base + "/brenda/23868",
			"user_only": base + "/brenda",
			"basic":     base,
		}),
		resource.TestStep{
			Config: `
output "link" {
  value = provider::mcp::intellivite_link("not-a-guid", "brenda")
}
`,
			ExpectError: acctest.ErrorMatching(`"not-a-guid" is not an Intellivite ID`),
		},
		resource.TestStep{
			Config: `
output "link" {
  value = provider::mcp::intellivite_link("` + testIntelliviteID + `", "", "23868")
}
`,
			ExpectError: acctest.ErrorMatching("the MCP user name must not be empty"),
		},
	)
}

func TestAccCarrierPortalURLFunction_basic(t *testing.T) {
	const base = "https://mycarrierpackets.com/CarrierInformation/DOTNumber/23868"
	testAccFunctionCase(t,
		outputsStep(`
output "interstate" {
  value = provider::mcp::carrier_portal_url("23868", "MC113843", false)
}

output "intrastate" {
  value = provider::mcp::carrier_portal_url(23868, "", false)
}

output "request_insurance" {
  value = provider::mcp::carrier_portal_url("23868", "MC113843", true)
}
`, map[string]string{
			"interstate":        base + "/DocketNumber/MC113843",
			"intrastate":        base,
			"request_insurance": base + "/DocketNumber/MC113843?requestInsurance=true",
		}),
		nullArgumentStep(t, `
output "intrastate" {
  value = provider::mcp::carrier_portal_url(23868, null, null)
}
`, map[string]string{"intrastate": base}),
		resource.TestStep{
			Config: `
output "link" {
  value = provider::mcp::carrier_portal_url("0", "", false)
}
`,
			ExpectError: acctest.ErrorMatching(`"0" is not a USDOT number`),
		},
		resource.TestStep{
			Config: `
output "link" {
  value = provider::mcp::carrier_portal_url("23868", "113843", false)
}
`,
			ExpectError: acctest.ErrorMatching(`"113843" is not a docket number`),
		},
	)
}

func TestAccNormalizeDocketFunction_basic(t *testing.T) {
	testAccFunctionCase(t,
		outputsStep(`
output "spaced" {
  value = provider::mcp::normalize_docket("mc 113843")
}

output "hyphenated" {
  value = provider::mcp::normalize_docket(" MC-113843 ")
}

output "freight_forwarder" {
  value = provider::mcp::normalize_docket("ff#004512")
}
`, map[string]string{
			"spaced":            "MC113843",
			"hyphenated":        "MC113843",
			"freight_forwarder": "FF004512",
		}),
		resource.TestStep{
			Config: `
output "docket" {
  value = provider::mcp::normalize_docket("DOT 23868")
}
`,
			ExpectError: acctest.ErrorMatching(`"DOT 23868" is not a docket number`, "MC113843"),
		},
	)
}
