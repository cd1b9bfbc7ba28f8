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
	"github.com/hashicorp/terraform-plugin-log/tflog"

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
	var s carrierSchema
	attrs := carrierLookupAttributes()
	attrs["include_packet"] = schema.BoolAttribute{
		MarkdownDescription: "Also read the packet the carrier completed for your company (MCP's GetCarrierData) into `packet`. " +
			"Defaults to `false`: only MCP's PreviewCarrier is called and `packet` is null. " +
			"The other attributes come from PreviewCarrier either way, so they mean the same whatever this is set to.",
		Optional: true,
		Computed: true,
	}
	attrs["mcp_carrier_id"] = s.integer("MCP's own ID for the carrier.")
	attrs["legal_name"] = s.text("The carrier's legal name.")
	attrs["dba_name"] = s.text("The name the carrier does business as, or null when it has none.")
	attrs["status"] = s.text("Where the carrier stands with your company's packet, in MCP's words: `Not Invited`, `Invited` or `Completed`.")
	attrs["status_date"] = s.text("When the carrier reached `status` (RFC 3339, UTC), or null when MCP gives no date (as for `Not Invited`).")
	attrs["intrastate"] = s.boolean("Whether the carrier operates only within its home state. Intrastate-only carriers have no docket number, so `docket_number` is null.")
	attrs["record_source"] = s.text("Where MCP's record of the carrier comes from: `MyCarrierPackets` (the carrier completed a packet on MCP), " +
		"`FMCSAData`, `ThirdParty` or `Unknown`.")
	attrs["address"] = s.object("The carrier's business address.", map[string]schema.Attribute{
		"street":   s.text("Street address."),
		"city":     s.text("City."),
		"state":    s.text("State or province code, such as `TX`."),
		"zip_code": s.text("ZIP or postal code."),
		"country":  s.text("Country code, such as `US`."),
	})
	attrs["phone"] = s.text("The carrier's business phone number as MCP writes it, such as `(312) 555-0100`.")
	attrs["emails"] = s.objects("The e-mail addresses MCP approves for reaching the carrier, such as for a packet invitation. "+
		"Empty when MCP knows none.", map[string]schema.Attribute{
		"email": s.text("The e-mail address."),
		"type": s.text("Where MCP has the address from: `mcp` (a carrier user on MCP authorised for packets, the best address " +
			"to invite), `company` (the carrier's company address) or `fmcsa` (the FMCSA census address). Other kinds MCP may add show as their number."),
		"description": s.text("MCP's description of the address: the user's name and role for `mcp`, `FMCSA Email` for `fmcsa`."),
	})
	attrs["monitored"] = s.boolean("Whether your company monitors the carrier (Assure Advantage).")
	attrs["blocked"] = s.boolean("Whether your company has blocked the carrier. This is your own block list only, not other MCP customers'.")
	attrs["on_current_agreement"] = s.boolean("Whether the carrier has signed the current version of your company's carrier agreement; " +
		"null when MCP does not say (typically when it has no packet with you).")
	attrs["fraud_signals"] = s.object("Warnings MCP holds about the carrier.", map[string]schema.Attribute{
		"possible_fraud":              s.text("MCP's possible-fraud signal, such as `No Reports` or `Reports Found`."),
		"double_brokering":            s.text("MCP's double-brokering signal, such as `No Alerts`."),
		"incident_reports":            s.integer("How many incident reports MCP customers have filed about the carrier."),
		"incident_reports_with_fraud": s.integer("How many of those incident reports allege fraud."),
		"freight_validate_status":     s.text("The FreightValidate result, such as `valid` or `Review Recommended`."),
		"watchdog_reports":            s.text("The SaferWatch Watchdog reports status, such as `NOACCOUNT`."),
	})
	attrs["risk_assessment"] = s.object("MCP's (Assure Advantage) risk assessment summary. "+
		"The `mcp_carrier_risk_assessment` data source lists the infractions behind it.", map[string]schema.Attribute{
		"overall":        s.text("The overall rating: `Acceptable`, `Moderate` or `Unacceptable`."),
		"authority":      s.text("The rating of the carrier's operating authority: `Acceptable`, `Moderate` or `Unacceptable`."),
		"insurance":      s.text("The rating of the carrier's insurance: `Acceptable`, `Moderate` or `Unacceptable`."),
		"safety":         s.text("The rating of the carrier's safety record: `Acceptable`, `Moderate` or `Unacceptable`."),
		"operation":      s.text("The rating of the carrier's operation: `Acceptable`, `Moderate` or `Unacceptable`."),
		"other":          s.text("The rating of other findings: `Acceptable`, `Moderate` or `Unacceptable`."),
		"total_points":   s.integer("The risk points of every category added up: 0 is clean; each finding adds points (250 for a medium risk, 1000 for one that needs review)."),
		"overall_rating": s.text("The detailed overall rating, such as `Acceptable`, `Moderate` or `UnacceptableReview`."),
	})
	attrs["rating"] = s.object("How MCP customers rate the carrier.", map[string]schema.Attribute{
		"average":       s.number("The average rating, or 0 when nobody has rated the carrier."),
		"total_ratings": s.integer("How many ratings the carrier has."),
		"low_ratings":   s.integer("How many of them are low."),
	})
	attrs["insurance"] = s.object("The carrier's certificates of insurance on file with MCP.", map[string]schema.Attribute{
		"certificate_status": s.text("MCP's status of the certificate data, such as `OK`."),
		"non_cooperative":    s.boolean("Whether the carrier's insurance agent does not cooperate with MCP's certificate requests."),
		"certificates": s.objects("Every certificate of insurance, each with the agency that issued it and its coverages.", map[string]schema.Attribute{
			"certificate_id": s.text("The certificate's ID at MCP."),
			"producer": s.object("The insurance agency (producer) that issued the certificate.", map[string]schema.Attribute{
				"name":     s.text("The agency's name."),
				"address":  s.text("The agency's street address."),
				"city":     s.text("The agency's city."),
				"state":    s.text("The agency's state code."),
				"zip_code": s.text("The agency's ZIP code."),
				"phone":    s.text("The agency's phone number."),
				"fax":      s.text("The agency's fax number."),
				"email":    s.text("The agency's e-mail address."),
			}),
			"coverages": s.objects("The coverages on the certificate.", map[string]schema.Attribute{
				"insurer":           s.text("The insurance company."),
				"type":              s.text("The kind of coverage, such as `Auto`, `Cargo`, `General` or `Cargo Liability w/ Refer Breakdown`."),
				"policy_number":     s.text("The policy number."),
				"expiration_date":   s.text("When the coverage expires, as a date (`YYYY-MM-DD`)."),
				"cancellation_date": s.text("When the coverage was cancelled, as a date (`YYYY-MM-DD`), or null when it was not."),
				"limit":             s.text("The coverage limit as MCP writes it, such as `1,000,000`."),
				"limit_amount": s.integer("The coverage limit as a whole number of dollars, such as `1000000`, for comparisons " +
					"(`coverage.limit_amount >= 1000000`); null when `limit` is not a plain amount."),
				"deductible":                  s.text("The deductible as MCP writes it, such as `2,500`, or null when none is given."),
				"reefer_breakdown":            s.boolean("Whether cargo coverage includes reefer (refrigeration) breakdown; null when MCP does not say."),
				"reefer_breakdown_deductible": s.text("The reefer breakdown deductible, such as `2,500`, or null."),
				"expired": s.boolean("Derived by the provider, not MCP: `true` when `expiration_date` is before today (UTC) or " +
					"`cancellation_date` is today or earlier, so the coverage no longer covers; null when `expiration_date` is not a date."),
			}),
		}),
	})
	attrs["insurance_expired"] = s.boolean("Derived by the provider, not MCP: `true` when any coverage of any certificate has `expired`; " +
		"`false` when every coverage is current (also when MCP lists no coverages); null when MCP has no certificate data, " +
		"or when no coverage has expired but some expiration date is unreadable. Use it in a `precondition` to refuse a carrier " +
		"with lapsed insurance; today is the date in UTC when Terraform reads the data source.")
	attrs["packet"] = carrierPacketSchema(s)
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
	var (
		dot, docket   types.String
		includePacket types.Bool
	)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("dot_number"), &dot)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("docket_number"), &docket)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("include_packet"), &includePacket)...)
	if resp.Diagnostics.HasError() {
		return
	}
	lookup, diags := carrierLookup(dot, docket)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	preview, err := d.data.client.Carriers.Preview(ctx, lookup)
	if err != nil {
		addReadError(&resp.Diagnostics, "carrier", lookup.String(), err)
		return
	}
	state := carrierFromAPI(preview, d.data.now())
	// The arguments given stay as written; MCP fills in the other.
	if !dot.IsNull() {
		state.DOTNumber = dot
	}
	if !docket.IsNull() {
		state.DocketNumber = docket
	}
	state.IncludePacket = types.BoolValue(includePacket.ValueBool())

	if includePacket.ValueBool() {
		data, err := d.data.client.Carriers.Data(ctx, lookup)
		if err != nil {
			addReadError(&resp.Diagnostics, "carrier packet", lookup.String(), err)
			return
		}
		if data.CarrierPacket == nil {
			tflog.Debug(ctx, "carrier has no packet with the customer", map[string]any{"carrier": lookup.String(), "message": data.Message})
		}
		state.Packet = carrierPacketFromAPI(data)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// carrierFromAPI maps PreviewCarrier to the state of mcp_carrier; today
// decides which coverages have expired.
func carrierFromAPI(p *mcp.PreviewCarrier, today time.Time) carrierDataSourceModel {
	m := carrierDataSourceModel{
		DOTNumber:          types.StringValue(strconv.Itoa(p.DotNumber)),
		DocketNumber:       optionalString(p.DocketNumber),
		IncludePacket:      types.BoolValue(false),
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
			PossibleFraud:            optionalString(p.PossibleFraud),
			DoubleBrokering:          optionalString(p.DoubleBrokering),
			IncidentReports:          types.Int64Null(),
			IncidentReportsWithFraud: types.Int64Null(),
			FreightValidateStatus:    optionalString(p.FreightValidateStatus),
			WatchdogReports:          optionalString(p.WatchdogReports),
		},
		Emails:           make([]carrierEmailModel, 0, len(p.Emails)),
		InsuranceExpired: types.BoolNull(),
	}
	if ir := p.IncidentReports; ir != nil {
		m.FraudSignals.IncidentReports = types.Int64Value(int64(ir.TotalIncidentReports))
		m.FraudSignals.IncidentReportsWithFraud = types.Int64Value(int64(ir.TotalIncidentReportsWithFraud))
	}
	for _, e := range p.Emails {
		m.Emails = append(m.Emails, carrierEmailModel{
			Email:       optionalString(e.Email),
			Type:        types.StringValue(carrierCode(carrierEmailTypes, e.EmailType)),
			Description: optionalString(e.Description),
		})
	}
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
	m := &carrierRiskModel{
		Overall: types.StringNull(), Authority: types.StringNull(), Insurance: types.StringNull(),
		Safety: types.StringNull(), Operation: types.StringNull(), Other: types.StringNull(),
		TotalPoints: types.Int64Null(), OverallRating: types.StringNull(),
	}
	if s := summary; s != nil {
		m.Overall, m.Authority, m.Insurance = optionalString(s.Overall), optionalString(s.Authority), optionalString(s.Insurance)
		m.Safety, m.Operation, m.Other = optionalString(s.Safety), optionalString(s.Operation), optionalString(s.Other)
	}
	if details != nil {
		m.TotalPoints = types.Int64Value(int64(details.TotalPoints))
		m.OverallRating = optionalString(details.OverallRating)
	}
	return m
}

