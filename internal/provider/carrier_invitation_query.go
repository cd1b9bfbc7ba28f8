package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var _ list.ListResourceWithConfigure = (*carrierInvitationQuery)(nil)

// carrierInvitationQuery is the list resource (terraform query, Terraform
// 1.14+) of mcp_carrier_invitation. MCP has no operation that lists
// invitations; what it does report is each monitored carrier's latest
// invitation, in MonitoredCarrierData (500 carriers a page). So the query
// finds the invitations of monitored carriers, one result per carrier.
type carrierInvitationQuery struct {
	data *providerData
}

// NewCarrierInvitationQuery is the list resource of mcp_carrier_invitation.
func NewCarrierInvitationQuery() list.ListResource { return &carrierInvitationQuery{} }

type carrierInvitationQueryModel struct {
	InvitedBy types.String `tfsdk:"invited_by"`
}

func (q *carrierInvitationQuery) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier_invitation"
}

func (q *carrierInvitationQuery) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "The packet invitations MCP knows of, for `terraform query` (Terraform 1.14+): the latest invitation " +
			"of each monitored carrier, as MCP's MonitoredCarrierData reports it (MCP has no operation that lists invitations, " +
			"so an invitation to a carrier that is not monitored cannot be found; import it by its ID). " +
			"With `-generate-config-out` it writes an import block and an `mcp_carrier_invitation` per invitation; importing " +
			"records the invitation as sent, so applying the configuration sends nothing. The query reads every monitored " +
			"carrier's full record, one page per 500 carriers.",
		Attributes: map[string]listschema.Attribute{
			"invited_by": listschema.StringAttribute{
				MarkdownDescription: "Only invitations sent by this MCP user name.",
				Optional:            true,
			},
		},
	}
}

func (q *carrierInvitationQuery) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	q.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (q *carrierInvitationQuery) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config carrierInvitationQueryModel
	diags := req.Config.Get(ctx, &config)
	if q.data == nil {
		diags.AddError("Provider not configured", "The mcp provider block must be configured before carrier_invitation can be listed.")
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	details, err := q.data.client.Monitoring.CarrierDataAll(ctx)
	if err != nil {
		addAPIError(&diags, "Unable to read the monitored carriers' invitations", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	keys := invitationKeys(details, config.InvitedBy.ValueString())
	stream.Results = func(push func(list.ListResult) bool) {
		for i, key := range keys {
			if req.Limit > 0 && int64(i) == req.Limit {
				return
			}
			r := req.NewListResult(ctx)
			r.DisplayName = key.Email + " (DOT " + strconv.Itoa(key.DOT) + ")"
			r.Diagnostics.Append(r.Identity.Set(ctx, invitationIdentity(key))...)
			if req.IncludeResource {
				r.Diagnostics.Append(r.Resource.Set(ctx, adoptedInvitation(key))...)
			}
			if !push(r) {
				return
			}
		}
	}
}

// invitationKeys are the latest invitations the carriers' records report,
// sent by invitedBy unless it is "", in the order MCP listed the carriers.
// A record without a DOT number or a recipient names no invitation.
func invitationKeys(details []mcp.CarrierDetails, invitedBy string) []carrierid.InvitationKey {
	var keys []carrierid.InvitationKey
	for _, d := range details {
		inv := d.LatestInvitation
		if inv == nil || inv.InvitationRecipient == "" || d.DotNumber == nil || invitedBy != "" && inv.InvitedByUserName != invitedBy {
			continue
		}
		dot, err := carrierid.ParseDOT(d.DotNumber.Value)
		if err != nil || carrierid.CheckEmail(inv.InvitationRecipient) != nil {
			continue
		}
		keys = append(keys, carrierid.InvitationKey{DOT: dot, Email: inv.InvitationRecipient})
	}
	return keys
}
