package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ datasource.DataSource              = (*carrierContactsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*carrierContactsDataSource)(nil)
)

// NewCarrierContactsDataSource is mcp_carrier_contacts: the carrier's MCP
// users who may sign packets or whose identity MCP verified.
func NewCarrierContactsDataSource() datasource.DataSource {
	return &carrierContactsDataSource{}
}

type carrierContactsDataSource struct {
	data *providerData
}

type carrierContactsModel struct {
	DOTNumber    types.String          `tfsdk:"dot_number"`
	DocketNumber types.String          `tfsdk:"docket_number"`
	LegalName    types.String          `tfsdk:"legal_name"`
	DBAName      types.String          `tfsdk:"dba_name"`
	Contacts     []carrierContactModel `tfsdk:"contacts"`
}

type carrierContactModel struct {
	FirstName            types.String `tfsdk:"first_name"`
	LastName             types.String `tfsdk:"last_name"`
	Title                types.String `tfsdk:"title"`
	Phone                types.String `tfsdk:"phone"`
	Email                types.String `tfsdk:"email"`
	AuthorizedForPackets types.Bool   `tfsdk:"authorized_for_packets"`
	VerificationStatus   types.String `tfsdk:"verification_status"`
}

func (d *carrierContactsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier_contacts"
}

func (d *carrierContactsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := carrierLookupAttributes()
	attrs["legal_name"] = computedString("The carrier's legal name.")
	attrs["dba_name"] = computedString("The name the carrier does business as; null when it has none.")
	attrs["contacts"] = computedObjects("Every contact MCP holds for the carrier, in MCP's order; empty when it has none. "+
		"Use them to check that the person who calls you about a load is one of the carrier's own people.", map[string]schema.Attribute{
		"first_name":             computedString("The contact's first name."),
		"last_name":              computedString("The contact's last name."),
		"title":                  computedString("The contact's role at the carrier, such as `Admin`, `Dispatcher` or `Driver`; null when MCP has none."),
		"phone":                  computedString("The contact's phone number, as MCP writes it (ten bare digits); null when MCP has none."),
		"email":                  computedString("The contact's e-mail address."),
		"authorized_for_packets": computedBool("Whether the contact may complete and sign onboarding packets for the carrier."),
		"verification_status": computedString("Where MCP's identity verification of the contact stands: `Pending`, `Verified`, `Denied` " +
			"or `FollowUp`; null when the contact was never verified."),
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a carrier's contacts in MCP: the carrier's users who are authorized to complete packets or whose " +
			"identity MCP verified. A carrier MCP does not know is an error.",
		Attributes: attrs,
	}
}

func (d *carrierContactsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *carrierContactsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	args, diags := readCarrierArguments(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	out, err := d.data.client.Carriers.Contacts(ctx, args.lookup)
	if err != nil {
		args.addReadError(&resp.Diagnostics, "contacts", err)
		return
	}
	state := carrierContactsFromAPI(out.Carrier)
	state.DOTNumber, state.DocketNumber = args.identity(out.Carrier.DOTNumber, out.Carrier.DocketNumber)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func carrierContactsFromAPI(in *mcp.Carrier) carrierContactsModel {
	return carrierContactsModel{
		LegalName: optionalString(in.LegalName),
		DBAName:   optionalString(in.DBAName),
		Contacts: mapSlice(in.Contacts, func(c mcp.CarrierContact) carrierContactModel {
			return carrierContactModel{
				FirstName:            optionalString(c.FirstName),
				LastName:             optionalString(c.LastName),
				Title:                optionalString(c.Title),
				Phone:                optionalString(c.Phone),
				Email:                optionalString(c.Email),
				AuthorizedForPackets: types.BoolValue(c.AuthorizedForPackets),
				VerificationStatus:   optionalString(c.VerificationStatus),
			}
		}),
	}
}
