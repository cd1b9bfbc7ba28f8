package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// NewMonitoringListResource is mcp_monitoring_list: the whole Assure
// Advantage monitored list, declared.
func NewMonitoringListResource() resource.Resource { return &carrierListResource{kind: monitoringList} }

var monitoringList = listKind{
	typeName: "monitoring_list",
	id:       "monitoring_list",
	description: "Owns MCP's whole Assure Advantage monitored list: the carriers in `carriers` are monitored, and " +
		"`unmanaged_carriers` says what happens to any other carrier on the list (by default the apply takes it off, and the plan names it). " +
		"Every plan compares the list with what MCP holds, carrier by carrier, and names each carrier someone added or cancelled " +
		"outside Terraform, with who and when, and what the apply will do. Applies make only the calls the difference needs, " +
		"and take off only carriers the plan names.\n\n" +
		"There is one monitored list per MCP account: declare one `mcp_monitoring_list`, and do not also manage its carriers with " +
		"`mcp_monitored_carrier` (the provider warns when it sees both). Destroying the resource leaves the list as it is unless " +
		"`on_destroy = \"clear\"`.",
	listName:      "monitored list",
	perCarrier:    "monitored_carrier",
	defaultPolicy: unmanagedRemove,
	verbs: listVerbs{added: "monitored", removed: "taken off monitoring", remove: "will STOP MONITORING", readd: "will MONITOR again", stays: "stays monitored",
		progressAdd: "monitoring requested for", progressRemove: "monitoring cancelled for"},
	list: func(d *providerData) *membership.List { return d.monitored },
}
