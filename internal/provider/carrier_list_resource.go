package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/listwire"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// On-destroy behaviours of a list resource.
const (
	onDestroyKeep  = "keep"
	onDestroyClear = "clear"
)

// listKind is what distinguishes mcp_monitoring_list from mcp_block_list.
type listKind struct {
	typeName    string
	id          string // the fixed ID, also the import ID
	description string
	listName    string // e.g. "monitored list"
	perCarrier  string // the per-carrier resource type that must not overlap
	list        func(*providerData) *membership.List
}

var (
	_ resource.Resource                = (*carrierListResource)(nil)
	_ resource.ResourceWithConfigure   = (*carrierListResource)(nil)
	_ resource.ResourceWithImportState = (*carrierListResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*carrierListResource)(nil)
)

// carrierListResource owns a whole MCP list: the map of carriers in the
// configuration is authoritative, and anything else on the list is removed.
type carrierListResource struct {
	kind listKind
	data *providerData
}

type carrierListModel struct {
	ID        types.String `tfsdk:"id"`
	Carriers  types.Map    `tfsdk:"carriers"`
	OnDestroy types.String `tfsdk:"on_destroy"`
}

func (r *carrierListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.kind.typeName
}

func (r *carrierListResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: r.kind.description,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Always `" + r.kind.id + "`: there is one " + r.kind.listName + " per MCP account. Also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"carriers": schema.MapAttribute{
				MarkdownDescription: "Every carrier that must be on the " + r.kind.listName + ", keyed by USDOT number (such as `\"23868\"`). " +
					"Each value names the carrier further: its docket number (`\"MC113843\"`; `FF` and `MX` dockets too), " +
					"its intrastate number if it is intrastate-only (`\"TX123456\"`), or `\"\"` to name it by its DOT number alone. " +
					"A value that starts with `MC`, `FF` or `MX` and a digit is a docket number; any other is an intrastate number.\n\n" +
					"**Authoritative:** a carrier on MCP's " + r.kind.listName + " that is not in this map is taken off it, " +
					"including carriers added in the MCP portal; the plan lists each one. An empty map empties the list. " +
					"After an import, the values are what MCP lists for each carrier.",
				Required:    true,
				ElementType: types.StringType,
				Validators:  []validator.Map{mapvalidator.KeysAre(dotNumberValidator), mapvalidator.ValueStringsAre(listValueValidator)},
			},
			"on_destroy": schema.StringAttribute{
				MarkdownDescription: "What destroying this resource does to MCP's " + r.kind.listName + ": `" + onDestroyKeep + "` (the default) " +
					"leaves it as it is and only stops managing it; `" + onDestroyClear + "` takes every carrier off it.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(onDestroyKeep),
				Validators: []validator.String{stringvalidator.OneOf(onDestroyKeep, onDestroyClear)},
			},
		},
	}
}

