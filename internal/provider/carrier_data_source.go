package provider

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ datasource.DataSource              = (*carrierDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*carrierDataSource)(nil)
)

// NewCarrierDataSource is mcp_carrier: one carrier as MCP's PreviewCarrier
// shows it, and optionally the packet it completed for the customer.
func NewCarrierDataSource() datasource.DataSource { return &carrierDataSource{} }

type carrierDataSource struct {
	data *providerData
}

// carrierDataSourceModel is the state of mcp_carrier. Everything but the
// packet comes from PreviewCarrier.
type carrierDataSourceModel struct {
	DOTNumber          types.String           `tfsdk:"dot_number"`
	DocketNumber       types.String           `tfsdk:"docket_number"`
	IncludePacket      types.Bool             `tfsdk:"include_packet"`
	MCPCarrierID       types.Int64            `tfsdk:"mcp_carrier_id"`
	LegalName          types.String           `tfsdk:"legal_name"`
	DBAName            types.String           `tfsdk:"dba_name"`
	Status             types.String           `tfsdk:"status"`
	StatusDate         types.String           `tfsdk:"status_date"`
	Intrastate         types.Bool             `tfsdk:"intrastate"`
	RecordSource       types.String           `tfsdk:"record_source"`
	Address            *carrierAddressModel   `tfsdk:"address"`
	Phone              types.String           `tfsdk:"phone"`
	Emails             []carrierEmailModel    `tfsdk:"emails"`
	RecommendedEmail   types.String           `tfsdk:"recommended_email"`
	Monitored          types.Bool             `tfsdk:"monitored"`
	Blocked            types.Bool             `tfsdk:"blocked"`
	OnCurrentAgreement types.Bool             `tfsdk:"on_current_agreement"`
	FraudSignals       *carrierFraudModel     `tfsdk:"fraud_signals"`
	RiskAssessment     *carrierRiskModel      `tfsdk:"risk_assessment"`
	Rating             *carrierRatingModel    `tfsdk:"rating"`
	Insurance          *carrierInsuranceModel `tfsdk:"insurance"`
	InsuranceExpired   types.Bool             `tfsdk:"insurance_expired"`
	Packet             *carrierPacketModel    `tfsdk:"packet"`
}

type carrierAddressModel struct {
	Street  types.String `tfsdk:"street"`
	City    types.String `tfsdk:"city"`
	State   types.String `tfsdk:"state"`
	ZipCode types.String `tfsdk:"zip_code"`
	Country types.String `tfsdk:"country"`
}

type carrierEmailModel struct {
	Email       types.String `tfsdk:"email"`
	Type        types.String `tfsdk:"type"`
	Description types.String `tfsdk:"description"`
}

type carrierFraudModel struct {
	PossibleFraud            types.String `tfsdk:"possible_fraud"`
	DoubleBrokering          types.String `tfsdk:"double_brokering"`
	IncidentReports          types.Int64  `tfsdk:"incident_reports"`
	IncidentReportsWithFraud types.Int64  `tfsdk:"incident_reports_with_fraud"`
	FreightValidateStatus    types.String `tfsdk:"freight_validate_status"`
	WatchdogReports          types.String `tfsdk:"watchdog_reports"`
}

type carrierRiskModel struct {
	Overall       types.String `tfsdk:"overall"`
	Authority     types.String `tfsdk:"authority"`
	Insurance     types.String `tfsdk:"insurance"`
	Safety        types.String `tfsdk:"safety"`
	Operation     types.String `tfsdk:"operation"`
	Other         types.String `tfsdk:"other"`
	TotalPoints   types.Int64  `tfsdk:"total_points"`
	OverallRating types.String `tfsdk:"overall_rating"`
}

type carrierRatingModel struct {
	Average      types.Float64 `tfsdk:"average"`
	TotalRatings types.Int64   `tfsdk:"total_ratings"`
	LowRatings   types.Int64   `tfsdk:"low_ratings"`
}

type carrierInsuranceModel struct {
	CertificateStatus types.String              `tfsdk:"certificate_status"`
	NonCooperative    types.Bool                `tfsdk:"non_cooperative"`
	Certificates      []carrierCertificateModel `tfsdk:"certificates"`
}

