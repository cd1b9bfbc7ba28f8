package provider

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// migrationExample is the example of the guide Moving between per-carrier
// and list resources: one directory per step, applied in turn to one state.
const migrationExample = "migrating-to-list-resources"

// migrationGuide is that guide's template, which quotes the plans below.
const migrationGuide = "../../templates/guides/migrating-to-list-resources.md.tmpl"

// membershipWrites are the MCP operations that change a list.
var membershipWrites = []string{"RequestMonitoring", "CancelMonitoring", "BlockCarrier", "UnblockCarrier"}

// TestAccExamples_migratingToListResources runs the steps of
// examples/migrating-to-list-resources, as they are, on one state: per-carrier
// resources, then list resources, then per-carrier resources again. Each
// plan shows what the guide quotes, each apply leaves the state holding the
// step's resources and an empty plan behind, and from the first step's apply
// on not one write reaches MCP. On the way it checks the guide's caveat: a
// carrier on MCP's list that the per-carrier resources did not manage is
// imported into carriers, and the plan would cancel it.
func TestAccExamples_migratingToListResources(t *testing.T) {
	t.Parallel()
	acctest.SkipWithout(t, acctest.Forget)
	cli := acctest.CLIInfo(t)
	em := acctest.Emulator(t)
	if !acctest.ListsSpelledAsCarriers(em) {
		t.Skip("MCP's lists name the carriers otherwise than the example does, so the import shows changes (no writes) the guide does not quote")
	}
	user, pass := em.Credentials()
	w, err := tfcli.New(t.TempDir(), cli.Path, acctest.ProviderBuild(t),
		"MCP_BASE_URL="+em.URL, "MCP_USERNAME="+user, "MCP_PASSWORD="+pass)
	if err != nil {
		t.Fatal(err)
	}
	guide, err := os.ReadFile(migrationGuide)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()

	// step plans the step's configuration, checks that the plan says each
	// of the CLI's lines, as the guide quotes them, applies it, and checks
	// that the state then holds exactly the resources want and that the next
	// plan is empty.
	step := func(dir string, plan migrationPlan, want []string) {
		t.Helper()
		lines := plan.terraform
		if cli.OpenTofu {
			lines = plan.openTofu
		}
		writeExample(t, w, filepath.Join(migrationExample, dir))
		res, err := w.Must(ctx, 2, "plan", "-detailed-exitcode", "-input=false", "-no-color", "-out=step.tfplan")
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range lines {
			if !strings.Contains(string(res.Output), line) {
				t.Errorf("the plan of %s does not say %q:\n%s", dir, line, res.Output)
			}
			if !strings.Contains(string(guide), line) {
				t.Errorf("the guide does not quote the plan of %s: %q", dir, line)
			}
		}
		if _, err := w.Must(ctx, 0, "apply", "-input=false", "-no-color", "step.tfplan"); err != nil {
			t.Fatal(err)
		}
		if got := stateAddresses(t, w); !slices.Equal(got, want) {
			t.Errorf("after %s the state holds %v, want %v", dir, got, want)
		}
		if _, err := w.Must(ctx, 0, "plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
			t.Errorf("after %s the plan is not empty: %v", dir, err)
		}
	}

	perCarrier := []string{
		`mcp_blocked_carrier.flagged["1000120"]`, `mcp_blocked_carrier.flagged["1013015"]`,
		`mcp_monitored_carrier.fleet["1000043"]`, `mcp_monitored_carrier.fleet["1000097"]`, `mcp_monitored_carrier.fleet["23868"]`,
	}
	created := []string{"Plan: 5 to add, 0 to change, 0 to destroy."}
	step("1-per-carrier", migrationPlan{created, created}, perCarrier)
	if err := acctest.ExpectListed(em, emulator.MonitoredList, 23868, 1000043, 1000097)(); err != nil {
		t.Fatal(err)
	}
	if err := acctest.ExpectListed(em, emulator.BlockedList, 1000120, 1013015)(); err != nil {
		t.Fatal(err)
	}
	before := maps.Clone(em.Stats().Requests)

	// The caveat: a carrier monitored in the MCP portal, which no
	// per-carrier resource manages, is imported too, and the configuration
	// does not name it.
	const portal = 1000875
	if err := em.Monitor(portal); err != nil {
		t.Fatal(err)
	}
	writeExample(t, w, filepath.Join(migrationExample, "2-to-list-resources"))
	res, err := w.Must(ctx, 2, "plan", "-detailed-exitcode", "-input=false", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{`- "1000875" = "TX100030"`, "2 to import, 0 to add, 1 to change, 0 to destroy"} {
		if !strings.Contains(string(res.Output), line) {
			t.Errorf("with DOT %d monitored in the portal, the plan does not say %q:\n%s", portal, line, res.Output)
		}
		if !strings.Contains(string(guide), line) {
			t.Errorf("the guide does not quote the caveat's plan: %q", line)
		}
	}
	if err := em.Unmonitor(portal); err != nil {
		t.Fatal(err)
	}

	step("2-to-list-resources", migrationPlan{
		terraform: []string{`mcp_monitored_carrier.fleet["23868"] will no longer be managed by Terraform, but will not be destroyed`,
			` - mcp_blocked_carrier.flagged["1000120"]`, "Plan: 2 to import, 0 to add, 0 to change, 0 to destroy."},
		openTofu: []string{`mcp_monitored_carrier.fleet["23868"] will be removed from the OpenTofu state but will not be destroyed`,
			"Plan: 2 to import, 0 to add, 0 to change, 0 to destroy, 5 to forget."},
	}, []string{"mcp_block_list.this", "mcp_monitoring_list.this"})
	step("3-back-to-per-carrier", migrationPlan{
		terraform: []string{"mcp_monitoring_list.this will no longer be managed by Terraform, but will not be destroyed",
			`mcp_monitored_carrier.fleet["23868"] will be imported`, "Plan: 5 to import, 0 to add, 0 to change, 0 to destroy."},
		openTofu: []string{"mcp_monitoring_list.this will be removed from the OpenTofu state but will not be destroyed",
			`mcp_monitored_carrier.fleet["23868"] will be imported`, "Plan: 5 to import, 0 to add, 0 to change, 0 to destroy, 2 to forget."},
	}, perCarrier)

	after := em.Stats().Requests
	for _, op := range membershipWrites {
		if after[op] != before[op] {
			t.Errorf("MCP received %d %s requests during the migration, want none", after[op]-before[op], op)
		}
	}
	if err := acctest.ExpectListed(em, emulator.MonitoredList, 23868, 1000043, 1000097)(); err != nil {
		t.Error(err)
	}
	if err := acctest.ExpectListed(em, emulator.BlockedList, 1000120, 1013015)(); err != nil {
		t.Error(err)
	}
}

// migrationPlan is what a step's plan says, as Terraform and as OpenTofu
// write it: each has its own words for a resource a removed block forgets,
// and OpenTofu counts them in the summary.
type migrationPlan struct{ terraform, openTofu []string }

// writeExample makes examples/<dir>/main.tf, as it is, the configuration of
// the working directory.
func writeExample(t *testing.T, w *tfcli.Workdir, dir string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(examplesRoot, dir, "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteConfig(string(b)); err != nil {
		t.Fatal(err)
	}
}

// stateAddresses lists the addresses of the resources in the working
// directory's state, sorted.
func stateAddresses(t *testing.T, w *tfcli.Workdir) []string {
	t.Helper()
	out, err := w.Stdout(t.Context(), "show", "-json")
	if err != nil {
		t.Fatal(err)
	}
	var state struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address string `json:"address"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(out, &state); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var addrs []string
	for _, r := range state.Values.RootModule.Resources {
		addrs = append(addrs, r.Address)
	}
	slices.Sort(addrs)
	return addrs
}
