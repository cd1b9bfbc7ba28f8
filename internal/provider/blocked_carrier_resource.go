package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// NewBlockedCarrierResource is mcp_blocked_carrier: one carrier on the
// broker's blocked list (BlockCarrier / UnblockCarrier, read from
// BlockedCarriers).
func NewBlockedCarrierResource() resource.Resource {
	return &carrierMembershipResource{kind: blockedCarrier}
}

var blockedCarrier = membershipKind{
	typeName: "blocked_carrier",
	description: "Blocks one carrier in MCP, so that the broker's users cannot book it. Destroying the resource unblocks the carrier. " +
		"If someone unblocks it in the MCP portal, the next plan proposes to block it again.\n\n" +
		"To own the whole block list, so that carriers blocked or unblocked outside Terraform show up in the plan, use `mcp_block_list` instead; " +
		"do not manage the same carrier with both.",
	listName: "blocked list",
	add:      "block",
	remove:   "unblock",
	listType: "block_list",
	list:     func(d *providerData) *membership.List { return d.blocked },
}
