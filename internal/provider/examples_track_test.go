package provider

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// TestAccExamples_onboardAndTrack runs examples/onboard-and-track, as it
// is: the apply monitors its three carriers in MCP and invites to project44
// tracking the two that project44 cannot track by asset yet, each at the
// address MCP recommends; the third, already tracked, is not invited. A
// carrier accepting shows in the outputs after a refresh; an expired
// invitation is sent again by the next apply, which the plan announces.
func TestAccExamples_onboardAndTrack(t *testing.T) {
	t.Parallel()
	cli := acctest.CLIInfo(t)
	em := acctest.Emulator(t)
	user, pass := em.Credentials()
	id, secret := em.P44().Credentials()
	w, err := tfcli.New(t.TempDir(), cli.Path, acctest.ProviderBuild(t),
		"MCP_BASE_URL="+em.URL, "MCP_USERNAME="+user, "MCP_PASSWORD="+pass,
		"PROJECT44_BASE_URL="+em.URL, "PROJECT44_CLIENT_ID="+id, "PROJECT44_CLIENT_SECRET="+secret)
	if err != nil {
		t.Fatal(err)
	}
	writeExample(t, w, "onboard-and-track")
	ctx := t.Context()
	const mobileOnly, untracked, assetTracked = "23868", "1000043", "1000097"

	if _, err := w.Must(ctx, 0, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatal(err)
	}
	if got := acctest.Listed(em, emulator.MonitoredList); !slices.Equal(dotStrings(got), []string{"1000043", "1000097", "23868"}) {
		t.Errorf("MCP monitors %v, want the example's three carriers", got)
	}
	for _, dot := range []string{mobileOnly, untracked} {
		if err := acctest.ExpectTrackingInvitations(em, "DOT_NUMBER:"+dot, 1)(); err != nil {
			t.Error(err)
		}
		if err := acctest.ExpectTrackingContact(em, "DOT_NUMBER:"+dot, servedRecommendedEmail(t, em, dot), "Dispatch", "en-US")(); err != nil {
			t.Error(err)
		}
	}
	if err := acctest.ExpectTrackingInvitations(em, "DOT_NUMBER:"+assetTracked, 0)(); err != nil {
		t.Errorf("a carrier project44 already tracks was invited: %v", err)
	}

	acctest.SetTrackingStatus(t, em, mobileOnly, "ACCEPTED")
	if _, err := w.Must(ctx, 0, "apply", "-refresh-only", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatal(err)
	}
	out, err := w.Stdout(ctx, "output", "-json")
	if err != nil {
		t.Fatal(err)
	}
	var outputs struct {
		Accepted struct{ Value []string }          `json:"tracking_accepted"`
		Pending  struct{ Value map[string]string } `json:"tracking_pending"`
	}
	if err := json.Unmarshal(out, &outputs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if want := []string{"1000097", "23868"}; !slices.Equal(outputs.Accepted.Value, want) {
		t.Errorf("tracking_accepted = %v, want %v", outputs.Accepted.Value, want)
	}
	if want := map[string]string{untracked: "IN_PROGRESS"}; len(outputs.Pending.Value) != 1 || outputs.Pending.Value[untracked] != "IN_PROGRESS" {
		t.Errorf("tracking_pending = %v, want %v", outputs.Pending.Value, want)
	}

	acctest.SetTrackingStatus(t, em, untracked, "EXPIRED")
	res, err := w.Must(ctx, 2, "plan", "-detailed-exitcode", "-input=false", "-no-color", "-out=track.tfplan")
	if err != nil {
		t.Fatal(err)
	}
	if plan := string(res.Output); !strings.Contains(plan, "Carrier DOT_NUMBER:"+untracked+" will be invited to tracking again") ||
		!strings.Contains(plan, "1 to change") {
		t.Errorf("the plan does not announce inviting DOT %s again:\n%s", untracked, plan)
	}
	if _, err := w.Must(ctx, 0, "apply", "-input=false", "-no-color", "track.tfplan"); err != nil {
		t.Fatal(err)
	}
	if err := acctest.ExpectTrackingInvitations(em, "DOT_NUMBER:"+untracked, 2)(); err != nil {
		t.Error(err)
	}
	if err := acctest.ExpectTrackingInvitations(em, "DOT_NUMBER:"+mobileOnly, 1)(); err != nil {
		t.Error(err)
	}
	if _, err := w.Must(ctx, 0, "plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
		t.Errorf("after the apply, the plan is not empty: %v", err)
	}

	// Destroying cannot cancel an invitation, and the plan says so.
	res, err = w.Must(ctx, 2, "plan", "-destroy", "-detailed-exitcode", "-input=false", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	if plan := string(res.Output); !acctest.ErrorMatching("Destroying does not cancel the tracking invitation to DOT_NUMBER:"+untracked,
		"The e-mail project44 already sent stays sent, and project44 has no way to cancel an invitation").MatchString(plan) {
		t.Errorf("the destroy plan does not say that it cannot cancel the invitations:\n%s", plan)
	}
}

// servedRecommendedEmail is the address the example picks for a carrier:
// MCP's own choice, as PreviewCarrier lists it (see servedRecommended).
func servedRecommendedEmail(t *testing.T, em *emulator.Instance, dot string) string {
	t.Helper()
	n, err := strconv.Atoi(dot)
	if err != nil {
		t.Fatal(err)
	}
	p, err := acctest.Client(t, em).Carriers.Preview(t.Context(), mcp.CarrierLookup{DOTNumber: n})
	if err != nil {
		t.Fatal(err)
	}
	email := servedRecommended(p.Emails)
	if email == "" {
		t.Fatalf("MCP lists no e-mail for DOT %s", dot)
	}
	return email
}
