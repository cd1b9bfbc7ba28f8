package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// NewBlockedCarriersDataSource is mcp_blocked_carriers. It shares its
// implementation, carrierListDataSource, with mcp_monitored_carriers.
func NewBlockedCarriersDataSource() datasource.DataSource {
	return &carrierListDataSource{kind: carrierListDataSourceKind{
		typeName: "blocked_carriers",
		description: "The broker's whole blocked-carrier list, as MCP holds it now: every carrier, every page, sorted by DOT number. " +
			"Use it to refuse a carrier in HCL (a `precondition` on `!contains(data.mcp_blocked_carriers.all.dot_numbers, var.dot_number)`), " +
			"to report on the list, or to drive `for_each`. An empty list is a valid answer (`carrier_count` is 0).\n\n" +
			"The list is read once per provider run and shared with `mcp_blocked_carrier` and `mcp_block_list`, " +
			"so reading it here costs nothing extra in a plan that refreshes those.",
		listName:     "blocked list",
		listResource: "block_list",
		list:         func(d *providerData) *membership.List { return d.blocked },
	}}
}
