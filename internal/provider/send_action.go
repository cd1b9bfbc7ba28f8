package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// sendAction is the shared implementation of the actions that send MCP one
// request that e-mails or texts someone (Terraform 1.14+): an action says
// "send now", once, each time it is invoked, and keeps nothing in state.
//
// The request is sent once per invocation and never repeated: the client
// never retries a send MCP may have received (see mcp.UncertainError), and
// nothing here retries either. What MCP answered is reported as progress;
// a send whose outcome is uncertain is an error that says so.
type sendAction[M sendRequest] struct {
	typeName    string // after the provider's, such as "send_packet_invitation"
	description string
	attributes  func() map[string]schema.Attribute
	// validate, when set, checks the configuration beyond its attributes
	// (values may be unknown).
	validate func(context.Context, tfsdk.Config, *diag.Diagnostics)
	data     *providerData
}

// sendRequest is an action's configuration: what it sends, and how to
// describe it.
type sendRequest interface {
	// lookup reads the carrier the request names (see sendCarrierModel).
	lookup(diags *diag.Diagnostics) (mcp.CarrierLookup, bool)
	// subject names what is sent, such as "packet invitation to
	// dispatch@carrier.com".
	subject() string
	// send sends the request to MCP, once, and returns MCP's answer in words
	// ("" when it said nothing more than yes).
	send(ctx context.Context, c *mcp.Client, carrier mcp.CarrierLookup) (string, error)
	// verify says what to check, after an uncertain send, before invoking
	// the action again.
	verify() string
}

var (
	_ action.ActionWithConfigure        = (*sendAction[packetInvitationActionModel])(nil)
	_ action.ActionWithValidateConfig   = (*sendAction[packetInvitationActionModel])(nil)
	_ action.ActionWithConfigValidators = (*sendAction[packetInvitationActionModel])(nil)
	_ action.ActionWithModifyPlan       = (*sendAction[packetInvitationActionModel])(nil)
)

func (a *sendAction[M]) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + a.typeName
}

func (a *sendAction[M]) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: a.description + "\n\n" + sendActionNote,
		Attributes:          a.attributes(),
	}
}

// sendActionNote is what every sending action's description ends with.
const sendActionNote = "This is an action (Terraform 1.14 and later): it sends when invoked, with " +
	"`terraform apply -invoke=action.<type>.<name>`, or when a resource's `lifecycle` `action_trigger` fires, and records " +
	"nothing in state. The arguments are checked when Terraform plans, and nothing is sent when one is wrong. " +
	"The request is sent once per invocation and never repeated: when its outcome is uncertain (MCP's answer was " +
	"a server error, or was lost after the request left), the action fails saying the request may have been sent, and " +
	"what to check before invoking it again."

// ConfigValidators asks for the carrier once: on the attributes, a
// validator would report it for each of them.
func (a *sendAction[M]) ConfigValidators(context.Context) []action.ConfigValidator {
	return []action.ConfigValidator{actionvalidator.AtLeastOneOf(path.MatchRoot("dot_number"), path.MatchRoot("docket_number"))}
}

func (a *sendAction[M]) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	if a.validate != nil {
		a.validate(ctx, req.Config, &resp.Diagnostics)
	}
}

func (a *sendAction[M]) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan warns, in the plan of an apply that invokes or triggers the
// action, that it will reach the carrier: nothing sent can be taken back.
func (a *sendAction[M]) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	summary := "This apply runs mcp_" + a.typeName + ", which reaches a carrier known only when it runs"
	if req.Config.Raw.IsFullyKnown() {
		var m M
		if resp.Diagnostics.Append(req.Config.Get(ctx, &m)...); resp.Diagnostics.HasError() {
			return
		}
		var invalid diag.Diagnostics // validation has reported it
		carrier, ok := m.lookup(&invalid)
		if !ok {
			return
		}
		summary = fmt.Sprintf("This apply sends the %s for carrier %s", m.subject(), carrier)
	}
	resp.Diagnostics.AddWarning(summary, "MCP reaches the carrier as soon as the action runs, and what it sends cannot be unsent. "+
		"The action sends again each time it is invoked or triggered.")
}

