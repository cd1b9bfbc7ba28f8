package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
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
	// defaultPolicy is unmanaged_carriers when the configuration does not set it.
	defaultPolicy string
	verbs         listVerbs
}

// listVerbs say, in diagnostics, what happened to a carrier and what an
// apply does to it.
type listVerbs struct {
	added, removed string // "blocked", "unblocked"
	// What the apply's progress lines say it did: "blocked", or
	// "monitoring requested for" (400 of 1,000).
	progressAdd, progressRemove string
	remove, readd, stays        string // "will UNBLOCK", "will BLOCK again", "stays blocked"
}

var (
	_ resource.Resource                = (*carrierListResource)(nil)
	_ resource.ResourceWithConfigure   = (*carrierListResource)(nil)
	_ resource.ResourceWithImportState = (*carrierListResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*carrierListResource)(nil)
	_ resource.ResourceWithIdentity    = (*carrierListResource)(nil)
)

// carrierListResource owns a whole MCP list: the carriers in the
// configuration are on it, and unmanaged_carriers says what happens to the
// others.
type carrierListResource struct {
	kind listKind
	data *providerData
}

type carrierListModel struct {
	ID                types.String `tfsdk:"id"`
	Carriers          types.Map    `tfsdk:"carriers"`
	OnDestroy         types.String `tfsdk:"on_destroy"`
	Reasons           types.Map    `tfsdk:"reasons"`
	SelectedCarriers  types.Map    `tfsdk:"selected_carriers"`
	Unmanaged         types.Map    `tfsdk:"unmanaged"`
	UnmanagedCarriers types.String `tfsdk:"unmanaged_carriers"`
}

// wire and listModel convert between the framework's model, which its own
// paths (apply, import, and plans listServer hands over) use, and
// listwire's value.
func (m carrierListModel) wire() listwire.Value {
	return listwire.Value{
		Carriers: wireMap(m.Carriers), ID: wireString(m.ID), OnDestroy: wireString(m.OnDestroy),
		Reasons: wireMap(m.Reasons), Selected: wireMap(m.SelectedCarriers),
		Unmanaged: wireMap(m.Unmanaged), UnmanagedCarriers: wireString(m.UnmanagedCarriers),
	}
}

func listModel(v listwire.Value) carrierListModel {
	return carrierListModel{
		Carriers: typesMap(v.Carriers), ID: typesString(v.ID), OnDestroy: typesString(v.OnDestroy),
		Reasons: typesMap(v.Reasons), SelectedCarriers: typesMap(v.Selected),
		Unmanaged: typesMap(v.Unmanaged), UnmanagedCarriers: typesString(v.UnmanagedCarriers),
	}
}

// listIdentityModel is a list resource's identity: the fixed ID of the one
// list per MCP account. terraform query needs an identity for its result,
// and an import block may name the list by it.
type listIdentityModel struct {
	ID types.String `tfsdk:"id"`
}

