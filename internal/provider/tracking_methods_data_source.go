package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44"
)

var (
	_ datasource.DataSource              = (*trackingMethodsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*trackingMethodsDataSource)(nil)
)

// NewTrackingMethodsDataSource is mcp_tracking_methods.
func NewTrackingMethodsDataSource() datasource.DataSource { return &trackingMethodsDataSource{} }

type trackingMethodsDataSource struct {
	data *providerData
}

type trackingMethodsModel struct {
	IdentifierType  types.String          `tfsdk:"identifier_type"`
	IdentifierValue types.String          `tfsdk:"identifier_value"`
	AssetTracking   types.Bool            `tfsdk:"asset_tracking"`
	Methods         []trackingMethodModel `tfsdk:"methods"`
}

type trackingMethodModel struct {
	EquipmentIdentifierType  types.String `tfsdk:"equipment_identifier_type"`
	EquipmentIdentifierValue types.String `tfsdk:"equipment_identifier_value"`
	CapacityProviderAccount  types.String `tfsdk:"capacity_provider_account_code"`
	ShipmentIdentifierType   types.String `tfsdk:"shipment_identifier_type"`
	ShipmentIdentifierValue  types.String `tfsdk:"shipment_identifier_value"`
}

func (d *trackingMethodsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tracking_methods"
}

func (d *trackingMethodsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	types44 := mapSlice(p44.IdentifierTypes, func(t p44.IdentifierType) string { return string(t) })
	resp.Schema = schema.Schema{
		MarkdownDescription: "How project44 can track one carrier's trucks (project44's Get Available Tracking Methods), " +
			"so that a configuration can skip inviting carriers already connected for asset-based tracking. " +
			"Requires the provider's `project44` block or environment variables.",
		Attributes: map[string]schema.Attribute{
			"identifier_type": schema.StringAttribute{
				MarkdownDescription: "The type of `identifier_value`: `" + types44[0] + "` (the default), or another of " + identifierTypeList() + ".",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.OneOf(types44...)},
			},
			"identifier_value": schema.StringAttribute{
				MarkdownDescription: "The carrier's identifier, such as its DOT number `1234567`.",
				Required:            true,
			},
			"asset_tracking": computedBool("Whether the carrier already supports asset-based tracking: project44 lists a `VEHICLE_ID` " +
				"(North America) or `LICENSE_PLATE` (Europe) method. Such a carrier can be invited without a contact."),
			"methods": computedObjects("The tracking methods project44 lists; empty when it lists none.", map[string]schema.Attribute{
				"equipment_identifier_type": computedString("How the equipment is identified: `MOBILE_PHONE_NUMBER` (the driver app), " +
					"`VEHICLE_ID`, `LICENSE_PLATE`, or a device type."),
				"equipment_identifier_value":     computedString("The equipment identifier, as project44 shows it (phone numbers masked), or null."),
				"capacity_provider_account_code": computedString("The capacity provider account code, or null."),
				"shipment_identifier_type":       computedString("The shipment identifier type, or null."),
				"shipment_identifier_value":      computedString("The shipment identifier, or null."),
			}),
		},
	}
}

func (d *trackingMethodsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *trackingMethodsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m trackingMethodsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := p44.Identifier{Type: p44.IdentifierDOTNumber, Value: m.IdentifierValue.ValueString()}
	if !m.IdentifierType.IsNull() {
		id.Type = p44.IdentifierType(m.IdentifierType.ValueString())
	}
	if err := checkIdentifier(id.Type, id.Value); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("identifier_value"), "Invalid identifier_value", err.Error()+".")
		return
	}
	client, ok := d.data.project44(&resp.Diagnostics, "mcp_tracking_methods")
	if !ok {
		return
	}
	methods, err := client.TrackingMethods(ctx, id)
	if err != nil && !p44.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to read the tracking methods of carrier %s", trackingID([]p44.Identifier{id})), explainP44(err))
		return
	}
	m.IdentifierType = types.StringValue(string(id.Type))
	m.AssetTracking = types.BoolValue(p44.SupportsAssetTracking(methods))
	m.Methods = mapSlice(methods, func(t p44.TrackingMethod) trackingMethodModel {
		return trackingMethodModel{
			EquipmentIdentifierType:  optionalString(t.EquipmentIdentifierType),
			EquipmentIdentifierValue: optionalString(t.EquipmentIdentifierValue),
			CapacityProviderAccount:  optionalString(t.CapacityProviderAccountCode),
			ShipmentIdentifierType:   optionalString(t.ShipmentIdentifierType),
			ShipmentIdentifierValue:  optionalString(t.ShipmentIdentifierValue),
		}
	})
	if m.Methods == nil {
		m.Methods = []trackingMethodModel{}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
