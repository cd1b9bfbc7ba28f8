package universe

import (
	"fmt"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Risk categories, in the order of RiskAssessmentDetails.
const (
	catAuthority = iota
	catInsurance
	catSafety
	catOperation
	catOther
	numCategories
)

// Rule weights: the two levels seen in captured traffic.
const (
	pointsMedium = 250  // RiskLevel "Medium"
	pointsReview = 1000 // RiskLevel "Review"
)

type infraction struct {
	category int
	points   int
	text     string
	output   string
}

// infractions evaluates the emulator's risk rules for a carrier. Every rule
// reads the same facts the other responses show, so a risk assessment never
// contradicts the carrier's details.
func (v *Carrier) infractions() []infraction {
	var out []infraction
	add := func(cat, points int, text, output string) {
		out = append(out, infraction{category: cat, points: points, text: text, output: output})
	}
	if v.authorityRevoked() {
		add(catAuthority, pointsReview, "Carrier does not have active operating authority", "Common authority: Inactive")
	}
	if v.c.has(traitNewAuthority) {
		add(catAuthority, pointsMedium, "Operating authority granted within the last 180 days", "Granted "+v.authGrantDate())
	}
	if lapsed, since, cancelled := v.insuranceLapse(); lapsed {
		if cancelled {
			add(catInsurance, pointsReview, "Cargo insurance cancelled", "Cancelled "+ymd(since))
		} else {
			add(catInsurance, pointsReview, "Certificate of insurance expired", "Expired "+ymd(since))
		}
	}
	if v.c.has(traitLowAutoLimit) {
		add(catInsurance, pointsMedium, "Auto liability coverage below $1,000,000", "750,000")
	}
	f := v.safety()
	for _, b := range []struct {
		basic
		name string
	}{{f.unsafe, "Unsafe Driving"}, {f.hos, "Hours-of-Service Compliance"}, {f.vehMaint, "Vehicle Maintenance"}} {
		if b.alert {
			add(catSafety, pointsMedium, b.name+" BASIC above intervention threshold", fmt.Sprintf("%.1f%%", b.pct))
		}
	}
	if v.outOfService() {
		add(catOperation, pointsReview, "Carrier is out of service", "Out of service since "+ymd(v.f.Authority.At))
	}
	if v.c.has(traitHighOOS) {
		add(catOperation, pointsMedium, "Vehicle out-of-service rate above national average", fmt.Sprintf("%.2f%%", f.vehicleOOSRate()))
	}
	if v.BlockedByOthers() {
		add(catOther, pointsReview, "Carrier blocked by 3 or more companies", "")
	}
	if n, _ := v.incidentCounts(); n > 0 {
		add(catOther, pointsMedium, "Carrier has incident reports on file", fmt.Sprintf("%d incident report(s)", n))
	}
	if v.c.ring >= 0 {
		what := "e-mail address"
		if v.u.rings[v.c.ring].sharesPhone {
			what = "phone number"
		}
		add(catOther, pointsReview, "Contact information shared with other carriers", "Shared "+what)
	}
	return out
}

// BlockedByOthers: the cross-customer block signal; each risk change
// (ChangeCarrier "risk") flips it.
func (v *Carrier) BlockedByOthers() bool {
	return v.c.has(traitBlockedByOthers) != (v.f.Risk.Count%2 == 1)
}

// categoryRating is a category's (or the total's) OverallRating.
func categoryRating(points int) string {
	switch {
	case points == 0:
		return "Acceptable"
	case points < pointsReview:
		return "Moderate"
	default:
		return "UnacceptableReview"
	}
}

// summaryRating is the same judgement in RiskAssessment's words.
func summaryRating(points int) string {
	switch {
	case points == 0:
		return "Acceptable"
	case points < pointsReview:
		return "Moderate"
	default:
		return "Unacceptable"
	}
}

// riskDetails builds RiskAssessmentDetails: each category's TotalPoints is
// the sum of its infractions, the overall TotalPoints the sum of the
// categories. The keys captured traffic never carried (ReviewState,
// ReviewDetails, HasRuleOverride, RuleName, PreReviewScore,
// PreReviewRiskLevel, RuleEnforced) are left out.
func (v *Carrier) riskDetails() *mcp.RiskAssessmentDetails {
	var cats [numCategories]mcp.RiskAssessmentDetail
	for k := range cats {
		cats[k].Infractions = []mcp.RiskAssessmentInfraction{}
	}
	for _, in := range v.infractions() {
		level := "Medium"
		if in.points >= pointsReview {
			level = "Review"
		}
		cats[in.category].Infractions = append(cats[in.category].Infractions, mcp.RiskAssessmentInfraction{
			Points: in.points, RiskLevel: level, RuleText: in.text, RuleOutput: in.output,
		})
		cats[in.category].TotalPoints += in.points
	}
	total := 0
	for k := range cats {
		cats[k].OverallRating = categoryRating(cats[k].TotalPoints)
		total += cats[k].TotalPoints
	}
	return &mcp.RiskAssessmentDetails{
		IsIntrastateCarrier: v.c.kind == kindIntrastate,
		TotalPoints:         total,
		OverallRating:       categoryRating(total),
		Authority:           &cats[catAuthority],
		Insurance:           &cats[catInsurance],
		Safety:              &cats[catSafety],
		Operation:           &cats[catOperation],
		Other:               &cats[catOther],
	}
}

func riskSummary(d *mcp.RiskAssessmentDetails) *mcp.RiskAssessment {
	return &mcp.RiskAssessment{
		Overall:   summaryRating(d.TotalPoints),
		Authority: summaryRating(d.Authority.TotalPoints),
		Insurance: summaryRating(d.Insurance.TotalPoints),
		Safety:    summaryRating(d.Safety.TotalPoints),
		Operation: summaryRating(d.Operation.TotalPoints),
		Other:     summaryRating(d.Other.TotalPoints),
	}
}

// RiskAssessment is the CarrierRiskAssessmentDTO of GetCarrierRiskAssessment
// and GetMonitoredCarriersRiskAssessment.
func (v *Carrier) RiskAssessment() mcp.CarrierRiskAssessment {
	return mcp.CarrierRiskAssessment{DOTNumber: int(v.c.dot), DocketNumber: v.u.Docket(v.i), RiskAssessmentDetails: v.riskDetails()}
}
