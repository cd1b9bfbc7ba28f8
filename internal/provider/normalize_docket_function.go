package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
)

var _ function.Function = normalizeDocketFunction{}

// NewNormalizeDocketFunction is provider::mcp::normalize_docket.
func NewNormalizeDocketFunction() function.Function { return normalizeDocketFunction{} }

type normalizeDocketFunction struct{}

func (normalizeDocketFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "normalize_docket"
}

func (normalizeDocketFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Writes a docket number the way MCP does",
		MarkdownDescription: "Turns the ways people write a docket number into MCP's form: `\"mc 113843\"`, `\"MC-113843\"` and " +
			"`\" Mc113843 \"` all become `\"MC113843\"`. Fails for anything that is not an `MC`, `FF` or `MX` docket number. " +
			"Useful for docket numbers that come from another system, before they reach `docket_number`, which accepts only MCP's form.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "docket", MarkdownDescription: "A docket number in any common spelling."},
		},
		Return: function.StringReturn{},
	}
}

func (normalizeDocketFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var docket string
	resp.Error = req.Arguments.Get(ctx, &docket)
	if resp.Error != nil {
		return
	}
	normalized, err := carrierid.NormalizeDocket(docket)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, normalized)
}
