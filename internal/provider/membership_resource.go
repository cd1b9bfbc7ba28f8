package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// membershipKind is what distinguishes mcp_monitored_carrier from
// mcp_blocked_carrier: one carrier's place on one of MCP's two lists. The
// behaviour is the same and lives once, in carrierMembershipResource.
type membershipKind struct {
	typeName    string // resource type without the provider prefix
	description string
	listName    string                               // e.g. "monitored list"
	add, remove string                               // verbs for diagnostics: "monitor", "stop monitoring"
	list        func(*providerData) *membership.List // the run's shared view of the list
	listType    string                               // the list resource type that must not overlap
}

var (
	_ resource.Resource                = (*carrierMembershipResource)(nil)
	_ resource.ResourceWithConfigure   = (*carrierMembershipResource)(nil)
	_ resource.ResourceWithImportState = (*carrierMembershipResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*carrierMembershipResource)(nil)
	_ resource.ResourceWithIdentity    = (*carrierMembershipResource)(nil)
)

type carrierMembershipResource struct {
	kind membershipKind
	data *providerData
}

// carrierMembershipModel is the state of a per-carrier list resource.
type carrierMembershipModel struct {
	ID               types.String `tfsdk:"id"`
	DOTNumber        types.String `tfsdk:"dot_number"`
	DocketNumber     types.String `tfsdk:"docket_number"`
	IntrastateNumber types.String `tfsdk:"intrastate_number"`
	CreatedAt        types.String `tfsdk:"created_at"`
	CreatedBy        types.String `tfsdk:"created_by"`
	LastModifiedAt   types.String `tfsdk:"last_modified_at"`
	LastModifiedBy   types.String `tfsdk:"last_modified_by"`
}

// key reads the identifying arguments; they were validated at plan time.
func (m carrierMembershipModel) key() (carrierid.Key, error) {
	dot, err := carrierid.ParseDOT(m.DOTNumber.ValueString())
	if err != nil {
		return carrierid.Key{}, err
	}
	return carrierid.Key{DOT: dot, Docket: m.DocketNumber.ValueString(), Intrastate: m.IntrastateNumber.ValueString()}, nil
}

// carrierMembershipIdentityModel is the resource identity: the values the
// id is built from, so that an import block can name the carrier as the
// import ID does.
type carrierMembershipIdentityModel struct {
	DOTNumber        types.String `tfsdk:"dot_number"`
	DocketNumber     types.String `tfsdk:"docket_number"`
	IntrastateNumber types.String `tfsdk:"intrastate_number"`
}

// membershipIdentity is the identity of the entry a key names.
func membershipIdentity(k carrierid.Key) carrierMembershipIdentityModel {
	return carrierMembershipIdentityModel{
		DOTNumber:        types.StringValue(strconv.Itoa(k.DOT)),
		DocketNumber:     optionalString(k.Docket),
		IntrastateNumber: optionalString(k.Intrastate),
	}
}

// membershipIdentityFormat is what a valid identity looks like, for errors.
const membershipIdentityFormat = `identity = { dot_number = "23868" }, optionally with docket_number = "MC113843" ` +
	`or, for an intrastate-only carrier, intrastate_number = "TX123456"`

// key reads an import identity with the checks an import ID gets. On
// failure it names the attribute at fault.
func (m carrierMembershipIdentityModel) key() (carrierid.Key, *identityError) {
	dot, docket, ierr := identityCarrier(m.DOTNumber, m.DocketNumber)
	if ierr != nil {
		return carrierid.Key{}, ierr
	}
	k := carrierid.Key{DOT: dot, Docket: docket}
	if !m.IntrastateNumber.IsNull() {
		if k.Docket != "" {
			return carrierid.Key{}, &identityError{"intrastate_number", errors.New("a carrier has a docket number or an intrastate number, not both: give one of them")}
		}
		if err := carrierid.CheckIntrastate(m.IntrastateNumber.ValueString()); err != nil {
			return carrierid.Key{}, &identityError{"intrastate_number", err}
		}
		k.Intrastate = m.IntrastateNumber.ValueString()
	}
	return k, nil
}

// membershipModel is the state for a list entry, all from MCP.
func membershipModel(e membership.Entry) carrierMembershipModel {
	return carrierMembershipModel{
		ID:               types.StringValue(e.Key.String()),
		DOTNumber:        types.StringValue(fmt.Sprint(e.Key.DOT)),
		DocketNumber:     optionalString(e.Key.Docket),
		IntrastateNumber: optionalString(e.Key.Intrastate),
		CreatedAt:        optionalTime(e.CreatedAt),
		CreatedBy:        optionalString(e.CreatedBy),
		LastModifiedAt:   optionalTime(e.LastModifiedAt),
		LastModifiedBy:   optionalString(e.LastModifiedBy),
	}
}

