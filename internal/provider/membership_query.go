package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// Values of number_type: how MCP's entry names the carrier besides its DOT
// number.
const (
	numberMC         = "MC"
	numberFF         = "FF"
	numberMX         = "MX"
	numberIntrastate = "intrastate"
	numberDOTOnly    = "dot_only"
)

var (
	_ list.ListResourceWithConfigure      = (*carrierMembershipQuery)(nil)
	_ list.ListResourceWithValidateConfig = (*carrierMembershipQuery)(nil)
)

// carrierMembershipQuery is the list resource (terraform query, Terraform
// 1.14+) of a per-carrier type: one result per carrier on MCP's list, with
// the identity an import block needs. It reads the list as the resources
// do, through the run's shared membership.List: one MonitoredCarriers or
// BlockedCarriers page per 5,000 carriers, however many results.
type carrierMembershipQuery struct {
	kind membershipKind
	data *providerData
}

// NewMonitoredCarrierQuery is the list resource of mcp_monitored_carrier.
func NewMonitoredCarrierQuery() list.ListResource {
	return &carrierMembershipQuery{kind: monitoredCarrier}
}

// NewBlockedCarrierQuery is the list resource of mcp_blocked_carrier.
func NewBlockedCarrierQuery() list.ListResource { return &carrierMembershipQuery{kind: blockedCarrier} }

// membershipQueryModel is the configuration of a query's list block.
type membershipQueryModel struct {
	NumberType   types.String `tfsdk:"number_type"`
	DOTNumberMin types.Int64  `tfsdk:"dot_number_min"`
	DOTNumberMax types.Int64  `tfsdk:"dot_number_max"`
}

func (q *carrierMembershipQuery) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + q.kind.typeName
}

func (q *carrierMembershipQuery) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Every carrier on MCP's " + q.kind.listName + ", one result per carrier, for `terraform query` " +
			"(Terraform 1.14+). With `-generate-config-out` it writes an import block and an `mcp_" + q.kind.typeName + "` block " +
			"per carrier, which plan with no changes. Carriers MCP lists without a USDOT number cannot be imported by DOT number: " +
			"the query names them in a warning.",
		Attributes: map[string]listschema.Attribute{
			"number_type": listschema.StringAttribute{
				MarkdownDescription: "Only carriers MCP lists with this kind of number besides the DOT number: `" + numberMC + "`, `" +
					numberFF + "` or `" + numberMX + "` (the docket prefix), `" + numberIntrastate + "` (an intrastate-only carrier), " +
					"or `" + numberDOTOnly + "` (neither).",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(numberMC, numberFF, numberMX, numberIntrastate, numberDOTOnly)},
			},
			"dot_number_min": listschema.Int64Attribute{
				MarkdownDescription: "Only carriers whose USDOT number is at least this.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"dot_number_max": listschema.Int64Attribute{
				MarkdownDescription: "Only carriers whose USDOT number is at most this; not below `dot_number_min`.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
		},
	}
}

func (q *carrierMembershipQuery) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	q.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ValidateListResourceConfig refuses a DOT range that is empty.
func (q *carrierMembershipQuery) ValidateListResourceConfig(ctx context.Context, req list.ValidateConfigRequest, resp *list.ValidateConfigResponse) {
	var config membershipQueryModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	lo, hi := config.DOTNumberMin, config.DOTNumberMax
	if !lo.IsNull() && !lo.IsUnknown() && !hi.IsNull() && !hi.IsUnknown() && hi.ValueInt64() < lo.ValueInt64() {
		resp.Diagnostics.AddAttributeError(path.Root("dot_number_max"), "Invalid DOT number range",
			fmt.Sprintf("dot_number_max (%d) is below dot_number_min (%d): no carrier could match. Expected dot_number_max >= dot_number_min.",
				hi.ValueInt64(), lo.ValueInt64()))
	}
}

// matches reports whether a carrier's key passes the configured filters.
func (m membershipQueryModel) matches(k carrierid.Key) bool {
	if !m.DOTNumberMin.IsNull() && int64(k.DOT) < m.DOTNumberMin.ValueInt64() {
		return false
	}
	if !m.DOTNumberMax.IsNull() && int64(k.DOT) > m.DOTNumberMax.ValueInt64() {
		return false
	}
	switch m.NumberType.ValueString() {
	case "":
		return true
	case numberIntrastate:
		return k.Intrastate != ""
	case numberDOTOnly:
		return k.Docket == "" && k.Intrastate == ""
	default:
		return strings.HasPrefix(k.Docket, m.NumberType.ValueString())
	}
}

func (q *carrierMembershipQuery) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config membershipQueryModel
	diags := req.Config.Get(ctx, &config)
	if q.data == nil {
		diags.AddError("Provider not configured", "The mcp provider block must be configured before "+q.kind.typeName+" can be listed.")
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	byDOT, withoutDOT, err := q.kind.list(q.data).AsListed(ctx)
	if err != nil {
		q.data.addListError(&diags, "Unable to read the "+q.kind.listName, err, false)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	identityType := req.ResourceIdentitySchema.Type().TerraformType(ctx)
	resourceType := req.ResourceSchema.Type().TerraformType(ctx)
	stream.Results = func(push func(list.ListResult) bool) {
		n := int64(0)
		for _, dot := range slices.Sorted(maps.Keys(byDOT)) {
			e := byDOT[dot]
			if !config.matches(e.Key) {
				continue
			}
			if req.Limit > 0 && n == req.Limit {
				return
			}
			n++
			if !push(q.result(ctx, req, e, identityType, resourceType)) {
				return
			}
		}
		if skipped := matching(withoutDOT, config); len(skipped) > 0 {
			push(list.ListResult{Diagnostics: withoutDOTWarning(q.kind.listName, skipped)})
		}
	}
}

// result is one carrier's result. The identity and the resource go through
// flat models: a query returns up to tens of thousands of them.
func (q *carrierMembershipQuery) result(ctx context.Context, req list.ListRequest, e membership.Entry, identityType, resourceType tftypes.Type) list.ListResult {
	r := req.NewListResult(ctx)
	r.DisplayName = e.Key.Describe()
	var err error
	if r.Identity.Raw, err = flatValue(ctx, identityType, membershipIdentity(e.Key)); err == nil && req.IncludeResource {
		r.Resource.Raw, err = flatValue(ctx, resourceType, membershipModel(e))
	}
	if err != nil {
		r.Diagnostics.AddError("Unable to record carrier "+e.Key.Describe(), err.Error()+"\n\nThis is always a bug in the provider.")
	}
	return r
}

// matching returns the entries that pass the filters. Entries without a
// DOT number fail a DOT range.
func matching(entries []membership.Entry, config membershipQueryModel) []string {
	var out []string
	for _, e := range entries {
		if config.matches(e.Key) {
			out = append(out, e.Key.Intrastate)
		}
	}
	return out
}

// withoutDOTWarning names the carriers a query cannot return: an import
// identity needs a DOT number, and MCP lists these by intrastate number
// alone.
func withoutDOTWarning(listName string, intrastate []string) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.AddWarning(fmt.Sprintf("%d carrier(s) on the %s have no USDOT number", len(intrastate), listName),
		fmt.Sprintf("MCP lists these carriers by intrastate number alone, so they cannot be imported by DOT number and are not among the results: %s. "+
			"Look up their DOT numbers (mcp_carrier) and import them by hand, or manage the whole list with a list resource.",
			strings.Join(intrastate, ", ")))
	return diags
}
