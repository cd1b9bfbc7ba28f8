package provider

import (
	"context"
	"fmt"
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

// listEntryType is the object type of each carriers value.
var listEntryType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"docket_number":     types.StringType,
	"intrastate_number": types.StringType,
}}

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
			"carriers": schema.MapNestedAttribute{
				MarkdownDescription: "Every carrier that must be on the " + r.kind.listName + ", keyed by USDOT number (such as `\"23868\"`). " +
					"**Authoritative:** a carrier on MCP's " + r.kind.listName + " that is not in this map is taken off it, " +
					"including carriers added in the MCP portal; the plan lists each one. An empty map empties the list.",
				Required:   true,
				Validators: []validator.Map{mapvalidator.KeysAre(dotNumberValidator)},
				NestedObject: schema.NestedAttributeObject{
					Validators: []validator.Object{docketOrIntrastate{}},
					Attributes: map[string]schema.Attribute{
						"docket_number": schema.StringAttribute{
							MarkdownDescription: "The carrier's docket number (`MC`, `FF` or `MX` and digits). Optional: when left out, " +
								"MCP finds the carrier by its DOT number and this shows the docket MCP lists.",
							Optional:      true,
							Computed:      true,
							Validators:    []validator.String{docketNumberValidator},
							PlanModifiers: []planmodifier.String{keepListedValue{}},
						},
						"intrastate_number": schema.StringAttribute{
							MarkdownDescription: "The state-issued number of an intrastate-only carrier, instead of a docket number.",
							Optional:            true,
							Computed:            true,
							Validators:          []validator.String{intrastateNumberValidator},
							PlanModifiers:       []planmodifier.String{keepListedValue{}},
						},
					},
				},
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
// would fight over the same list.
//
// The framework runs it only for the plans listPlanServer hands back to it
// (a destroy, a carriers map not yet known); listPlanServer computes every
// other plan itself and calls planWarnings the same way.
// TestListPlanMatchesFramework holds the two paths to the same result.
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

func (r *carrierListResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.sync(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics)
}

func (r *carrierListResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.sync(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics)
}

// sync makes MCP's list match the plan and records what MCP then holds,
// including when some writes failed: nothing that happened is lost from state.
func (r *carrierListResource) sync(ctx context.Context, get func(context.Context, any) diag.Diagnostics, state stateSetter, diags *diag.Diagnostics) {
	var plan carrierListModel
	diags.Append(get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	desired, d := desiredCarriers(plan.Carriers)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	res, err := r.kind.list(r.data).Sync(ctx, desired, r.data.listWriteConcurrency)
	if err != nil {
		addAPIError(diags, "Unable to update the "+r.kind.listName+" completely", err)
		if res.Entries == nil {
			return
		}
	}
	plan.ID = types.StringValue(r.kind.id)
	plan.Carriers, d = carriersValue(res.Entries)
	diags.Append(d...)
	diags.Append(state.Set(ctx, plan)...)
}

// stateSetter is the state of a create or update response.
type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}

func (r *carrierListResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state carrierListModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	entries, err := r.kind.list(r.data).All(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to read the "+r.kind.listName, err)
		return
	}
	var d diag.Diagnostics
	state.ID = types.StringValue(r.kind.id)
	state.Carriers, d = carriersValue(entries)
	resp.Diagnostics.Append(d...)
	if state.OnDestroy.IsNull() {
		state.OnDestroy = types.StringValue(onDestroyKeep)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
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
		Carriers:  types.MapNull(listEntryType),
		OnDestroy: types.StringValue(onDestroyKeep),
	})...)
}

// docketOrIntrastate refuses a carrier with both a docket and an intrastate
// number. It checks one map value at a time: ConflictsWith resolves its path
// expression against the whole configuration for every value, which is
// quadratic in the size of the map (minutes for 50,000 carriers).
type docketOrIntrastate struct{}

func (docketOrIntrastate) Description(context.Context) string {
	return "docket_number and intrastate_number are not both set"
}

func (v docketOrIntrastate) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (docketOrIntrastate) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	attrs := req.ConfigValue.Attributes()
	docket, intrastate := attrs["docket_number"], attrs["intrastate_number"]
	if docket == nil || intrastate == nil || docket.IsNull() || intrastate.IsNull() {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path.AtName("intrastate_number"), "Invalid Attribute Combination",
		fmt.Sprintf("Attribute %q cannot be specified when %q is specified: a carrier has a docket number or, "+
			"if it is intrastate-only, an intrastate number.", req.Path.AtName("intrastate_number"), req.Path.AtName("docket_number")))
}

// keepListedValue plans a carrier's docket or intrastate number, when the
// configuration leaves it out, as what MCP lists for a carrier already on
// the list (even null). Without it, every change to the map would show every
// unchanged carrier's missing value as "(known after apply)"; a carrier
// being added still gets its value from MCP after apply.
type keepListedValue struct{}

func (keepListedValue) Description(context.Context) string {
	return "Keeps the listed value of a carrier already on the list."
}

func (m keepListedValue) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (keepListedValue) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.ConfigValue.IsNull() || !req.PlanValue.IsUnknown() || req.State.Raw.IsNull() {
		return
	}
	var listed types.Object
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, req.Path.ParentPath(), &listed)...)
	if !listed.IsNull() && !listed.IsUnknown() {
		resp.PlanValue = req.StateValue
	}
}

// desiredCarriers reads the planned map into list keys.
func desiredCarriers(m types.Map) (map[int]carrierid.Key, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := make(map[int]carrierid.Key, len(m.Elements()))
	for k, v := range m.Elements() {
		dot, err := carrierid.ParseDOT(k)
		if err != nil {
			diags.AddAttributeError(path.Root("carriers").AtMapKey(k), "Invalid carriers key", err.Error())
			continue
		}
		obj, ok := v.(types.Object)
		if !ok {
			diags.AddError("Unexpected carriers value", fmt.Sprintf("Expected an object, got %T. This is always a bug in the provider.", v))
			continue
		}
		attrs := obj.Attributes()
		out[dot] = carrierid.Key{DOT: dot, Docket: stringAttr(attrs["docket_number"]), Intrastate: stringAttr(attrs["intrastate_number"])}
	}
	return out, diags
}

// stringAttr is the value of a known string attribute, or "".
func stringAttr(v attr.Value) string {
	s, ok := v.(types.String)
	if !ok || s.IsNull() || s.IsUnknown() {
		return ""
	}
	return s.ValueString()
}

// carriersValue builds the carriers map from list entries directly (no
// reflection: lists run to 50,000 carriers).
func carriersValue(entries map[int]membership.Entry) (types.Map, diag.Diagnostics) {
	elems := make(map[string]attr.Value, len(entries))
	for dot, e := range entries {
		elems[strconv.Itoa(dot)] = types.ObjectValueMust(listEntryType.AttrTypes, map[string]attr.Value{
			"docket_number":     optionalString(e.Key.Docket),
			"intrastate_number": optionalString(e.Key.Intrastate),
		})
	}
	return types.MapValue(listEntryType, elems)
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