func (r *carrierMembershipResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.kind.typeName
}

func (r *carrierMembershipResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: r.kind.description,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The carrier's entry on the " + r.kind.listName + ", in the import ID form: " +
					"`<dot>/<docket>`, `<dot>/intrastate/<number>`, or `<dot>` for a carrier MCP lists with neither.",
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"dot_number": schema.StringAttribute{
				MarkdownDescription: "The carrier's USDOT number, such as `\"23868\"`; a bare number works too. Changing it replaces the resource.",
				Required:            true,
				Validators:          []validator.String{dotNumberValidator},
				PlanModifiers:       replace,
			},
			"docket_number": schema.StringAttribute{
				MarkdownDescription: "The carrier's docket number: `MC`, `FF` or `MX` followed by digits, such as `MC113843`. " +
					"Optional: when left out, MCP finds the carrier by its DOT number and this attribute shows the docket MCP lists. " +
					"Conflicts with `intrastate_number`. Changing it replaces the resource, except to fill in a docket MCP's list left out, or to spell the same docket with other leading zeros.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{docketNumberValidator, stringvalidator.ConflictsWith(path.MatchRoot("intrastate_number"))},
				// ModifyPlan decides replacement (see planNumbers).
			},
			"intrastate_number": schema.StringAttribute{
				MarkdownDescription: "The state-issued number of an intrastate-only carrier, such as `TX123456`, for carriers without a docket. " +
					"Conflicts with `docket_number`. Changing it replaces the resource, except to fill in a number MCP's list left out.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{intrastateNumberValidator},
				// ModifyPlan decides replacement (see planNumbers).
			},
			"created_at":       computed("When the carrier was put on the " + r.kind.listName + ", as MCP reports it (RFC 3339, UTC)."),
			"created_by":       computed("The MCP user who put the carrier on the " + r.kind.listName + "."),
			"last_modified_at": computed("When MCP last changed the carrier's entry (RFC 3339, UTC)."),
			"last_modified_by": computed("The MCP user who last changed the carrier's entry."),
		},
	}
}

// IdentitySchema is the resource identity (Terraform 1.12+, OpenTofu 1.12+):
// what an import block's identity names, and what the id is built from.
// Older CLIs never ask for it.
func (r *carrierMembershipResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"dot_number": identityschema.StringAttribute{
				Description:       "The carrier's USDOT number, such as `23868`.",
				RequiredForImport: true,
			},
			"docket_number": identityschema.StringAttribute{
				Description: "The carrier's docket number as MCP lists it on the " + r.kind.listName + ", such as `MC113843`; " +
					"null for a carrier listed without one. Optional when importing: MCP finds the carrier by its DOT number, " +
					"and a docket number given must be the one MCP lists.",
				OptionalForImport: true,
			},
			"intrastate_number": identityschema.StringAttribute{
				Description: "The state-issued number of an intrastate-only carrier, such as `TX123456`, as MCP lists it; " +
					"null for other carriers. Optional when importing, and not together with `docket_number`.",
				OptionalForImport: true,
			},
		},
	}
}

