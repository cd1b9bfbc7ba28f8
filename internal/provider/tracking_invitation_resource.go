package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44"
)

var (
	_ resource.Resource                = (*trackingInvitationResource)(nil)
	_ resource.ResourceWithConfigure   = (*trackingInvitationResource)(nil)
	_ resource.ResourceWithImportState = (*trackingInvitationResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*trackingInvitationResource)(nil)
)

// NewTrackingInvitationResource is mcp_tracking_invitation: project44's
// invitation to a carrier to connect for asset-based tracking.
func NewTrackingInvitationResource() resource.Resource { return &trackingInvitationResource{} }

type trackingInvitationResource struct {
	data *providerData
}

type trackingInvitationModel struct {
	ID               types.String `tfsdk:"id"`
	Identifiers      types.Map    `tfsdk:"identifiers"`
	OrganizationName types.String `tfsdk:"organization_name"`
	Contacts         types.List   `tfsdk:"contacts"`
	ReinviteWhen     types.Set    `tfsdk:"reinvite_when"`
	Status           types.String `tfsdk:"status"`
	CreatedAt        types.String `tfsdk:"created_at"`
	LastModifiedAt   types.String `tfsdk:"last_modified_at"`
	SendConfirmed    types.Bool   `tfsdk:"send_confirmed"`
}

type trackingContactModel struct {
	Email      types.String `tfsdk:"email"`
	GivenName  types.String `tfsdk:"given_name"`
	FamilyName types.String `tfsdk:"family_name"`
	Locale     types.String `tfsdk:"locale"`
	Phone      types.String `tfsdk:"phone"`
}

var trackingContactType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"email": types.StringType, "given_name": types.StringType, "family_name": types.StringType,
	"locale": types.StringType, "phone": types.StringType,
}}

// reinvitable are the statuses after which a carrier may be invited again:
// the invitation is over without a connection.
var reinvitable = []string{string(p44.StatusDeclined), string(p44.StatusExpired), string(p44.StatusCanceled)}

// e164 is a phone number as project44's example writes it.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

func (r *trackingInvitationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tracking_invitation"
}

