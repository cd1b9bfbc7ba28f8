package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// NewMonitoredCarriersDataSource is mcp_monitored_carriers.
func NewMonitoredCarriersDataSource() datasource.DataSource {
	return &carrierListDataSource{kind: carrierListDataSourceKind{
		typeName: "monitored_carriers",
		description: "The broker's whole Assure Advantage monitored list, as MCP holds it now: every carrier, every page, " +
			"sorted by DOT number. Use it to check a carrier in HCL (`contains(data.mcp_monitored_carriers.all.dot_numbers, \"23868\")`), " +
			"to report on the list, or to drive `for_each`. An empty list is a valid answer (`carrier_count` is 0).\n\n" +
			"The list is read once per provider run and shared with `mcp_monitored_carrier` and `mcp_monitoring_list`, " +
			"so reading it here costs nothing extra in a plan that refreshes those.",
		listName:     "monitored list",
		listResource: "monitoring_list",
		list:         func(d *providerData) *membership.List { return d.monitored },
	}}
}