func (r *carrierListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan warns about what the plan cannot show by itself: carriers that
// creating the resource will take off the list, and other resources that
// would fight over the same list. It refuses, on the carrier's own path,
// a carrier the plan adds that MCP does not know, or whose docket is
// another carrier's.
//
// The framework runs it only for the plans listServer hands back to it
// (a destroy, a carriers map not yet known); listServer computes every
// other plan itself and calls planWarnings and checkAdded the same way.
// TestListServerMatchesFramework holds the two paths to the same result.
func (r *carrierListResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan carrierListModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var planned map[string]bool
	if !plan.Carriers.IsUnknown() {
		planned = make(map[string]bool, len(plan.Carriers.Elements()))
		for k := range plan.Carriers.Elements() {
			planned[k] = true
		}
	}
	resp.Diagnostics.Append(r.planWarnings(ctx, planned, req.State.Raw.IsNull())...)
	resp.Diagnostics.Append(r.checkAdded(ctx, wireMap(plan.Carriers))...)
}

// planWarnings are the warnings a plan of the list resource carries: other
// resources managing the same list, and, on creation, the carriers MCP
// holds that the plan does not (planned is nil when the map is unknown).
func (r *carrierListResource) planWarnings(ctx context.Context, planned map[string]bool, creating bool) diag.Diagnostics {
	if r.data == nil {
		return nil
	}
	diags := r.data.overlaps.list(r.kind.typeName, r.kind.perCarrier)
	if !creating || planned == nil {
		return diags
	}
	current, err := r.kind.list(r.data).All(ctx)
	if err != nil {
		addAPIError(&diags, "Unable to read the "+r.kind.listName, err)
		return diags
	}
	var dropped []int
	for dot := range current {
		if !planned[strconv.Itoa(dot)] {
			dropped = append(dropped, dot)
		}
	}
	if len(dropped) > 0 {
		slices.Sort(dropped)
		diags.AddAttributeWarning(path.Root("carriers"),
			fmt.Sprintf("Creating mcp_%s will take %d carrier(s) off the %s", r.kind.typeName, len(dropped), r.kind.listName),
			fmt.Sprintf("MCP's %s holds carriers that are not in carriers: %s. Applying takes them off. "+
				"To keep them, add them to the configuration, or import the list first (terraform import <address> %s) to see every carrier in the plan.",
				r.kind.listName, sample(dropped), r.kind.id))
	}
	return diags
}

// Create records nothing when the list could not be made whole. Terraform
// taints a resource whose creation failed, and would replace it at the next
// apply: a destroy that, with on_destroy = "clear", unblocks every carrier
// the configuration names before blocking them again. With nothing
// recorded the next apply creates the resource again, and creating adopts
// what MCP already holds: the carriers this apply did put on the list stay
// there, and are not written again.
func (r *carrierListResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.sync(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics, false)
}

// Update records what MCP holds even when some writes failed (an update is
// never tainted): nothing that happened is lost from state.
func (r *carrierListResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.sync(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics, true)
}

// sync makes MCP's list match the plan and records what MCP then holds; when
// some writes failed it records that only if recordFailure is set.
func (r *carrierListResource) sync(ctx context.Context, get func(context.Context, any) diag.Diagnostics, state stateSetter, diags *diag.Diagnostics, recordFailure bool) {
	var plan carrierListModel
	diags.Append(get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	planned := wireMap(plan.Carriers)
	desired, d := desiredCarriers(planned)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	res, err := r.kind.list(r.data).Sync(ctx, desired, r.data.listWriteConcurrency)
	if err != nil {
		addAPIError(diags, "Unable to update the "+r.kind.listName+" completely", err)
		if !recordFailure {
			diags.AddWarning("What the failed apply leaves behind",
				fmt.Sprintf("The carriers MCP accepted stay on the %s, and nothing is recorded in state yet, so the resource is not "+
					"replaced (which would take every carrier off first). Fix the configuration or the cause above and apply again: "+
					"creating adopts the carriers already on the list and makes only the writes still missing.", r.kind.listName))
			return
		}
		if res.Entries == nil {
			return
		}
	}
	plan.ID = types.StringValue(r.kind.id)
	plan.Carriers = typesMap(recordedCarriers(planned, res.Entries))
	diags.Append(state.Set(ctx, plan)...)
}

// stateSetter is the state of a create or update response.
type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}

// Read is the framework's path; listServer reads list resources itself,
// through read, and TestListServerMatchesFramework holds the two together.
func (r *carrierListResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state carrierListModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	v, diags := r.read(ctx, listwire.Value{Carriers: wireMap(state.Carriers), ID: wireString(state.ID), OnDestroy: wireString(state.OnDestroy)})
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, carrierListModel{
		ID: types.StringValue(v.ID.Value), Carriers: typesMap(v.Carriers), OnDestroy: types.StringValue(v.OnDestroy.Value),
	})...)
}

// read is the state that records what MCP's list holds now, given the
// last state.
func (r *carrierListResource) read(ctx context.Context, state listwire.Value) (listwire.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	entries, err := r.kind.list(r.data).All(ctx)
	if err != nil {
		addAPIError(&diags, "Unable to read the "+r.kind.listName, err)
		return state, diags
	}
	state.ID = listwire.Known(r.kind.id)
	state.Carriers = recordedCarriers(state.Carriers, entries)
	if state.OnDestroy.Null {
		state.OnDestroy = listwire.Known(onDestroyKeep)
	}
	return state, diags
}

func wireString(s types.String) listwire.String {
	return listwire.String{Value: s.ValueString(), Null: s.IsNull(), Unknown: s.IsUnknown()}
}

func (r *carrierListResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state carrierListModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || state.OnDestroy.ValueString() != onDestroyClear {
		return
	}
	if _, err := r.kind.list(r.data).Sync(ctx, nil, r.data.listWriteConcurrency); err != nil {
		addAPIError(&resp.Diagnostics, "Unable to clear the "+r.kind.listName, err)
	}
}

func (r *carrierListResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID != r.kind.id {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("%s has one instance per MCP account; import it with the ID %q, not %q.", r.kind.typeName, r.kind.id, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, carrierListModel{
		ID:        types.StringValue(r.kind.id),
		Carriers:  types.MapNull(types.StringType),
		OnDestroy: types.StringValue(onDestroyKeep),
	})...)
}