func (r *carrierListResource) identity() listIdentityModel {
	return listIdentityModel{ID: types.StringValue(r.kind.id)}
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
					"Taking a carrier out of this map takes it off the list (unless `selected_carriers` names it). " +
					"A carrier on MCP's " + r.kind.listName + " that neither this map nor `selected_carriers` names is dealt with as `unmanaged_carriers` says. " +
					"A carrier taken off the list outside Terraform is put back; the plan names each one. " +
					"After an import, the map holds every carrier on the list, valued as MCP lists it.",
				Required:    true,
				ElementType: types.StringType,
				Validators:  []validator.Map{mapvalidator.KeysAre(dotNumberValidator), mapvalidator.ValueStringsAre(listValueValidator)},
			},
			"selected_carriers": schema.MapAttribute{
				MarkdownDescription: "The carriers a rule selects, such as a `for` expression over `mcp_monitored_carrier_details`, " +
					"keyed and valued like `carriers`, and put on the " + r.kind.listName + " as `carriers` are. " +
					"They differ in what happens when a carrier leaves this map and `carriers` does not name it: " +
					"it is then a carrier the configuration does not name, and `unmanaged_carriers` decides. " +
					"`" + unmanagedRemove + "` takes it off the list (the rule released it); `" + unmanagedKeep + "` leaves it on the list, " +
					"listed in `unmanaged`; `" + unmanagedFail + "` stops the plan, so that a person decides. The plan names each carrier the rule " +
					"releases, with the reason it was listed for.\n\n" +
					"A carrier in `carriers` stays on the list whatever the rule selects: a hand-kept entry is never released by the rule. " +
					"A carrier in both maps must have the same value in each.",
				Optional:    true,
				ElementType: types.StringType,
				Validators:  []validator.Map{mapvalidator.KeysAre(dotNumberValidator), mapvalidator.ValueStringsAre(listValueValidator)},
			},
			"reasons": schema.MapAttribute{
				MarkdownDescription: "Why each carrier is on the " + r.kind.listName + ", keyed by USDOT number: free text that the plan shows " +
					"beside `carriers` and `selected_carriers`, such as `\"insurance expired 2026-11-30\"`. It is kept in Terraform's state only: " +
					"MCP has no such field, and nothing of it is sent to MCP. Every key must be in `carriers` or `selected_carriers`.",
				Optional:    true,
				ElementType: types.StringType,
				Validators:  []validator.Map{mapvalidator.KeysAre(dotNumberValidator)},
			},
			"on_destroy": schema.StringAttribute{
				MarkdownDescription: "What destroying this resource does to MCP's " + r.kind.listName + ": `" + onDestroyKeep + "` (the default) " +
					"leaves it as it is and only stops managing it; `" + onDestroyClear + "` takes off every carrier in `carriers` and `selected_carriers`, " +
					"and the carriers in `unmanaged` too under `unmanaged_carriers = \"" + unmanagedRemove + "\"`.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(onDestroyKeep),
				Validators: []validator.String{stringvalidator.OneOf(onDestroyKeep, onDestroyClear)},
			},
			"unmanaged_carriers": schema.StringAttribute{
				MarkdownDescription: "What happens to carriers on MCP's " + r.kind.listName + " that neither `carriers` nor `selected_carriers` names, " +
					"such as a carrier someone " + r.kind.verbs.added + " in the MCP portal, or one that the rule filling `selected_carriers` no longer selects:\n" +
					"  - `" + unmanagedRemove + "`: the apply takes them off the list (`carriers` is authoritative). The plan names each one, " +
					"with who put it on the list and when.\n" +
					"  - `" + unmanagedKeep + "`: they stay on the list, unmanaged, and are listed in `unmanaged`.\n" +
					"  - `" + unmanagedFail + "`: the plan fails, naming each one, until it is added to `carriers` or the policy changes.\n\n" +
					"The default is `" + r.kind.defaultPolicy + "`. Only carriers the plan names are ever taken off: one put on the list " +
					"between the plan and the apply stays until the next plan names it.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(r.kind.defaultPolicy),
				Validators: []validator.String{stringvalidator.OneOf(unmanagedRemove, unmanagedKeep, unmanagedFail)},
			},
			"unmanaged": schema.MapAttribute{
				MarkdownDescription: "The carriers on MCP's " + r.kind.listName + " that neither `carriers` nor `selected_carriers` names, keyed by USDOT number " +
					"and valued like `carriers`: those kept under `unmanaged_carriers = \"" + unmanagedKeep + "\"`, or found by the last " +
					"refresh and not yet dealt with.",
				Computed:    true,
				ElementType: types.StringType,
			},
		},
	}
}

// IdentitySchema is the resource identity (Terraform 1.12+, OpenTofu
// 1.12+). Older CLIs never ask for it.
func (r *carrierListResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				Description:       "Always `" + r.kind.id + "`, as the import ID.",
				RequiredForImport: true,
			},
		},
	}
}

func (r *carrierListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan is the framework's planning path, which listServer takes for
// a destroy and for a carriers map not yet known, and which
// TestListServerMatchesFramework holds to listServer's own: both complete
// the plan with plan.
func (r *carrierListResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, state carrierListModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	prior := listwire.Value{Null: true}
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		prior = state.wire()
	}
	if resp.Diagnostics.HasError() {
		return
	}
	drift, d := req.Private.GetKey(ctx, privateDrift)
	resp.Diagnostics.Append(d...)
	planned, removal, diags := r.plan(ctx, prior, plan.wire(), decodeDrift(drift))
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, listModel(planned))...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateDrift, nil)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateRemoval, encodeRemoval(removal))...)
}

// Create records nothing when the list could not be made whole. Terraform
// taints a resource whose creation failed, and would replace it at the next
// apply: a destroy that, with on_destroy = "clear", unblocks every carrier
// the configuration names before blocking them again. With nothing
// recorded the next apply creates the resource again, and creating adopts
// what MCP already holds: the carriers this apply did put on the list stay
// there, and are not written again.
func (r *carrierListResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan carrierListModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.apply(ctx, listwire.Value{Null: true}, plan.wire(), plannedRemoval(ctx), &resp.State, &resp.Diagnostics)
	if !resp.State.Raw.IsNull() {
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, r.identity())...)
	}
}

