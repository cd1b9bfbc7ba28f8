package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Shared by the tests of the carrier-vetting data sources.

// vettingConfig is the emulator's provider block and one data block.
func vettingConfig(em *emulator.Instance, dataSource, args string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf(`
data %[1]q "test" {
  %[2]s
}
`, dataSource, args)
}

// vettingLookupArgs names a carrier by docket number when it has one (the
// data source must then fill in dot_number), else by DOT number.
func vettingLookupArgs(c emulator.CarrierInfo) string {
	if c.DocketNumber != "" {
		return fmt.Sprintf("docket_number = %q", c.DocketNumber)
	}
	return fmt.Sprintf("dot_number = %q", strconv.Itoa(c.DOTNumber))
}

func vettingLookupOf(c emulator.CarrierInfo) mcp.CarrierLookup {
	return mcp.CarrierLookup{DOTNumber: c.DOTNumber, DocketNumber: c.DocketNumber}
}

// vettingIdentityChecks: the identifiers the data source shows.
func vettingIdentityChecks(address string, c emulator.CarrierInfo) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(address, tfjsonpath.New("dot_number"), knownvalue.StringExact(strconv.Itoa(c.DOTNumber))),
		statecheck.ExpectKnownValue(address, tfjsonpath.New("docket_number"), stringOrNull(c.DocketNumber)),
	}
}

func intExact(n int) knownvalue.Check { return knownvalue.Int64Exact(int64(n)) }

// dotOrNull expects a DOT number as a string, or null for none (zero).
func dotOrNull(n int) knownvalue.Check {
	if n == 0 {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(strconv.Itoa(n))
}

// listExactOf is the exact list, built from what MCP served.
func listExactOf[T any](in []T, fn func(T) knownvalue.Check) knownvalue.Check {
	out := make([]knownvalue.Check, len(in))
	for i, v := range in {
		out[i] = fn(v)
	}
	return knownvalue.ListExact(out)
}

// vettingLazy builds its checks when it runs: for expectations that only
// exist once an earlier step or PreConfig has changed what MCP serves.
type vettingLazy func() []statecheck.StateCheck

func (l vettingLazy) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	var errs []error
	for _, c := range l() {
		var r statecheck.CheckStateResponse
		c.CheckState(ctx, req, &r)
		errs = append(errs, r.Error)
	}
	resp.Error = errors.Join(errs...)
}