type carrierCertificateModel struct {
	CertificateID types.String           `tfsdk:"certificate_id"`
	Producer      *carrierProducerModel  `tfsdk:"producer"`
	Coverages     []carrierCoverageModel `tfsdk:"coverages"`
}

type carrierProducerModel struct {
	Name    types.String `tfsdk:"name"`
	Address types.String `tfsdk:"address"`
	City    types.String `tfsdk:"city"`
	State   types.String `tfsdk:"state"`
	ZipCode types.String `tfsdk:"zip_code"`
	Phone   types.String `tfsdk:"phone"`
	Fax     types.String `tfsdk:"fax"`
	Email   types.String `tfsdk:"email"`
}

type carrierCoverageModel struct {
	Insurer                   types.String `tfsdk:"insurer"`
	Type                      types.String `tfsdk:"type"`
	PolicyNumber              types.String `tfsdk:"policy_number"`
	ExpirationDate            types.String `tfsdk:"expiration_date"`
	CancellationDate          types.String `tfsdk:"cancellation_date"`
	Limit                     types.String `tfsdk:"limit"`
	LimitAmount               types.Int64  `tfsdk:"limit_amount"`
	Deductible                types.String `tfsdk:"deductible"`
	ReeferBreakdown           types.Bool   `tfsdk:"reefer_breakdown"`
	ReeferBreakdownDeductible types.String `tfsdk:"reefer_breakdown_deductible"`
	Expired                   types.Bool   `tfsdk:"expired"`
}

func (d *carrierDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier"
}

// Vocabularies MCP encodes as numbers, as the data source names them.
var (
	carrierEmailTypes = map[int]string{1: "mcp", 2: "company", 3: "fmcsa"}
	carrierSources    = map[int]string{0: "Unknown", 1: "ThirdParty", 2: "MyCarrierPackets", 3: "FMCSAData"}
)