func (r *trackingInvitationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	locales := slices.Clone(p44.Locales)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Invites a carrier to connect to the broker's project44 account for asset-based truckload tracking " +
			"(`TRUCKLOAD_ASSET_TRACKING`), and shows in every plan whether the carrier has accepted. project44 e-mails the contacts.\n\n" +
			"project44 gives an invitation no ID: the resource stands for the latest invitation that names any of the carrier's " +
			"`identifiers` for asset-based tracking. If project44 already lists one when the resource is created, the resource adopts it " +
			"rather than inviting the carrier again. An invitation is sent once; it is sent again only when `reinvite_when` names its " +
			"status, or when `identifiers` change. **project44 has no way to cancel an invitation:** destroying the resource only " +
			"removes it from Terraform's state, and the plan says so. Requires the provider's `project44` block or environment variables.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The carrier's identifiers as the import ID writes them: `TYPE:value`, joined by commas, such as `DOT_NUMBER:1234567`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"identifiers": schema.MapAttribute{
				MarkdownDescription: "The carrier's identifiers, by type: `DOT_NUMBER`, `MC_NUMBER`, `SCAC`, `VAT` or `P44_EU`, " +
					"such as `{ DOT_NUMBER = \"1234567\" }`. DOT and MC numbers are digits only. Changing them invites a different carrier.",
				ElementType: types.StringType,
				Required:    true,
				Validators: []validator.Map{
					mapvalidator.SizeBetween(1, len(p44.IdentifierTypes)),
					identifiersValidator{},
				},
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"organization_name": schema.StringAttribute{
				MarkdownDescription: "The carrier's company name, for the invitation. Required, with a contact that has `email` and `given_name`, " +
					"unless the carrier already supports asset-based tracking in project44 (see `mcp_tracking_methods`); the plan checks.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 256)},
			},
			"contacts": schema.ListNestedAttribute{
				MarkdownDescription: "Whom project44 e-mails the invitation to. project44 has no way to change an invitation: " +
					"a change here is recorded, and used when the carrier is next invited.",
				Optional:   true,
				Validators: []validator.List{listvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"email": schema.StringAttribute{
						MarkdownDescription: "The contact's e-mail address.",
						Optional:            true,
						Validators:          []validator.String{emailValidator},
					},
					"given_name": schema.StringAttribute{
						MarkdownDescription: "The contact's first name.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthBetween(1, 100)},
					},
					"family_name": schema.StringAttribute{
						MarkdownDescription: "The contact's last name.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthBetween(1, 100)},
					},
					"locale": schema.StringAttribute{
						MarkdownDescription: "The language of project44's e-mail: one of `" + strings.Join(locales, "`, `") + "`.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.OneOf(locales...)},
					},
					"phone": schema.StringAttribute{
						MarkdownDescription: "The contact's phone number in E.164 form, such as `+14805550100`.",
						Optional:            true,
						Validators: []validator.String{stringvalidator.RegexMatches(e164,
							"must be a phone number in E.164 form: + and the country code, then the number, digits only (such as +14805550100)")},
					},
				}},
			},
			"reinvite_when": schema.SetAttribute{
				MarkdownDescription: "Statuses after which the next apply invites the carrier again: any of `DECLINED`, `EXPIRED` and `CANCELED`. " +
					"The plan names every carrier it will invite again. Empty or unset (the default): never.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(reinvitable...))},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "The invitation's status in project44: `IN_PROGRESS`, `ACCEPTED`, `DECLINED`, `CANCELED` or `EXPIRED`. " +
					"Refreshed by every plan, which shows a change. Null while a send is unconfirmed.",
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When project44 created the invitation (RFC 3339, UTC).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_at": schema.StringAttribute{
				MarkdownDescription: "When the invitation's status last changed in project44 (RFC 3339, UTC).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"send_confirmed": schema.BoolAttribute{
				MarkdownDescription: "Whether project44 is known to have the invitation. `false` when its answer to the send was lost " +
					"(a server error, or a connection that dropped or timed out after the request left) and project44 does not list it: " +
					"the carrier may or may not have been e-mailed. No apply sends it again on its own; every plan says so until project44 lists it.",
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *trackingInvitationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// identifiersValidator checks each identifier's type and value at plan time.
type identifiersValidator struct{}

func (identifiersValidator) Description(context.Context) string {
	return "identifier types from " + identifierTypeList() + ", with values in their formats"
}
func (v identifiersValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (identifiersValidator) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for k, v := range req.ConfigValue.Elements() {
		s, ok := v.(types.String)
		if !ok || s.IsUnknown() {
			continue
		}
		if err := checkIdentifier(p44.IdentifierType(k), s.ValueString()); err != nil {
			at := req.Path.AtMapKey(k)
			resp.Diagnostics.AddAttributeError(at, "Invalid "+at.String(), err.Error()+".")
		}
	}
}

// trackingPlan is what a plan's arguments say, read once.
type trackingPlan struct {
	ids          []p44.Identifier
	organization string
	contacts     []p44.Contact
	reinvite     []string
	known        bool // every argument is known: nothing computed at apply
}

func (m trackingInvitationModel) read(ctx context.Context) (trackingPlan, diag.Diagnostics) {
	var (
		p     trackingPlan
		diags diag.Diagnostics
	)
	p.known = !m.Identifiers.IsUnknown() && !m.Contacts.IsUnknown() && !m.OrganizationName.IsUnknown() && !m.ReinviteWhen.IsUnknown()
	if !p.known {
		return p, diags
	}
	var ids map[string]string
	diags.Append(m.Identifiers.ElementsAs(ctx, &ids, false)...)
	for t, v := range ids {
		p.ids = append(p.ids, p44.Identifier{Type: p44.IdentifierType(t), Value: v})
	}
	p.organization = m.OrganizationName.ValueString()
	var contacts []trackingContactModel
	diags.Append(m.Contacts.ElementsAs(ctx, &contacts, true)...)
	for _, c := range contacts {
		if c.Email.IsUnknown() || c.GivenName.IsUnknown() || c.FamilyName.IsUnknown() || c.Locale.IsUnknown() || c.Phone.IsUnknown() {
			p.known = false
		}
		p.contacts = append(p.contacts, p44.Contact{Email: c.Email.ValueString(), GivenName: c.GivenName.ValueString(),
			FamilyName: c.FamilyName.ValueString(), Locale: c.Locale.ValueString(), Phone: c.Phone.ValueString()})
	}
	diags.Append(m.ReinviteWhen.ElementsAs(ctx, &p.reinvite, true)...)
	return p, diags
}

// invitee names, for a warning, the carrier a planned invitation is for
// and the addresses project44 will e-mail, either "(known after apply)"
// while the plan does not know it yet.
func (m trackingInvitationModel) invitee(ctx context.Context) (carrier, to string) {
	carrier, to = planned(types.StringUnknown()), planned(types.StringUnknown())
	var ids map[string]types.String
	if !m.Identifiers.IsUnknown() && !m.Identifiers.ElementsAs(ctx, &ids, false).HasError() {
		var known []p44.Identifier
		for t, v := range ids {
			if !v.IsUnknown() {
				known = append(known, p44.Identifier{Type: p44.IdentifierType(t), Value: v.ValueString()})
			}
		}
		if len(known) == len(ids) {
			carrier = trackingID(known)
		}
	}
	var contacts []trackingContactModel
	if m.Contacts.IsUnknown() || m.Contacts.ElementsAs(ctx, &contacts, true).HasError() {
		return carrier, to
	}
	var emails []string
	for _, c := range contacts {
		if c.Email.IsUnknown() {
			return carrier, to
		}
		if !c.Email.IsNull() {
			emails = append(emails, c.Email.ValueString())
		}
	}
	if len(emails) == 0 {
		return carrier, "the contacts of the carrier's project44 account"
	}
	return carrier, strings.Join(emails, ", ")
}

// complete reports whether the invitation carries what project44 needs to
// invite a carrier that has no project44 account.
func (p trackingPlan) complete() bool {
	if p.organization == "" {
		return false
	}
	return slices.ContainsFunc(p.contacts, func(c p44.Contact) bool { return c.Email != "" && c.GivenName != "" })
}

// reinvites reports whether a status calls for inviting the carrier again.
func (p trackingPlan) reinvites(status types.String) bool {
	return !status.IsNull() && !status.IsUnknown() && slices.Contains(p.reinvite, status.ValueString())
}

func (p trackingPlan) request() p44.InvitationRequest {
	invitee := p44.Invitee{Identifiers: p.ids, Contacts: p.contacts}
	if p.organization != "" {
		invitee.Organization = &p44.Organization{Name: p.organization}
	}
	return p44.InvitationRequest{Invitee: invitee, Capability: p44.TruckloadAssetTracking}
}

// ModifyPlan checks, before anything is sent, that project44 is configured
// and that a carrier without a project44 account gets the contact project44
// needs; it names every carrier the apply will invite again, and says
// that destroying an invitation does not cancel it.
func (r *trackingInvitationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var state trackingInvitationModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		resp.Diagnostics.AddWarning(fmt.Sprintf("Destroying does not cancel the tracking invitation to %s", state.ID.ValueString()),
			"The e-mail project44 already sent stays sent, and project44 has no way to cancel an invitation: the apply removes it "+
				"from Terraform's state only, and the carrier can still accept it. Cancel it in project44's Movement UI if it must not be accepted.")
		return
	}
	var plan trackingInvitationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var stateIdentifiers types.Map
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("identifiers"), &stateIdentifiers)...)
	}
	// Changed identifiers replace the invitation (RequiresReplace): the
	// framework does not tell ModifyPlan, and Terraform drops the warnings
	// of the create plan it asks for next, so the warning is given here.
	if req.State.Raw.IsNull() || !plan.Identifiers.Equal(stateIdentifiers) {
		carrier, to := plan.invitee(ctx)
		resp.Diagnostics.AddWarning(fmt.Sprintf("This apply invites carrier %s to tracking, e-mailing %s", carrier, to),
			"project44 e-mails the invitation as soon as the apply sends it, and an e-mail cannot be unsent. If project44 already "+
				"lists an invitation for the carrier, the apply adopts it instead and sends nothing.")
	}
	if r.data == nil {
		return // the provider is not configured yet: a later plan checks
	}
	client, ok := r.data.project44(&resp.Diagnostics, "mcp_tracking_invitation")
	if !ok {
		return
	}
	p, diags := plan.read(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || !p.known {
		return
	}
	sends := req.State.Raw.IsNull()
	if !sends {
		var state trackingInvitationModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resp.Diagnostics.HasError() {
			return
		}
		switch {
		case p.reinvites(state.Status):
			sends = true
			_, to := plan.invitee(ctx)
			resp.Diagnostics.AddAttributeWarning(path.Root("reinvite_when"),
				fmt.Sprintf("Carrier %s will be invited to tracking again, e-mailing %s", state.ID.ValueString(), to),
				fmt.Sprintf("Its invitation is %s and reinvite_when names that status, so this apply sends project44 a new invitation, "+
					"which e-mails the carrier's contacts; an e-mail cannot be unsent.", state.Status.ValueString()))
			plan.Status, plan.CreatedAt, plan.LastModifiedAt = types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
			plan.SendConfirmed = types.BoolUnknown()
			resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
		case state.SendConfirmed.Equal(types.BoolValue(false)):
			resp.Diagnostics.AddAttributeWarning(path.Root("send_confirmed"),
				fmt.Sprintf("Tracking invitation to %s is unconfirmed", state.ID.ValueString()), unconfirmedTrackingAdvice)
		}
	}
	if sends && !p.complete() {
		r.checkAccount(ctx, client, p, &resp.Diagnostics)
	}
}

