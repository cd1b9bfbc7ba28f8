package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/completions"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// importedLookback is how far back packet completion is looked up for an
// imported invitation, whose send time MCP does not report.
const importedLookback = 90 * 24 * time.Hour

var (
	_ resource.Resource                = (*carrierInvitationResource)(nil)
	_ resource.ResourceWithConfigure   = (*carrierInvitationResource)(nil)
	_ resource.ResourceWithImportState = (*carrierInvitationResource)(nil)
	_ resource.ResourceWithIdentity    = (*carrierInvitationResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*carrierInvitationResource)(nil)
)

// NewCarrierInvitationResource is mcp_carrier_invitation: an Intellivite
// e-mail inviting a carrier to complete the broker's packet
// (EmailPacketInvitation; completion read from CompletedPackets).
func NewCarrierInvitationResource() resource.Resource {
	return &carrierInvitationResource{}
}

type carrierInvitationResource struct {
	data *providerData
}

type carrierInvitationModel struct {
	ID                    types.String `tfsdk:"id"`
	CarrierEmail          types.String `tfsdk:"carrier_email"`
	DOTNumber             types.String `tfsdk:"dot_number"`
	DocketNumber          types.String `tfsdk:"docket_number"`
	UserName              types.String `tfsdk:"user_name"`
	SendConfirmationEmail types.Bool   `tfsdk:"send_confirmation_email"`
	NotificationEmails    types.List   `tfsdk:"notification_emails"`
	ResendTriggers        types.Map    `tfsdk:"resend_triggers"`
	SentAt                types.String `tfsdk:"sent_at"`
	SendConfirmed         types.Bool   `tfsdk:"send_confirmed"`
	PacketCompleted       types.Bool   `tfsdk:"packet_completed"`
	PacketCompletedAt     types.String `tfsdk:"packet_completed_at"`
}

func (m carrierInvitationModel) key() (carrierid.InvitationKey, error) {
	dot, err := carrierid.ParseDOT(m.DOTNumber.ValueString())
	if err != nil {
		return carrierid.InvitationKey{}, err
	}
	return carrierid.InvitationKey{DOT: dot, Docket: m.DocketNumber.ValueString(), Email: m.CarrierEmail.ValueString()}, nil
}

// carrier names the invited carrier in warnings, even before its numbers
// are known.
func (m carrierInvitationModel) carrier() string {
	s := "DOT " + planned(m.DOTNumber)
	if !m.DocketNumber.IsNull() {
		s += " / " + planned(m.DocketNumber)
	}
	return s
}

// carrierInvitationIdentityModel is the resource identity: the values the
// id is built from. The address is part of it: one carrier can be invited
// at several.
type carrierInvitationIdentityModel struct {
	DOTNumber    types.String `tfsdk:"dot_number"`
	DocketNumber types.String `tfsdk:"docket_number"`
	CarrierEmail types.String `tfsdk:"carrier_email"`
}

func invitationIdentity(k carrierid.InvitationKey) carrierInvitationIdentityModel {
	return carrierInvitationIdentityModel{
		DOTNumber:    types.StringValue(strconv.Itoa(k.DOT)),
		DocketNumber: optionalString(k.Docket),
		CarrierEmail: types.StringValue(k.Email),
	}
}

// invitationIdentityFormat is what a valid identity looks like, for errors.
const invitationIdentityFormat = `identity = { dot_number = "23868", carrier_email = "dispatch@carrier.com" }, ` +
	`with docket_number = "MC113843" if the invitation named one`

// key reads an import identity with the checks an import ID gets. On
// failure it names the attribute at fault.
func (m carrierInvitationIdentityModel) key() (carrierid.InvitationKey, *identityError) {
	dot, docket, ierr := identityCarrier(m.DOTNumber, m.DocketNumber)
	if ierr != nil {
		return carrierid.InvitationKey{}, ierr
	}
	k := carrierid.InvitationKey{DOT: dot, Docket: docket, Email: m.CarrierEmail.ValueString()}
	if err := carrierid.CheckEmail(k.Email); err != nil {
		return carrierid.InvitationKey{}, &identityError{"carrier_email", err}
	}
	return k, nil
}

