package provider

import (
	"context"
	"slices"
	"strconv"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The one implementation behind mcp_monitored_carriers and
// mcp_blocked_carriers: they read one of MCP's two carrier lists whole,
// through the provider run's shared view of it, so a plan that also
// refreshes mcp_monitored_carrier or mcp_monitoring_list resources loads
// each list once.

var (
	_ datasource.DataSource              = (*carrierListDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*carrierListDataSource)(nil)
)

// carrierListDataSourceKind is what distinguishes the two list data sources.
type carrierListDataSourceKind struct {
	typeName     string // without the provider prefix
	description  string
	listName     string // e.g. "monitored list"
	listResource string // the list resource type, without the provider prefix
	list         func(*providerData) *membership.List
}

type carrierListDataSource struct {
	kind carrierListDataSourceKind
	data *providerData
}

func (d *carrierListDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.kind.typeName
}

func (d *carrierListDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	list := d.kind.listName
	resp.Schema = schema.Schema{
		MarkdownDescription: d.kind.description,
		Attributes: map[string]schema.Attribute{
			"carrier_count": computedInt64("How many carriers are on the " + list + ", those in `without_dot_number` included."),
			"dot_numbers": computedStrings("The USDOT numbers of the carriers on the " + list + ", as strings sorted by number, " +
				"for `contains()` and `for_each = toset(...)`."),
			"carriers": computedStringMap("Every carrier on the " + list + ", keyed by USDOT number: its docket number (`MC`, `FF` or `MX` and digits), " +
				"the state-issued number of an intrastate-only carrier, or `\"\"` for a carrier listed by DOT number alone. " +
				"The same shape as `carriers` of `mcp_" + d.kind.listResource + "`, so a configuration can adopt the list as it is."),
			"created_at": computedStringMap("When each carrier was put on the " + list + " (RFC 3339, UTC), keyed by USDOT number; null where MCP records no time."),
			"created_by": computedStringMap("The MCP user who put each carrier on the " + list + ", keyed by USDOT number; null where MCP records none."),
			"last_modified_at": computedStringMap("When MCP last changed each carrier's entry (RFC 3339, UTC), keyed by USDOT number; " +
				"null where MCP records no time."),
			"last_modified_by": computedStringMap("The MCP user who last changed each carrier's entry, keyed by USDOT number; null where MCP records none."),
			"without_dot_number": computedStrings("The state-issued numbers of the carriers MCP lists on the " + list + " without a USDOT number, " +
				"as it may list an intrastate-only carrier, sorted. They count in `carrier_count`; having no DOT number, they are in no other attribute. " +
				"To manage one with `mcp_" + d.kind.listResource + "`, name it in `carriers` by its DOT number, with this number as the value."),
		},
	}
}

func (d *carrierListDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *carrierListDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	entries, withoutDOT, err := d.kind.list(d.data).AsListed(ctx)
	if err != nil {
		d.data.addListError(&resp.Diagnostics, "Unable to read the "+d.kind.listName, err, false)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, carrierListStateValue(resp.State.Schema.Type().TerraformType(ctx), entries, withoutDOT))...)
}

// carrierListStateValue maps a list, by DOT number, to the state value of
// schemaType. Lists run to tens of thousands of carriers, so every
// per-carrier attribute is a map of strings (Terraform converts a map of
// objects that size in quadratic time), built as terraform-plugin-go
// values, which State.Set takes as they are (after checking the type):
// BenchmarkCarrierListState measured 0.13 s for 50,000 carriers this way
// (when carriers was a list of objects), 1.0 s through types.ObjectValue
// and types.ListValue, and 2.8 s through reflection over model structs.
// Entries without a DOT number are listed by intrastate number apart.
func carrierListStateValue(schemaType tftypes.Type, entries map[int]membership.Entry, withoutDOT []membership.Entry) tftypes.Value {
	dots := make([]int, 0, len(entries))
	for dot := range entries {
		dots = append(dots, dot)
	}
	slices.Sort(dots)
	dotValues := make([]tftypes.Value, len(dots))
	carriers, createdAt, createdBy := map[string]tftypes.Value{}, map[string]tftypes.Value{}, map[string]tftypes.Value{}
	modifiedAt, modifiedBy := map[string]tftypes.Value{}, map[string]tftypes.Value{}
	for i, dot := range dots {
		e, k := entries[dot], strconv.Itoa(dot)
		dotValues[i] = tftypes.NewValue(tftypes.String, k)
		carriers[k] = tftypes.NewValue(tftypes.String, e.Key.ListValue())
		createdAt[k], createdBy[k] = rawOptionalTime(e.CreatedAt), rawOptionalString(e.CreatedBy)
		modifiedAt[k], modifiedBy[k] = rawOptionalTime(e.LastModifiedAt), rawOptionalString(e.LastModifiedBy)
	}
	intrastate := make([]tftypes.Value, len(withoutDOT))
	for i, e := range withoutDOT {
		intrastate[i] = tftypes.NewValue(tftypes.String, e.Key.Intrastate)
	}
	stringMap, stringList := tftypes.Map{ElementType: tftypes.String}, tftypes.List{ElementType: tftypes.String}
	return tftypes.NewValue(schemaType, map[string]tftypes.Value{
		"carrier_count":      tftypes.NewValue(tftypes.Number, len(dots)+len(withoutDOT)),
		"dot_numbers":        tftypes.NewValue(stringList, dotValues),
		"without_dot_number": tftypes.NewValue(stringList, intrastate),
		"carriers":           tftypes.NewValue(stringMap, carriers),
		"created_at":         tftypes.NewValue(stringMap, createdAt),
		"created_by":         tftypes.NewValue(stringMap, createdBy),
		"last_modified_at":   tftypes.NewValue(stringMap, modifiedAt),
		"last_modified_by":   tftypes.NewValue(stringMap, modifiedBy),
	})
}