// checkAdded checks with MCP the carriers a plan puts on the list: those
// the configuration names that MCP's list does not hold. A plan with no
// additions makes no lookup.
func (r *carrierListResource) checkAdded(ctx context.Context, planned listwire.Map) diag.Diagnostics {
	var diags diag.Diagnostics
	if r.data == nil {
		return nil
	}
	current, err := r.kind.list(r.data).All(ctx)
	if err != nil {
		addAPIError(&diags, "Unable to read the "+r.kind.listName, err)
		return diags
	}
	var added []carrierid.Key
	for k, v := range planned.Elems {
		key, err := listKey(k, v)
		if _, on := current[key.DOT]; err == nil && !on {
			added = append(added, key)
		}
	}
	problems := checkCarriers(ctx, r.data.client, added)
	for _, dot := range slices.Sorted(maps.Keys(problems)) {
		k := strconv.Itoa(dot)
		diags.AddAttributeError(path.Root("carriers").AtMapKey(k),
			fmt.Sprintf("Unable to put carrier DOT %s on the %s", k, r.kind.listName), problems[dot].Error())
	}
	return diags
}

// desiredCarriers reads the planned carriers into list keys.
func desiredCarriers(m listwire.Map) (map[int]carrierid.Key, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := make(map[int]carrierid.Key, len(m.Elems))
	for k, v := range m.Elems {
		key, err := listKey(k, v)
		if err != nil {
			diags.AddAttributeError(path.Root("carriers").AtMapKey(k), "Invalid carriers entry", err.Error())
			continue
		}
		out[key.DOT] = key
	}
	return out, diags
}

// listKey reads one carriers entry; null is the same as "".
func listKey(k string, v listwire.String) (carrierid.Key, error) {
	dot, err := carrierid.ParseDOT(k)
	if err != nil {
		return carrierid.Key{}, err
	}
	if v.Unknown {
		return carrierid.Key{}, fmt.Errorf("the value for DOT %s is not known yet", k)
	}
	return carrierid.ParseListValue(dot, v.Value)
}

// recordedCarriers is the carriers map that records what MCP lists. A
// carrier that named (the plan, or the last state) already names in a way
// that matches MCP's entry keeps that value, "" and null included, so that
// state is exactly what was planned; any other carrier gets the docket or
// intrastate number MCP lists.
func recordedCarriers(named listwire.Map, entries map[int]membership.Entry) listwire.Map {
	out := listwire.Map{Elems: make(map[string]listwire.String, len(entries))}
	for dot, e := range entries {
		k := strconv.Itoa(dot)
		if v, ok := named.Elems[k]; ok {
			if want, err := listKey(k, v); err == nil && e.Matches(want) {
				out.Elems[k] = v
				continue
			}
		}
		out.Elems[k] = listwire.Known(e.Key.ListValue())
	}
	return out
}

// wireMap and typesMap convert carriers between the framework's types, which
// the framework's own paths (apply, import) use, and listwire's.
func wireMap(m types.Map) listwire.Map {
	if m.IsNull() || m.IsUnknown() {
		return listwire.Map{Null: m.IsNull(), Unknown: m.IsUnknown()}
	}
	out := listwire.Map{Elems: make(map[string]listwire.String, len(m.Elements()))}
	for k, v := range m.Elements() {
		s, _ := v.(types.String)
		out.Elems[k] = wireString(s)
	}
	return out
}

func typesMap(m listwire.Map) types.Map {
	switch {
	case m.Unknown:
		return types.MapUnknown(types.StringType)
	case m.Null:
		return types.MapNull(types.StringType)
	}
	elems := make(map[string]attr.Value, len(m.Elems))
	for k, v := range m.Elems {
		switch {
		case v.Unknown:
			elems[k] = types.StringUnknown()
		case v.Null:
			elems[k] = types.StringNull()
		default:
			elems[k] = types.StringValue(v.Value)
		}
	}
	return types.MapValueMust(types.StringType, elems)
}

// sample lists the first DOT numbers of a long list.
func sample(dots []int) string {
	const shown = 10
	parts := make([]string, 0, shown+1)
	for i, dot := range dots {
		if i == shown {
			parts = append(parts, fmt.Sprintf("and %d more", len(dots)-shown))
			break
		}
		parts = append(parts, strconv.Itoa(dot))
	}
	return strings.Join(parts, ", ")
}