// Update records what MCP holds even when some writes failed (an update is
// never tainted): nothing that happened is lost from state.
func (r *carrierListResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state carrierListModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.apply(ctx, state.wire(), plan.wire(), nil, &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(keepIdentity(ctx, resp.Identity, r.identity())...)
}

// apply makes MCP's list hold the planned carriers and takes off exactly
// the carriers the plan drops: those of the prior state (managed, and
// unmanaged ones the plan no longer lists) and, on create, removal. A
// carrier put on the list since the plan stays. It then records what MCP
// holds; a failed create records nothing.
func (r *carrierListResource) apply(ctx context.Context, prior, plan listwire.Value, removal []int, state stateSetter, diags *diag.Diagnostics) {
	desired, d := desiredCarriers("carriers", plan.Carriers)
	diags.Append(d...)
	selected, d := desiredCarriers("selected_carriers", plan.Selected)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	maps.Copy(desired, selected)
	remove := make(map[int]bool, len(removal))
	for _, dot := range removal {
		remove[dot] = true
	}
	addDOTs(remove, prior.Carriers, plan.Unmanaged)
	if !plan.Unmanaged.Unknown {
		// The carriers the rule released leave only as the plan said: under
		// "remove", not under "keep" (the plan lists them in unmanaged).
		addDOTs(remove, prior.Unmanaged, plan.Unmanaged)
		addDOTs(remove, prior.Selected, plan.Unmanaged)
	}
	progress := newListProgress(r.kind, r.data.now)
	res, err := r.kind.list(r.data).Sync(ctx, desired, remove, r.data.listWriteConcurrency, progress)
	progress.summarize(ctx, res.Added, res.Removed)
	if err != nil {
		addAPIError(diags, "Unable to update the "+r.kind.listName+" completely", err)
		if prior.Null {
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
	// A carrier the plan or the prior state manages stays managed: one
	// whose removal failed is still to be removed.
	managed := func(k string) bool { return plan.Carriers.Has(k) || prior.Carriers.Has(k) && !plan.Names(k) }
	carriers, chosen, unmanaged := splitEntries(res.Entries, plan.Carriers, managed, plan.Selected)
	plan.ID = listwire.Known(r.kind.id)
	plan.Carriers, plan.Selected = carriers, chosen
	if err != nil || plan.Unmanaged.Unknown {
		plan.Unmanaged = unmanaged
	}
	diags.Append(state.Set(ctx, listModel(plan))...)
}

// addDOTs adds to set the DOT numbers of m that keep does not hold.
func addDOTs(set map[int]bool, m, keep listwire.Map) {
	for k := range m.Elems {
		if dot, err := strconv.Atoi(k); err == nil && !keep.Has(k) {
			set[dot] = true
		}
	}
}

// removalKey is the context key under which listServer hands Create the
// carriers its plan takes off the list: the framework passes a create no
// private state.
type removalKey struct{}

func withPlannedRemoval(ctx context.Context, private []byte) context.Context {
	return context.WithValue(ctx, removalKey{}, decodeRemoval(privateKey(private, privateRemoval)))
}

func plannedRemoval(ctx context.Context) []int {
	dots, _ := ctx.Value(removalKey{}).([]int)
	return dots
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
	v, drift, diags := r.read(ctx, state.wire())
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, listModel(v))...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateDrift, drift.encode())...)
	resp.Diagnostics.Append(keepIdentity(ctx, resp.Identity, r.identity())...)
}

// read is the state that records what MCP's list holds now, given the
// last state, and what changed outside Terraform in between. The carriers
// the last state manages stay in carriers; any other is unmanaged. After
// an import (carriers null) every carrier on the list is managed.
func (r *carrierListResource) read(ctx context.Context, state listwire.Value) (listwire.Value, listDrift, diag.Diagnostics) {
	var diags diag.Diagnostics
	list := r.kind.list(r.data)
	learnIntrastate(list, state.Carriers)
	learnIntrastate(list, state.Selected)
	entries, err := list.All(ctx)
	if err != nil {
		r.data.addListError(&diags, "Unable to read the "+r.kind.listName, err, false)
		return state, listDrift{}, diags
	}
	drift := driftBetween(state, entries)
	managed := func(k string) bool { return state.Carriers.Null || state.Carriers.Has(k) }
	state.Carriers, state.Selected, state.Unmanaged = splitEntries(entries, state.Carriers, managed, state.Selected)
	state.ID = listwire.Known(r.kind.id)
	if state.OnDestroy.Null {
		state.OnDestroy = listwire.Known(onDestroyKeep)
	}
	if state.UnmanagedCarriers.Null {
		state.UnmanagedCarriers = listwire.Known(r.kind.defaultPolicy)
	}
	return state, drift, diags
}

func wireString(s types.String) listwire.String {
	return listwire.String{Value: s.ValueString(), Null: s.IsNull(), Unknown: s.IsUnknown()}
}

func typesString(s listwire.String) types.String {
	switch {
	case s.Unknown:
		return types.StringUnknown()
	case s.Null:
		return types.StringNull()
	}
	return types.StringValue(s.Value)
}

