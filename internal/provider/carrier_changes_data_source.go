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
	_ datasource.DataSource                     = (*carrierChangesDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*carrierChangesDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*carrierChangesDataSource)(nil)
)

// NewCarrierChangesDataSource is mcp_carrier_changes.
func NewCarrierChangesDataSource() datasource.DataSource { return &carrierChangesDataSource{} }

type carrierChangesDataSource struct {
	data *providerData
}

type carrierChangesDataSourceModel struct {
	From                      types.String          `tfsdk:"from"`
	To                        types.String          `tfsdk:"to"`
	InsuranceChangeCount      types.Int64           `tfsdk:"insurance_change_count"`
	FMCSAChangeCount          types.Int64           `tfsdk:"fmcsa_change_count"`
	RiskAssessmentChangeCount types.Int64           `tfsdk:"risk_assessment_change_count"`
	CarrierCount              types.Int64           `tfsdk:"carrier_count"`
	Carriers                  []changedCarrierModel `tfsdk:"carriers"`
}

// changedCarrierModel is one changed carrier: when and what changed, and the
// facts about it a broker acts on. mcp_carrier reads everything else.
type changedCarrierModel struct {
	ChangedAt                 types.String   `tfsdk:"changed_at"`
	ChangeCategories          []types.String `tfsdk:"change_categories"`
	DOTNumber                 types.String   `tfsdk:"dot_number"`
	DOTStatus                 types.String   `tfsdk:"dot_status"`
	DocketNumber              types.String   `tfsdk:"docket_number"`
	LegalName                 types.String   `tfsdk:"legal_name"`
	DBAName                   types.String   `tfsdk:"dba_name"`
	CarrierType               types.String   `tfsdk:"carrier_type"`
	Monitored                 types.Bool     `tfsdk:"monitored"`
	Blocked                   types.Bool     `tfsdk:"blocked"`
	OperatingStatus           types.String   `tfsdk:"operating_status"`
	OutOfService              types.String   `tfsdk:"out_of_service"`
	CommonAuthority           types.String   `tfsdk:"common_authority"`
	ContractAuthority         types.String   `tfsdk:"contract_authority"`
	BrokerAuthority           types.String   `tfsdk:"broker_authority"`
	SafetyRating              types.String   `tfsdk:"safety_rating"`
	RiskOverallRating         types.String   `tfsdk:"risk_overall_rating"`
	RiskTotalPoints           types.Int64    `tfsdk:"risk_total_points"`
	LiabilityInsuranceOnFile  types.String   `tfsdk:"liability_insurance_on_file"`
	LiabilityInsuranceNeeded  types.String   `tfsdk:"liability_insurance_required"`
	CargoInsuranceOnFile      types.String   `tfsdk:"cargo_insurance_on_file"`
	CargoInsuranceNeeded      types.String   `tfsdk:"cargo_insurance_required"`
	CertificateStatus         types.String   `tfsdk:"certificate_status"`
	InsuranceExpirationDate   types.String   `tfsdk:"insurance_expiration_date"`
	InsuranceCancellationDate types.String   `tfsdk:"insurance_cancellation_date"`
	CertificateDocumentNames  []types.String `tfsdk:"certificate_document_names"`
	IncidentReports           types.Int64    `tfsdk:"incident_reports"`
	FraudIncidentReports      types.Int64    `tfsdk:"fraud_incident_reports"`
}

func (d *carrierChangesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier_changes"
}