// testAccVettingLookupErrors: a carrier MCP does not know is an error that
// names it; bad identifiers fail at plan time.
func testAccVettingLookupErrors(t *testing.T, dataSource, what string) {
	em := acctest.Emulator(t)
	steps := []resource.TestStep{
		{
			Config: vettingConfig(em, dataSource, `dot_number = "99999999"`),
			ExpectError: acctest.ErrorMatching("No carrier DOT 99999999",
				"MCP does not know a carrier with DOT 99999999, so it has no "+what+" for it. Check the identifiers."),
		},
		{
			Config:      vettingConfig(em, dataSource, `docket_number = "MC99999999"`),
			ExpectError: acctest.ErrorMatching("No carrier MC99999999", "so it has no "+what+" for it"),
		},
	}
	for _, tc := range []struct {
		args string
		want []string
	}{
		{`dot_number = "0"`, []string{"Invalid dot_number", `"0" is not a USDOT number`}},
		{`dot_number = "12ab"`, []string{"Invalid dot_number", `"12ab" is not a USDOT number`}},
		{`docket_number = "mc113843"`, []string{"Invalid docket_number", `did you mean "MC113843"`}},
		{`docket_number = "XX113843"`, []string{"Invalid docket_number", `"XX113843" is not a docket number`}},
		{``, []string{"At least one attribute out of", "dot_number", "docket_number", "must be specified"}},
	} {
		steps = append(steps, resource.TestStep{
			Config:      vettingConfig(em, dataSource, tc.args),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(tc.want...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return acctest.ExpectNoWrites(em)() },
		Steps:                    steps,
	})
}

// mcp_carrier_risk_assessment.

const riskAddress = "data.mcp_carrier_risk_assessment.test"

// riskServed is what MCP serves for a carrier.
func riskServed(t *testing.T, em *emulator.Instance, c emulator.CarrierInfo) *mcp.CarrierRiskAssessment {
	t.Helper()
	ra, err := acctest.Client(t, em).Carriers.RiskAssessment(context.Background(), vettingLookupOf(c))
	if err != nil {
		t.Fatal(err)
	}
	if ra.RiskAssessmentDetails == nil {
		t.Fatalf("MCP served no risk details for DOT %d", c.DOTNumber)
	}
	return ra
}

// riskChecks expects exactly the assessment MCP served.
func riskChecks(ra *mcp.CarrierRiskAssessment) []statecheck.StateCheck {
	rd := ra.RiskAssessmentDetails
	at := func(name string) tfjsonpath.Path { return tfjsonpath.New(name) }
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(riskAddress, at("overall_rating"), knownvalue.StringExact(rd.OverallRating)),
		statecheck.ExpectKnownValue(riskAddress, at("total_points"), intExact(rd.TotalPoints)),
		statecheck.ExpectKnownValue(riskAddress, at("intrastate_carrier"), knownvalue.Bool(rd.IsIntrastateCarrier)),
		// The emulator, like captured traffic, sends no review keys.
		statecheck.ExpectKnownValue(riskAddress, at("review_state"), knownvalue.Null()),
		statecheck.ExpectKnownValue(riskAddress, at("review"), knownvalue.Null()),
	}
	for name, cat := range map[string]*mcp.RiskAssessmentDetail{
		"authority": rd.Authority, "insurance": rd.Insurance, "safety": rd.Safety, "operation": rd.Operation, "other": rd.Other,
	} {
		checks = append(checks, statecheck.ExpectKnownValue(riskAddress, at(name), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"rating":            knownvalue.StringExact(cat.OverallRating),
			"total_points":      intExact(cat.TotalPoints),
			"has_rule_override": knownvalue.Null(),
			"infractions": listExactOf(cat.Infractions, func(f mcp.RiskAssessmentInfraction) knownvalue.Check {
				return knownvalue.ObjectExact(map[string]knownvalue.Check{
					"points":                intExact(f.Points),
					"risk_level":            knownvalue.StringExact(f.RiskLevel),
					"rule_name":             knownvalue.Null(),
					"rule_text":             knownvalue.StringExact(f.RuleText),
					"rule_output":           stringOrNull(f.RuleOutput),
					"pre_review_points":     knownvalue.Null(),
					"pre_review_risk_level": knownvalue.Null(),
					"rule_enforced":         knownvalue.Null(),
				})
			}),
		})))
	}
	return append(checks, riskPointsAddUp{})
}

// riskPointsAddUp checks the state itself: every category's total is the
// sum of its infractions, the overall total the sum of the categories.
type riskPointsAddUp struct{}

func (riskPointsAddUp) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = errors.New("no state")
		return
	}
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address != riskAddress {
			continue
		}
		num := func(v any) int64 {
			jn, ok := v.(json.Number)
			if !ok {
				resp.Error = fmt.Errorf("%v is not a number", v)
				return 0
			}
			n, err := jn.Int64()
			if err != nil {
				resp.Error = err
			}
			return n
		}
		var sum int64
		for _, name := range riskCategoryNames {
			cat, ok := r.AttributeValues[name].(map[string]any)
			if !ok {
				resp.Error = fmt.Errorf("%s is not an object", name)
				return
			}
			var infractions int64
			list, _ := cat["infractions"].([]any)
			for _, f := range list {
				obj, _ := f.(map[string]any)
				infractions += num(obj["points"])
			}
			if total := num(cat["total_points"]); total != infractions {
				resp.Error = fmt.Errorf("%s.total_points = %d, but its infractions add up to %d", name, total, infractions)
				return
			}
			sum += infractions
		}
		if total := num(r.AttributeValues["total_points"]); total != sum {
			resp.Error = fmt.Errorf("total_points = %d, but the categories add up to %d", total, sum)
		}
		return
	}
	resp.Error = fmt.Errorf("%s not in state", riskAddress)
}

