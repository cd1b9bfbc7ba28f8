package provider

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// Sizes of the account the query tests adopt: a few thousand carriers, in
// one MonitoredCarriers page and four MonitoredCarrierData pages.
const (
	queryMonitored = 2000
	queryBlocked   = 500
	queryInvited   = 20
)

// populated is an emulator holding an account that predates Terraform:
// queryMonitored carriers monitored, the next queryBlocked blocked, and
// invitations sent to the first queryInvited monitored carriers.
func populated(t *testing.T) (*emulator.Instance, []emulator.CarrierInfo) {
	t.Helper()
	em := acctest.Emulator(t)
	all := putOnLists(t, em, [2]int{0, queryMonitored}, [2]int{queryMonitored, queryMonitored + queryBlocked})
	client := acctest.Client(t, em)
	for _, c := range all[:queryInvited] {
		if _, err := client.Invitations.EmailPacket(context.Background(), mcp.PacketInvitation{CarrierEmail: c.Email, DOTNumber: c.DOTNumber}); err != nil {
			t.Fatal(err)
		}
	}
	return em, all
}

// TestAccQuery_adopt: terraform query -generate-config-out over an account
// that already holds thousands of carriers writes configuration that, once
// applied, imports every carrier once, writes nothing to MCP, and then
// plans with no changes. The query reads each list once, in 5,000-carrier
// pages.
func TestAccQuery_adopt(t *testing.T) {
	t.Parallel()
	acctest.SkipWithout(t, acctest.ListResources)
	cli := acctest.CLIInfo(t)
	pluginDir := acctest.ProviderBuild(t)
	for name, tc := range map[string]struct {
		lists []string
		// resources is how many resources of each type the generated
		// configuration must hold.
		resources map[string]int
		// pages is how many pages of each operation one query reads.
		pages map[string]int
	}{
		"per carrier": {
			lists:     []string{"mcp_monitored_carrier", "mcp_blocked_carrier", "mcp_carrier_invitation"},
			resources: map[string]int{"mcp_monitored_carrier": queryMonitored, "mcp_blocked_carrier": queryBlocked, "mcp_carrier_invitation": queryInvited},
			pages:     map[string]int{"MonitoredCarriers": 1, "BlockedCarriers": 1, "MonitoredCarrierData": queryMonitored / 500},
		},
		"whole lists": {
			lists:     []string{"mcp_monitoring_list", "mcp_block_list"},
			resources: map[string]int{"mcp_monitoring_list": 1, "mcp_block_list": 1},
			pages:     map[string]int{"MonitoredCarriers": 1, "BlockedCarriers": 1},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			em, all := populated(t)
			w, err := tfcli.New(t.TempDir(), cli.Path, pluginDir)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.WriteConfig(tfcli.RequiredProviders + acctest.ProviderBlock(em)); err != nil {
				t.Fatal(err)
			}
			var query strings.Builder
			for _, l := range tc.lists {
				fmt.Fprintf(&query, "list %q \"all\" {\n  provider = mcp\n  include_resource = true\n  limit = 10000\n}\n", l)
			}
			if err := os.WriteFile(filepath.Join(w.Dir, "adopt.tfquery.hcl"), []byte(query.String()), 0o600); err != nil {
				t.Fatal(err)
			}
			ctx := t.Context()
			before := maps.Clone(em.Stats().Requests)
			start := time.Now()
			if _, err := w.Must(ctx, 0, "query", "-generate-config-out=adopt.tf", "-no-color"); err != nil {
				t.Fatal(err)
			}
			t.Logf("query: %s", time.Since(start))
			after := em.Stats().Requests
			for op, want := range tc.pages {
				if got := after[op] - before[op]; got != want {
					t.Errorf("the query read %d pages of %s, want %d", got, op, want)
				}
			}
			generated, err := os.ReadFile(filepath.Join(w.Dir, "adopt.tf"))
			if err != nil {
				t.Fatal(err)
			}
			checkGenerated(t, string(generated), tc.resources, all)

			// Adopting: every result imported, nothing written to MCP.
			since := em.Writes()
			start = time.Now()
			res, err := w.Must(ctx, 0, "apply", "-auto-approve", "-no-color")
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("apply: %s", time.Since(start))
			total := 0
			for _, n := range tc.resources {
				total += n
			}
			if want := fmt.Sprintf("Apply complete! Resources: %d imported, 0 added, 0 changed, 0 destroyed.", total); !strings.Contains(string(res.Output), want) {
				t.Errorf("apply did not say %q:\n%s", want, tfcli.Tail(res.Output, 10))
			}
			if err := acctest.ExpectWritesSince(em, &since, 0)(); err != nil {
				t.Error(err)
			}
			start = time.Now()
			if _, err := w.Must(ctx, 0, "plan", "-detailed-exitcode", "-no-color"); err != nil {
				t.Errorf("after adopting, the plan is not empty: %v", err)
			}
			t.Logf("plan: %s", time.Since(start))
		})
	}
}

