package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// NewSendPacketInvitationAction is mcp_send_packet_invitation: an
// Intellivite e-mail sent now (EmailPacketInvitation), where
// mcp_carrier_invitation declares that a carrier has been invited.
func NewSendPacketInvitationAction() action.Action {
	return &sendAction[packetInvitationActionModel]{
		typeName: "send_packet_invitation",
		description: "Sends a carrier an Intellivite e-mail now, inviting it to complete the broker's onboarding packet " +
			"(MCP's EmailPacketInvitation), each time the action is invoked: on an event, or as a reminder. To track an " +
			"invitation, and whether the carrier has completed the packet since, use the `mcp_carrier_invitation` resource instead.",
		attributes: func() map[string]schema.Attribute {
			attrs := sendCarrierAttributes("invitation")
			attrs["carrier_email"] = schema.StringAttribute{
				MarkdownDescription: invitationEmailDescription,
				Required:            true,
				Validators:          []validator.String{emailValidator},
			}
			attrs["send_confirmation_email"] = schema.BoolAttribute{
				MarkdownDescription: sendConfirmationDescription,
				Optional:            true,
			}
			attrs["notification_emails"] = schema.ListAttribute{
				MarkdownDescription: notificationEmailsDescription,
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          notificationEmailsValidators(),
			}
			return attrs
		},
	}
}

type packetInvitationActionModel struct {
	sendCarrierModel
	CarrierEmail          types.String `tfsdk:"carrier_email"`
	SendConfirmationEmail types.Bool   `tfsdk:"send_confirmation_email"`
	NotificationEmails    []string     `tfsdk:"notification_emails"`
}

func (m packetInvitationActionModel) subject() string {
	return "packet invitation to " + m.CarrierEmail.ValueString()
}

func (m packetInvitationActionModel) send(ctx context.Context, c *mcp.Client, carrier mcp.CarrierLookup) (string, error) {
	answer, err := c.Invitations.EmailPacket(ctx, mcp.PacketInvitation{
		CarrierEmail:          m.CarrierEmail.ValueString(),
		DOTNumber:             carrier.DOTNumber,
		DocketNumber:          carrier.DocketNumber,
		UserName:              m.UserName.ValueString(),
		SendConfirmationEmail: m.SendConfirmationEmail.ValueBool(),
		NotificationEmails:    m.NotificationEmails,
	})
	return mcp.AnswerText(answer), err
}

func (m packetInvitationActionModel) verify() string {
	return "Ask the carrier, or look in MCP's portal, whether the invitation arrived: the `status` and `status_date` of the " +
		"`mcp_carrier` data source show when MCP last recorded an invitation."
}