// The sample carrier: an acceptable risk, every category empty.
func TestAccCarrierRiskAssessmentDataSource_sample(t *testing.T) {
	em := acctest.Emulator(t)
	sample := emulator.CarrierInfo{DOTNumber: emulator.SampleDOTNumber, DocketNumber: "MC113843"}
	served := riskServed(t, em, sample)
	if served.RiskAssessmentDetails.OverallRating != "Acceptable" {
		t.Fatalf("the emulator's sample carrier is rated %q, want Acceptable", served.RiskAssessmentDetails.OverallRating)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            vettingConfig(em, "mcp_carrier_risk_assessment", `dot_number = "23868"`),
			ConfigStateChecks: append(vettingIdentityChecks(riskAddress, sample), riskChecks(served)...),
		}},
	})
}

// A carrier that three or more other MCP customers blocked: the rule fires
// in the "other" category with 1000 points, and the data source shows it
// and every other infraction exactly as MCP serves them.
func TestAccCarrierRiskAssessmentDataSource_blockedByOthers(t *testing.T) {
	em := acctest.Emulator(t)
	carrier := acctest.Carrier(t, em, emulator.KindBlockedByOthers)
	served := riskServed(t, em, carrier)
	var fired bool
	for _, f := range served.RiskAssessmentDetails.Other.Infractions {
		fired = fired || (f.RuleText == "Carrier blocked by 3 or more companies" && f.Points == 1000 && f.RiskLevel == "Review")
	}
	if !fired || served.RiskAssessmentDetails.OverallRating != "UnacceptableReview" {
		t.Fatalf("the emulator serves no 'blocked by 3 or more companies' rule for DOT %d: %+v", carrier.DOTNumber, served.RiskAssessmentDetails)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            vettingConfig(em, "mcp_carrier_risk_assessment", vettingLookupArgs(carrier)),
			ConfigStateChecks: append(vettingIdentityChecks(riskAddress, carrier), riskChecks(served)...),
		}},
	})
}

// testAccRiskGateConfig monitors a carrier only if MCP's overall rating is
// not UnacceptableReview.
func testAccRiskGateConfig(em *emulator.Instance, dot int) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf(`
data "mcp_carrier_risk_assessment" "test" {
  dot_number = %[1]q
}

resource "mcp_monitored_carrier" "test" {
  dot_number = data.mcp_carrier_risk_assessment.test.dot_number

  lifecycle {
    precondition {
      condition     = data.mcp_carrier_risk_assessment.test.overall_rating != "UnacceptableReview"
      error_message = "MCP rates DOT ${data.mcp_carrier_risk_assessment.test.dot_number} UnacceptableReview (${data.mcp_carrier_risk_assessment.test.total_points} points); not monitoring it."
    }
  }
}
`, strconv.Itoa(dot))
}

// A precondition on overall_rating refuses a risky carrier before anything
// is written, and lets an acceptable one through.
func TestAccCarrierRiskAssessmentDataSource_precondition(t *testing.T) {
	em := acctest.Emulator(t)
	risky := acctest.Carrier(t, em, emulator.KindBlockedByOthers)
	points := riskServed(t, em, risky).RiskAssessmentDetails.TotalPoints
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             func(*terraform.State) error { return acctest.ExpectListed(em, emulator.MonitoredList)() },
		Steps: []resource.TestStep{
			{
				Config: testAccRiskGateConfig(em, risky.DOTNumber),
				ExpectError: acctest.ErrorMatching("Resource precondition failed",
					fmt.Sprintf("MCP rates DOT %d UnacceptableReview (%d points); not monitoring it.", risky.DOTNumber, points)),
			},
			{
				PreConfig: func() {
					if err := acctest.ExpectNoWrites(em)(); err != nil {
						t.Fatal(err)
					}
				},
				Config:            testAccRiskGateConfig(em, emulator.SampleDOTNumber),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Check(acctest.ExpectListed(em, emulator.MonitoredList, emulator.SampleDOTNumber))},
			},
		},
	})
}