var generatedResource = regexp.MustCompile(`(?m)^resource "(mcp_[a-z_]+)" "[^"]+" \{$`)

// checkGenerated checks the configuration terraform query wrote: as many
// resources of each type as the account holds, each per-carrier one a
// different carrier of the account, and each list resource's carriers
// map the whole list.
func checkGenerated(t *testing.T, generated string, want map[string]int, all []emulator.CarrierInfo) {
	t.Helper()
	got := map[string]int{}
	for _, m := range generatedResource.FindAllStringSubmatch(generated, -1) {
		got[m[1]]++
	}
	if !maps.Equal(got, want) {
		t.Errorf("generated resources %v, want %v", got, want)
	}
	if n := strings.Count(generated, "import {"); n != sum(want) {
		t.Errorf("%d import blocks for %d resources", n, sum(want))
	}
	// Every carrier once: the DOT numbers of the account, each named once
	// per resource type that lists it.
	named := map[string]int{}
	for _, m := range regexp.MustCompile(`dot_number\s*=\s*"(\d+)"`).FindAllStringSubmatch(generated, -1) {
		named[m[1]]++
	}
	for _, c := range all[:queryMonitored+queryBlocked] {
		if want["mcp_monitoring_list"] == 1 {
			break // the list resources name carriers as map keys
		}
		if named[fmt.Sprint(c.DOTNumber)] == 0 {
			t.Errorf("carrier %d is not in the generated configuration", c.DOTNumber)
			return
		}
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// TestAccQuery_filters runs terraform query through terraform-plugin-testing
// with each filter of the per-carrier list resources.
func TestAccQuery_filters(t *testing.T) {
	acctest.SkipWithout(t, acctest.ListResources)
	em, all := populated(t)
	monitored := all[:queryMonitored]
	count := func(keep func(emulator.CarrierInfo) bool) int {
		n := 0
		for _, c := range monitored {
			if keep(c) {
				n++
			}
		}
		return n
	}
	lo, hi := monitored[100].DOTNumber, monitored[299].DOTNumber
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Query: true,
			Config: acctest.ProviderBlock(em) + `
list "mcp_monitored_carrier" "all" {
  provider = mcp
  limit    = 10000
}
list "mcp_monitored_carrier" "mx" {
  provider = mcp
  config { number_type = "MX" }
}
list "mcp_monitored_carrier" "intrastate" {
  provider = mcp
  config { number_type = "intrastate" }
}
list "mcp_monitored_carrier" "range" {
  provider = mcp
  limit    = 10000
  config {
    dot_number_min = ` + fmt.Sprint(lo) + `
    dot_number_max = ` + fmt.Sprint(hi) + `
  }
}
list "mcp_blocked_carrier" "all" {
  provider = mcp
  limit    = 10000
}
list "mcp_block_list" "all" { provider = mcp }
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("mcp_monitored_carrier.all", queryMonitored),
				querycheck.ExpectLength("mcp_monitored_carrier.mx", count(func(c emulator.CarrierInfo) bool { return strings.HasPrefix(c.DocketNumber, "MX") })),
				querycheck.ExpectLength("mcp_monitored_carrier.intrastate", count(func(c emulator.CarrierInfo) bool { return c.IntrastateNumber != "" })),
				querycheck.ExpectLength("mcp_monitored_carrier.range", 200),
				querycheck.ExpectLength("mcp_blocked_carrier.all", queryBlocked),
				querycheck.ExpectLength("mcp_block_list.all", 1),
			},
		}},
	})
}