// What an invitation's arguments mean, for mcp_send_packet_invitation too.
const (
	invitationEmailDescription = "The address the invitation is sent to, such as `dispatch@carrier.com`. " +
		"MCP recommends one of the carrier's approved addresses (the `emails` of the `mcp_carrier` data source)."
	sendConfirmationDescription   = "Whether MCP e-mails a confirmation that the invitation went out. Defaults to `false`."
	notificationEmailsDescription = "Further addresses MCP notifies about the invitation, sent as MCP's comma-separated list. " +
		"An empty list, like leaving it out, notifies no one."
)

// notificationEmailsValidators check notification_emails: MCP's list of
// distinct addresses. An empty list is none, as MCP has no way to say it
// other than leaving the parameter out.
func notificationEmailsValidators() []validator.List {
	return []validator.List{
		listvalidator.UniqueValues(),
		listvalidator.ValueStringsAre(emailValidator),
	}
}

func (r *carrierInvitationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier_invitation"
}

func (r *carrierInvitationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Sends a carrier an Intellivite e-mail inviting it to complete the broker's onboarding packet, " +
			"and shows in every plan whether the carrier has completed it since.\n\n" +
			"An invitation is sent once, when the resource is created. Changing any argument, or `resend_triggers`, sends a new one. " +
			"**An e-mail cannot be unsent:** destroying the resource only removes it from Terraform's state. " +
			"A send that fails is reported and records nothing. A send whose outcome is uncertain (MCP answered with a server error, " +
			"or the connection dropped or timed out after the request left) is never repeated behind your back, because repeating it " +
			"could e-mail the carrier twice: it is recorded with `send_confirmed = false`, every later plan says so, and changing " +
			"`resend_triggers` sends it again on purpose.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The invitation in the import ID form: `<dot>/<email>` or `<dot>/<docket>/<email>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"carrier_email": schema.StringAttribute{
				MarkdownDescription: invitationEmailDescription,
				Required:            true,
				Validators:          []validator.String{emailValidator},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"dot_number": schema.StringAttribute{
				MarkdownDescription: "The carrier's USDOT number, such as `23868`. MCP pre-fills the packet with it, " +
					"and it is how the provider recognises the carrier's completed packet.",
				Required:      true,
				Validators:    []validator.String{dotNumberValidator},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"docket_number": schema.StringAttribute{
				MarkdownDescription: "The carrier's docket number (`MC`, `FF` or `MX` followed by digits), which MCP pre-fills. " +
					"Leave it out for intrastate carriers.",
				Optional:      true,
				Validators:    []validator.String{docketNumberValidator},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"user_name": schema.StringAttribute{
				MarkdownDescription: "The MCP user (of the broker) the invitation is tied to; MCP then keeps that user informed. " +
					"Without it the invitation is not associated with a user.",
				Optional:      true,
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 256)},
				PlanModifiers: []planmodifier.String{replaceUnlessAdopted{}},
			},
			"send_confirmation_email": schema.BoolAttribute{
				MarkdownDescription: sendConfirmationDescription,
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
				PlanModifiers:       []planmodifier.Bool{replaceUnlessAdopted{}},
			},
			"notification_emails": schema.ListAttribute{
				MarkdownDescription: notificationEmailsDescription,
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          notificationEmailsValidators(),
				PlanModifiers:       []planmodifier.List{replaceUnlessAdopted{}},
			},
			"resend_triggers": schema.MapAttribute{
				MarkdownDescription: "Arbitrary values that, when changed, send the invitation again (like `triggers_replace` of `terraform_data`), " +
					"for example `{ round = \"2\" }` to remind a carrier.",
				ElementType:   types.StringType,
				Optional:      true,
				PlanModifiers: []planmodifier.Map{replaceUnlessAdopted{}},
			},
			"sent_at": schema.StringAttribute{
				MarkdownDescription: "When the provider sent the invitation (RFC 3339, UTC). Null for an imported invitation, whose send time MCP does not report.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"send_confirmed": schema.BoolAttribute{
				MarkdownDescription: "Whether MCP confirmed the send. `false` when its answer was lost (a server error, or a connection " +
					"that dropped or timed out after the request left): the carrier may or may not have received the e-mail. " +
					"The provider never sends it again on its own; to send it again, change `resend_triggers`. True for an imported invitation.",
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"packet_completed": schema.BoolAttribute{
				MarkdownDescription: "Whether the carrier has completed the broker's packet since the invitation was sent " +
					"(for an imported invitation: in the last 90 days), from MCP's CompletedPackets. Refreshed by every plan.",
				Computed: true,
			},
			"packet_completed_at": schema.StringAttribute{
				MarkdownDescription: "When the carrier completed the packet (RFC 3339, UTC), or null.",
				Computed:            true,
			},
		},
	}
}