func TestAccCarrierRiskAssessmentDataSource_lookupErrors(t *testing.T) {
	testAccVettingLookupErrors(t, "mcp_carrier_risk_assessment", "risk assessment")
}

// The keys only a reviewed assessment carries map when MCP sends them, and
// are null when it leaves them out.
func TestRiskAssessmentFromAPI(t *testing.T) {
	t.Parallel()
	name, level, state := "BlockedByOthers", "Review", "Reviewed"
	score, enforced, override := 1000, false, true
	reviewed, _ := mcp.ParseTime("2025-07-22T12:18:46.6299792")
	in := &mcp.CarrierRiskAssessment{DOTNumber: 23868, RiskAssessmentDetails: &mcp.RiskAssessmentDetails{
		TotalPoints: 0, OverallRating: "Acceptable", ReviewState: &state,
		ReviewDetails: &mcp.ReviewDetails{ReviewID: 7, PreReviewOverall: "UnacceptableReview", ReviewUser: "jane", ReviewDate: reviewed},
		Other: &mcp.RiskAssessmentDetail{OverallRating: "Acceptable", HasRuleOverride: &override, Infractions: []mcp.RiskAssessmentInfraction{{
			Points: 0, RuleName: &name, RiskLevel: "Low", RuleText: "Carrier blocked by 3 or more companies",
			PreReviewScore: &score, PreReviewRiskLevel: &level, RuleEnforced: &enforced,
		}}},
		Safety: &mcp.RiskAssessmentDetail{OverallRating: "Acceptable"}, // Infractions: null
	}}
	got := riskAssessmentFromAPI(in)
	if got.ReviewState != types.StringValue("Reviewed") || got.Review == nil || got.Review.ReviewID != types.Int64Value(7) ||
		got.Review.ReviewedAt != types.StringValue("2025-07-22T12:18:46Z") || !got.Review.Reason.IsNull() {
		t.Errorf("review: %+v %+v", got.ReviewState, got.Review)
	}
	if got.Authority != nil {
		t.Errorf("a category MCP left out: %+v, want nil (null)", got.Authority)
	}
	if got.Safety.Infractions == nil || len(got.Safety.Infractions) != 0 {
		t.Errorf("null infractions = %#v, want an empty list", got.Safety.Infractions)
	}
	f := got.Other.Infractions[0]
	if got.Other.HasRuleOverride != types.BoolValue(true) || f.RuleName != types.StringValue(name) ||
		f.PreReviewPoints != types.Int64Value(1000) || f.PreReviewRiskLevel != types.StringValue(level) ||
		f.RuleEnforced != types.BoolValue(false) || !f.RuleOutput.IsNull() {
		t.Errorf("reviewed infraction: %+v", f)
	}
	plain := riskCategoryFromAPI(&mcp.RiskAssessmentDetail{Infractions: []mcp.RiskAssessmentInfraction{{Points: 250, RiskLevel: "Medium"}}})
	if p := plain.Infractions[0]; !p.RuleName.IsNull() || !p.PreReviewPoints.IsNull() || !p.RuleEnforced.IsNull() || !plain.HasRuleOverride.IsNull() {
		t.Errorf("keys MCP left out must be null: %+v %+v", plain, p)
	}
}

// TestVettingDataSourceSchemasAreValid runs the framework's own schema
// checks (reserved names such as count, nesting rules), which otherwise
// only the CLI would report.
func TestVettingDataSourceSchemasAreValid(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, newDataSource := range []func() datasource.DataSource{
		NewCarrierRiskAssessmentDataSource, NewAssociatedCarriersDataSource, NewCarrierContactsDataSource,
		NewCarrierIncidentReportsDataSource, NewCarrierVINVerificationsDataSource,
	} {
		d := newDataSource()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "mcp"}, &md)
		var s datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &s)
		if diags := s.Schema.ValidateImplementation(ctx); diags.HasError() {
			t.Errorf("%s: %v", md.TypeName, diags)
		}
	}
}
