package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ datasource.DataSource                     = (*completedPacketsDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*completedPacketsDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*completedPacketsDataSource)(nil)
)

// NewCompletedPacketsDataSource is mcp_completed_packets.
func NewCompletedPacketsDataSource() datasource.DataSource { return &completedPacketsDataSource{} }

type completedPacketsDataSource struct {
	data *providerData
}

type completedPacketsDataSourceModel struct {
	From     types.String           `tfsdk:"from"`
	To       types.String           `tfsdk:"to"`
	Count    types.Int64            `tfsdk:"carrier_count"`
	Carriers []completedPacketModel `tfsdk:"carriers"`
}

type completedPacketModel struct {
	DOTNumber    types.String `tfsdk:"dot_number"`
	DocketNumber types.String `tfsdk:"docket_number"`
	LegalName    types.String `tfsdk:"legal_name"`
	CompletedAt  types.String `tfsdk:"completed_at"`
}

func (d *completedPacketsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_completed_packets"
}

func (d *completedPacketsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := timeWindowAttributes(
		"Start of the window: carriers that completed the packet at or after this time.",
		"End of the window: carriers that completed the packet at or before this time.")
	attrs["carrier_count"] = computedInt64("How many carriers completed the packet in the window.")
	attrs["carriers"] = computedObjects("Every carrier that completed the packet in the window, in the order they completed it "+
		"(then by DOT number). Empty when none did.", map[string]schema.Attribute{
		"dot_number":    computedString("The carrier's USDOT number."),
		"docket_number": computedString("The carrier's docket number (`MC`, `FF` or `MX` and digits), or null for an intrastate carrier."),
		"legal_name":    computedString("The carrier's legal name."),
		"completed_at":  computedString("When the carrier completed the packet (RFC 3339, UTC)."),
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "The carriers that completed the broker's MCP carrier packet in a time window, from MCP's CompletedPackets. " +
			"Use it to find carriers that are ready to be set up (then read each with `mcp_carrier`), or to report on onboarding. " +
			"A window in which no carrier completed the packet is a valid answer: `carrier_count` is 0 and `carriers` is empty.\n\n" +
			"MCP's own integrations poll with a rolling window every 5 to 15 minutes; in Terraform, " +
			"`from = timeadd(plantimestamp(), \"-24h\")` reads the last day.",
		Attributes: attrs,
	}
}

func (d *completedPacketsDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{timeWindowValidator{}}
}

func (d *completedPacketsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *completedPacketsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	window, diags := readConfiguredWindow(ctx, req.Config, d.data.now())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	packets, err := d.data.client.Invitations.CompletedPackets(ctx, window.From, window.To)
	if err != nil {
		addReadError(&resp.Diagnostics, "completed packets", window.String(), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, completedPacketsDataSourceModel{
		From:     window.FromValue,
		To:       window.ToValue,
		Count:    types.Int64Value(int64(len(packets))),
		Carriers: completedPacketsFromAPI(packets),
	})...)
}

// completedPacketsFromAPI maps MCP's list, in completion order.
func completedPacketsFromAPI(packets []mcp.CompletedPacket) []completedPacketModel {
	sorted := slices.Clone(packets)
	slices.SortStableFunc(sorted, func(a, b mcp.CompletedPacket) int {
		if c := a.CompletedDate.Compare(b.CompletedDate.Time); c != 0 {
			return c
		}
		return a.DOTNumber - b.DOTNumber
	})
	return mapSlice(sorted, func(p mcp.CompletedPacket) completedPacketModel {
		return completedPacketModel{
			DOTNumber:    dotValue(p.DOTNumber),
			DocketNumber: optionalString(p.DocketNumber),
			LegalName:    optionalString(p.LegalName),
			CompletedAt:  optionalTime(p.CompletedDate.Time),
		}
	})
}
