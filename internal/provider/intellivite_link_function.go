package provider

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
)

// portalURL is MCP's web portal, which serves the links built here (the
// API's base_url is another host, and functions cannot see provider
// configuration anyway).
const portalURL = "https://mycarrierpackets.com"

// intelliviteID is the customer GUID from MCP's Integration Tools page.
var intelliviteID = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

var _ function.Function = intelliviteLinkFunction{}

// NewIntelliviteLinkFunction is provider::mcp::intellivite_link.
func NewIntelliviteLinkFunction() function.Function { return intelliviteLinkFunction{} }

type intelliviteLinkFunction struct{}

func (intelliviteLinkFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "intellivite_link"
}

func (intelliviteLinkFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Builds an Intellivite link that invites a carrier to the broker's packet",
		MarkdownDescription: "Builds one of MCP's Intellivite links, for a TMS or e-mail of your own, with the arguments in the order the link reads them:\n\n" +
			"* full, pre-filling DOT and docket and tying the invitation to a user (recommended): `intellivite_link(id, user, dot, docket)` → `" + portalURL + "/<id>/Carrier/Intellivite/<user>/<dot>/<docket>`;\n" +
			"* DOT only, for intrastate carriers: `intellivite_link(id, user, dot)` → `" + portalURL + "/<id>/Carrier/Intellivite/<user>/<dot>`;\n" +
			"* basic, with nothing pre-filled: `intellivite_link(id, null)` → `" + portalURL + "/<id>/Carrier/Intellivite`.\n\n" +
			"The link needs no API call; the Intellivite ID is the customer GUID on MCP's Integration Tools page.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "intellivite_id", MarkdownDescription: "The broker's Intellivite ID, a GUID such as `ea72823e-1506-4b72-a3b0-a488e1ba2f1e`."},
			function.StringParameter{Name: "user_name", AllowNullValue: true,
				MarkdownDescription: "The MCP user the invitation is tied to, or `null` for the basic link."},
		},
		VariadicParameter: function.StringParameter{Name: "carrier",
			MarkdownDescription: "Optionally the carrier's USDOT number, then its docket number (`MC`, `FF` or `MX` and digits)."},
		Return: function.StringReturn{},
	}
}

func (intelliviteLinkFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var (
		id      string
		user    types.String
		carrier []string
	)
	resp.Error = req.Arguments.Get(ctx, &id, &user, &carrier)
	if resp.Error != nil {
		return
	}
	if !intelliviteID.MatchString(id) {
		resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("%q is not an Intellivite ID: expected the GUID from MCP's Integration Tools page, such as ea72823e-1506-4b72-a3b0-a488e1ba2f1e", id))
		return
	}
	parts := []string{portalURL, id, "Carrier", "Intellivite"}
	if name := user.ValueString(); name != "" {
		parts = append(parts, url.PathEscape(name))
	} else if len(carrier) > 0 {
		resp.Error = function.NewArgumentFuncError(1, "a link that pre-fills the carrier needs the MCP user name")
		return
	}
	if len(carrier) > 2 {
		resp.Error = function.NewArgumentFuncError(4, fmt.Sprintf("expected at most a DOT number and a docket number after the user name, got %d values", len(carrier)))
		return
	}
	if len(carrier) > 0 {
		if _, err := carrierid.ParseDOT(carrier[0]); err != nil {
			resp.Error = function.NewArgumentFuncError(2, err.Error())
			return
		}
		parts = append(parts, carrier[0])
	}
	if len(carrier) > 1 {
		if err := carrierid.CheckDocket(carrier[1]); err != nil {
			resp.Error = function.NewArgumentFuncError(3, err.Error())
			return
		}
		parts = append(parts, carrier[1])
	}
	resp.Error = resp.Result.Set(ctx, strings.Join(parts, "/"))
}