func (d *carrierChangesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := timeWindowAttributes(
		"Start of the window: changes at or after this time.",
		"End of the window: changes at or before this time.")
	attrs["insurance_change_count"] = computedInt64("How many of the changed carriers had an insurance change, as MCP counts them.")
	attrs["fmcsa_change_count"] = computedInt64("How many of the changed carriers had a change in their FMCSA data (authority, operating status), as MCP counts them.")
	attrs["risk_assessment_change_count"] = computedInt64("How many of the changed carriers had a change in their risk assessment, as MCP counts them.")
	attrs["carrier_count"] = computedInt64("How many carriers changed in the window, as MCP counts them.")
	attrs["carriers"] = computedObjects("Every monitored carrier that changed in the window, sorted by DOT number, with what changed "+
		"and the carrier's current key facts. Empty when none changed. Read the full record of a carrier with `mcp_carrier`.",
		map[string]schema.Attribute{
			"changed_at": computedString("When the carrier's latest change in the window happened (RFC 3339, UTC)."),
			"change_categories": computedStrings("What changed, in MCP's words, such as `Insurance`, `Authority` or `RiskAssessment`. " +
				"MCP does not document the full list."),
			"dot_number":    computedString("The carrier's USDOT number."),
			"dot_status":    computedString("The status of the USDOT number, such as `ACTIVE`."),
			"docket_number": computedString("The carrier's docket number (`MC`, `FF` or `MX` and digits), or null for an intrastate carrier."),
			"legal_name":    computedString("The carrier's legal name."),
			"dba_name":      computedString("The name the carrier does business as, or null."),
			"carrier_type":  computedString("Whether the carrier operates across state lines, such as `Interstate`."),
			"monitored":     computedBool("Whether the carrier is on the broker's monitored list."),
			"blocked":       computedBool("Whether the carrier is on the broker's blocked list."),
			"operating_status": computedString("The carrier's FMCSA operating status, such as `AUTHORIZED FOR Property`. " +
				"A carrier that may not haul freight says so here."),
			"out_of_service":     computedString("Whether FMCSA has put the carrier out of service: `Yes` or `No`."),
			"common_authority":   computedString("The carrier's common operating authority: `Active` or `None`."),
			"contract_authority": computedString("The carrier's contract operating authority: `Active` or `None`."),
			"broker_authority":   computedString("The carrier's broker authority: `Active` or `None`."),
			"safety_rating":      computedString("The carrier's FMCSA safety rating, such as `Satisfactory` or `Not Rated`."),
			"risk_overall_rating": computedString("MCP's overall risk rating of the carrier: `Acceptable`, `Moderate`, or `UnacceptableReview` " +
				"when MCP advises a review before using it."),
			"risk_total_points": computedInt64("The points of MCP's risk assessment, summed over its five categories: 0 is acceptable, " +
				"1000 or more needs a review."),
			"liability_insurance_on_file":  computedString("The liability (BIPD) insurance on file with FMCSA, as FMCSA writes it, such as `1,000,000`."),
			"liability_insurance_required": computedString("The liability (BIPD) insurance FMCSA requires of the carrier, such as `750,000`."),
			"cargo_insurance_on_file":      computedString("The cargo insurance on file with FMCSA, such as `No` or an amount."),
			"cargo_insurance_required":     computedString("Whether FMCSA requires cargo insurance of the carrier, such as `No`."),
			"certificate_status":           computedString("The status of the carrier's certificates of insurance in MCP, such as `OK`."),
			"insurance_expiration_date": computedString("The earliest expiration date of any coverage on the carrier's certificates of insurance " +
				"(`YYYY-MM-DD`), or null when MCP has none. Compare it with a date to catch lapsing insurance."),
			"insurance_cancellation_date": computedString("The earliest cancellation date of any coverage on the carrier's certificates " +
				"(`YYYY-MM-DD`), or null when no coverage is cancelled."),
			"certificate_document_names": computedStrings("The blob names of the carrier's certificates of insurance, for `mcp_document`."),
			"incident_reports":           computedInt64("How many incident reports brokers have filed about the carrier in MCP."),
			"fraud_incident_reports":     computedInt64("How many of those incident reports allege fraud."),
		})
	resp.Schema = schema.Schema{
		MarkdownDescription: "The broker's monitored carriers whose insurance, FMCSA data or risk assessment changed in a time window, " +
			"from MCP's Assure Advantage change feed (CarriersChanges), every page. Each carrier comes with what changed and its " +
			"current key facts, so a `check` block can flag carriers whose insurance lapsed or whose risk rose. " +
			"A window without changes is a valid answer: the counts are 0 and `carriers` is empty.\n\n" +
			"MCP asks that the feed be read no more often than every 4 minutes; every plan and apply reads it once.",
		Attributes: attrs,
	}
}

func (d *carrierChangesDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{timeWindowValidator{}}
}

func (d *carrierChangesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *carrierChangesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	window, diags := readConfiguredWindow(ctx, req.Config, d.data.now())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	changes, err := d.data.client.Monitoring.ChangesAll(ctx, window.From, window.To)
	if err != nil {
		addReadError(&resp.Diagnostics, "carrier changes", window.String(), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, carrierChangesDataSourceModel{
		From:                      window.FromValue,
		To:                        window.ToValue,
		InsuranceChangeCount:      types.Int64Value(int64(changes.InsuranceChangeCount)),
		FMCSAChangeCount:          types.Int64Value(int64(changes.FMCSAChangeCount)),
		RiskAssessmentChangeCount: types.Int64Value(int64(changes.RiskAssessmentChangeCount)),
		CarrierCount:              types.Int64Value(int64(changes.CarrierCount)),
		Carriers:                  changedCarriersFromAPI(changes.CarrierList),
	})...)
}