func (d *carrierDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := carrierLookupAttributes()
	attrs["include_packet"] = schema.BoolAttribute{
		MarkdownDescription: "Also read the packet the carrier completed for your company (MCP's GetCarrierData) into `packet`. " +
			"Defaults to `false`: only MCP's PreviewCarrier is called and `packet` is null. " +
			"The other attributes come from PreviewCarrier either way, so they mean the same whatever this is set to.",
		Optional: true,
		Computed: true,
	}
	attrs["mcp_carrier_id"] = computedInt64("MCP's own ID for the carrier.")
	attrs["legal_name"] = computedString("The carrier's legal name.")
	attrs["dba_name"] = computedString("The name the carrier does business as, or null when it has none.")
	attrs["status"] = computedString("Where the carrier stands with your company's packet, in MCP's words: `Not Invited`, `Invited` or `Completed`.")
	attrs["status_date"] = computedString("When the carrier reached `status` (RFC 3339, UTC), or null when MCP gives no date (as for `Not Invited`).")
	attrs["intrastate"] = computedBool("Whether the carrier operates only within its home state. Intrastate-only carriers have no docket number, so `docket_number` is null.")
	attrs["record_source"] = computedString("Where MCP's record of the carrier comes from: `MyCarrierPackets` (the carrier completed a packet on MCP), " +
		"`FMCSAData`, `ThirdParty` or `Unknown`.")
	attrs["address"] = computedObject("The carrier's business address.", map[string]schema.Attribute{
		"street":   computedString("Street address."),
		"city":     computedString("City."),
		"state":    computedString("State or province code, such as `TX`."),
		"zip_code": computedString("ZIP or postal code."),
		"country":  computedString("Country code, such as `US`."),
	})
	attrs["phone"] = computedString("The carrier's business phone number as MCP writes it, such as `(312) 555-0100`.")
	attrs["emails"] = computedObjects("The e-mail addresses MCP approves for reaching the carrier, such as for a packet invitation. "+
		"Empty when MCP knows none.", map[string]schema.Attribute{
		"email": computedString("The e-mail address."),
		"type": computedString("Where MCP has the address from: `mcp` (a carrier user on MCP authorised for packets, the best address " +
			"to invite), `company` (the carrier's company address) or `fmcsa` (the FMCSA census address). Other kinds MCP may add show as their number."),
		"description": computedString("MCP's description of the address: the user's name and role for `mcp`, `FMCSA Email` for `fmcsa`."),
	})
	attrs["recommended_email"] = computedString("The one address of `emails` to invite the carrier at, in the order MCP ranks " +
		"the kinds of address (its EmailType: 1 McpEmail, 2 CompanyEmail, 3 FMCSAEmail): the first `mcp` address, else the first " +
		"`company` address, else the `fmcsa` address. Null when MCP lists none of these.")
	attrs["monitored"] = computedBool("Whether your company monitors the carrier (Assure Advantage).")
	attrs["blocked"] = computedBool("Whether your company has blocked the carrier. This is your own block list only, not other MCP customers'.")
	attrs["on_current_agreement"] = computedBool("Whether the carrier has signed the current version of your company's carrier agreement; " +
		"null when MCP does not say (typically when it has no packet with you).")
	attrs["fraud_signals"] = computedObject("Warnings MCP holds about the carrier.", map[string]schema.Attribute{
		"possible_fraud":              computedString("MCP's possible-fraud signal, such as `No Reports` or `Reports Found`."),
		"double_brokering":            computedString("MCP's double-brokering signal, such as `No Alerts`."),
		"incident_reports":            computedInt64("How many incident reports MCP customers have filed about the carrier."),
		"incident_reports_with_fraud": computedInt64("How many of those incident reports allege fraud."),
		"freight_validate_status":     computedString("The FreightValidate result, such as `valid` or `Review Recommended`."),
		"watchdog_reports":            computedString("The SaferWatch Watchdog reports status, such as `NOACCOUNT`."),
	})
	attrs["risk_assessment"] = computedObject("MCP's (Assure Advantage) risk assessment summary. "+
		"The `mcp_carrier_risk_assessment` data source lists the infractions behind it.", map[string]schema.Attribute{
		"overall":        computedString("The overall rating: `Acceptable`, `Moderate` or `Unacceptable`."),
		"authority":      computedString("The rating of the carrier's operating authority: `Acceptable`, `Moderate` or `Unacceptable`."),
		"insurance":      computedString("The rating of the carrier's insurance: `Acceptable`, `Moderate` or `Unacceptable`."),
		"safety":         computedString("The rating of the carrier's safety record: `Acceptable`, `Moderate` or `Unacceptable`."),
		"operation":      computedString("The rating of the carrier's operation: `Acceptable`, `Moderate` or `Unacceptable`."),
		"other":          computedString("The rating of other findings: `Acceptable`, `Moderate` or `Unacceptable`."),
		"total_points":   computedInt64("The risk points of every category added up: 0 is clean; each finding adds points (250 for a medium risk, 1000 for one that needs review)."),
		"overall_rating": computedString("The detailed overall rating, such as `Acceptable`, `Moderate` or `UnacceptableReview`."),
	})
	attrs["rating"] = computedObject("How MCP customers rate the carrier.", map[string]schema.Attribute{
		"average":       computedFloat64("The average rating, or 0 when nobody has rated the carrier."),
		"total_ratings": computedInt64("How many ratings the carrier has."),
		"low_ratings":   computedInt64("How many of them are low."),
	})
	attrs["insurance"] = computedObject("The carrier's certificates of insurance on file with MCP.", map[string]schema.Attribute{
		"certificate_status": computedString("MCP's status of the certificate data, such as `OK`."),
		"non_cooperative":    computedBool("Whether the carrier's insurance agent does not cooperate with MCP's certificate requests."),
		"certificates": computedObjects("Every certificate of insurance, each with the agency that issued it and its coverages.", map[string]schema.Attribute{
			"certificate_id": computedString("The certificate's ID at MCP."),
			"producer": computedObject("The insurance agency (producer) that issued the certificate.", map[string]schema.Attribute{
				"name":     computedString("The agency's name."),
				"address":  computedString("The agency's street address."),
				"city":     computedString("The agency's city."),
				"state":    computedString("The agency's state code."),
				"zip_code": computedString("The agency's ZIP code."),
				"phone":    computedString("The agency's phone number."),
				"fax":      computedString("The agency's fax number."),
				"email":    computedString("The agency's e-mail address."),
			}),
			"coverages": computedObjects("The coverages on the certificate.", map[string]schema.Attribute{
				"insurer":           computedString("The insurance company."),
				"type":              computedString("The kind of coverage, such as `Auto`, `Cargo`, `General` or `Cargo Liability w/ Refer Breakdown`."),
				"policy_number":     computedString("The policy number."),
				"expiration_date":   computedString("When the coverage expires, as a date (`YYYY-MM-DD`)."),
				"cancellation_date": computedString("When the coverage was cancelled, as a date (`YYYY-MM-DD`), or null when it was not."),
				"limit":             computedString("The coverage limit as MCP writes it, such as `1,000,000`."),
				"limit_amount": computedInt64("The coverage limit as a whole number of dollars, such as `1000000`, for comparisons " +
					"(`coverage.limit_amount >= 1000000`); null when `limit` is not a plain amount."),
				"deductible":                  computedString("The deductible as MCP writes it, such as `2,500`, or null when none is given."),
				"reefer_breakdown":            computedBool("Whether cargo coverage includes reefer (refrigeration) breakdown; null when MCP does not say."),
				"reefer_breakdown_deductible": computedString("The reefer breakdown deductible, such as `2,500`, or null."),
				"expired": computedBool("Derived by the provider, not MCP: `true` when `expiration_date` is before today (UTC) or " +
					"`cancellation_date` is today or earlier, so the coverage no longer covers; null when `expiration_date` is not a date."),
			}),
		}),
	})
	attrs["insurance_expired"] = computedBool("Derived by the provider, not MCP: `true` when any coverage of any certificate has `expired`; " +
		"`false` when every coverage is current (also when MCP lists no coverages); null when MCP has no certificate data, " +
		"or when no coverage has expired but some expiration date is unreadable. Use it in a `precondition` to refuse a carrier " +
		"with lapsed insurance; today is the date in UTC when Terraform reads the data source.")
	attrs["packet"] = carrierPacketSchema()
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one carrier in MCP by DOT number, docket number or both, to vet it before you monitor, invite or block it: " +
			"who it is, how to reach it, whether your company monitors or blocks it, MCP's fraud signals and risk assessment, " +
			"and its insurance, with a derived `insurance_expired` for preconditions.\n\n" +
			"Every attribute except `packet` comes from MCP's PreviewCarrier, so it means the same whether or not `include_packet` is set. " +
			"With `include_packet = true`, MCP's GetCarrierData is read as well and `packet` holds the packet the carrier completed " +
			"for your company: payment and factoring details, equipment, lanes, contacts, W-9 and the blob names of its documents " +
			"for `mcp_document`. A carrier MCP does not know is an error.",
		Attributes: attrs,
	}
}