func (r *carrierMembershipResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan warns when a list resource manages the same MCP list, and
// checks with MCP a carrier the plan puts on the list, so that an unknown
// DOT number or someone else's docket fails the plan, not the apply.
func (r *carrierMembershipResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil {
		return
	}
	resp.Diagnostics.Append(r.data.overlaps.carrier(r.kind.typeName, r.kind.listType)...)
	if !req.State.Raw.IsNull() {
		r.planNumbers(ctx, req, resp)
		return
	}
	// The configuration, not the plan: a docket number left out is null
	// there (the plan has it unknown, for MCP to fill in).
	var config carrierMembershipModel
	if err := getFlat(ctx, req.Config.Raw, &config); err != nil {
		resp.Diagnostics.AddError("Unable to read the configuration", err.Error()+"\n\nThis is always a bug in the provider.")
		return
	}
	if config.DOTNumber.IsUnknown() || config.DocketNumber.IsUnknown() || config.IntrastateNumber.IsUnknown() {
		return // not known yet: MCP's answer to the apply says
	}
	key, err := config.key()
	if err != nil {
		return // validation reports it
	}
	if _, on, err := r.kind.list(r.data).Get(ctx, key); err != nil || on {
		return // on the list already: creating adopts it (a read error shows at apply)
	}
	r.checkCarrier(ctx, key, &resp.Diagnostics)
}

// planNumbers decides a change of docket_number or intrastate_number. It
// replaces the resource, unless the new numbers still name the carrier the
// state holds (see sameCarrier): then it is an update in place, the id
// follows, and a number filled in is checked against MCP before the apply.
// Replacing would take the carrier off the list and put it back, which for
// the block list means unblocking a carrier the configuration still names.
func (r *carrierMembershipResource) planNumbers(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var config, plan, state carrierMembershipModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A number the configuration leaves out is whatever MCP listed: the
	// framework plans it unknown once anything else changes.
	if config.DocketNumber.IsNull() && plan.DocketNumber.IsUnknown() {
		plan.DocketNumber = state.DocketNumber
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("docket_number"), plan.DocketNumber)...)
	}
	if config.IntrastateNumber.IsNull() && plan.IntrastateNumber.IsUnknown() {
		plan.IntrastateNumber = state.IntrastateNumber
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("intrastate_number"), plan.IntrastateNumber)...)
	}
	docketChanged, intrastateChanged := !plan.DocketNumber.Equal(state.DocketNumber), !plan.IntrastateNumber.Equal(state.IntrastateNumber)
	switch {
	case !docketChanged && !intrastateChanged:
		return
	case !sameCarrier(state, plan):
		if docketChanged {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("docket_number"))
		}
		if intrastateChanged {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("intrastate_number"))
		}
		return
	}
	key, err := plan.key()
	if err != nil {
		return // validation reports it
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), key.String())...)
	if state.DocketNumber.IsNull() && state.IntrastateNumber.IsNull() {
		r.checkCarrier(ctx, key, &resp.Diagnostics)
	}
}

// sameCarrier reports whether the planned numbers name the carrier the
// state holds: each is unchanged, fills in a number MCP's entry left out
// (when it lists neither a docket nor an intrastate number), or is a docket
// spelled with other leading zeros (MC010203 for MC10203, as MCP may list
// it).
func sameCarrier(state, plan carrierMembershipModel) bool {
	if plan.DocketNumber.IsUnknown() || plan.IntrastateNumber.IsUnknown() {
		return false
	}
	bare := state.DocketNumber.IsNull() && state.IntrastateNumber.IsNull()
	docket := plan.DocketNumber.Equal(state.DocketNumber) || bare ||
		!state.DocketNumber.IsNull() && carrierid.SameDocket(state.DocketNumber.ValueString(), plan.DocketNumber.ValueString())
	intrastate := plan.IntrastateNumber.Equal(state.IntrastateNumber) || bare
	return docket && intrastate
}

// checkCarrier reports, on the attribute at fault, a key that names no
// carrier MCP knows, or not the carrier of its DOT number.
func (r *carrierMembershipResource) checkCarrier(ctx context.Context, key carrierid.Key, diags *diag.Diagnostics) {
	if err := checkCarriers(ctx, r.data.client, []carrierid.Key{key})[key.DOT]; err != nil {
		at := path.Root("dot_number")
		if key.Docket != "" {
			at = path.Root("docket_number")
		}
		diags.AddAttributeError(at, fmt.Sprintf("Unable to %s carrier %s", r.kind.add, key.Describe()), err.Error())
	}
}

func (r *carrierMembershipResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan carrierMembershipModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	key, ok := keyOf(plan, "plan", &resp.Diagnostics)
	if !ok {
		return
	}
	list := r.kind.list(r.data)
	entry, err := list.Add(ctx, key)
	var unconfirmed *membership.UnconfirmedError
	switch {
	case errors.As(err, &unconfirmed):
		// MCP took the write; record it so it is not lost, and let the next
		// refresh fill in what MCP reports about it.
		resp.Diagnostics.AddWarning("Unable to read the "+r.kind.listName+" back", err.Error())
		entry = membership.Entry{Key: key}
	case mcp.IsNotFound(err):
		resp.Diagnostics.AddAttributeError(path.Root("dot_number"), fmt.Sprintf("Unable to %s carrier %s", r.kind.add, key.Describe()),
			fmt.Sprintf("MCP does not know a carrier with %s. Check the DOT number and the docket or intrastate number.", key.Describe()))
		return
	case err != nil:
		r.data.addListError(&resp.Diagnostics, fmt.Sprintf("Unable to %s carrier %s", r.kind.add, key.Describe()), err, false)
		return
	}
	entry = entry.As(key)
	resp.Diagnostics.Append(resp.State.Set(ctx, membershipModel(entry))...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, membershipIdentity(entry.Key))...)
}

