package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// NewRequestUserVerificationAction is mcp_request_user_verification: an
// e-mail asking a carrier's user to verify their identity
// (RequestUserVerification).
func NewRequestUserVerificationAction() action.Action {
	return &sendAction[userVerificationActionModel]{
		typeName: "request_user_verification",
		description: "E-mails a carrier's user, now, asking them to verify their identity with MCP (MCP's RequestUserVerification, " +
			"an Intellivite without a packet), each time the action is invoked. The outcome shows later as the user's " +
			"`verification_status` in the `mcp_carrier_contacts` data source (`Pending` until the user answers).",
		attributes: func() map[string]schema.Attribute {
			attrs := sendCarrierAttributes("verification request")
			attrs["email"] = schema.StringAttribute{
				MarkdownDescription: "The address of the carrier's user asked to verify, such as `dispatch@carrier.com`.",
				Required:            true,
				Validators:          []validator.String{emailValidator},
			}
			return attrs
		},
	}
}

type userVerificationActionModel struct {
	sendCarrierModel
	Email types.String `tfsdk:"email"`
}

func (m userVerificationActionModel) subject() string {
	return "user verification request to " + m.Email.ValueString()
}

func (m userVerificationActionModel) send(ctx context.Context, c *mcp.Client, carrier mcp.CarrierLookup) (string, error) {
	answer, err := c.Invitations.RequestUserVerification(ctx, mcp.UserVerificationRequest{
		Email:        m.Email.ValueString(),
		DOTNumber:    carrier.DOTNumber,
		DocketNumber: carrier.DocketNumber,
		UserName:     m.UserName.ValueString(),
	})
	return mcp.AnswerText(answer), err
}

func (m userVerificationActionModel) verify() string {
	return "Check the user's `verification_status` in the `mcp_carrier_contacts` data source: it reads `Pending` once MCP " +
		"has received a request for that user."
}
