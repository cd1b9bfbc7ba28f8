package provider

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"

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
		MarkdownDescription: "Builds one of MCP's Intellivite links, for a TMS or e-mail of your own, with the arguments in the order the link reads them " +
			"(everything after the Intellivite ID is optional):\n\n" +
			"* full, tying the invitation to a user and pre-filling DOT and docket (recommended): `intellivite_link(id, user, dot, docket)` → `" + portalURL + "/<id>/Carrier/Intellivite/<user>/<dot>/<docket>`;\n" +
			"* DOT only, for intrastate carriers: `intellivite_link(id, user, dot)` → `" + portalURL + "/<id>/Carrier/Intellivite/<user>/<dot>`;\n" +
			"* basic, with nothing pre-filled: `intellivite_link(id)` → `" + portalURL + "/<id>/Carrier/Intellivite`.\n\n" +
			"The link needs no API call; the Intellivite ID is the customer GUID on MCP's Integration Tools page.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "intellivite_id", MarkdownDescription: "The broker's Intellivite ID, a GUID such as `ea72823e-1506-4b72-a3b0-a488e1ba2f1e`."},
		},
		VariadicParameter: function.StringParameter{Name: "path",
			MarkdownDescription: "Optionally, in this order: the MCP user the invitation is tied to, the carrier's USDOT number, " +
				"and its docket number (`MC`, `FF` or `MX` and digits)."},
		Return: function.StringReturn{},
	}
}

func (intelliviteLinkFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var (
		id   string
		path []string // user, DOT number, docket
	)
	resp.Error = req.Arguments.Get(ctx, &id, &path)
	if resp.Error != nil {
		return
	}
	if !intelliviteID.MatchString(id) {
		resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("%q is not an Intellivite ID: expected the GUID from MCP's Integration Tools page, such as ea72823e-1506-4b72-a3b0-a488e1ba2f1e", id))
		return
	}
	if len(path) > 3 {
		resp.Error = function.NewArgumentFuncError(4, fmt.Sprintf("expected at most a user name, a DOT number and a docket number after the Intellivite ID, got %d values", len(path)))
		return
	}
	link := []string{portalURL, id, "Carrier", "Intellivite"}
	for i, part := range path {
		var err error
		switch i {
		case 0:
			if part == "" {
				err = fmt.Errorf("the MCP user name must not be empty; leave it out for the basic link")
			}
			part = url.PathEscape(part)
		case 1:
			_, err = carrierid.ParseDOT(part)
		case 2:
			err = carrierid.CheckDocket(part)
		}
		if err != nil {
			resp.Error = function.NewArgumentFuncError(int64(i+1), err.Error())
			return
		}
		link = append(link, part)
	}
	resp.Error = resp.Result.Set(ctx, strings.Join(link, "/"))
}
