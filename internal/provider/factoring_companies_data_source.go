package provider

import (
	"context"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ datasource.DataSource                     = (*factoringCompaniesDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*factoringCompaniesDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*factoringCompaniesDataSource)(nil)
)

// NewFactoringCompaniesDataSource is mcp_factoring_companies.
func NewFactoringCompaniesDataSource() datasource.DataSource { return &factoringCompaniesDataSource{} }

type factoringCompaniesDataSource struct {
	data *providerData
}

type factoringCompaniesDataSourceModel struct {
	From      types.String            `tfsdk:"from"`
	To        types.String            `tfsdk:"to"`
	Count     types.Int64             `tfsdk:"company_count"`
	Companies []factoringCompanyModel `tfsdk:"companies"`
}

type factoringCompanyModel struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	RemitEmail      types.String `tfsdk:"remit_email"`
	AddressLine1    types.String `tfsdk:"address_line_1"`
	AddressLine2    types.String `tfsdk:"address_line_2"`
	City            types.String `tfsdk:"city"`
	StateOrProvince types.String `tfsdk:"state_or_province"`
	ZipCode         types.String `tfsdk:"zip_code"`
	Country         types.String `tfsdk:"country"`
	Phone           types.String `tfsdk:"phone"`
	CreatedAt       types.String `tfsdk:"created_at"`
	UpdatedAt       types.String `tfsdk:"updated_at"`
}

func (d *factoringCompaniesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_factoring_companies"
}

func (d *factoringCompaniesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := timeWindowAttributes(
		"Start of the window: companies created or updated at or after this time. An early date, such as `2000-01-01T00:00:00Z`, reads the whole directory.",
		"End of the window: companies created or updated at or before this time.")
	attrs["company_count"] = computedInt64("How many factoring companies were created or updated in the window.")
	attrs["companies"] = computedObjects("Every factoring company created or updated in the window, sorted by `id`. Empty when there is none.",
		map[string]schema.Attribute{
			"id": computedString("MCP's ID of the factoring company, as a string: the factoring company ID a carrier's payment details " +
				"(`mcp_carrier`) refer to."),
			"name":              computedString("The factoring company's name."),
			"remit_email":       computedString("The e-mail address that takes remittances."),
			"address_line_1":    computedString("The first line of the remittance address."),
			"address_line_2":    computedString("The second line of the remittance address, or null."),
			"city":              computedString("The remittance address's city."),
			"state_or_province": computedString("The remittance address's state or province."),
			"zip_code":          computedString("The remittance address's ZIP or postal code."),
			"country":           computedString("The remittance address's country, as MCP writes it (such as `US`)."),
			"phone":             computedString("The factoring company's phone number, as MCP writes it."),
			"created_at":        computedString("When the company was added to MCP's directory (RFC 3339, UTC)."),
			"updated_at":        computedString("When MCP last updated the company (RFC 3339, UTC)."),
		})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Factoring companies added to or updated in MCP's factoring-company directory (MyCarrierPortal's, in MCP's API) in a time window, " +
			"from MCP's GetUpdatedFactoringCompanies. Carriers that factor their invoices name one of these companies in their payment " +
			"details; use this data source to keep a TMS's factoring companies in step, or to look a company up by its ID. " +
			"A window without changes is a valid answer: `company_count` is 0 and `companies` is empty.",
		Attributes: attrs,
	}
}

func (d *factoringCompaniesDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{timeWindowValidator{}}
}

func (d *factoringCompaniesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *factoringCompaniesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	window, diags := readConfiguredWindow(ctx, req.Config, d.data.now())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The end is always sent: MCP's default for a missing toDate is not
	// documented.
	out, err := d.data.client.Factoring.Updated(ctx, window.From, window.To)
	if err != nil {
		addReadError(&resp.Diagnostics, "factoring companies", window.String(), err)
		return
	}
	companies := factoringCompaniesFromAPI(out.FactoringCompanies)
	resp.Diagnostics.Append(resp.State.Set(ctx, factoringCompaniesDataSourceModel{
		From:      window.FromValue,
		To:        window.ToValue,
		Count:     types.Int64Value(int64(len(companies))),
		Companies: companies,
	})...)
}

// factoringCompaniesFromAPI maps MCP's directory entries, sorted by ID.
// The count is the list's length: FactoringCompaniesCount says the same
// when MCP is consistent, and the list is what the state shows.
func factoringCompaniesFromAPI(companies []mcp.FactoringCompany) []factoringCompanyModel {
	sorted := slices.Clone(companies)
	slices.SortStableFunc(sorted, func(a, b mcp.FactoringCompany) int { return a.FactoringCompanyID - b.FactoringCompanyID })
	return mapSlice(sorted, func(c mcp.FactoringCompany) factoringCompanyModel {
		return factoringCompanyModel{
			ID:              types.StringValue(strconv.Itoa(c.FactoringCompanyID)),
			Name:            optionalString(c.FactoringCompanyName),
			RemitEmail:      optionalString(c.FactoringRemitEmail),
			AddressLine1:    optionalString(c.FactoringRemitAddress),
			AddressLine2:    optionalString(c.FactoringRemitAddress2),
			City:            optionalString(c.FactoringRemitCity),
			StateOrProvince: optionalString(c.FactoringRemitStateProvince),
			ZipCode:         optionalString(c.FactoringRemitZipcode),
			Country:         optionalString(c.FactoringRemitCountry),
			Phone:           optionalString(c.FactoringPhone),
			CreatedAt:       optionalTime(c.CreatedDateTime.Time),
			UpdatedAt:       optionalTime(c.UpdatedDateTime.Time),
		}
	})
}
