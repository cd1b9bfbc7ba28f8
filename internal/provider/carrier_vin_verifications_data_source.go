package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ datasource.DataSource              = (*carrierVINVerificationsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*carrierVINVerificationsDataSource)(nil)
)

// NewCarrierVINVerificationsDataSource is mcp_carrier_vin_verifications:
// every VIN verification on record for a carrier.
func NewCarrierVINVerificationsDataSource() datasource.DataSource {
	return &carrierVINVerificationsDataSource{}
}

type carrierVINVerificationsDataSource struct {
	data *providerData
}

type carrierVINVerificationsModel struct {
	DOTNumber     types.String           `tfsdk:"dot_number"`
	DocketNumber  types.String           `tfsdk:"docket_number"`
	LegalName     types.String           `tfsdk:"legal_name"`
	DBAName       types.String           `tfsdk:"dba_name"`
	Verifications []vinVerificationModel `tfsdk:"verifications"`
}

type vinVerificationModel struct {
	VIN               types.String          `tfsdk:"vin"`
	StatusID          types.Int64           `tfsdk:"status_id"`
	StatusDescription types.String          `tfsdk:"status_description"`
	CreatedAt         types.String          `tfsdk:"created_at"`
	LastModifiedAt    types.String          `tfsdk:"last_modified_at"`
	OtherCarrier      *vinOtherCarrierModel `tfsdk:"other_carrier"`
	Requests          []vinRequestModel     `tfsdk:"requests"`
}

type vinRequestModel struct {
	VIN                        types.String          `tfsdk:"vin"`
	StatusID                   types.Int64           `tfsdk:"status_id"`
	StatusDescription          types.String          `tfsdk:"status_description"`
	SentTo                     types.String          `tfsdk:"sent_to"`
	RequestedBy                types.String          `tfsdk:"requested_by"`
	RequestedAt                types.String          `tfsdk:"requested_at"`
	ImageUploadedByFirstName   types.String          `tfsdk:"image_uploaded_by_first_name"`
	ImageUploadedByLastName    types.String          `tfsdk:"image_uploaded_by_last_name"`
	ImageUploadedFromIPAddress types.String          `tfsdk:"image_uploaded_from_ip_address"`
	ImageUploadedAt            types.String          `tfsdk:"image_uploaded_at"`
	ImageFileName              types.String          `tfsdk:"image_file_name"`
	ImageBlobName              types.String          `tfsdk:"image_blob_name"`
	OtherCarrier               *vinOtherCarrierModel `tfsdk:"other_carrier"`
}

type vinOtherCarrierModel struct {
	DOTNumber    types.String `tfsdk:"dot_number"`
	DocketNumber types.String `tfsdk:"docket_number"`
	CompanyName  types.String `tfsdk:"company_name"`
	DBAName      types.String `tfsdk:"dba_name"`
	Street       types.String `tfsdk:"street"`
	City         types.String `tfsdk:"city"`
	State        types.String `tfsdk:"state"`
	ZipCode      types.String `tfsdk:"zip_code"`
	Country      types.String `tfsdk:"country"`
	Phone        types.String `tfsdk:"phone"`
}

// vinStatusesText is MCP's status vocabulary, for descriptions.
const vinStatusesText = "1 `VIN Request Sent` (waiting for the carrier), 2 `Belongs To Carrier`, 3 `Belongs To Another Carrier`, " +
	"4 `Carrier Undetermined`"

func (d *carrierVINVerificationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier_vin_verifications"
}

