package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ datasource.DataSource              = (*carrierRiskAssessmentDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*carrierRiskAssessmentDataSource)(nil)
)

// NewCarrierRiskAssessmentDataSource is mcp_carrier_risk_assessment: MCP's
// Assure Advantage risk assessment of one carrier, every rule that fired.
func NewCarrierRiskAssessmentDataSource() datasource.DataSource {
	return &carrierRiskAssessmentDataSource{}
}

type carrierRiskAssessmentDataSource struct {
	data *providerData
}

// riskCategoryNames are the five categories of MCP's risk assessment, as
// attribute names, in MCP's order.
var riskCategoryNames = []string{"authority", "insurance", "safety", "operation", "other"}

type carrierRiskAssessmentModel struct {
	DOTNumber         types.String       `tfsdk:"dot_number"`
	DocketNumber      types.String       `tfsdk:"docket_number"`
	IntrastateCarrier types.Bool         `tfsdk:"intrastate_carrier"`
	OverallRating     types.String       `tfsdk:"overall_rating"`
	TotalPoints       types.Int64        `tfsdk:"total_points"`
	ReviewState       types.String       `tfsdk:"review_state"`
	Review            *riskReviewModel   `tfsdk:"review"`
	Authority         *riskCategoryModel `tfsdk:"authority"`
	Insurance         *riskCategoryModel `tfsdk:"insurance"`
	Safety            *riskCategoryModel `tfsdk:"safety"`
	Operation         *riskCategoryModel `tfsdk:"operation"`
	Other             *riskCategoryModel `tfsdk:"other"`
}

type riskCategoryModel struct {
	Rating          types.String          `tfsdk:"rating"`
	TotalPoints     types.Int64           `tfsdk:"total_points"`
	HasRuleOverride types.Bool            `tfsdk:"has_rule_override"`
	Infractions     []riskInfractionModel `tfsdk:"infractions"`
}

type riskInfractionModel struct {
	Points             types.Int64  `tfsdk:"points"`
	RiskLevel          types.String `tfsdk:"risk_level"`
	RuleName           types.String `tfsdk:"rule_name"`
	RuleText           types.String `tfsdk:"rule_text"`
	RuleOutput         types.String `tfsdk:"rule_output"`
	PreReviewPoints    types.Int64  `tfsdk:"pre_review_points"`
	PreReviewRiskLevel types.String `tfsdk:"pre_review_risk_level"`
	RuleEnforced       types.Bool   `tfsdk:"rule_enforced"`
}

type riskReviewModel struct {
	ReviewID                 types.Int64  `tfsdk:"review_id"`
	PreReviewOverallRating   types.String `tfsdk:"pre_review_overall_rating"`
	PreReviewAuthorityRating types.String `tfsdk:"pre_review_authority_rating"`
	PreReviewInsuranceRating types.String `tfsdk:"pre_review_insurance_rating"`
	PreReviewSafetyRating    types.String `tfsdk:"pre_review_safety_rating"`
	PreReviewOperationRating types.String `tfsdk:"pre_review_operation_rating"`
	PreReviewOtherRating     types.String `tfsdk:"pre_review_other_rating"`
	ReviewedBy               types.String `tfsdk:"reviewed_by"`
	ReviewedAt               types.String `tfsdk:"reviewed_at"`
	Reason                   types.String `tfsdk:"reason"`
	Note                     types.String `tfsdk:"note"`
	ExpiresAt                types.String `tfsdk:"expires_at"`
}

func (d *carrierRiskAssessmentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier_risk_assessment"
}

// riskRatingsText lists the ratings MCP gives, for descriptions.
const riskRatingsText = "`Acceptable` (no points), `Moderate` (some points, under 1000) or `UnacceptableReview` (1000 points or more)"