// IdentitySchema is the resource identity (Terraform 1.12+, OpenTofu 1.12+):
// what an import block's identity names, and what the id is built from.
// Older CLIs never ask for it.
func (r *carrierInvitationResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"dot_number": identityschema.StringAttribute{
				Description:       "The invited carrier's USDOT number, such as `23868`.",
				RequiredForImport: true,
			},
			"carrier_email": identityschema.StringAttribute{
				Description:       "The address the invitation was sent to, such as `dispatch@carrier.com`.",
				RequiredForImport: true,
			},
			"docket_number": identityschema.StringAttribute{
				Description: "The docket number the invitation named, such as `MC113843`; null when it named none (intrastate carriers). " +
					"When importing, give it exactly as the configuration's `docket_number`: a different value makes the plan " +
					"replace the invitation, which sends it again.",
				OptionalForImport: true,
			},
		},
	}
}

func (r *carrierInvitationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// unconfirmedAdvice is what to do about an invitation MCP may not have sent.
const unconfirmedAdvice = "It is recorded with send_confirmed = false, and no apply sends it again on its own: that could " +
	"e-mail the carrier twice. Ask the carrier, or check MCP's portal, whether it arrived. To send it again on purpose, " +
	"change resend_triggers, for example resend_triggers = { retry = \"1\" }."

// ModifyPlan warns before what cannot be undone: creating or replacing an
// invitation e-mails the carrier, and destroying one does not unsend it.
// It also says, in every plan, that an invitation's send was never
// confirmed, until a new send replaces it.
func (r *carrierInvitationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var state carrierInvitationModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		resp.Diagnostics.AddWarning(fmt.Sprintf("Destroying does not unsend the invitation to carrier %s at %s", state.carrier(), state.CarrierEmail.ValueString()),
			"The e-mail already sent stays sent: the apply only removes the invitation from Terraform's state, and the carrier "+
				"can still complete the packet from it.")
		return
	}
	var plan, state carrierInvitationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	replacing := !req.State.Raw.IsNull() && r.replacing(ctx, plan, state, req.Private, &resp.Diagnostics)
	if req.State.Raw.IsNull() || replacing {
		detail := "The apply sends MCP's packet invitation to this address, and an e-mail cannot be unsent."
		if replacing {
			detail = "The invitation's arguments changed, so the apply sends a new one to this address; the e-mail already sent stays sent."
		}
		var notify []string
		resp.Diagnostics.Append(plan.NotificationEmails.ElementsAs(ctx, &notify, true)...)
		if len(notify) > 0 {
			detail += " MCP also notifies " + strings.Join(notify, ", ") + "."
		}
		resp.Diagnostics.AddWarning(fmt.Sprintf("This apply e-mails carrier %s at %s", plan.carrier(), planned(plan.CarrierEmail)), detail)
		return
	}
	if !state.SendConfirmed.Equal(types.BoolValue(false)) {
		return
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("send_confirmed"),
		fmt.Sprintf("Invitation to carrier DOT %s (%s) is unconfirmed", state.DOTNumber.ValueString(), state.CarrierEmail.ValueString()),
		fmt.Sprintf("MCP's answer to the send at %s was lost, so the carrier may or may not have received it. %s",
			state.SentAt.ValueString(), unconfirmedAdvice))
}

// replacing reports whether the plan replaces the invitation, as the
// arguments' plan modifiers decide. The framework does not tell ModifyPlan
// what they decided, and Terraform drops the warnings of the create plan it
// asks for next, so the warning of a replacement is given here.
func (r *carrierInvitationResource) replacing(ctx context.Context, plan, state carrierInvitationModel, private privateGetter, diags *diag.Diagnostics) bool {
	if !plan.CarrierEmail.Equal(state.CarrierEmail) || !plan.DOTNumber.Equal(state.DOTNumber) || !plan.DocketNumber.Equal(state.DocketNumber) {
		return true // RequiresReplace
	}
	for _, a := range []struct {
		equal, stateNull bool
	}{
		{plan.UserName.Equal(state.UserName), state.UserName.IsNull()},
		{plan.SendConfirmationEmail.Equal(state.SendConfirmationEmail), state.SendConfirmationEmail.IsNull()},
		{sameList(plan.NotificationEmails, state.NotificationEmails), state.NotificationEmails.IsNull()},
		{plan.ResendTriggers.Equal(state.ResendTriggers), state.ResendTriggers.IsNull()},
	} {
		replace, d := replaceUnlessAdopted{}.decide(ctx, false, a.equal, a.stateNull, private)
		if diags.Append(d...); replace {
			return true
		}
	}
	return false
}