func carrierInsuranceFromAPI(cd *mcp.CertData, today time.Time) *carrierInsuranceModel {
	m := &carrierInsuranceModel{
		CertificateStatus: optionalString(cd.Status),
		NonCooperative:    types.BoolValue(cd.Noncoop),
		Certificates:      make([]carrierCertificateModel, 0, len(cd.Certificates)),
	}
	for _, c := range cd.Certificates {
		cert := carrierCertificateModel{
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
			Coverages: make([]carrierCoverageModel, 0, len(c.Coverages)),
		}
		for _, cv := range c.Coverages {
			cert.Coverages = append(cert.Coverages, carrierCoverageFromAPI(cv, today))
		}
		m.Certificates = append(m.Certificates, cert)
	}
	return m
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
	unknown := false
	for _, c := range ins.Certificates {
		for _, cv := range c.Coverages {
			switch {
			case cv.Expired.IsNull():
				unknown = true
			case cv.Expired.ValueBool():
				return types.BoolValue(true)
			}
		}
	}
	if unknown {
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

// optionalDate keeps a date as MCP writes it; "0000-00-00" is null.
func optionalDate(s string) types.String {
	if s == "0000-00-00" {
		return types.StringNull()
	}
	return optionalString(s)
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

// carrierSchema builds the computed attributes of mcp_carrier.
type carrierSchema struct{}

func (carrierSchema) text(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

func (carrierSchema) secret(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true, Sensitive: true}
}

func (carrierSchema) integer(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: desc, Computed: true}
}

func (carrierSchema) number(desc string) schema.Float64Attribute {
	return schema.Float64Attribute{MarkdownDescription: desc, Computed: true}
}

func (carrierSchema) boolean(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
}

func (carrierSchema) names(desc string) schema.ListAttribute {
	return schema.ListAttribute{MarkdownDescription: desc, Computed: true, ElementType: types.StringType}
}

func (carrierSchema) counts(desc string) schema.MapAttribute {
	return schema.MapAttribute{MarkdownDescription: desc, Computed: true, ElementType: types.Int64Type}
}

func (carrierSchema) object(desc string, attrs map[string]schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{MarkdownDescription: desc, Computed: true, Attributes: attrs}
}

func (carrierSchema) objects(desc string, attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{MarkdownDescription: desc, Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: attrs}}
}