// Read runs once per carrier in a refresh, so it uses flat models rather
// than the framework's reflection (see flat_model.go).
func (r *carrierMembershipResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state carrierMembershipModel
	if err := getFlat(ctx, req.State.Raw, &state); err != nil {
		resp.Diagnostics.AddError("Unable to read the state", err.Error()+"\n\nThis is always a bug in the provider.")
		return
	}
	key, ok := keyOf(state, "state", &resp.Diagnostics)
	if !ok {
		return
	}
	entry, ok, err := r.kind.list(r.data).Get(ctx, key)
	if err != nil {
		// Every carrier's refresh reads the same list: the first reports
		// a failure, and the others keep their state and say nothing.
		r.data.addListError(&resp.Diagnostics, "Unable to read the "+r.kind.listName, err, true)
		resp.Diagnostics.Append(keepIdentity(ctx, resp.Identity, membershipIdentity(key))...)
		return
	}
	if !ok {
		// Someone took the carrier off the list outside Terraform: the next
		// plan proposes to put it back. The framework wants an identity
		// even for a removed resource, and older CLIs never stored one.
		tflog.Info(ctx, "carrier is no longer on the "+r.kind.listName+"; removing it from state", map[string]any{"dot_number": key.DOT})
		resp.State.RemoveResource(ctx)
		resp.Diagnostics.Append(keepIdentity(ctx, resp.Identity, membershipIdentity(key))...)
		return
	}
	// State keeps the identifiers it holds where MCP's entry agrees, in
	// whatever spelling MCP lists them (or leaves one out).
	entry = entry.As(key)
	if resp.State.Raw, err = flatValue(ctx, req.State.Raw.Type(), membershipModel(entry)); err != nil {
		resp.Diagnostics.AddError("Unable to record the state", err.Error()+"\n\nThis is always a bug in the provider.")
		return
	}
	resp.Diagnostics.Append(keepIdentity(ctx, resp.Identity, membershipIdentity(entry.Key))...)
}

// Update only happens when nothing MCP holds changes: every argument
// replaces the resource.
func (r *carrierMembershipResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan carrierMembershipModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	key, ok := keyOf(plan, "plan", &resp.Diagnostics)
	if !ok {
		return
	}
	resp.Diagnostics.Append(keepIdentity(ctx, resp.Identity, membershipIdentity(key))...)
}

func (r *carrierMembershipResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state carrierMembershipModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	key, ok := keyOf(state, "state", &resp.Diagnostics)
	if !ok {
		return
	}
	if err := r.kind.list(r.data).Remove(ctx, key); err != nil {
		r.data.addListError(&resp.Diagnostics, fmt.Sprintf("Unable to %s carrier %s", r.kind.remove, key.Describe()), err, false)
	}
}

// ImportState takes an import ID (terraform import, or an import block's
// id) or an identity (an import block's identity, Terraform 1.12+ and
// OpenTofu 1.12+). Both name the same key and go through importKey.
func (r *carrierMembershipResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	key, ok := importedKey[carrierid.Key, carrierMembershipIdentityModel](ctx, req, &resp.Diagnostics, carrierid.ParseImportID, membershipIdentityFormat)
	if ok {
		r.importKey(ctx, key, resp)
	}
}

// importKey checks that the carrier is on the list as the import names it,
// and records MCP's entry.
func (r *carrierMembershipResource) importKey(ctx context.Context, key carrierid.Key, resp *resource.ImportStateResponse) {
	entry, ok, err := r.kind.list(r.data).Get(ctx, key)
	switch {
	case err != nil:
		r.data.addListError(&resp.Diagnostics, "Unable to read the "+r.kind.listName, err, false)
	case !ok:
		resp.Diagnostics.AddError("Cannot import "+key.Describe(),
			fmt.Sprintf("Carrier %s is not on MCP's %s, so there is nothing to import.", key.Describe(), r.kind.listName))
	case !entry.Matches(key):
		resp.Diagnostics.AddError("Cannot import "+key.Describe(),
			fmt.Sprintf("Carrier DOT %d is on MCP's %s as %s, not %s.", key.DOT, r.kind.listName, entry.Key.Describe(), key.Describe()))
	default:
		entry = entry.As(key)
		resp.Diagnostics.Append(resp.State.Set(ctx, membershipModel(entry))...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, membershipIdentity(entry.Key))...)
	}
}