func (r *carrierInvitationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan carrierInvitationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	key, ok := keyOf(plan, "plan", &resp.Diagnostics)
	if !ok {
		return
	}
	var notify []string
	resp.Diagnostics.Append(plan.NotificationEmails.ElementsAs(ctx, &notify, false)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// Taken before sending, so that no completion can predate it.
	sentAt := r.data.now().UTC().Truncate(time.Second)
	baseline, berr := r.data.completions.Latest(ctx, key.DOT, key.Docket, sentAt.Add(-completions.ZoneSlack))
	if berr != nil {
		// Without it, completion is judged by clock order, as for an
		// invitation recorded before baselines were.
		tflog.Warn(ctx, "unable to read completed packets before the invitation", map[string]any{"dot_number": key.DOT, "error": berr.Error()})
	}
	_, err := r.data.client.Invitations.EmailPacket(ctx, mcp.PacketInvitation{
		CarrierEmail:          key.Email,
		DOTNumber:             key.DOT,
		DocketNumber:          key.Docket,
		UserName:              plan.UserName.ValueString(),
		SendConfirmationEmail: plan.SendConfirmationEmail.ValueBool(),
		NotificationEmails:    notify,
	})
	err = settleUncertain(ctx, r.data.client, mcp.CarrierLookup{DOTNumber: key.DOT}, err)
	confirmed := true
	switch {
	case mcp.IsUncertain(err):
		// MCP may have sent it: record it, so that no apply sends it again
		// on its own (an error would leave nothing recorded, or a tainted
		// resource that the next apply replaces: either sends it again).
		confirmed = false
		resp.Diagnostics.AddAttributeWarning(path.Root("send_confirmed"),
			fmt.Sprintf("Invitation to carrier DOT %d (%s) may not have been sent", key.DOT, key.Email),
			fmt.Sprintf("%v.\n\n%s", err, unconfirmedAdvice))
	case err != nil:
		summary := fmt.Sprintf("Unable to invite carrier DOT %d (%s)", key.DOT, key.Email)
		if mcp.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("dot_number"), summary,
				fmt.Sprintf("MCP does not know a carrier with %s.", carrierid.Key{DOT: key.DOT, Docket: key.Docket}.Describe()))
			return
		}
		addAPIError(&resp.Diagnostics, summary, err)
		return
	}
	tflog.Info(ctx, "sent packet invitation", map[string]any{"dot_number": key.DOT, "confirmed": confirmed})

	plan.ID = types.StringValue(key.String())
	plan.SentAt = types.StringValue(sentAt.Format(time.RFC3339))
	plan.SendConfirmed = types.BoolValue(confirmed)
	plan.PacketCompleted = types.BoolValue(false)
	plan.PacketCompletedAt = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, invitationIdentity(key))...)
	if berr == nil {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privatePacketBaseline, encodeBaseline(baseline))...)
	}
}

// privatePacketBaseline holds, in private state, when MCP last listed the
// carrier's packet as completed before the invitation was sent ("" for
// never), in MCP's own time. A completion is new when MCP lists one after
// it: MCP's times carry no zone, so they are compared with each other,
// never with this machine's clock.
const privatePacketBaseline = "packet_baseline"

func encodeBaseline(t time.Time) []byte {
	s := ""
	if !t.IsZero() {
		s = t.Format(time.RFC3339Nano)
	}
	b, _ := json.Marshal(s)
	return b
}

