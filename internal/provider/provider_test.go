package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
)

// testAccProtoV6ProviderFactories runs the provider's server (NewServer,
// as the binary serves it) in the test process, so the CLI under test talks
// to it, and it to the emulator, on loopback.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"mcp": func() (tfprotov6.ProviderServer, error) { return NewServer("test")(), nil },
}

// providerConfig is a provider block with the given body and a data source
// that makes Terraform configure it.
func providerConfig(body string) string {
	return fmt.Sprintf(`
provider "mcp" {
%s
}

data "mcp_monitored_carriers" "all" {}
`, body)
}

// The provider configured from the environment alone, the way CI uses it,
// authenticates once per CLI command.
func TestAccProvider_environment(t *testing.T) {
	em := acctest.Emulator(t)
	user, pass := em.Credentials()
	t.Setenv("MCP_BASE_URL", em.URL)
	t.Setenv("MCP_USERNAME", user)
	t.Setenv("MCP_PASSWORD", pass)
	var tokens int
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() { tokens = acctest.Requests(em, "Token") },
			Config:    providerConfig(""),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.mcp_monitored_carriers.all", tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(0)),
				acctest.Check(func() error {
					// plan, apply, and the checks' own plans each configure the provider once.
					if n := acctest.Requests(em, "Token") - tokens; n < 1 || n > 6 {
						return fmt.Errorf("%d token requests for one test step, want one per CLI command", n)
					}
					return nil
				}),
			},
		}},
	})
}

// Every bad configuration gets a diagnostic on its attribute, in words a
// user can act on, and nothing reaches MCP but (at most) the token request
// that proves the credentials wrong.
func TestAccProvider_configurationErrors(t *testing.T) {
	em := acctest.Emulator(t)
	user, pass := em.Credentials()
	for _, env := range []string{"MCP_BASE_URL", "MCP_USERNAME", "MCP_PASSWORD", "MCP_REQUEST_TIMEOUT", "MCP_MAX_RETRIES"} {
		t.Setenv(env, "")
	}
	withURL := func(extra string) string {
		return providerConfig(fmt.Sprintf("  base_url = %q\n%s", em.URL, extra))
	}
	step := func(config string, want ...string) resource.TestStep {
		return resource.TestStep{Config: config, PlanOnly: true, ExpectError: acctest.ErrorMatching(want...)}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return acctest.ExpectNoWrites(em)() },
		Steps: []resource.TestStep{
			step(withURL(fmt.Sprintf("  password = %q", pass)), "Missing MCP username", "MCP_USERNAME environment variable", "Integration Tools"),
			step(withURL(fmt.Sprintf("  username = %q", user)), "Missing MCP password", "MCP_PASSWORD environment variable"),
			step(withURL(fmt.Sprintf("  username = %q\n  password = \"wrong\"", user)),
				"MCP rejected the credentials", "did not accept the integration username and password", "invalid_grant", "Integration Tools"),
			step(providerConfig(fmt.Sprintf("  base_url = \"not a url\"\n  username = %q\n  password = %q", user, pass)),
				"Invalid base_url", `"not a url" is not an absolute http(s) URL`),
			step(providerConfig(fmt.Sprintf("  base_url = \"http://api.mycarrierpackets.com\"\n  username = %q\n  password = %q", user, pass)),
				"Invalid base_url", "plain http://", "not a loopback host", "clear text"),
			step(providerConfig(fmt.Sprintf("  base_url = \"http://127.0.0.1:1\"\n  username = %q\n  password = %q\n  max_retries = 0", user, pass)),
				"Unable to reach MCP", "MCP could not be reached at http://127.0.0.1:1 (base_url, from the provider block): requesting an MCP access token",
				"did not retry the request (max_retries is 0), and changed nothing in MCP"),
			step(withURL(fmt.Sprintf("  username = %q\n  password = %q\n  request_timeout = \"ten\"", user, pass)),
				"Invalid request_timeout", `"ten" is not a duration`),
			step(withURL(fmt.Sprintf("  username = %q\n  password = %q\n  max_retries = 99", user, pass)), "max_retries", "between 0 and 20"),
			step(withURL(fmt.Sprintf("  username = %q\n  password = %q\n  retry_wait_min = \"1m\"\n  retry_wait_max = \"1s\"", user, pass)),
				"Invalid retry waits", "must not be longer"),
			step(`
resource "terraform_data" "user" {
  input = "demo"
}
`+providerConfig(fmt.Sprintf("  base_url = %q\n  username = terraform_data.user.output\n  password = %q", em.URL, pass)),
				"Unknown MCP username", "not known until apply", "MCP_USERNAME"),
		},
	})
}
