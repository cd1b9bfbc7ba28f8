package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ datasource.DataSource              = (*associatedCarriersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*associatedCarriersDataSource)(nil)
)

// NewAssociatedCarriersDataSource is mcp_associated_carriers: every carrier
// whose contact data holds a phone number or e-mail address.
func NewAssociatedCarriersDataSource() datasource.DataSource {
	return &associatedCarriersDataSource{}
}

type associatedCarriersDataSource struct {
	data *providerData
}

type associatedCarriersModel struct {
	Phone    types.String             `tfsdk:"phone"`
	Email    types.String             `tfsdk:"email"`
	Count    types.Int64              `tfsdk:"carrier_count"`
	Carriers []associatedCarrierModel `tfsdk:"carriers"`
}

type associatedCarrierModel struct {
	DOTNumber         types.String           `tfsdk:"dot_number"`
	DocketNumber      types.String           `tfsdk:"docket_number"`
	CompanyName       types.String           `tfsdk:"company_name"`
	DBAName           types.String           `tfsdk:"dba_name"`
	Street            types.String           `tfsdk:"street"`
	City              types.String           `tfsdk:"city"`
	State             types.String           `tfsdk:"state"`
	ZipCode           types.String           `tfsdk:"zip_code"`
	Country           types.String           `tfsdk:"country"`
	Phone             types.String           `tfsdk:"phone"`
	PhoneAssociations []associationTypeModel `tfsdk:"phone_associations"`
	EmailAssociations []associationTypeModel `tfsdk:"email_associations"`
}

type associationTypeModel struct {
	Type        types.Int64  `tfsdk:"type"`
	Description types.String `tfsdk:"description"`
}

// associationTypesText is MCP's enumeration of association types, for the
// description.
const associationTypesText = "1 Company, 2 Support, 3 Claims, 4 Safety Manager, 5 Dispatch Service, 6 Owner, 7 Available Loads, " +
	"8 Authorized User, 9 User Authorization Pending, 10 User Authorization Denied, 11 User Authorization Follow-Up, " +
	"12 Verified User, 13 User Verification Pending, 14 User Verification Denied, 15 User Verification Follow-Up, " +
	"16 Driver, 17 Dispatcher, 18 MC Record, 19 DOT Record"

// phoneValidator accepts a North American phone number however it is
// punctuated.
var phoneValidator = stringCheck{
	description: "a phone number with ten digits",
	check:       checkPhone,
}

// phonePunctuation is what a phone number may hold besides its digits.
const phonePunctuation = " ()-.+"

// checkPhone accepts ten digits once spaces, parentheses, hyphens, periods
// and a plus sign are removed, optionally preceded by the country code 1.
func checkPhone(s string) error {
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case strings.ContainsRune(phonePunctuation, r):
		default:
			return fmt.Errorf("%q is not a phone number: only digits, spaces, parentheses, hyphens, periods and a leading + may appear "+
				"(no letters or extensions), such as (555) 010-0199", s)
		}
	}
	d := digits.String()
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	if len(d) != 10 {
		return fmt.Errorf("%q is not a phone number: expected ten digits (optionally after the country code 1), such as (555) 010-0199", s)
	}
	return nil
}

func (d *associatedCarriersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_associated_carriers"
}