// decodeBaseline reads privatePacketBaseline; ok is false when there is none.
func decodeBaseline(b []byte) (t time.Time, ok bool) {
	var s string
	if len(b) == 0 || json.Unmarshal(b, &s) != nil {
		return time.Time{}, false
	}
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

func (r *carrierInvitationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state carrierInvitationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	key, ok := keyOf(state, "state", &resp.Diagnostics)
	if !ok {
		return
	}
	since := r.data.now().Add(-importedLookback)
	if !state.SentAt.IsNull() {
		var err error
		if since, err = time.Parse(time.RFC3339, state.SentAt.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("sent_at"), "Invalid sent_at in state", err.Error())
			return
		}
	}
	// With a baseline, a completion counts when MCP lists it after the
	// baseline, within a window wide enough for any zone MCP writes in.
	var after time.Time
	b, d := req.Private.GetKey(ctx, privatePacketBaseline)
	resp.Diagnostics.Append(d...)
	if baseline, ok := decodeBaseline(b); ok && !state.SentAt.IsNull() {
		since, after = since.Add(-completions.ZoneSlack), baseline
	}
	// An invitation is never "gone": MCP has no record of it to lose. Only
	// the packet's completion can change.
	packet, done, err := r.data.completions.Find(ctx, key.DOT, key.Docket, since, after)
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Unable to read completed packets for carrier DOT %d", key.DOT), err)
		return
	}
	state.ID = types.StringValue(key.String())
	state.PacketCompleted = types.BoolValue(done)
	state.PacketCompletedAt = types.StringNull()
	if done {
		state.PacketCompletedAt = optionalTime(packet.CompletedDate.Time)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	resp.Diagnostics.Append(keepIdentity(ctx, resp.Identity, invitationIdentity(key))...)
}

// Update only fills in arguments an import could not read; everything else
// replaces the resource (see replaceUnlessAdopted).
func (r *carrierInvitationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state carrierInvitationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID, plan.SentAt, plan.SendConfirmed = state.ID, state.SentAt, state.SendConfirmed
	plan.PacketCompleted, plan.PacketCompletedAt = state.PacketCompleted, state.PacketCompletedAt
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	key, ok := keyOf(state, "state", &resp.Diagnostics)
	if !ok {
		return
	}
	resp.Diagnostics.Append(keepIdentity(ctx, resp.Identity, invitationIdentity(key))...)
}

// Delete forgets the invitation: an e-mail cannot be unsent.
func (r *carrierInvitationResource) Delete(ctx context.Context, _ resource.DeleteRequest, _ *resource.DeleteResponse) {
	tflog.Info(ctx, "removing packet invitation from state; MCP has nothing to delete")
}

// ImportState takes an import ID (terraform import, or an import block's
// id) or an identity (an import block's identity, Terraform 1.12+ and
// OpenTofu 1.12+). Both name the same key and go through adopt.
func (r *carrierInvitationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	key, ok := importedKey[carrierid.InvitationKey, carrierInvitationIdentityModel](ctx, req, &resp.Diagnostics,
		carrierid.ParseInvitationID, invitationIdentityFormat)
	if ok {
		r.adopt(ctx, key, resp)
	}
}

// adopt records an invitation sent outside Terraform, so that applying the
// configuration does not send another.
func (r *carrierInvitationResource) adopt(ctx context.Context, key carrierid.InvitationKey, resp *resource.ImportStateResponse) {
	resp.Diagnostics.Append(resp.State.Set(ctx, adoptedInvitation(key))...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, invitationIdentity(key))...)
	resp.Diagnostics.Append(markAdopted(ctx, resp.Private)...)
}

// adoptedInvitation is the state an adopted invitation starts from: sent,
// by someone else, with what it asked of MCP unknown to Terraform. The
// next read says whether the packet is completed.
func adoptedInvitation(key carrierid.InvitationKey) carrierInvitationModel {
	return carrierInvitationModel{
		ID:                    types.StringValue(key.String()),
		CarrierEmail:          types.StringValue(key.Email),
		DOTNumber:             types.StringValue(fmt.Sprint(key.DOT)),
		DocketNumber:          optionalString(key.Docket),
		UserName:              types.StringNull(),
		SendConfirmationEmail: types.BoolValue(false), // the default: a configuration that leaves it out plans no change
		NotificationEmails:    types.ListNull(types.StringType),
		ResendTriggers:        types.MapNull(types.StringType),
		SentAt:                types.StringNull(),
		SendConfirmed:         types.BoolValue(true),
		PacketCompleted:       types.BoolValue(false),
		PacketCompletedAt:     types.StringNull(),
	}
}