func (d *carrierVINVerificationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	otherCarrier := computedObject("The carrier the VIN is registered to when it belongs to another carrier (status 3); null otherwise.",
		map[string]schema.Attribute{
			"dot_number":    computedString("The other carrier's USDOT number."),
			"docket_number": computedString("The other carrier's docket number; null when it has none."),
			"company_name":  computedString("The other carrier's legal name."),
			"dba_name":      computedString("The name the other carrier does business as; null when it has none."),
			"street":        computedString("The street of the other carrier's address."),
			"city":          computedString("The city of the other carrier's address."),
			"state":         computedString("The state or province of the other carrier's address."),
			"zip_code":      computedString("The ZIP or postal code of the other carrier's address."),
			"country":       computedString("The country of the other carrier's address."),
			"phone":         computedString("The other carrier's phone number, as MCP writes it."),
		})
	attrs := carrierLookupAttributes()
	attrs["legal_name"] = computedString("The carrier's legal name.")
	attrs["dba_name"] = computedString("The name the carrier does business as; null when it has none.")
	attrs["verifications"] = computedObjects("Every VIN verification on record for the carrier, one per vehicle, in MCP's order; "+
		"empty when there is none.", map[string]schema.Attribute{
		"vin": computedString("The vehicle identification number; null while the request is waiting for the carrier."),
		"status_id": computedInt64("MCP's status code of the verification: " + vinStatusesText + "; " +
			"null when MCP sends no status."),
		"status_description": computedString("MCP's words for the status, such as `Belongs To Carrier`."),
		"created_at":         computedString("When the verification was created (RFC 3339, UTC)."),
		"last_modified_at":   computedString("When the verification last changed (RFC 3339, UTC)."),
		"other_carrier":      otherCarrier,
		"requests": computedObjects("The individual requests behind the verification, by this or other MCP customers, in MCP's order.",
			map[string]schema.Attribute{
				"vin":                            computedString("The VIN the carrier's photo shows; null while the request is waiting."),
				"status_id":                      computedInt64("The request's status code: " + vinStatusesText + "."),
				"status_description":             computedString("MCP's words for the request's status."),
				"sent_to":                        computedString("Where the request went: a phone number such as `(555) 010-0199`, or an e-mail address for older requests."),
				"requested_by":                   computedString("The MCP user who asked; `Other Company` for a request made by another MCP customer."),
				"requested_at":                   computedString("When the request was made (RFC 3339, UTC)."),
				"image_uploaded_by_first_name":   computedString("First name of the person who uploaded the VIN photo."),
				"image_uploaded_by_last_name":    computedString("Last name of the person who uploaded the VIN photo."),
				"image_uploaded_from_ip_address": computedString("The network address the photo was uploaded from, as MCP records it (`address:port`)."),
				"image_uploaded_at":              computedString("When the photo was uploaded (RFC 3339, UTC)."),
				"image_file_name":                computedString("The file name of the uploaded photo."),
				"image_blob_name":                computedString("MCP's storage name of the uploaded photo."),
				"other_carrier":                  otherCarrier,
			}),
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads every VIN verification on record for a carrier: for each truck or trailer, whether the VIN on a photo " +
			"the carrier's driver took belongs to the carrier, to another carrier, or could not be determined; requests by any MCP customer " +
			"count. A carrier without verifications reads as an empty `verifications` list; a carrier MCP does not know is an error.",
		Attributes: attrs,
	}
}

func (d *carrierVINVerificationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *carrierVINVerificationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	args, diags := readCarrierArguments(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	out, err := d.data.client.Carriers.VINVerifications(ctx, args.lookup)
	if err != nil {
		args.addReadError(&resp.Diagnostics, "VIN verifications", err)
		return
	}
	state := vinVerificationsFromAPI(out)
	state.DOTNumber, state.DocketNumber = args.identity(out.DOTNumber, out.DocketNumber)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// vinVerificationsFromAPI maps MCP's answer; null (no verifications) is an
// empty list.
func vinVerificationsFromAPI(in *mcp.CarrierVINVerification) carrierVINVerificationsModel {
	return carrierVINVerificationsModel{
		LegalName: optionalString(in.LegalName),
		DBAName:   optionalString(in.DBAName),
		Verifications: mapSlice(in.VINVerifications, func(v mcp.CarrierVINVerificationDetail) vinVerificationModel {
			id, desc := vinStatusFromAPI(v.VINVerificationStatus)
			return vinVerificationModel{
				VIN:               optionalString(v.VIN),
				StatusID:          id,
				StatusDescription: desc,
				CreatedAt:         optionalTime(v.CreatedOnUtc.Time),
				LastModifiedAt:    optionalTime(v.ModifiedOnUtc.Time),
				OtherCarrier:      vinOtherCarrierFromAPI(v.OtherCarrier),
				Requests:          mapSlice(v.Requests, vinRequestFromAPI),
			}
		}),
	}
}

func vinRequestFromAPI(r mcp.CarrierVINVerificationRequest) vinRequestModel {
	id, desc := vinStatusFromAPI(r.VINVerificationStatus)
	return vinRequestModel{
		VIN:                        optionalString(r.VIN),
		StatusID:                   id,
		StatusDescription:          desc,
		SentTo:                     optionalString(r.RequestSentTo),
		RequestedBy:                optionalString(r.RequestedByUser),
		RequestedAt:                optionalTime(r.RequestedDateTime.Time),
		ImageUploadedByFirstName:   optionalString(r.ImageUploadedByFirstName),
		ImageUploadedByLastName:    optionalString(r.ImageUploadedByLastName),
		ImageUploadedFromIPAddress: optionalString(r.ImageUploadedFromIPAddress),
		ImageUploadedAt:            optionalTime(r.ImageUploadedDateTime.Time),
		ImageFileName:              optionalString(r.ImageFileName),
		ImageBlobName:              optionalString(r.ImageBlobName),
		OtherCarrier:               vinOtherCarrierFromAPI(r.OtherCarrier),
	}
}

func vinStatusFromAPI(s *mcp.VINVerificationStatus) (types.Int64, types.String) {
	if s == nil {
		return types.Int64Null(), types.StringNull()
	}
	return types.Int64Value(int64(s.StatusID)), optionalString(s.Description)
}

func vinOtherCarrierFromAPI(c *mcp.CarrierVINVerificationDetailOtherCarrier) *vinOtherCarrierModel {
	if c == nil {
		return nil
	}
	return &vinOtherCarrierModel{
		DOTNumber:    dotValue(c.DOTNumber),
		DocketNumber: optionalString(c.DocketNumber),
		CompanyName:  optionalString(c.CompanyName),
		DBAName:      optionalString(c.DBAName),
		Street:       optionalString(c.Street),
		City:         optionalString(c.City),
		State:        optionalString(c.StateProvince),
		ZipCode:      optionalString(c.Zipcode),
		Country:      optionalString(c.Country),
		Phone:        optionalString(c.Phone),
	}
}