func (d *associatedCarriersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	atLeastOne := stringvalidator.AtLeastOneOf(path.MatchRoot("phone"), path.MatchRoot("email"))
	associations := func(what string) schema.ListNestedAttribute {
		return computedObjects("How the carrier's data holds the "+what+", one entry per kind of association; "+
			"empty when only the other argument matched.", map[string]schema.Attribute{
			"type":        computedInt64("MCP's numeric association type: " + associationTypesText + "."),
			"description": computedString("MCP's name of the association type, such as `Company` or `Dispatcher`."),
		})
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds every carrier whose MCP profile, FMCSA record or MCP users hold a phone number or e-mail address: " +
			"a carrier that shares its phone or e-mail with other carriers is a classic sign of fraud (one operator behind several " +
			"DOT numbers, or an identity thief). Give `phone`, `email`, or both. " +
			"Finding no carrier is a valid answer: `carrier_count` is 0 and `carriers` is empty.",
		Attributes: map[string]schema.Attribute{
			"phone": schema.StringAttribute{
				MarkdownDescription: "The phone number to look for: ten digits, written with or without spaces, parentheses, hyphens, periods " +
					"and a leading country code `1` or `+1`, such as `(555) 010-0199`, `555.010.0199` or `+1 555 010 0199`. " +
					"Letters and extensions are rejected. It is sent to MCP as written.",
				Optional:   true,
				Validators: []validator.String{phoneValidator, atLeastOne},
			},
			"email": schema.StringAttribute{
				MarkdownDescription: "The e-mail address to look for, a bare address such as `dispatch@carrier.com`.",
				Optional:            true,
				Validators:          []validator.String{emailValidator, atLeastOne},
			},
			"carrier_count": computedInt64("How many associated carriers MCP found."),
			"carriers": computedObjects("Every carrier MCP associates with the phone number or e-mail address, in MCP's order; empty when none.",
				map[string]schema.Attribute{
					"dot_number":         computedString("The carrier's USDOT number, as a string like the `dot_number` arguments of the resources."),
					"docket_number":      computedString("The carrier's docket number (`MC`, `FF` or `MX` and digits); null for an intrastate-only carrier."),
					"company_name":       computedString("The carrier's legal name."),
					"dba_name":           computedString("The name the carrier does business as; null when it has none."),
					"street":             computedString("The street of the carrier's address."),
					"city":               computedString("The city of the carrier's address."),
					"state":              computedString("The state or province of the carrier's address."),
					"zip_code":           computedString("The ZIP or postal code of the carrier's address."),
					"country":            computedString("The country of the carrier's address."),
					"phone":              computedString("The carrier's company phone number, as MCP writes it."),
					"phone_associations": associations("phone number"),
					"email_associations": associations("e-mail address"),
				}),
		},
	}
}

func (d *associatedCarriersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *associatedCarriersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg associatedCarriersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	q := mcp.AssociatedCarriersQuery{Phone: cfg.Phone.ValueString(), Email: cfg.Email.ValueString()}
	if q.Phone == "" && q.Email == "" {
		resp.Diagnostics.AddError("Missing phone or e-mail", "Set phone, email, or both.")
		return
	}
	out, err := d.data.client.Carriers.FindAssociated(ctx, q)
	if err != nil {
		addReadError(&resp.Diagnostics, "associated carriers", describeAssociatedQuery(q), err)
		return
	}
	state := associatedCarriersFromAPI(out)
	state.Phone, state.Email = cfg.Phone, cfg.Email
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// describeAssociatedQuery names the search in diagnostics.
func describeAssociatedQuery(q mcp.AssociatedCarriersQuery) string {
	var parts []string
	if q.Phone != "" {
		parts = append(parts, fmt.Sprintf("phone %q", q.Phone))
	}
	if q.Email != "" {
		parts = append(parts, fmt.Sprintf("e-mail %q", q.Email))
	}
	return strings.Join(parts, " and ")
}

// associatedCarriersFromAPI maps MCP's answer; no match is an empty list.
func associatedCarriersFromAPI(in *mcp.AssociatedCarriersResult) associatedCarriersModel {
	assoc := func(a mcp.AssociationType) associationTypeModel {
		return associationTypeModel{Type: types.Int64Value(int64(a.AssociationType)), Description: optionalString(a.Description)}
	}
	return associatedCarriersModel{
		Count: types.Int64Value(int64(in.AssociatedCarriersCount)),
		Carriers: mapSlice(in.AssociatedCarriers, func(c mcp.AssociatedCarrier) associatedCarrierModel {
			return associatedCarrierModel{
				DOTNumber:         dotValue(c.DOTNumber),
				DocketNumber:      optionalString(c.DocketNumber),
				CompanyName:       optionalString(c.CompanyName),
				DBAName:           optionalString(c.DBAName),
				Street:            optionalString(c.Street),
				City:              optionalString(c.City),
				State:             optionalString(c.State),
				ZipCode:           optionalString(c.ZipCode),
				Country:           optionalString(c.Country),
				Phone:             optionalString(c.Phone),
				PhoneAssociations: mapSlice(c.PhoneAssociationTypes, assoc),
				EmailAssociations: mapSlice(c.EmailAssociationTypes, assoc),
			}
		}),
	}
}