// checkAccount refuses, at plan time, an invitation without the contact
// project44 needs, unless the carrier already supports asset-based
// tracking (then project44 knows whom to ask).
func (r *trackingInvitationResource) checkAccount(ctx context.Context, client *p44.Client, p trackingPlan, diags *diag.Diagnostics) {
	for _, id := range p.ids {
		methods, err := client.TrackingMethods(ctx, id)
		if err != nil && !p44.IsNotFound(err) {
			diags.AddError(fmt.Sprintf("Unable to check carrier %s with project44", trackingID(p.ids)), explainP44(err))
			return
		}
		if p44.SupportsAssetTracking(methods) {
			return
		}
	}
	missing := "organization_name"
	attribute := path.Root("organization_name")
	if p.organization != "" {
		missing, attribute = "a contact with email and given_name", path.Root("contacts")
	}
	diags.AddAttributeError(attribute, fmt.Sprintf("Carrier %s needs %s to be invited", trackingID(p.ids), missing),
		fmt.Sprintf("project44 lists no asset-based tracking for carrier %s, so it has no project44 account to send the invitation to. "+
			"project44 then needs organization_name and at least one contact with email and given_name, to e-mail the invitation. "+
			"Add them (the mcp_carrier data source has the carrier's name and e-mail addresses). Nothing was sent.", trackingID(p.ids)))
}

