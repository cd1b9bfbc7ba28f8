package universe

import (
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// TestRiskAssessmentsAddUp: every category's TotalPoints is the sum of its
// infractions and rated by it, the total the sum of the categories, and
// every rating occurs.
func TestRiskAssessmentsAddUp(t *testing.T) {
	t.Parallel()
	u := New(2000, 1, testEpoch)
	ratings := map[string]int{}
	for i := range int32(u.Len()) {
		d := fresh(u, i).RiskAssessment().RiskAssessmentDetails
		total := 0
		for _, cat := range []*mcp.RiskAssessmentDetail{d.Authority, d.Insurance, d.Safety, d.Operation, d.Other} {
			sum := 0
			for _, in := range cat.Infractions {
				sum += in.Points
				if want := map[int]string{pointsMedium: "Medium", pointsReview: "Review"}[in.Points]; in.RiskLevel != want || in.RuleText == "" {
					t.Errorf("carrier %d: infraction %+v", i, in)
				}
			}
			if cat.TotalPoints != sum || cat.OverallRating != categoryRating(sum) {
				t.Errorf("carrier %d: category %d points (%s), infractions sum to %d", i, cat.TotalPoints, cat.OverallRating, sum)
			}
			total += sum
		}
		if d.TotalPoints != total || d.OverallRating != categoryRating(total) {
			t.Errorf("carrier %d: TotalPoints %d (%s), categories sum to %d", i, d.TotalPoints, d.OverallRating, total)
		}
		ratings[d.OverallRating]++
	}
	for _, r := range []string{"Acceptable", "Moderate", "UnacceptableReview"} {
		if ratings[r] == 0 {
			t.Errorf("no carrier rated %s: %v", r, ratings)
		}
	}
}
