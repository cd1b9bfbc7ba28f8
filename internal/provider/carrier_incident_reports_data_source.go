package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ datasource.DataSource              = (*carrierIncidentReportsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*carrierIncidentReportsDataSource)(nil)
)

// NewCarrierIncidentReportsDataSource is mcp_carrier_incident_reports: the
// incident reports MCP customers filed about a carrier.
func NewCarrierIncidentReportsDataSource() datasource.DataSource {
	return &carrierIncidentReportsDataSource{}
}

type carrierIncidentReportsDataSource struct {
	data *providerData
}

type carrierIncidentReportsModel struct {
	DOTNumber    types.String          `tfsdk:"dot_number"`
	DocketNumber types.String          `tfsdk:"docket_number"`
	LegalName    types.String          `tfsdk:"legal_name"`
	DBAName      types.String          `tfsdk:"dba_name"`
	Count        types.Int64           `tfsdk:"report_count"`
	Reports      []incidentReportModel `tfsdk:"reports"`
}

type incidentReportModel struct {
	IncidentDate      types.String           `tfsdk:"incident_date"`
	Origin            incidentPlaceModel     `tfsdk:"origin"`
	Destination       incidentPlaceModel     `tfsdk:"destination"`
	ReportedByCompany types.String           `tfsdk:"reported_by_company"`
	CarrierEmails     types.String           `tfsdk:"carrier_emails"`
	IncidentTypes     []types.String         `tfsdk:"incident_types"`
	CreatedBy         types.String           `tfsdk:"created_by"`
	CreatedAt         types.String           `tfsdk:"created_at"`
	LastModifiedBy    types.String           `tfsdk:"last_modified_by"`
	LastModifiedAt    types.String           `tfsdk:"last_modified_at"`
	Comments          []incidentCommentModel `tfsdk:"comments"`
}

type incidentPlaceModel struct {
	City    types.String `tfsdk:"city"`
	State   types.String `tfsdk:"state"`
	Country types.String `tfsdk:"country"`
}

type incidentCommentModel struct {
	CommenterType types.String `tfsdk:"commenter_type"`
	CommentedBy   types.String `tfsdk:"commented_by"`
	CommentedAt   types.String `tfsdk:"commented_at"`
	Text          types.String `tfsdk:"text"`
}

func (d *carrierIncidentReportsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier_incident_reports"
}

func (d *carrierIncidentReportsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	place := func(which string) schema.SingleNestedAttribute {
		return computedObject("Where the load was to be picked up or delivered: the "+which+".", map[string]schema.Attribute{
			"city":    computedString("The " + which + " city."),
			"state":   computedString("The " + which + " state or province, as MCP names it."),
			"country": computedString("The " + which + " country, as MCP names it, such as `United States`."),
		})
	}
	attrs := carrierLookupAttributes()
	attrs["legal_name"] = computedString("The carrier's legal name.")
	attrs["dba_name"] = computedString("The name the carrier does business as; null when it has none.")
	attrs["report_count"] = computedInt64("How many incident reports are on file: the length of `reports`, 0 when none.")
	attrs["reports"] = computedObjects("Every incident report on file about the carrier, in MCP's order; empty when there is none.",
		map[string]schema.Attribute{
			"incident_date": computedString("The day of the incident, as `YYYY-MM-DD` (MCP writes `MM/DD/YYYY`; a date MCP writes in any " +
				"other way is kept as MCP wrote it)."),
			"origin":              place("origin"),
			"destination":         place("destination"),
			"reported_by_company": computedString("The MCP customer (usually a broker) that filed the report."),
			"carrier_emails":      computedString("The carrier e-mail addresses the report names, as MCP writes them; null when none."),
			"incident_types": computedStrings("What happened, in MCP's words, such as `Wrong Equipment`, `No Show without Notification` or " +
				"`Theft or Unjustified Loss of Freight`; empty when the report names none."),
			"created_by":       computedString("Who filed the report."),
			"created_at":       computedString("When the report was filed (RFC 3339, UTC)."),
			"last_modified_by": computedString("Who last changed the report."),
			"last_modified_at": computedString("When the report was last changed (RFC 3339, UTC)."),
			"comments": computedObjects("The report's comments, from the reporting party and the carrier's response, in MCP's order.",
				map[string]schema.Attribute{
					"commenter_type": computedString("Who commented: `ReportingParty` (the company that filed the report) or " +
						"`RespondingParty` (the carrier)."),
					"commented_by": computedString("The commenter, as MCP names them (often an e-mail address)."),
					"commented_at": computedString("When the comment was made (RFC 3339, UTC)."),
					"text":         computedString("The comment."),
				}),
		})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the incident reports MCP customers filed about a carrier (no-shows, wrong equipment, theft of freight, " +
			"operating under an alias and so on), with their comments. A carrier without reports reads as `report_count` 0 and an empty " +
			"`reports` list; a carrier MCP does not know is an error.",
		Attributes: attrs,
	}
}

