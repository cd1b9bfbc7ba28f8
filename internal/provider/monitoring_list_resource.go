package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// NewMonitoringListResource is mcp_monitoring_list: the whole Assure
// Advantage monitored list, declared.
func NewMonitoringListResource() resource.Resource {
	return &carrierListResource{kind: listKind{
		typeName: "monitoring_list",
		id:       "monitoring_list",
		description: "Owns MCP's whole Assure Advantage monitored list: exactly the carriers in `carriers` are monitored. " +
			"Every plan compares the map with what MCP holds, carrier by carrier, so a carrier someone adds or cancels in the MCP portal " +
			"shows up as a change, and applying puts the list back. Applies make only the calls the difference needs.\n\n" +
			"There is one monitored list per MCP account: declare one `mcp_monitoring_list`, and do not also manage its carriers with " +
			"`mcp_monitored_carrier` (the provider warns when it sees both). Destroying the resource leaves the list as it is unless " +
			"`on_destroy = \"clear\"`.",
		listName:   "monitored list",
		perCarrier: "monitored_carrier",
		list:       func(d *providerData) *membership.List { return d.monitored },
	}}
}