func (d *carrierDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *carrierDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var includePacket types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("include_packet"), &includePacket)...)
	args, diags := readCarrierArguments(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	preview, err := d.data.client.Carriers.Preview(ctx, args.lookup)
	if err != nil {
		args.addReadError(&resp.Diagnostics, "carrier", err)
		return
	}
	state := carrierFromAPI(preview, d.data.now())
	state.DOTNumber, state.DocketNumber = args.identity(preview.DotNumber, preview.DocketNumber)
	state.IncludePacket = types.BoolValue(includePacket.ValueBool())

	if includePacket.ValueBool() {
		data := args.readPacket(ctx, d.data.client, &resp.Diagnostics)
		if data == nil {
			return
		}
		state.Packet = carrierPacketFromAPI(data)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// recommendedEmail is the address MCP's own ranking of its kinds puts first:
// the lowest EmailType (an MCP user of the carrier authorised for packets
// before the company's address, before the FMCSA census address), and
// within a kind the first MCP lists. It is "" when MCP lists none of these;
// kinds MCP may add later are not ranked, so never recommended.
func recommendedEmail(emails []mcp.CarrierEmail) string {
	best, rank := "", 0
	for _, e := range emails {
		if _, known := carrierEmailTypes[e.EmailType]; known && e.Email != "" && (rank == 0 || e.EmailType < rank) {
			best, rank = e.Email, e.EmailType
		}
	}
	return best
}

// carrierFromAPI maps PreviewCarrier to the state of mcp_carrier, but for
// the arguments; today decides which coverages have expired.
func carrierFromAPI(p *mcp.PreviewCarrier, today time.Time) carrierDataSourceModel {
	m := carrierDataSourceModel{
		MCPCarrierID:       types.Int64Value(int64(p.CarrierID)),
		LegalName:          optionalString(p.CompanyName),
		DBAName:            optionalString(p.DBAName),
		Status:             optionalString(p.Status),
		StatusDate:         optionalTime(p.StatusDate.Time),
		Intrastate:         types.BoolValue(p.IsIntrastateCarrier),
		RecordSource:       types.StringValue(carrierCode(carrierSources, p.Source)),
		Phone:              optionalString(p.Phone),
		Monitored:          types.BoolValue(p.IsMonitored),
		Blocked:            types.BoolValue(p.IsBlocked),
		OnCurrentAgreement: types.BoolPointerValue(p.OnCurrentCustomerAgreement),
		Address: &carrierAddressModel{
			Street:  optionalString(p.Street),
			City:    optionalString(p.City),
			State:   optionalString(p.State),
			ZipCode: optionalString(p.ZipCode),
			Country: optionalString(p.Country),
		},
		FraudSignals: &carrierFraudModel{
			PossibleFraud:         optionalString(p.PossibleFraud),
			DoubleBrokering:       optionalString(p.DoubleBrokering),
			FreightValidateStatus: optionalString(p.FreightValidateStatus),
			WatchdogReports:       optionalString(p.WatchdogReports),
		},
		Emails: mapSlice(p.Emails, func(e mcp.CarrierEmail) carrierEmailModel {
			return carrierEmailModel{
				Email:       optionalString(e.Email),
				Type:        types.StringValue(carrierCode(carrierEmailTypes, e.EmailType)),
				Description: optionalString(e.Description),
			}
		}),
		RecommendedEmail: optionalString(recommendedEmail(p.Emails)),
		InsuranceExpired: types.BoolNull(),
	}
	m.FraudSignals.IncidentReports, m.FraudSignals.IncidentReportsWithFraud = incidentReportCounts(p.IncidentReports)
	m.RiskAssessment = carrierRiskFromAPI(p.RiskAssessment, p.RiskAssessmentDetails)
	if r := p.CarrierRating; r != nil {
		m.Rating = &carrierRatingModel{
			Average:      types.Float64Value(r.RatingValue),
			TotalRatings: types.Int64Value(int64(r.TotalRatings)),
			LowRatings:   types.Int64Value(int64(r.LowRatings)),
		}
	}
	if p.CertData != nil {
		m.Insurance = carrierInsuranceFromAPI(p.CertData, today)
		m.InsuranceExpired = carrierInsuranceExpired(m.Insurance)
	}
	return m
}

// carrierCode names a number of one of MCP's vocabularies; a number the
// vocabulary lacks stays a number.
func carrierCode(names map[int]string, n int) string {
	if name, ok := names[n]; ok {
		return name
	}
	return strconv.Itoa(n)
}

func carrierRiskFromAPI(summary *mcp.RiskAssessment, details *mcp.RiskAssessmentDetails) *carrierRiskModel {
	if summary == nil && details == nil {
		return nil
	}
	s := orZero(summary)
	m := &carrierRiskModel{
		Overall: optionalString(s.Overall), Authority: optionalString(s.Authority), Insurance: optionalString(s.Insurance),
		Safety: optionalString(s.Safety), Operation: optionalString(s.Operation), Other: optionalString(s.Other),
	}
	m.OverallRating, m.TotalPoints = riskTotals(details)
	return m
}

// riskTotals are the overall rating and points of MCP's risk assessment;
// null when MCP sent no details.
func riskTotals(d *mcp.RiskAssessmentDetails) (types.String, types.Int64) {
	if d == nil {
		return types.StringNull(), types.Int64Null()
	}
	return optionalString(d.OverallRating), types.Int64Value(int64(d.TotalPoints))
}

// incidentReportCounts are how many incident reports MCP customers filed
// about a carrier and how many of them allege fraud; null when MCP sent no
// counts.
func incidentReportCounts(ir *mcp.IncidentReports) (total, fraud types.Int64) {
	if ir == nil {
		return types.Int64Null(), types.Int64Null()
	}
	return types.Int64Value(int64(ir.TotalIncidentReports)), types.Int64Value(int64(ir.TotalIncidentReportsWithFraud))
}

func carrierInsuranceFromAPI(cd *mcp.CertData, today time.Time) *carrierInsuranceModel {
	return &carrierInsuranceModel{
		CertificateStatus: optionalString(cd.Status),
		NonCooperative:    types.BoolValue(cd.Noncoop),
		Certificates: mapSlice(cd.Certificates, func(c mcp.Certificate) carrierCertificateModel {
			return carrierCertificateModel{
				CertificateID: optionalString(c.CertificateID),
				Producer: &carrierProducerModel{
					Name:    optionalString(c.ProducerName),
					Address: optionalString(c.ProducerAddress),
					City:    optionalString(c.ProducerCity),
					State:   optionalString(c.ProducerState),
					ZipCode: optionalString(c.ProducerZip),
					Phone:   optionalString(c.ProducerPhone),
					Fax:     optionalString(c.ProducerFax),
					Email:   optionalString(c.ProducerEmail),
				},
				Coverages: mapSlice(c.Coverages, func(cv mcp.Coverage) carrierCoverageModel {
					return carrierCoverageFromAPI(cv, today)
				}),
			}
		}),
	}
}

func carrierCoverageFromAPI(cv mcp.Coverage, today time.Time) carrierCoverageModel {
	return carrierCoverageModel{
		Insurer:                   optionalString(cv.InsurerName),
		Type:                      optionalString(cv.Type),
		PolicyNumber:              optionalString(cv.PolicyNumber),
		ExpirationDate:            optionalDate(cv.ExpirationDate),
		CancellationDate:          optionalDate(cv.CancellationDate),
		Limit:                     optionalString(cv.CoverageLimit),
		LimitAmount:               dollarAmount(cv.CoverageLimit),
		Deductible:                optionalString(cv.Deductible),
		ReeferBreakdown:           yesNoBool(cv.ReferBreakdown),
		ReeferBreakdownDeductible: optionalString(cv.ReferBreakDeduct),
		Expired:                   coverageExpired(cv.ExpirationDate, cv.CancellationDate, today),
	}
}

// coverageExpired says whether a coverage no longer covers on the UTC date
// of today: it expired before today, or was cancelled today or earlier.
// Unknown (null) when the expiration date cannot be read and no
// cancellation says otherwise.
func coverageExpired(expiration, cancellation string, today time.Time) types.Bool {
	y, mo, d := today.UTC().Date()
	day := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if c, ok := parseMCPDate(cancellation); ok && !c.After(day) {
		return types.BoolValue(true)
	}
	e, ok := parseMCPDate(expiration)
	if !ok {
		return types.BoolNull()
	}
	return types.BoolValue(e.Before(day))
}

// carrierInsuranceExpired is true when any coverage expired, false when all
// are known current, and unknown (null) otherwise.
func carrierInsuranceExpired(ins *carrierInsuranceModel) types.Bool {
	var tally expiredTally
	for _, c := range ins.Certificates {
		for _, cv := range c.Coverages {
			tally.add(cv.Expired)
		}
	}
	return tally.value()
}

// expiredTally combines the expired values of a carrier's coverages into
// insurance_expired: true when any expired, false when all are known
// current (also when there are none), and unknown (null) otherwise.
type expiredTally struct{ expired, unknown bool }

func (t *expiredTally) add(coverageExpired types.Bool) {
	switch {
	case coverageExpired.IsNull():
		t.unknown = true
	case coverageExpired.ValueBool():
		t.expired = true
	}
}

func (t expiredTally) value() types.Bool {
	switch {
	case t.expired:
		return types.BoolValue(true)
	case t.unknown:
		return types.BoolNull()
	}
	return types.BoolValue(false)
}

// parseMCPDate reads a date-only value (YYYY-MM-DD), or the date of a
// date-time; FMCSA's "0000-00-00" and empty text are no date.
func parseMCPDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > len(time.DateOnly) && s[len(time.DateOnly)] == 'T' {
		s = s[:len(time.DateOnly)]
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// dollarAmount reads MCP's money text ("1,000,000", "$750,000") as whole
// dollars; anything else is null.
func dollarAmount(s string) types.Int64 {
	t := strings.TrimPrefix(strings.TrimSpace(s), "$")
	t = strings.ReplaceAll(t, ",", "")
	if t == "" || strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return types.Int64Null()
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}

// yesNoBool reads MCP's "Yes"/"No" flags; anything else is null.
func yesNoBool(s string) types.Bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true":
		return types.BoolValue(true)
	case "no", "n", "false":
		return types.BoolValue(false)
	}
	return types.BoolNull()
}