func (d *carrierIncidentReportsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *carrierIncidentReportsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	args, diags := readCarrierArguments(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	out, err := d.data.client.Carriers.IncidentReports(ctx, args.lookup)
	if err != nil {
		args.addReadError(&resp.Diagnostics, "incident reports", err)
		return
	}
	state := incidentReportsFromAPI(out)
	state.DOTNumber, state.DocketNumber = args.identity(out.DOTNumber, out.DocketNumber)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// incidentReportsFromAPI maps MCP's answer. MCP sends null, not [], when
// there are no reports: that is an empty list and a count of 0.
func incidentReportsFromAPI(in *mcp.CarrierIncidentReport) carrierIncidentReportsModel {
	return carrierIncidentReportsModel{
		LegalName: optionalString(in.LegalName),
		DBAName:   optionalString(in.DBAName),
		Count:     types.Int64Value(int64(len(in.IncidentReports))),
		Reports: mapSlice(in.IncidentReports, func(r mcp.CarrierIncidentReportDetail) incidentReportModel {
			return incidentReportModel{
				IncidentDate: incidentDate(r.IncidentDate),
				Origin: incidentPlaceModel{
					City: optionalString(r.OriginCity), State: optionalString(r.OriginStateProvinceName), Country: optionalString(r.OriginCountryName),
				},
				Destination: incidentPlaceModel{
					City: optionalString(r.DestinationCity), State: optionalString(r.DestinationStateProvinceName), Country: optionalString(r.DestinationCountryName),
				},
				ReportedByCompany: optionalString(r.ReportedByCompany),
				CarrierEmails:     optionalString(r.CarrierEmails),
				IncidentTypes:     mapSlice(r.IncidentTypes, types.StringValue),
				CreatedBy:         optionalString(r.CreatedBy),
				CreatedAt:         optionalTime(r.CreatedDate.Time),
				LastModifiedBy:    optionalString(r.ModifiedBy),
				LastModifiedAt:    optionalTime(r.ModifiedDate.Time),
				Comments: mapSlice(r.Comments, func(c mcp.CarrierIncidentReportComment) incidentCommentModel {
					return incidentCommentModel{
						CommenterType: optionalString(c.CommenterType),
						CommentedBy:   optionalString(c.CommentBy),
						CommentedAt:   optionalTime(c.CommentDate.Time),
						Text:          optionalString(c.Comment),
					}
				}),
			}
		}),
	}
}

// incidentDate writes MCP's incident date, MM/DD/YYYY in MCP's webhooks and
// in the emulator, as YYYY-MM-DD. A date-time keeps its date; anything else
// is kept as MCP wrote it rather than guessed at.
func incidentDate(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	for _, layout := range []string{"1/2/2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return types.StringValue(t.Format(time.DateOnly))
		}
	}
	if _, err := mcp.ParseTime(s); err == nil {
		return types.StringValue(s[:len(time.DateOnly)]) // the date as MCP wrote it, whatever the offset
	}
	return types.StringValue(s)
}