func (r *carrierListResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state carrierListModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || state.OnDestroy.ValueString() != onDestroyClear {
		return
	}
	// Clearing takes off what the destroy plan showed: the managed
	// carriers, and the unmanaged ones unless the policy leaves them be.
	v := state.wire()
	remove := map[int]bool{}
	addDOTs(remove, v.Carriers, listwire.Map{})
	addDOTs(remove, v.Selected, listwire.Map{})
	if v.UnmanagedCarriers.Value == unmanagedRemove {
		addDOTs(remove, v.Unmanaged, listwire.Map{})
	}
	progress := newListProgress(r.kind, r.data.now)
	res, err := r.kind.list(r.data).Sync(ctx, nil, remove, r.data.listWriteConcurrency, progress)
	progress.summarize(ctx, res.Added, res.Removed)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to clear the "+r.kind.listName, err)
	}
}

// ImportState takes the fixed ID, as an import ID or an identity.
func (r *carrierListResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := req.ID
	if importingByIdentity(req) {
		var identity listIdentityModel
		if resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...); resp.Diagnostics.HasError() {
			return
		}
		if id = identity.ID.ValueString(); id != r.kind.id {
			resp.Diagnostics.AddError("Invalid id in import identity",
				fmt.Sprintf("%s has one instance per MCP account; import it with identity = { id = %q }, not %q.", r.kind.typeName, r.kind.id, id))
			return
		}
	}
	if id != r.kind.id {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("%s has one instance per MCP account; import it with the ID %q, not %q.", r.kind.typeName, r.kind.id, id))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, listModel(r.imported()))...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, r.identity())...)
}

// checkAdded checks with MCP the carriers a plan puts on the list: those
// the configuration names that MCP's list does not hold. A plan with no
// additions makes no lookup.
func (r *carrierListResource) checkAdded(ctx context.Context, attribute string, planned listwire.Map, current map[int]membership.Entry) diag.Diagnostics {
	var diags diag.Diagnostics
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
		diags.AddAttributeError(path.Root(attribute).AtMapKey(k),
			fmt.Sprintf("Unable to put carrier DOT %s on the %s", k, r.kind.listName), problems[dot].Error())
	}
	return diags
}

// desiredCarriers reads the planned carriers of an attribute (carriers or
// selected_carriers) into list keys.
func desiredCarriers(attribute string, m listwire.Map) (map[int]carrierid.Key, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := make(map[int]carrierid.Key, len(m.Elems))
	for k, v := range m.Elems {
		key, err := listKey(k, v)
		if err != nil {
			diags.AddAttributeError(path.Root(attribute).AtMapKey(k), "Invalid "+attribute+" entry", err.Error())
			continue
		}
		out[key.DOT] = key
	}
	return out, diags
}

// learnIntrastate tells the list the DOT numbers of the intrastate-only
// carriers m names, which MCP may list without one.
func learnIntrastate(l *membership.List, m listwire.Map) {
	var keys []carrierid.Key
	for k, v := range m.Elems {
		if v.Value == "" {
			continue
		}
		if key, err := listKey(k, v); err == nil && key.Intrastate != "" {
			keys = append(keys, key)
		}
	}
	l.Learn(keys...)
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

// splitEntries divides MCP's list into the carriers managed reports, those
// selected names, and the rest (a carrier may be in both of the first two).
// A carrier that carriers or selected already names in a way that matches
// MCP's entry keeps that value, "" and null included, so that state is
// exactly what was planned; any other gets the docket or intrastate number
// MCP lists. A null selected stays null.
func splitEntries(entries map[int]membership.Entry, named listwire.Map, managed func(string) bool, selected listwire.Map) (carriers, chosen, unmanaged listwire.Map) {
	carriers = listwire.Map{Elems: make(map[string]listwire.String, len(entries))}
	chosen = listwire.Map{Null: true}
	if !selected.Null {
		chosen = listwire.Map{Elems: make(map[string]listwire.String, len(selected.Elems))}
	}
	unmanaged = listwire.Map{Elems: map[string]listwire.String{}}
	for dot, e := range entries {
		k := strconv.Itoa(dot)
		inCarriers, inSelected := managed(k), selected.Has(k)
		if inCarriers {
			carriers.Elems[k] = entryValue(named, k, e)
		}
		if inSelected {
			chosen.Elems[k] = entryValue(selected, k, e)
		}
		if !inCarriers && !inSelected {
			unmanaged.Elems[k] = listwire.Known(e.Key.ListValue())
		}
	}
	return carriers, chosen, unmanaged
}

// entryValue is how m names the carrier of MCP's entry e: as m does when
// that matches e, else as MCP lists it.
func entryValue(m listwire.Map, k string, e membership.Entry) listwire.String {
	if v, ok := m.Elems[k]; ok {
		if want, err := listKey(k, v); err == nil && e.Matches(want) {
			return v
		}
	}
	return listwire.Known(e.Key.ListValue())
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
