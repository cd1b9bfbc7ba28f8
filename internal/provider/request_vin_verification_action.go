package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// NewRequestVINVerificationAction is mcp_request_vin_verification: a text
// message asking a carrier for a photo of a truck's VIN
// (RequestVINVerification).
func NewRequestVINVerificationAction() action.Action {
	return &sendAction[vinVerificationActionModel]{
		typeName: "request_vin_verification",
		description: "Texts a carrier's contact, now, a link asking for a photo of a truck's VIN, from which MCP records whose " +
			"truck it is (MCP's RequestVINVerification), each time the action is invoked. The request carries no VIN. The " +
			"outcome shows later in the `mcp_carrier_vin_verifications` data source; the progress message gives MCP's " +
			"request ID, which its `carrier.vin_verification.completed` webhook names.",
		attributes: func() map[string]schema.Attribute {
			attrs := sendCarrierAttributes("VIN verification request")
			attrs["delivery_option"] = schema.StringAttribute{
				MarkdownDescription: "How MCP sends the request: `" + vinDeliveryPhone + "`, a text message to `phone_number` " +
					"(MCP's deliveryOption 2), the default and the only one MCP still offers. `" + vinDeliveryEmail + "` (deliveryOption 1) " +
					"is refused at plan time: MCP answers it with HTTP 400 \"Email VIN Validations are no longer supported\".",
				Optional:   true,
				Validators: []validator.String{deliveryOptionValidator},
			}
			attrs["phone_number"] = schema.StringAttribute{
				MarkdownDescription: "The phone number MCP texts the request to: ten digits, written with or without spaces, " +
					"parentheses, hyphens, periods and the country code `+1`, such as `(555) 010-0199`. Required, as every " +
					"request goes by text message.",
				Optional:   true,
				Validators: []validator.String{phoneValidator},
			}
			attrs["email"] = schema.StringAttribute{
				MarkdownDescription: "An e-mail address passed to MCP with the request (its vinVerificationEmail). MCP no longer " +
					"sends VIN verification requests by e-mail: the request still goes to `phone_number`.",
				Optional:   true,
				Validators: []validator.String{emailValidator},
			}
			return attrs
		},
		validate: validateVINDelivery,
	}
}

type vinVerificationActionModel struct {
	sendCarrierModel
	DeliveryOption types.String `tfsdk:"delivery_option"`
	PhoneNumber    types.String `tfsdk:"phone_number"`
	Email          types.String `tfsdk:"email"`
}

// validateVINDelivery requires phone_number for a text message, the
// default delivery.
func validateVINDelivery(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) {
	var option, phone types.String
	diags.Append(cfg.GetAttribute(ctx, path.Root("delivery_option"), &option)...)
	diags.Append(cfg.GetAttribute(ctx, path.Root("phone_number"), &phone)...)
	if diags.HasError() || option.IsUnknown() || !phone.IsNull() {
		return
	}
	if option.IsNull() || option.ValueString() == vinDeliveryPhone {
		diags.AddAttributeError(path.Root("phone_number"), "Missing phone_number",
			"MCP sends a VIN verification request by text message: set phone_number to the number of the carrier's contact, "+
				"such as \"(555) 010-0199\".")
	}
}

func (m vinVerificationActionModel) subject() string {
	return "VIN verification request to " + m.PhoneNumber.ValueString()
}

func (m vinVerificationActionModel) send(ctx context.Context, c *mcp.Client, carrier mcp.CarrierLookup) (string, error) {
	out, err := c.Invitations.RequestVINVerification(ctx, mcp.VINVerificationRequest{
		DeliveryOption:  mcp.DeliveryPhone,
		PhoneNumber:     m.PhoneNumber.ValueString(),
		Email:           m.Email.ValueString(),
		DOTNumber:       carrier.DOTNumber,
		DocketNumber:    carrier.DocketNumber,
		UserName:        m.UserName.ValueString(),
		OutputRequestID: true,
	})
	if err != nil {
		return "", err
	}
	answer := mcp.AnswerText([]byte(out.Message))
	if out.VinVerificationRequestID != 0 {
		answer = fmt.Sprintf("%s (VIN verification request ID %d)", answer, out.VinVerificationRequestID)
	}
	return answer, nil
}

func (m vinVerificationActionModel) verify() string {
	return "Ask the carrier whether the text message arrived, or look for the request in the `mcp_carrier_vin_verifications` " +
		"data source (status `VIN Request Sent`)."
}
