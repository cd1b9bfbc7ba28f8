package provider

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// TestAccExamples_emulator runs examples/emulator, as it is, against the
// emulator command started as the guide Trying the provider with the MCP
// emulator starts it (its default flags and credentials): the apply
// monitors the sample carrier and blocks the two ring members, and the next
// plan is empty. Then, as the guide says, a carrier blocked through the
// emulator's portal route fails the plan, which names it, until it is
// unblocked there.
func TestAccExamples_emulator(t *testing.T) {
	t.Parallel()
	cli := acctest.CLIInfo(t)
	url := emulatortest.Command(t)
	w, err := tfcli.New(t.TempDir(), cli.Path, acctest.ProviderBuild(t),
		"TF_VAR_mcp_base_url="+url, "MCP_USERNAME="+emulator.DefaultUsername, "MCP_PASSWORD="+emulator.DefaultPassword)
	if err != nil {
		t.Fatal(err)
	}
	writeExample(t, w, "emulator")
	ctx := t.Context()

	if _, err := w.Must(ctx, 0, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatal(err)
	}
	var snap emulator.Snapshot
	adminRequest(t, http.MethodGet, url+"/_emulator/state", "", &snap)
	if got := listedDOTs(snap.Monitored); !slices.Equal(got, []int{23868}) {
		t.Errorf("the emulator monitors %v, want the sample carrier", got)
	}
	if got := listedDOTs(snap.Blocked); !slices.Equal(got, []int{1013015, 1033070}) {
		t.Errorf("the emulator blocks %v, want the example's two carriers", got)
	}
	if _, err := w.Must(ctx, 0, "plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
		t.Errorf("after the apply, the plan is not empty: %v", err)
	}

	adminRequest(t, http.MethodPost, url+"/_emulator/blocked", `{"add": [1000120]}`, nil)
	res, err := w.Must(ctx, 1, "plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Output), "DOT 1000120 / MC120042") {
		t.Errorf("the plan does not name the carrier blocked in the portal:\n%s", res.Output)
	}
	adminRequest(t, http.MethodPost, url+"/_emulator/blocked", `{"remove": [1000120]}`, nil)
	if _, err := w.Must(ctx, 0, "plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
		t.Errorf("once the carrier is unblocked, the plan is not empty: %v", err)
	}
}

// adminRequest calls one of the emulator's admin routes, as the guide's
// curl commands do, and decodes the answer into out unless it is nil.
func adminRequest(t *testing.T, method, url, body string, out any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %s", method, url, resp.Status)
	}
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			t.Fatal(err)
		}
	}
}

func listedDOTs(entries []emulator.ListEntry) []int {
	dots := make([]int, len(entries))
	for i, e := range entries {
		dots[i] = e.DOTNumber
	}
	slices.Sort(dots)
	return dots
}
