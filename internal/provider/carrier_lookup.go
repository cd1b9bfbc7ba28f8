package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// carrierLookupAttributes are the dot_number and docket_number arguments of
// every data source that reads one carrier: either or both, at least one.
// They are Optional and Computed, so the one not given shows what MCP says.
func carrierLookupAttributes() map[string]schema.Attribute {
	atLeastOne := stringvalidator.AtLeastOneOf(path.MatchRoot("dot_number"), path.MatchRoot("docket_number"))
	return map[string]schema.Attribute{
		"dot_number": schema.StringAttribute{
			MarkdownDescription: "The carrier's USDOT number, such as `23868`. Give it, the docket number, or both.",
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{dotNumberValidator, atLeastOne},
		},
		"docket_number": schema.StringAttribute{
			MarkdownDescription: "The carrier's docket number: `MC`, `FF` or `MX` followed by digits, such as `MC113843`.",
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{docketNumberValidator, atLeastOne},
		},
	}
}

// carrierArguments are a one-carrier data source's dot_number and
// docket_number as configured, and the lookup they make.
type carrierArguments struct {
	dot, docket types.String
	lookup      mcp.CarrierLookup
}

// readCarrierArguments reads the two arguments from the configuration.
func readCarrierArguments(ctx context.Context, cfg tfsdk.Config) (carrierArguments, diag.Diagnostics) {
	var a carrierArguments
	diags := cfg.GetAttribute(ctx, path.Root("dot_number"), &a.dot)
	diags.Append(cfg.GetAttribute(ctx, path.Root("docket_number"), &a.docket)...)
	if diags.HasError() {
		return a, diags
	}
	a.lookup.DocketNumber = a.docket.ValueString()
	if s := a.dot.ValueString(); s != "" {
		n, err := carrierid.ParseDOT(s)
		if err != nil {
			diags.AddAttributeError(path.Root("dot_number"), "Invalid dot_number", err.Error())
		}
		a.lookup.DOTNumber = n
	}
	if a.lookup.DOTNumber == 0 && a.lookup.DocketNumber == "" {
		diags.AddError("Missing carrier", "Set dot_number, docket_number, or both.")
	}
	return a, diags
}

// identity is the dot_number and docket_number to store: each argument as
// configured, or what MCP answered where the configuration leaves it out.
func (a carrierArguments) identity(dot int, docket string) (types.String, types.String) {
	if a.dot.IsNull() || a.dot.IsUnknown() {
		a.dot = dotValue(dot)
	}
	if a.docket.IsNull() || a.docket.IsUnknown() {
		a.docket = optionalString(docket)
	}
	return a.dot, a.docket
}