// unconfirmedTrackingAdvice is what to do about an invitation whose send
// project44 may not have received.
const unconfirmedTrackingAdvice = "project44's answer to the send was lost and project44 does not list the invitation, so the carrier " +
	"may or may not have been e-mailed. No apply sends it again on its own: that could e-mail the carrier twice. Once project44 lists it, " +
	"the next refresh records it. To send it again on purpose, replace the resource (terraform apply -replace=ADDRESS)."

func (r *trackingInvitationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan trackingInvitationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, ok := r.data.project44(&resp.Diagnostics, "mcp_tracking_invitation"); !ok {
		return
	}
	p, diags := plan.read(ctx)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	id := trackingID(p.ids)
	plan.ID = types.StringValue(id)
	existing, err := r.data.trackingInvitations.latest(ctx, p.ids)
	if err != nil {
		addInvitationsError(&resp.Diagnostics, id, err)
		return
	}
	if existing != nil && !p.reinvites(types.StringValue(string(existing.Status))) {
		resp.Diagnostics.AddWarning(fmt.Sprintf("Carrier %s was already invited to tracking", id),
			fmt.Sprintf("project44 lists an invitation for it from %s, %s; the resource records it rather than e-mailing the carrier again.",
				optionalTime(existing.Created).ValueString(), existing.Status))
		setTrackingStatus(&plan, existing)
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	r.send(ctx, p, existing, &plan, resp.Private, &resp.Diagnostics)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

// send invites the carrier and records the answer in m. An uncertain send
// is settled by asking for a fresh list: the invitation is confirmed when
// one newer than before appears, and otherwise recorded as unconfirmed,
// never sent again.
//
// An unconfirmed send records, in private state, the invitation it was to
// supersede (see privateSuperseded), so that a later read does not take
// that older invitation for the one sent.
func (r *trackingInvitationResource) send(ctx context.Context, p trackingPlan, before *p44.Invitation, m *trackingInvitationModel,
	private privateSetter, diags *diag.Diagnostics) {
	id := trackingID(p.ids)
	inv, err := r.data.p44.CreateInvitation(ctx, p.request())
	if p44.IsUncertain(err) {
		r.data.trackingInvitations.reload()
		after, lerr := r.data.trackingInvitations.latest(ctx, p.ids)
		if lerr == nil && after != nil && (before == nil || after.Created.After(before.Created)) {
			inv, err = after, nil
		}
	}
	switch {
	case p44.IsUncertain(err):
		diags.AddAttributeWarning(path.Root("send_confirmed"), fmt.Sprintf("Tracking invitation to %s may not have been sent", id),
			fmt.Sprintf("%v.\n\n%s", err, unconfirmedTrackingAdvice))
		m.Status, m.CreatedAt, m.LastModifiedAt = types.StringNull(), types.StringNull(), types.StringNull()
		m.SendConfirmed = types.BoolValue(false)
		var superseded time.Time
		if before != nil {
			superseded = before.Created
		}
		diags.Append(private.SetKey(ctx, privateSuperseded, encodeBaseline(superseded))...)
		return
	case err != nil:
		diags.AddError(fmt.Sprintf("Unable to invite carrier %s to tracking", id), explainP44(err))
		return
	}
	tflog.Info(ctx, "sent project44 tracking invitation", map[string]any{"carrier": id})
	r.data.trackingInvitations.add(*inv)
	setTrackingStatus(m, inv)
}

// privateSuperseded holds, for an unconfirmed send, when project44 created
// the invitation it was to supersede ("" for none), at project44's own
// precision: only a newer invitation confirms the send.
const privateSuperseded = "superseded"

func setTrackingStatus(m *trackingInvitationModel, inv *p44.Invitation) {
	m.Status = types.StringValue(string(inv.Status))
	m.CreatedAt = optionalTime(inv.Created)
	m.LastModifiedAt = optionalTime(inv.LastModified)
	m.SendConfirmed = types.BoolValue(true)
}

func (r *trackingInvitationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state trackingInvitationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, ok := r.data.project44(&resp.Diagnostics, "mcp_tracking_invitation"); !ok {
		return
	}
	ids, err := parseTrackingID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid id in state", err.Error())
		return
	}
	inv, err := r.data.trackingInvitations.latest(ctx, ids)
	if err == nil && inv != nil && !state.SendConfirmed.ValueBool() {
		// Unconfirmed: only an invitation newer than the one the send was
		// to supersede is the one sent.
		b, d := req.Private.GetKey(ctx, privateSuperseded)
		resp.Diagnostics.Append(d...)
		if superseded, ok := decodeBaseline(b); ok && !superseded.IsZero() && !inv.Created.After(superseded) {
			inv = nil
		}
	}
	switch {
	case err != nil:
		addInvitationsError(&resp.Diagnostics, state.ID.ValueString(), err)
		return
	case inv != nil:
		setTrackingStatus(&state, inv)
	case state.SendConfirmed.ValueBool():
		resp.Diagnostics.AddWarning(fmt.Sprintf("project44 no longer lists the tracking invitation to %s", state.ID.ValueString()),
			"It is removed from state, so the plan shows it to be created, which invites the carrier again.")
		resp.State.RemoveResource(ctx)
		return
	}
	// Unconfirmed and still not listed: kept as it is, never sent again.
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update invites the carrier again when reinvite_when names the status;
// any other change is recorded only: project44 cannot change an invitation.
func (r *trackingInvitationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state trackingInvitationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p, diags := plan.read(ctx)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	plan.ID = state.ID
	if !p.reinvites(state.Status) {
		plan.Status, plan.CreatedAt, plan.LastModifiedAt, plan.SendConfirmed = state.Status, state.CreatedAt, state.LastModifiedAt, state.SendConfirmed
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	if _, ok := r.data.project44(&resp.Diagnostics, "mcp_tracking_invitation"); !ok {
		return
	}
	// A lost answer is settled by an invitation newer than the one project44
	// lists now, at its own precision (state holds whole seconds).
	before, err := r.data.trackingInvitations.latest(ctx, p.ids)
	if err != nil {
		addInvitationsError(&resp.Diagnostics, state.ID.ValueString(), err)
		return
	}
	r.send(ctx, p, before, &plan, resp.Private, &resp.Diagnostics)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

// Delete forgets the invitation: project44 has no way to cancel one.
func (r *trackingInvitationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state trackingInvitationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	tflog.Info(ctx, "removing tracking invitation from state; project44 has no way to cancel it", map[string]any{"carrier": state.ID.ValueString()})
}

// ImportState takes the carrier's identifiers and records the latest
// invitation project44 lists for them, with the name and contacts it sent.
func (r *trackingInvitationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	ids, err := parseTrackingID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("%s. Import a tracking invitation by the carrier's identifiers: %s.", err, trackingIDFormat))
		return
	}
	if _, ok := r.data.project44(&resp.Diagnostics, "mcp_tracking_invitation"); !ok {
		return
	}
	id := trackingID(ids)
	inv, err := r.data.trackingInvitations.latest(ctx, ids)
	switch {
	case err != nil:
		addInvitationsError(&resp.Diagnostics, id, err)
		return
	case inv == nil:
		resp.Diagnostics.AddError(fmt.Sprintf("No tracking invitation for carrier %s", id),
			fmt.Sprintf("project44 lists no asset-based tracking invitation naming %s. Check the identifiers, or create the resource to invite the carrier.", id))
		return
	}
	byType := map[string]attr.Value{}
	for _, i := range ids {
		byType[string(i.Type)] = types.StringValue(i.Value)
	}
	m := trackingInvitationModel{
		ID:               types.StringValue(id),
		Identifiers:      types.MapValueMust(types.StringType, byType),
		OrganizationName: types.StringNull(),
		Contacts:         types.ListNull(trackingContactType),
		ReinviteWhen:     types.SetNull(types.StringType),
	}
	if inv.Invitee.Organization != nil {
		m.OrganizationName = optionalString(inv.Invitee.Organization.Name)
	}
	if len(inv.Invitee.Contacts) > 0 {
		var d diag.Diagnostics
		m.Contacts, d = types.ListValueFrom(ctx, trackingContactType, mapSlice(inv.Invitee.Contacts, func(c p44.Contact) trackingContactModel {
			return trackingContactModel{Email: optionalString(c.Email), GivenName: optionalString(c.GivenName),
				FamilyName: optionalString(c.FamilyName), Locale: optionalString(c.Locale), Phone: optionalString(c.Phone)}
		}))
		resp.Diagnostics.Append(d...)
	}
	setTrackingStatus(&m, inv)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// addInvitationsError reports a failed read of project44's invitations.
func addInvitationsError(diags *diag.Diagnostics, carrier string, err error) {
	diags.AddError("Unable to read project44's invitations for carrier "+carrier, explainP44(err))
}
