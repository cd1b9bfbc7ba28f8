package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// NewBlockListResource is mcp_block_list: the broker's whole blocked-carrier
// list, declared and enforceable from CI.
func NewBlockListResource() resource.Resource { return &carrierListResource{kind: blockList} }

var blockList = listKind{
	typeName: "block_list",
	id:       "block_list",
	description: "Owns the broker's whole blocked-carrier list in MCP: the carriers in `carriers` are blocked, and " +
		"`unmanaged_carriers` says what happens to any other carrier on the list (by default the plan fails, naming it). " +
		"Every plan compares the list with what MCP holds, carrier by carrier, and names each carrier someone blocked or unblocked " +
		"outside Terraform, with who and when, and what the apply will do; run `terraform plan -detailed-exitcode` in CI to fail " +
		"the pipeline on such drift. Applies make only the calls the difference needs, and take off only carriers the plan names.\n\n" +
		"There is one block list per MCP account: declare one `mcp_block_list`, and do not also manage its carriers with " +
		"`mcp_blocked_carrier` (the provider warns when it sees both). Destroying the resource leaves the list as it is unless " +
		"`on_destroy = \"clear\"`; clearing a block list lets every carrier on it book loads again, so it must be asked for.",
	listName:      "blocked list",
	perCarrier:    "blocked_carrier",
	defaultPolicy: unmanagedFail,
	verbs: listVerbs{added: "blocked", removed: "unblocked", remove: "will UNBLOCK", readd: "will BLOCK again", stays: "stays blocked",
		progressAdd: "blocked", progressRemove: "unblocked"},
	list: func(d *providerData) *membership.List { return d.blocked },
}