func (a *sendAction[M]) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if a.data == nil {
		resp.Diagnostics.AddError("Provider not configured",
			"The action was invoked before the provider was configured. This is always a bug in the provider; please report it.")
		return
	}
	carrier, ok := m.lookup(&resp.Diagnostics)
	if !ok {
		return
	}
	subject := fmt.Sprintf("%s for carrier %s", m.subject(), carrier)
	progress(resp, "Sending the "+subject+" to MCP.")
	answer, err := m.send(ctx, a.data.client, carrier)
	err = settleUncertain(ctx, a.data.client, carrier, err)
	switch {
	case mcp.IsUncertain(err):
		tflog.Warn(ctx, "send may have reached MCP; not repeating it", map[string]any{"action": a.typeName, "error": err.Error()})
		progress(resp, "MCP's answer to the "+subject+" was lost or unclear: it may have been sent.")
		resp.Diagnostics.AddError("The "+subject+" may have been sent",
			fmt.Sprintf("MCP's answer was lost or unclear (%v). The request may have been sent, so the provider did not repeat it: "+
				"repeating it could reach the carrier twice. %s Invoke the action again only if it did not arrive.", err, m.verify()))
	case mcp.IsNotFound(err):
		resp.Diagnostics.AddAttributeError(carrierPath(carrier), "Unable to send the "+subject,
			fmt.Sprintf("MCP does not know a carrier with %s, so nothing was sent. Check the identifiers.", carrier))
	case err != nil:
		addAPIError(&resp.Diagnostics, "Unable to send the "+subject, err)
	default:
		tflog.Info(ctx, "sent", map[string]any{"action": a.typeName, "carrier": carrier.String()})
		msg := "MCP accepted the " + subject + "."
		if answer != "" {
			msg += " It answered: " + answer
		}
		progress(resp, msg)
	}
}

// settleUncertain turns an uncertain send about a carrier MCP does not
// know into MCP's "not found": MCP refuses every send about an unknown
// carrier, so nothing can have been sent. A failed lookup is no proof, and
// leaves the send uncertain.
func settleUncertain(ctx context.Context, c *mcp.Client, carrier mcp.CarrierLookup, err error) error {
	if !mcp.IsUncertain(err) {
		return err
	}
	if _, lerr := c.Carriers.Preview(ctx, carrier); mcp.IsNotFound(lerr) {
		return fmt.Errorf("%w: %s", mcp.ErrNotFound, err.Error()) // no longer uncertain
	}
	return err
}

// progress reports to Terraform while the action runs; the CLI shows it.
func progress(resp *action.InvokeResponse, message string) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: message})
	}
}

// sendCarrierModel is what sendCarrierAttributes describes; every
// action's model embeds it.
type sendCarrierModel struct {
	DOTNumber    types.String `tfsdk:"dot_number"`
	DocketNumber types.String `tfsdk:"docket_number"`
	UserName     types.String `tfsdk:"user_name"`
}

// lookup reads dot_number and docket_number (checked at plan time; checked
// again here, as values unknown then were not).
func (m sendCarrierModel) lookup(diags *diag.Diagnostics) (mcp.CarrierLookup, bool) {
	var c mcp.CarrierLookup
	if s := m.DOTNumber.ValueString(); s != "" {
		n, err := carrierid.ParseDOT(s)
		if err != nil {
			diags.AddAttributeError(path.Root("dot_number"), "Invalid dot_number", err.Error())
			return c, false
		}
		c.DOTNumber = n
	}
	if s := m.DocketNumber.ValueString(); s != "" {
		if err := carrierid.CheckDocket(s); err != nil {
			diags.AddAttributeError(path.Root("docket_number"), "Invalid docket_number", err.Error())
			return c, false
		}
		c.DocketNumber = s
	}
	if c.DOTNumber == 0 && c.DocketNumber == "" {
		diags.AddAttributeError(path.Root("dot_number"), "Missing carrier", "Set dot_number, docket_number, or both.")
		return c, false
	}
	return c, true
}

// carrierPath is the argument an error about the carrier belongs to.
func carrierPath(c mcp.CarrierLookup) path.Path {
	if c.DOTNumber == 0 {
		return path.Root("docket_number")
	}
	return path.Root("dot_number")
}

// sendCarrierAttributes are the arguments every sending action shares
// (sendCarrierModel): the carrier (dot_number, docket_number, at least one:
// see ConfigValidators) and the broker's MCP user the request is made for.
func sendCarrierAttributes(what string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"dot_number": schema.StringAttribute{
			MarkdownDescription: "The carrier's USDOT number, such as `23868`. Give it, the docket number, or both.",
			Optional:            true,
			Validators:          []validator.String{dotNumberValidator},
		},
		"docket_number": schema.StringAttribute{
			MarkdownDescription: "The carrier's docket number: `MC`, `FF` or `MX` followed by digits, such as `MC113843`. " +
				"Leave it out for intrastate carriers.",
			Optional:   true,
			Validators: []validator.String{docketNumberValidator},
		},
		"user_name": schema.StringAttribute{
			MarkdownDescription: "The broker's MCP user the " + what + " is made for; MCP then keeps that user informed.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.LengthBetween(1, 256)},
		},
	}
}
