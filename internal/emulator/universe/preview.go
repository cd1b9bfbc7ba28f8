package universe

import (
	"slices"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// customerID is the emulated MCP customer (the broker calling the API).
const customerID = 4127

// Source values of PreviewCarrier.
const (
	sourceMyCarrierPackets = 2
	sourceFMCSAData        = 3
)

// Preview is the carrier in PreviewCarrier's model.
func (v *Carrier) Preview() mcp.PreviewCarrier {
	id := v.ident()
	risk := v.riskDetails()
	total, fraud := v.incidentCounts()
	status, statusDate := v.status()
	ratings := v.ratings()

	p := mcp.PreviewCarrier{
		CarrierID: 2_000_000 + int(v.i), DotNumber: int(v.c.dot), DocketNumber: v.Docket(),
		CompanyName: id.legalName, DBAName: id.dbaName, Street: id.street, City: id.loc.city, State: id.loc.state,
		ZipCode: id.zip, Country: id.loc.country, Phone: ParenPhone(id.phone),
		Status: status, StatusDate: statusDate,
		PossibleFraud: "No Reports", DoubleBrokering: "No Alerts",
		IncidentReports: &mcp.IncidentReports{TotalIncidentReports: total, TotalIncidentReportsWithFraud: fraud},
		WatchdogReports: "NOACCOUNT",
		CarrierRating: &mcp.CarrierRating{
			CarrierID: 2_000_000 + int(v.i), CustomerID: customerID, TotalRatings: ratings.TotalRatings,
			LowRatings: ratings.LowRatings, RatingValue: ratings.AvgRating,
		},
		RiskAssessment:        riskSummary(risk),
		RiskAssessmentDetails: risk,
		CertData:              v.certificate().previewCertData(),
		Emails:                v.emails(),
		Source:                sourceFMCSAData,
		IsIntrastateCarrier:   v.intrastateOnly(),
		IsMonitored:           v.f.Monitored,
		IsBlocked:             v.f.Blocked,
		FreightValidateStatus: "valid",
	}
	if fraud > 0 {
		p.PossibleFraud = "Reports Found"
	}
	if v.c.ring >= 0 {
		p.FreightValidateStatus = "Review Recommended"
	}
	if v.HasPacket() {
		yes := true
		p.OnCurrentCustomerAgreement = &yes
		p.CarrierRating.HasCompletedPacket = &yes
		p.Source = sourceMyCarrierPackets
	}
	return p
}

// emails are the addresses the guide recommends inviting: MCP users
// authorised for packets (type 1), then the FMCSA census e-mail (type 3).
func (v *Carrier) emails() []mcp.CarrierEmail {
	var out []mcp.CarrierEmail
	for _, c := range v.Contacts() {
		if c.AuthorizedForPackets {
			out = append(out, mcp.CarrierEmail{EmailType: 1, Description: c.FirstName + " " + c.LastName + " (" + c.Title + ")", Email: c.Email})
		}
	}
	fmcsa := v.ident().email
	if !slices.ContainsFunc(out, func(e mcp.CarrierEmail) bool { return e.Email == fmcsa }) {
		out = append(out, mcp.CarrierEmail{EmailType: 3, Description: "FMCSA Email", Email: fmcsa})
	}
	return out
}
