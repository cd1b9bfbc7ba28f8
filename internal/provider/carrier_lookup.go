package provider

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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

// carrierLookup builds the client's lookup from the two arguments.
func carrierLookup(dot, docket types.String) (mcp.CarrierLookup, diag.Diagnostics) {
	var diags diag.Diagnostics
	l := mcp.CarrierLookup{DocketNumber: docket.ValueString()}
	if s := dot.ValueString(); s != "" {
		n, err := carrierid.ParseDOT(s)
		if err != nil {
			diags.AddAttributeError(path.Root("dot_number"), "Invalid dot_number", err.Error())
		}
		l.DOTNumber = n
	}
	if l.DOTNumber == 0 && l.DocketNumber == "" {
		diags.AddError("Missing carrier", "Set dot_number, docket_number, or both.")
	}
	return l, diags
}

// addReadError reports a failed read of a data source. Something that does
// not exist is an error naming what was asked, never an empty result.
func addReadError(diags *diag.Diagnostics, what, asked string, err error) {
	if mcp.IsNotFound(err) {
		diags.AddError(fmt.Sprintf("No %s for %s", what, asked),
			fmt.Sprintf("MCP has no %s for %s. Check the identifiers.", what, asked))
		return
	}
	var opErr *mcp.OperationError
	if errors.As(err, &opErr) {
		diags.AddError(fmt.Sprintf("Unable to read %s for %s", what, asked), explain(err))
		return
	}
	addAPIError(diags, fmt.Sprintf("Unable to read %s for %s", what, asked), err)
}
