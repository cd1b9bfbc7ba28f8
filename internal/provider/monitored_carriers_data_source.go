package provider

import (
	"context"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// This file holds the one implementation behind mcp_monitored_carriers and
// mcp_blocked_carriers (blocked_carriers_data_source.go): they read one of
// MCP's two carrier lists whole, through the provider run's shared view of
// it, so a plan that also refreshes mcp_monitored_carrier or
// mcp_monitoring_list resources loads each list once.

// NewMonitoredCarriersDataSource is mcp_monitored_carriers.
func NewMonitoredCarriersDataSource() datasource.DataSource {
	return &carrierListDataSource{kind: carrierListDataSourceKind{
		typeName: "monitored_carriers",
		description: "The broker's whole Assure Advantage monitored list, as MCP holds it now: every carrier, every page, " +
			"sorted by DOT number. Use it to check a carrier in HCL (`contains(data.mcp_monitored_carriers.all.dot_numbers, \"23868\")`), " +
			"to report on the list, or to drive `for_each`. An empty list is a valid answer (`carrier_count` is 0).\n\n" +
			"The list is read once per provider run and shared with `mcp_monitored_carrier` and `mcp_monitoring_list`, " +
			"so reading it here costs nothing extra in a plan that refreshes those.",
		listName: "monitored list",
		list:     func(d *providerData) *membership.List { return d.monitored },
	}}
}

// carrierListDataSourceKind is what distinguishes the two list data sources.
type carrierListDataSourceKind struct {
	typeName    string // without the provider prefix
	description string
	listName    string // e.g. "monitored list"
	list        func(*providerData) *membership.List
}

var (
	_ datasource.DataSource              = (*carrierListDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*carrierListDataSource)(nil)
)

type carrierListDataSource struct {
	kind carrierListDataSourceKind
	data *providerData
}

// listedCarrierType is the object type of each element of carriers.
var listedCarrierType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"dot_number":        types.StringType,
	"docket_number":     types.StringType,
	"intrastate_number": types.StringType,
	"created_at":        types.StringType,
	"created_by":        types.StringType,
	"last_modified_at":  types.StringType,
	"last_modified_by":  types.StringType,
}}

func (d *carrierListDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.kind.typeName
}

func (d *carrierListDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	list := d.kind.listName
	resp.Schema = schema.Schema{
		MarkdownDescription: d.kind.description,
		Attributes: map[string]schema.Attribute{
			"carrier_count": computedInt64("How many carriers are on the " + list + "."),
			"dot_numbers": computedStrings("The USDOT numbers of the carriers on the " + list + ", as strings sorted by number, " +
				"for `contains()` and `for_each = toset(...)`."),
			"carriers": computedObjects("Every carrier on the "+list+", sorted by DOT number, with what MCP records about its entry.",
				map[string]schema.Attribute{
					"dot_number":        computedString("The carrier's USDOT number."),
					"docket_number":     computedString("The carrier's docket number (`MC`, `FF` or `MX` and digits), or null for a carrier listed without one."),
					"intrastate_number": computedString("The state-issued number of an intrastate-only carrier, or null."),
					"created_at":        computedString("When the carrier was put on the " + list + " (RFC 3339, UTC)."),
					"created_by":        computedString("The MCP user who put the carrier on the " + list + "."),
					"last_modified_at":  computedString("When MCP last changed the carrier's entry (RFC 3339, UTC)."),
					"last_modified_by":  computedString("The MCP user who last changed the carrier's entry."),
				}),
		},
	}
}

func (d *carrierListDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *carrierListDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	entries, err := d.kind.list(d.data).All(ctx)
	if err != nil {
		addReadError(&resp.Diagnostics, "the "+d.kind.listName, "this MCP account", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, carrierListStateValue(ctx, resp.State.Schema.Type().TerraformType(ctx), entries))...)
}

// carrierListStateValue maps a list, by DOT number, to the state value of
// schemaType. Lists run to tens of thousands of carriers, so the value is
// built as terraform-plugin-go values, which State.Set takes as they are
// (after checking the type): BenchmarkCarrierListState measured 0.13 s and
// 84 MB for 50,000 carriers this way, 1.0 s and 640 MB through
// types.ObjectValue and types.ListValue, and 2.8 s and 2 GB through
// reflection over model structs.
func carrierListStateValue(ctx context.Context, schemaType tftypes.Type, entries map[int]membership.Entry) tftypes.Value {
	objectType := listedCarrierType.TerraformType(ctx)
	dots := make([]int, 0, len(entries))
	for dot := range entries {
		dots = append(dots, dot)
	}
	slices.Sort(dots)
	dotValues := make([]tftypes.Value, len(dots))
	carriers := make([]tftypes.Value, len(dots))
	for i, dot := range dots {
		e := entries[dot]
		dotValue := tftypes.NewValue(tftypes.String, strconv.Itoa(dot))
		dotValues[i] = dotValue
		carriers[i] = tftypes.NewValue(objectType, map[string]tftypes.Value{
			"dot_number":        dotValue,
			"docket_number":     rawOptionalString(e.Key.Docket),
			"intrastate_number": rawOptionalString(e.Key.Intrastate),
			"created_at":        rawOptionalTime(e.CreatedAt),
			"created_by":        rawOptionalString(e.CreatedBy),
			"last_modified_at":  rawOptionalTime(e.LastModifiedAt),
			"last_modified_by":  rawOptionalString(e.LastModifiedBy),
		})
	}
	return tftypes.NewValue(schemaType, map[string]tftypes.Value{
		"carrier_count": tftypes.NewValue(tftypes.Number, len(dots)),
		"dot_numbers":   tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, dotValues),
		"carriers":      tftypes.NewValue(tftypes.List{ElementType: objectType}, carriers),
	})
}
