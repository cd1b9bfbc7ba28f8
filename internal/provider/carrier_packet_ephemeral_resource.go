package provider

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ ephemeral.EphemeralResource              = (*carrierPacketEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithConfigure = (*carrierPacketEphemeralResource)(nil)
)

// NewCarrierPacketEphemeralResource is mcp_carrier_packet: the packet of
// mcp_carrier, read whenever Terraform needs it and never written to state
// or a plan file (Terraform 1.10+, OpenTofu 1.11+).
func NewCarrierPacketEphemeralResource() ephemeral.EphemeralResource {
	return &carrierPacketEphemeralResource{}
}

type carrierPacketEphemeralResource struct {
	data *providerData
}

// carrierPacketEphemeralModel is the lookup of mcp_carrier and, beside it,
// the attributes of its packet.
type carrierPacketEphemeralModel struct {
	DOTNumber    types.String `tfsdk:"dot_number"`
	DocketNumber types.String `tfsdk:"docket_number"`
	carrierPacketModel
}

func (r *carrierPacketEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier_packet"
}

func (r *carrierPacketEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	attrs := carrierLookupAttributes()
	maps.Copy(attrs, carrierPacketAttributes())
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the packet a carrier completed for your company (MCP's GetCarrierData) without storing it: " +
			"payment and factoring details, bank account, W-9 and taxpayer ID, contacts, equipment, lanes and the blob names of its " +
			"documents, as the `packet` of the `mcp_carrier` data source holds them. Terraform reads it again whenever a plan or an apply " +
			"needs it and writes it neither to state nor to a plan file, so use it for packet data in provider blocks, write-only " +
			"arguments, `check` blocks and conditions. A carrier MCP does not know is an error.",
		Attributes: ephemeralAttributes(attrs),
	}
}

func (r *carrierPacketEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *carrierPacketEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	args, diags := readCarrierArguments(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	data := args.readPacket(ctx, r.data.client, &resp.Diagnostics)
	if data == nil {
		return
	}
	result := carrierPacketEphemeralModel{carrierPacketModel: *carrierPacketFromAPI(data)}
	// GetCarrierData names the carrier in its Assure Advantage record.
	var dot int
	var docket string
	for _, aa := range data.AssureAdvantage {
		if aa.CarrierDetails != nil {
			dot, docket = detailsDOT(aa.CarrierDetails), aa.CarrierDetails.DocketNumber
			break
		}
	}
	result.DOTNumber, result.DocketNumber = args.identity(dot, docket)
	resp.Diagnostics.Append(resp.Result.Set(ctx, &result)...)
}
