package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// NewMonitoredCarrierResource is mcp_monitored_carrier: one carrier under
// Assure Advantage monitoring (RequestMonitoring / CancelMonitoring, read
// from MonitoredCarriers).
func NewMonitoredCarrierResource() resource.Resource {
	return &carrierMembershipResource{kind: monitoredCarrier}
}

var monitoredCarrier = membershipKind{
	typeName: "monitored_carrier",
	description: "Puts one carrier under MCP's Assure Advantage monitoring, which watches its authority, insurance and safety. " +
		"Destroying the resource cancels the monitoring. If someone cancels it in the MCP portal, the next plan proposes to monitor the carrier again.\n\n" +
		"To own the whole monitored list, so that carriers added outside Terraform show up in the plan too, use `mcp_monitoring_list` instead; " +
		"do not manage the same carrier with both.",
	listName: "monitored list",
	add:      "monitor",
	remove:   "stop monitoring",
	listType: "monitoring_list",
	list:     func(d *providerData) *membership.List { return d.monitored },
}