// changedCarriersFromAPI maps the change feed, sorted by DOT number.
func changedCarriersFromAPI(list []mcp.ChangedCarrier) []changedCarrierModel {
	out := mapSlice(list, changedCarrierFromAPI)
	slices.SortStableFunc(out, func(a, b changedCarrierModel) int {
		return changedCarrierDOT(a) - changedCarrierDOT(b)
	})
	return out
}

// changedCarrierDOT orders carriers by DOT number, those without one last.
func changedCarrierDOT(c changedCarrierModel) int {
	n, err := strconv.Atoi(c.DOTNumber.ValueString())
	if err != nil {
		return int(^uint(0) >> 1)
	}
	return n
}

// changedCarrierFromAPI maps one entry of the feed. MCP may leave out any
// part of CarrierDetails; what is missing is null.
func changedCarrierFromAPI(c mcp.ChangedCarrier) changedCarrierModel {
	m := changedCarrierModel{
		ChangedAt:        optionalTime(c.ChangeDateTime.Time),
		ChangeCategories: mapSlice(c.ChangeCategories, types.StringValue),
	}
	d := c.CarrierDetails
	if d == nil {
		d = &mcp.CarrierDetails{}
		m.Monitored, m.Blocked = types.BoolNull(), types.BoolNull()
	} else {
		m.Monitored, m.Blocked = types.BoolValue(d.IsMonitored), types.BoolValue(d.IsBlocked)
	}
	m.DocketNumber = optionalString(d.DocketNumber)
	m.CarrierType = optionalString(d.CarrierType)
	dot, identity, authority, operation := orZero(d.DotNumber), orZero(d.Identity), orZero(d.Authority), orZero(d.Operation)
	m.DOTNumber, m.DOTStatus = optionalString(dot.Value), optionalString(dot.Status)
	safety, insurance := orZero(d.Safety), orZero(d.FMCSAInsurance)
	m.LegalName = optionalString(identity.LegalName)
	m.DBAName = optionalString(identity.DbaName)
	m.OperatingStatus = optionalString(operation.OperatingStatus)
	m.OutOfService = optionalString(operation.OutOfService)
	m.CommonAuthority = optionalString(authority.CommonAuthority)
	m.ContractAuthority = optionalString(authority.ContractAuthority)
	m.BrokerAuthority = optionalString(authority.BrokerAuthority)
	m.SafetyRating = optionalString(safety.Rating)
	m.LiabilityInsuranceOnFile = optionalString(insurance.BipdOnFile)
	m.LiabilityInsuranceNeeded = optionalString(insurance.BipdRequired)
	m.CargoInsuranceOnFile = optionalString(insurance.CargoOnFile)
	m.CargoInsuranceNeeded = optionalString(insurance.CargoRequired)

	m.RiskOverallRating, m.RiskTotalPoints = riskTotals(d.RiskAssessmentDetails)
	m.IncidentReports, m.FraudIncidentReports = incidentReportCounts(d.IncidentReports)

	m.CertificateStatus = types.StringNull()
	var expires, cancelled string
	blobs := []types.String{}
	if cd := d.CertData; cd != nil {
		m.CertificateStatus = optionalString(cd.Status)
		for _, cert := range cd.Certificate {
			if cert.BlobName != "" {
				blobs = append(blobs, types.StringValue(cert.BlobName))
			}
			for _, cov := range cert.Coverage {
				expires = earliestCoverageDate(expires, cov.ExpirationDate)
				cancelled = earliestCoverageDate(cancelled, cov.CancellationDate)
			}
		}
	}
	m.CertificateDocumentNames = blobs
	m.InsuranceExpirationDate = optionalString(expires)
	m.InsuranceCancellationDate = optionalString(cancelled)
	return m
}

// earliestCoverageDate keeps the earlier of two YYYY-MM-DD dates, ignoring empty
// ones and FMCSA's "no date", 0000-00-00. Dates in that form sort as text.
func earliestCoverageDate(kept, date string) string {
	if date == "" || date == fmcsaNoDate {
		return kept
	}
	if kept == "" || date < kept {
		return date
	}
	return kept
}
