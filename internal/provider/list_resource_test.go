package provider

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
	"github.com/carrierstate/terraform-provider-mcp/internal/listwire"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// An update that fails part-way returns, with its error, a state that holds
// exactly what MCP holds: nothing recorded that did not happen, nothing
// lost that did. (Through the CLI the next refresh would hide a wrong
// state, so this calls Update directly.)
func TestCarrierListUpdateRecordsWhatMCPHolds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	em := emulatortest.Start(t, emulator.Options{Carriers: 500})
	if err := em.SetFaults(emulator.Faults{Rate: 0.5, Statuses: []int{500, 0}, Operations: []string{"RequestMonitoring"}}); err != nil {
		t.Fatal(err)
	}
	user, pass := em.Credentials()
	client, err := mcp.NewClient(em.URL, user, pass, mcp.WithRetry(mcp.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	r, ok := NewMonitoringListResource().(*carrierListResource)
	if !ok {
		t.Fatal("mcp_monitoring_list is not a carrierListResource")
	}
	r.data = newProviderData(client, 4)
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)

	dots := dotsOf(acctest.Carriers(t, em, emulator.KindMC, 20))
	elems := map[string]attr.Value{}
	for _, dot := range dots {
		elems[strconv.Itoa(dot)] = types.StringValue("")
	}
	null := tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)
	none := types.MapValueMust(types.StringType, map[string]attr.Value{})
	model := carrierListModel{ID: types.StringValue("monitoring_list"), Carriers: none, OnDestroy: types.StringValue("keep"),
		Unmanaged: none, UnmanagedCarriers: types.StringValue("remove"),
		Reasons: types.MapNull(types.StringType), SelectedCarriers: types.MapNull(types.StringType)}
	prior := tfsdk.State{Schema: sr.Schema, Raw: null}
	if d := prior.Set(ctx, model); d.HasError() {
		t.Fatal(d)
	}
	plan := tfsdk.Plan{Schema: sr.Schema, Raw: null}
	model.Carriers = types.MapValueMust(types.StringType, elems)
	if d := plan.Set(ctx, model); d.HasError() {
		t.Fatal(d)
	}
	resp := resource.UpdateResponse{State: tfsdk.State{Schema: sr.Schema, Raw: null}}
	r.Update(ctx, resource.UpdateRequest{Plan: plan, State: prior}, &resp)

	if !resp.Diagnostics.HasError() {
		t.Fatal("half the additions failed, but Update reported no error")
	}
	var state carrierListModel
	if d := resp.State.Get(ctx, &state); d.HasError() {
		t.Fatal(d)
	}
	var recorded []int
	for k := range state.Carriers.Elements() {
		n, _ := strconv.Atoi(k)
		recorded = append(recorded, n)
	}
	sort.Ints(recorded)
	listed := acctest.Listed(em, emulator.MonitoredList)
	if !slices.Equal(recorded, listed) {
		t.Errorf("state records %v, MCP holds %v", recorded, listed)
	}
	if len(listed) == 0 || len(listed) == len(dots) {
		t.Errorf("MCP holds %d of %d carriers; the test needs a partial failure", len(listed), len(dots))
	}
}

func TestOverlaps(t *testing.T) {
	t.Parallel()
	o := newOverlaps()
	if d := o.carrier("blocked_carrier", "block_list"); d.WarningsCount() != 0 {
		t.Errorf("a per-carrier resource alone warned: %v", d)
	}
	if d := o.list("block_list", "blocked_carrier"); d.WarningsCount() != 1 {
		t.Errorf("a block list after a blocked carrier: %d warnings, want 1", d.WarningsCount())
	}
	if d := o.carrier("blocked_carrier", "block_list"); d.WarningsCount() != 0 {
		t.Errorf("warned twice about the same overlap: %v", d)
	}
	if d := o.list("block_list", "blocked_carrier"); d.WarningsCount() != 1 || d[0].Summary() != "More than one mcp_block_list" {
		t.Errorf("a second block list: %v", d)
	}
	if d := o.list("monitoring_list", "monitored_carrier"); d.WarningsCount() != 0 {
		t.Errorf("the other list warned: %v", d)
	}
	if d := o.carrier("monitored_carrier", "monitoring_list"); d.WarningsCount() != 1 {
		t.Errorf("a monitored carrier after the monitoring list: %d warnings, want 1", d.WarningsCount())
	}
}

// capturedState is a stateSetter that keeps what apply records.
type capturedState struct{ model carrierListModel }

func (c *capturedState) Set(_ context.Context, val any) diag.Diagnostics {
	c.model, _ = val.(carrierListModel)
	return nil
}

// An apply takes off the list only the carriers its plan named: an
// unmanaged carrier the plan drops goes, one put on the list after the
// plan stays, for the next plan to name.
func TestCarrierListApplyRemovesOnlyWhatThePlanNamed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	em := emulatortest.Start(t, emulator.Options{Carriers: 500})
	user, pass := em.Credentials()
	client, err := mcp.NewClient(em.URL, user, pass)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := NewBlockListResource().(*carrierListResource)
	r.data = newProviderData(client, 4)
	dots := dotsOf(acctest.Carriers(t, em, emulator.KindMC, 3))
	managed, dropped, late := strconv.Itoa(dots[0]), strconv.Itoa(dots[1]), dots[2]
	if err := em.Block(dots[0], dots[1]); err != nil {
		t.Fatal(err)
	}
	one := func(k string) listwire.Map {
		return listwire.Map{Elems: map[string]listwire.String{k: listwire.Known("")}}
	}
	none := listwire.Map{Elems: map[string]listwire.String{}}
	prior := listwire.Value{Carriers: one(managed), ID: listwire.Known("block_list"), OnDestroy: listwire.Known("keep"),
		Unmanaged: one(dropped), UnmanagedCarriers: listwire.Known(unmanagedRemove)}
	plan := prior
	plan.Unmanaged = none
	if err := em.Block(late); err != nil { // after the plan
		t.Fatal(err)
	}
	var state capturedState
	var diags diag.Diagnostics
	r.apply(ctx, prior, plan, nil, &state, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got := acctest.Listed(em, emulator.BlockedList); !slices.Equal(got, []int{dots[0], late}) {
		t.Errorf("MCP blocks %v after the apply, want %v", got, []int{dots[0], late})
	}
	if n := acctest.Requests(em, "UnblockCarrier"); n != 1 {
		t.Errorf("%d UnblockCarrier requests, want 1", n)
	}
	if got := state.model.Unmanaged.Elements(); len(got) != 0 {
		t.Errorf("state records unmanaged %v, want what the plan said: none", got)
	}
}
