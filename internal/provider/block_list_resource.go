package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// NewBlockListResource is mcp_block_list: the broker's whole blocked-carrier
// list, declared and enforceable from CI.
func NewBlockListResource() resource.Resource {
	return &carrierListResource{kind: listKind{
		typeName: "block_list",
		id:       "block_list",
		description: "Owns the broker's whole blocked-carrier list in MCP: exactly the carriers in `carriers` are blocked. " +
			"Every plan compares the map with what MCP holds, carrier by carrier, so a carrier someone blocks or unblocks in the MCP portal " +
			"shows up as a change; run `terraform plan -detailed-exitcode` in CI to fail the pipeline on such drift, and apply to put the list back. " +
			"Applies make only the calls the difference needs.\n\n" +
			"There is one block list per MCP account: declare one `mcp_block_list`, and do not also manage its carriers with " +
			"`mcp_blocked_carrier` (the provider warns when it sees both). Destroying the resource leaves the list as it is unless " +
			"`on_destroy = \"clear\"`; clearing a block list lets every carrier on it book loads again, so it must be asked for.",
		listName:   "blocked list",
		perCarrier: "blocked_carrier",
		list:       func(d *providerData) *membership.List { return d.blocked },
	}}
}
