package provider

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// policyExample is the example that drives a block list from a rule.
const policyExample = "policy-block-list"

// handKeptDOT is the carrier examples/policy-block-list/hand-kept.csv blocks by hand.
const handKeptDOT = emulator.SampleDOTNumber

// TestAccExamples_policyBlockList runs examples/policy-block-list, as it is,
// against a monitored portfolio holding every kind of carrier the emulator
// has: its plan blocks exactly the carriers the rule selects, each with its
// reason, beside the hand-kept one; once applied, the next plan is empty.
// Then one carrier renews its insurance (the emulator's admin change route)
// and the next plan releases exactly the carriers the rule no longer
// selects. The expected carriers and reasons come from MCP's own answers
// (MonitoredCarrierData), judged here by the example's rule.
func TestAccExamples_policyBlockList(t *testing.T) {
	t.Parallel()
	cli := acctest.CLIInfo(t)
	em := acctest.Emulator(t)
	portfolio := policyPortfolio(t, em)
	user, pass := em.Credentials()
	w, err := tfcli.New(t.TempDir(), cli.Path, acctest.ProviderBuild(t),
		"MCP_BASE_URL="+em.URL, "MCP_USERNAME="+user, "MCP_PASSWORD="+pass)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"main.tf", "hand-kept.csv"} {
		b, err := os.ReadFile(filepath.Join(examplesRoot, policyExample, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(w.Dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ctx := t.Context()

	// apply plans, checks that the plan shows the reasons in shown and names
	// the carriers released, applies it, and checks that MCP's block list
	// is then want's carriers.
	apply := func(want, shown map[string]string, released []int) {
		t.Helper()
		pages := acctest.Requests(em, "MonitoredCarrierData")
		res, err := w.Must(ctx, 2, "plan", "-detailed-exitcode", "-input=false", "-no-color", "-out=policy.tfplan")
		if err != nil {
			t.Fatal(err)
		}
		if got := acctest.Requests(em, "MonitoredCarrierData") - pages; got != 1 {
			t.Errorf("the plan read %d pages of MonitoredCarrierData, want 1 (%d monitored carriers)", got, len(portfolio))
		}
		plan := string(res.Output)
		for dot, reason := range shown {
			// Terraform aligns the = of a map's lines.
			line := regexp.MustCompile(regexp.QuoteMeta(strconv.Quote(dot)) + ` += ` + regexp.QuoteMeta(strconv.Quote(reason)) + `\n`)
			if !line.MatchString(plan) {
				t.Errorf("the plan does not show %q = %q:\n%s", dot, reason, plan)
			}
		}
		for _, dot := range released {
			if !strings.Contains(plan, fmt.Sprintf("DOT %d", dot)) || !strings.Contains(plan, "left selected_carriers") {
				t.Errorf("the plan does not name DOT %d as released:\n%s", dot, plan)
			}
		}
		if _, err := w.Must(ctx, 0, "apply", "-input=false", "-no-color", "policy.tfplan"); err != nil {
			t.Fatal(err)
		}
		blocked := slices.Sorted(maps.Keys(want))
		if got := acctest.Listed(em, emulator.BlockedList); !slices.Equal(dotStrings(got), blocked) {
			t.Errorf("MCP's block list is %v, want %v", got, blocked)
		}
		if _, err := w.Must(ctx, 0, "plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
			t.Errorf("after the apply, the plan is not empty: %v", err)
		}
	}

	want := policyVerdicts(t, em)
	if len(want) < 4 {
		t.Fatalf("the rule selects only %v; the portfolio should give it more to do", want)
	}
	want[strconv.Itoa(handKeptDOT)] = "double brokering reported by our claims team (case 2026-118)"
	apply(want, want, nil)

	// Renew the insurance of a carrier blocked for that alone (its risk is
	// unacceptable for the lapse, 1,000 points, and nothing else): the first
	// change cancels its cargo coverage, the second renews every coverage.
	var renewed int
	for _, c := range portfolio {
		if want[strconv.Itoa(c.DOTNumber)] == "insurance expired or cancelled; MCP risk assessment unacceptable (1000 points)" {
			renewed = c.DOTNumber
			break
		}
	}
	if renewed == 0 {
		t.Fatalf("no carrier in %v is blocked for expired insurance alone", want)
	}
	acctest.ChangeOverHTTP(t, em, renewed, "insurance")
	acctest.ChangeOverHTTP(t, em, renewed, "insurance")
	after := policyVerdicts(t, em)
	after[strconv.Itoa(handKeptDOT)] = want[strconv.Itoa(handKeptDOT)]
	if _, still := after[strconv.Itoa(renewed)]; still {
		t.Fatalf("after renewing, DOT %d is still selected: %q", renewed, after[strconv.Itoa(renewed)])
	}
	apply(after, nil, []int{renewed})
}

// policyPortfolio monitors carriers of every kind the emulator has: expired
// insurance, revoked authority, out of service (an intrastate carrier),
// each risk level, and the rest; it returns them.
func policyPortfolio(t *testing.T, em *emulator.Instance) []emulator.CarrierInfo {
	t.Helper()
	kinds := map[string]int{emulator.KindExpiredInsurance: 3, emulator.KindMC: 6, emulator.KindIntrastate: 2,
		emulator.KindBlockedByOthers: 1, emulator.KindFraudRing: 1, emulator.KindFF: 1, emulator.KindMX: 1, emulator.KindIncidents: 1}
	// Where MCP lists intrastate-only carriers without a DOT number, a rule
	// cannot name one by DOT number alone (the example says to keep such a
	// carrier in hand-kept.csv, by its intrastate number), and the
	// portfolio has none.
	noDOT := acctest.VariantOn(em, emulator.VariantListNoDOTIntrastate)
	if noDOT {
		delete(kinds, emulator.KindIntrastate)
	}
	var all []emulator.CarrierInfo
	for kind, n := range kinds {
		for _, c := range acctest.Carriers(t, em, kind, n) {
			if noDOT && c.IntrastateNumber != "" {
				continue
			}
			if !slices.ContainsFunc(all, func(o emulator.CarrierInfo) bool { return o.DOTNumber == c.DOTNumber }) {
				all = append(all, c)
			}
		}
	}
	// One interstate carrier loses its authority; one intrastate carrier is
	// put out of service.
	revoke := slices.IndexFunc(all, func(c emulator.CarrierInfo) bool { return c.DocketNumber != "" })
	acctest.ChangeOverHTTP(t, em, all[revoke].DOTNumber, "authority")
	if oos := slices.IndexFunc(all, func(c emulator.CarrierInfo) bool { return c.IntrastateNumber != "" }); oos >= 0 {
		acctest.ChangeOverHTTP(t, em, all[oos].DOTNumber, "authority")
	}
	if err := em.Monitor(dotsOf(all)...); err != nil {
		t.Fatal(err)
	}
	return all
}

// policyVerdicts applies the example's rule to what MCP's MonitoredCarrierData
// says of each monitored carrier: DOT number -> the reasons, as the
// example joins them. Expired insurance is the emulator's own judgement.
func policyVerdicts(t *testing.T, em *emulator.Instance) map[string]string {
	t.Helper()
	details, err := acctest.Client(t, em).Monitoring.CarrierDataAll(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	expired, err := em.Carriers(emulator.CarrierFilter{Kind: emulator.KindExpiredInsurance})
	if err != nil {
		t.Fatal(err)
	}
	lapsed := map[int]bool{}
	for _, c := range expired {
		lapsed[c.DOTNumber] = true
	}
	out := map[string]string{}
	levels := map[string]bool{}
	for _, d := range details {
		dot, err := strconv.Atoi(d.DotNumber.Value)
		if err != nil {
			t.Fatal(err)
		}
		var why []string
		if a := d.Authority; a != nil && (a.CommonAuthorityRevocation == "Yes" || a.ContractAuthorityRevocation == "Yes" || a.BrokerAuthorityRevocation == "Yes") {
			why = append(why, "operating authority revoked")
		}
		if op := d.Operation; op != nil && op.OutOfService == "Yes" {
			why = append(why, "out of service since "+op.OutOfServiceDate)
		}
		if lapsed[dot] {
			why = append(why, "insurance expired or cancelled")
		}
		if lowAutoLiability(d.CertData, 1_000_000) {
			why = append(why, "auto liability below 1000000")
		}
		if r := d.RiskAssessmentDetails; r != nil {
			levels[r.OverallRating] = true
			if r.OverallRating == "UnacceptableReview" {
				why = append(why, fmt.Sprintf("MCP risk assessment unacceptable (%d points)", r.TotalPoints))
			}
		}
		if len(why) > 0 {
			out[strconv.Itoa(dot)] = strings.Join(why, "; ")
		}
	}
	for _, level := range []string{"Acceptable", "Moderate", "UnacceptableReview"} {
		if !levels[level] {
			t.Errorf("no monitored carrier is rated %s: the portfolio lacks a risk level", level)
		}
	}
	return out
}

// lowAutoLiability reports whether a certificate's Auto coverage is below least.
func lowAutoLiability(cd *mcp.FMCSACertData, least int) bool {
	if cd == nil {
		return false
	}
	for _, cert := range cd.Certificate {
		for _, cv := range cert.Coverage {
			if n, err := strconv.Atoi(strings.ReplaceAll(cv.CoverageLimit, ",", "")); cv.Type == "Auto" && err == nil && n < least {
				return true
			}
		}
	}
	return false
}

func dotStrings(dots []int) []string {
	out := make([]string, len(dots))
	for i, d := range dots {
		out[i] = strconv.Itoa(d)
	}
	slices.Sort(out)
	return out
}
