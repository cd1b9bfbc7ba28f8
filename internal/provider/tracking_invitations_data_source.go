package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44"
)

var (
	_ datasource.DataSource              = (*trackingInvitationsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*trackingInvitationsDataSource)(nil)
)

// NewTrackingInvitationsDataSource is mcp_tracking_invitations.
func NewTrackingInvitationsDataSource() datasource.DataSource {
	return &trackingInvitationsDataSource{}
}

type trackingInvitationsDataSource struct {
	data *providerData
}

type trackingInvitationsModel struct {
	Statuses    types.Set                   `tfsdk:"statuses"`
	Invitations []trackingInvitationSummary `tfsdk:"invitations"`
	Latest      map[string]string           `tfsdk:"latest_status"`
}

type trackingInvitationSummary struct {
	ID               types.String      `tfsdk:"id"`
	Identifiers      map[string]string `tfsdk:"identifiers"`
	OrganizationName types.String      `tfsdk:"organization_name"`
	Status           types.String      `tfsdk:"status"`
	CreatedAt        types.String      `tfsdk:"created_at"`
	LastModifiedAt   types.String      `tfsdk:"last_modified_at"`
}

func (d *trackingInvitationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tracking_invitations"
}

func statusNames() []string {
	return mapSlice(p44.Statuses, func(s p44.Status) string { return string(s) })
}

func (d *trackingInvitationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The broker's project44 tracking invitations (asset-based truckload tracking), oldest first, " +
			"with a status filter: for example who has accepted. Requires the provider's `project44` block or environment variables.",
		Attributes: map[string]schema.Attribute{
			"statuses": schema.SetAttribute{
				MarkdownDescription: "Only invitations with one of these statuses: `IN_PROGRESS`, `ACCEPTED`, `DECLINED`, `CANCELED`, `EXPIRED`. " +
					"Unset: all.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(statusNames()...))},
			},
			"invitations": computedObjects("The invitations, oldest first.", map[string]schema.Attribute{
				"id":                computedString("The carrier's identifiers as `mcp_tracking_invitation` names them, such as `DOT_NUMBER:1234567`."),
				"identifiers":       computedStringMap("The carrier's identifiers by type, such as `{ DOT_NUMBER = \"1234567\" }`."),
				"organization_name": computedString("The carrier's company name the invitation gave, or null."),
				"status":            computedString("The invitation's status."),
				"created_at":        computedString("When project44 created it (RFC 3339, UTC)."),
				"last_modified_at":  computedString("When its status last changed (RFC 3339, UTC)."),
			}),
			"latest_status": computedStringMap("The status of the latest invitation (among those listed) naming each identifier, keyed as " +
				"`TYPE:value`, such as `{ \"DOT_NUMBER:1234567\" = \"ACCEPTED\" }`: a lookup by carrier that stays fast at scale."),
		},
	}
}

func (d *trackingInvitationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *trackingInvitationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m trackingInvitationsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, ok := d.data.project44(&resp.Diagnostics, "mcp_tracking_invitations"); !ok {
		return
	}
	var statuses []string
	resp.Diagnostics.Append(m.Statuses.ElementsAs(ctx, &statuses, true)...)
	invs, err := d.data.trackingInvitations.all(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Unable to read project44's tracking invitations", explainP44(err))
		return
	}
	m.Invitations, m.Latest = []trackingInvitationSummary{}, map[string]string{}
	latest := map[string]p44.Invitation{}
	for _, inv := range invs {
		if len(statuses) > 0 && !slices.Contains(statuses, string(inv.Status)) {
			continue
		}
		if !forTracking(inv) {
			continue
		}
		ids := map[string]string{}
		for _, i := range inv.Invitee.Identifiers {
			ids[string(i.Type)] = i.Value
			key := trackingID([]p44.Identifier{i})
			if prev, ok := latest[key]; !ok || newer(inv, prev) {
				latest[key] = inv
			}
		}
		s := trackingInvitationSummary{
			ID: types.StringValue(trackingID(inv.Invitee.Identifiers)), Identifiers: ids, OrganizationName: types.StringNull(),
			Status: types.StringValue(string(inv.Status)), CreatedAt: optionalTime(inv.Created), LastModifiedAt: optionalTime(inv.LastModified),
		}
		if inv.Invitee.Organization != nil {
			s.OrganizationName = optionalString(inv.Invitee.Organization.Name)
		}
		m.Invitations = append(m.Invitations, s)
	}
	for k, inv := range latest {
		m.Latest[k] = string(inv.Status)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
