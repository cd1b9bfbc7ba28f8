package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
)

var _ function.Function = carrierPortalURLFunction{}

// NewCarrierPortalURLFunction is provider::mcp::carrier_portal_url.
func NewCarrierPortalURLFunction() function.Function { return carrierPortalURLFunction{} }

type carrierPortalURLFunction struct{}

func (carrierPortalURLFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "carrier_portal_url"
}

func (carrierPortalURLFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Builds the MCP portal link that shows a carrier",
		MarkdownDescription: "Builds the link to a carrier's page in the MCP portal (the \"View carrier\" button of a TMS), for a logged-in MCP user:\n\n" +
			"* `carrier_portal_url(dot, docket, false)` → `" + portalURL + "/CarrierInformation/DOTNumber/<dot>/DocketNumber/<docket>`;\n" +
			"* `carrier_portal_url(dot, \"\", false)` → `" + portalURL + "/CarrierInformation/DOTNumber/<dot>`, for an intrastate carrier;\n" +
			"* `request_insurance = true` adds `?requestInsurance=true`, which opens MCP's request for a certificate of insurance.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "dot_number", MarkdownDescription: "The carrier's USDOT number."},
			function.StringParameter{Name: "docket_number", AllowNullValue: true,
				MarkdownDescription: "The carrier's docket number (`MC`, `FF` or `MX` and digits), or `\"\"` for an intrastate carrier. " +
					"(Terraform also takes `null`; OpenTofu 1.12 cannot pass `null` to a provider function.)"},
			function.BoolParameter{Name: "request_insurance", AllowNullValue: true,
				MarkdownDescription: "Whether the link asks the carrier for its certificate of insurance."},
		},
		Return: function.StringReturn{},
	}
}

func (carrierPortalURLFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var (
		dot       string
		docket    types.String
		insurance types.Bool
	)
	resp.Error = req.Arguments.Get(ctx, &dot, &docket, &insurance)
	if resp.Error != nil {
		return
	}
	if _, err := carrierid.ParseDOT(dot); err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	link := portalURL + "/CarrierInformation/DOTNumber/" + dot
	if d := docket.ValueString(); d != "" {
		if err := carrierid.CheckDocket(d); err != nil {
			resp.Error = function.NewArgumentFuncError(1, err.Error())
			return
		}
		link += "/DocketNumber/" + d
	}
	if insurance.ValueBool() {
		link += "?requestInsurance=true"
	}
	resp.Error = resp.Result.Set(ctx, link)
}