func (d *carrierRiskAssessmentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := carrierLookupAttributes()
	attrs["intrastate_carrier"] = computedBool("Whether MCP assesses the carrier as an intrastate-only carrier " +
		"(one without interstate operating authority).")
	attrs["overall_rating"] = computedString("MCP's overall rating of the carrier: " + riskRatingsText + ". " +
		"Refuse carriers with a `precondition` on this value, for example `overall_rating != \"UnacceptableReview\"`.")
	attrs["total_points"] = computedInt64("The carrier's risk points: the sum of the five categories' `total_points`. Zero is the best score.")
	attrs["review_state"] = computedString("Where a manual review of the carrier's assessment stands, as MCP words it; null when MCP reports none.")
	attrs["review"] = computedObject("The manual review that overrode the computed ratings, when MCP reports one; null otherwise.",
		map[string]schema.Attribute{
			"review_id":                   computedInt64("MCP's identifier of the review."),
			"pre_review_overall_rating":   computedString("The overall rating before the review."),
			"pre_review_authority_rating": computedString("The authority rating before the review."),
			"pre_review_insurance_rating": computedString("The insurance rating before the review."),
			"pre_review_safety_rating":    computedString("The safety rating before the review."),
			"pre_review_operation_rating": computedString("The operation rating before the review."),
			"pre_review_other_rating":     computedString("The rating of the other category before the review."),
			"reviewed_by":                 computedString("Who reviewed the assessment."),
			"reviewed_at":                 computedString("When the assessment was reviewed (RFC 3339, UTC)."),
			"reason":                      computedString("Why the assessment was reviewed."),
			"note":                        computedString("The reviewer's note."),
			"expires_at":                  computedString("When the review stops applying (RFC 3339, UTC)."),
		})
	for _, name := range riskCategoryNames {
		attrs[name] = riskCategoryAttribute(name)
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads MCP's Assure Advantage risk assessment of one carrier: the overall rating and points, and per category " +
			"(authority, insurance, safety, operation, other) the rating, the points and every rule that fired. " +
			"Each rule adds points to its category (250 for a `Medium` risk, 1000 for a `Review`); a category's `total_points` is the sum of its " +
			"infractions' points, and the overall `total_points` the sum of the categories. " +
			"A carrier MCP does not know is an error.",
		Attributes: attrs,
	}
}

// riskCategoryAttribute is one of the five categories.
func riskCategoryAttribute(name string) schema.SingleNestedAttribute {
	what := map[string]string{
		"authority": "operating authority (active, revoked, recently granted)",
		"insurance": "insurance (expired or cancelled certificates, low limits)",
		"safety":    "safety (FMCSA BASIC scores above intervention thresholds)",
		"operation": "operation (out-of-service orders and rates)",
		"other":     "everything else: blocked by other MCP customers, incident reports, contact data shared with other carriers",
	}[name]
	return computedObject("The "+name+" category of the assessment: "+what+".", map[string]schema.Attribute{
		"rating":            computedString("The category's rating: " + riskRatingsText + "."),
		"total_points":      computedInt64("The category's risk points: the sum of its infractions' `points`."),
		"has_rule_override": computedBool("Whether a reviewer overrode one of the category's rules; null when MCP does not say."),
		"infractions": computedObjects("Every rule of the category that fired, in MCP's order; empty when none did.",
			map[string]schema.Attribute{
				"points":     computedInt64("The points the rule adds to the category: 250 for a `Medium` risk, 1000 for a `Review`."),
				"risk_level": computedString("The rule's risk level, such as `Medium` or `Review`."),
				"rule_name": computedString("MCP's name of the rule; null when MCP does not send it " +
					"(it is sent only for reviewed assessments, if at all)."),
				"rule_text":   computedString("What the rule says, such as `Carrier blocked by 3 or more companies`."),
				"rule_output": computedString("The fact that made the rule fire, such as `Expired 2025-01-31`; null when MCP gives none."),
				"pre_review_points": computedInt64("The rule's points before a manual review; null unless MCP sends it " +
					"for a reviewed assessment."),
				"pre_review_risk_level": computedString("The rule's risk level before a manual review; null unless MCP sends it " +
					"for a reviewed assessment."),
				"rule_enforced": computedBool("Whether the rule counts after a manual review; null unless MCP sends it " +
					"for a reviewed assessment."),
			}),
	})
}

func (d *carrierRiskAssessmentDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *carrierRiskAssessmentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	args, diags := readCarrierArguments(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	out, err := d.data.client.Carriers.RiskAssessment(ctx, args.lookup)
	if err != nil {
		args.addReadError(&resp.Diagnostics, "risk assessment", err)
		return
	}
	if out.RiskAssessmentDetails == nil {
		resp.Diagnostics.AddError("No risk assessment for "+args.lookup.String(),
			"MCP answered for the carrier but sent no risk assessment details.")
		return
	}
	state := riskAssessmentFromAPI(out)
	state.DOTNumber, state.DocketNumber = args.identity(out.DOTNumber, out.DocketNumber)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// riskAssessmentFromAPI maps MCP's assessment; the caller checked that the
// details are present.
func riskAssessmentFromAPI(in *mcp.CarrierRiskAssessment) carrierRiskAssessmentModel {
	rd := in.RiskAssessmentDetails
	m := carrierRiskAssessmentModel{
		IntrastateCarrier: types.BoolValue(rd.IsIntrastateCarrier),
		OverallRating:     optionalString(rd.OverallRating),
		TotalPoints:       types.Int64Value(int64(rd.TotalPoints)),
		ReviewState:       types.StringNull(),
		Authority:         riskCategoryFromAPI(rd.Authority),
		Insurance:         riskCategoryFromAPI(rd.Insurance),
		Safety:            riskCategoryFromAPI(rd.Safety),
		Operation:         riskCategoryFromAPI(rd.Operation),
		Other:             riskCategoryFromAPI(rd.Other),
	}
	if rd.ReviewState != nil {
		m.ReviewState = optionalString(*rd.ReviewState)
	}
	if r := rd.ReviewDetails; r != nil {
		m.Review = &riskReviewModel{
			ReviewID:                 types.Int64Value(int64(r.ReviewID)),
			PreReviewOverallRating:   optionalString(r.PreReviewOverall),
			PreReviewAuthorityRating: optionalString(r.PreReviewAuthority),
			PreReviewInsuranceRating: optionalString(r.PreReviewInsurance),
			PreReviewSafetyRating:    optionalString(r.PreReviewSafety),
			PreReviewOperationRating: optionalString(r.PreReviewOperation),
			PreReviewOtherRating:     optionalString(r.PreReviewOther),
			ReviewedBy:               optionalString(r.ReviewUser),
			ReviewedAt:               optionalTime(r.ReviewDate.Time),
			Reason:                   optionalString(r.ReviewReason),
			Note:                     optionalString(r.ReviewNote),
			ExpiresAt:                optionalTime(r.ReviewExpirationDate.Time),
		}
	}
	return m
}

// riskCategoryFromAPI maps one category; a category MCP leaves out is null.
func riskCategoryFromAPI(in *mcp.RiskAssessmentDetail) *riskCategoryModel {
	if in == nil {
		return nil
	}
	return &riskCategoryModel{
		Rating:          optionalString(in.OverallRating),
		TotalPoints:     types.Int64Value(int64(in.TotalPoints)),
		HasRuleOverride: types.BoolPointerValue(in.HasRuleOverride),
		Infractions: mapSlice(in.Infractions, func(f mcp.RiskAssessmentInfraction) riskInfractionModel {
			return riskInfractionModel{
				Points:             types.Int64Value(int64(f.Points)),
				RiskLevel:          optionalString(f.RiskLevel),
				RuleName:           stringPointerValue(f.RuleName),
				RuleText:           optionalString(f.RuleText),
				RuleOutput:         optionalString(f.RuleOutput),
				PreReviewPoints:    int64PointerValue(f.PreReviewScore),
				PreReviewRiskLevel: stringPointerValue(f.PreReviewRiskLevel),
				RuleEnforced:       types.BoolPointerValue(f.RuleEnforced),
			}
		}),
	}
}
