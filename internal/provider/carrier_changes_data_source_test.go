package provider

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

const changesAddress = "data.mcp_carrier_changes.test"

func testAccChangesConfig(em *emulator.Instance, args string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf("\ndata \"mcp_carrier_changes\" \"test\" {\n%s\n}\n", args)
}

// changesServed is MCP's change feed for a window, every page.
func changesServed(t *testing.T, em *emulator.Instance, from, to time.Time) *mcp.CarrierChanges {
	t.Helper()
	out, err := acctest.Client(t, em).Monitoring.ChangesAll(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func intOrNull(n int, ok bool) knownvalue.Check {
	if !ok {
		return knownvalue.Null()
	}
	return knownvalue.Int64Exact(int64(n))
}

// expectChangedCarrier is a changed carrier's object as MCP's record says.
func expectChangedCarrier(t *testing.T, c mcp.ChangedCarrier) knownvalue.Check {
	t.Helper()
	d := c.CarrierDetails
	if d == nil || d.DotNumber == nil || d.Identity == nil || d.Authority == nil || d.Operation == nil || d.Safety == nil ||
		d.FMCSAInsurance == nil || d.CertData == nil || d.RiskAssessmentDetails == nil || d.IncidentReports == nil {
		t.Fatalf("MCP serves an incomplete record: %+v", d)
	}
	categories := make([]knownvalue.Check, len(c.ChangeCategories))
	for i, s := range c.ChangeCategories {
		categories[i] = knownvalue.StringExact(s)
	}
	var blobs []knownvalue.Check
	expires, cancelled := "", ""
	for _, cert := range d.CertData.Certificate {
		blobs = append(blobs, knownvalue.StringExact(cert.BlobName))
		for _, cov := range cert.Coverage {
			if expires == "" || cov.ExpirationDate < expires {
				expires = cov.ExpirationDate
			}
			if cov.CancellationDate != "0000-00-00" && (cancelled == "" || cov.CancellationDate < cancelled) {
				cancelled = cov.CancellationDate
			}
		}
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"changed_at":                   timeOrNull(c.ChangeDateTime),
		"change_categories":            knownvalue.ListExact(categories),
		"dot_number":                   knownvalue.StringExact(d.DotNumber.Value),
		"dot_status":                   stringOrNull(d.DotNumber.Status),
		"docket_number":                stringOrNull(d.DocketNumber),
		"legal_name":                   stringOrNull(d.Identity.LegalName),
		"dba_name":                     stringOrNull(d.Identity.DbaName),
		"carrier_type":                 stringOrNull(d.CarrierType),
		"monitored":                    knownvalue.Bool(d.IsMonitored),
		"blocked":                      knownvalue.Bool(d.IsBlocked),
		"operating_status":             stringOrNull(d.Operation.OperatingStatus),
		"out_of_service":               stringOrNull(d.Operation.OutOfService),
		"common_authority":             stringOrNull(d.Authority.CommonAuthority),
		"contract_authority":           stringOrNull(d.Authority.ContractAuthority),
		"broker_authority":             stringOrNull(d.Authority.BrokerAuthority),
		"safety_rating":                stringOrNull(d.Safety.Rating),
		"risk_overall_rating":          stringOrNull(d.RiskAssessmentDetails.OverallRating),
		"risk_total_points":            intOrNull(d.RiskAssessmentDetails.TotalPoints, true),
		"liability_insurance_on_file":  stringOrNull(d.FMCSAInsurance.BipdOnFile),
		"liability_insurance_required": stringOrNull(d.FMCSAInsurance.BipdRequired),
		"cargo_insurance_on_file":      stringOrNull(d.FMCSAInsurance.CargoOnFile),
		"cargo_insurance_required":     stringOrNull(d.FMCSAInsurance.CargoRequired),
		"certificate_status":           stringOrNull(d.CertData.Status),
		"insurance_expiration_date":    stringOrNull(expires),
		"insurance_cancellation_date":  stringOrNull(cancelled),
		"certificate_document_names":   knownvalue.ListExact(blobs),
		"incident_reports":             intOrNull(d.IncidentReports.TotalIncidentReports, true),
		"fraud_incident_reports":       intOrNull(d.IncidentReports.TotalIncidentReportsWithFraud, true),
	})
}

// expectChanges checks the data source against MCP's feed: its counts, and
// every carrier sorted by DOT number.
func expectChanges(t *testing.T, served *mcp.CarrierChanges) []statecheck.StateCheck {
	t.Helper()
	sorted := slices.Clone(served.CarrierList)
	dot := func(c mcp.ChangedCarrier) int { n, _ := strconv.Atoi(c.CarrierDetails.DotNumber.Value); return n }
	slices.SortFunc(sorted, func(a, b mcp.ChangedCarrier) int { return dot(a) - dot(b) })
	carriers := make([]knownvalue.Check, len(sorted))
	for i, c := range sorted {
		carriers[i] = expectChangedCarrier(t, c)
	}
	count := func(attr string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(changesAddress, tfjsonpath.New(attr), knownvalue.Int64Exact(int64(n)))
	}
	return []statecheck.StateCheck{
		count("insurance_change_count", served.InsuranceChangeCount),
		count("fmcsa_change_count", served.FMCSAChangeCount),
		count("risk_assessment_change_count", served.RiskAssessmentChangeCount),
		count("carrier_count", served.CarrierCount),
		statecheck.ExpectKnownValue(changesAddress, tfjsonpath.New("carriers"), knownvalue.ListExact(carriers)),
	}
}

// Changes to monitored carriers in the last minute, with to left out: an
// insurance change (which cancels a coverage) and an authority change. A
// carrier that is not monitored changes too, and MCP leaves it out.
func TestAccCarrierChangesDataSource_basic(t *testing.T) {
	em := acctest.Emulator(t)
	insured := acctest.Carrier(t, em, emulator.KindMC)
	authority := acctest.Carrier(t, em, emulator.KindIntrastate)
	unmonitored := acctest.Carrier(t, em, emulator.KindMC, insured.DOTNumber)
	start := time.Now().UTC().Add(-time.Minute).Truncate(time.Second)
	if err := em.Monitor(insured.DOTNumber, authority.DOTNumber); err != nil {
		t.Fatal(err)
	}
	for _, change := range []struct {
		dot      int
		category emulator.ChangeCategory
	}{
		{insured.DOTNumber, emulator.ChangeInsurance},
		{authority.DOTNumber, emulator.ChangeAuthority},
		{unmonitored.DOTNumber, emulator.ChangeInsurance},
	} {
		if err := em.ChangeCarrier(change.dot, change.category); err != nil {
			t.Fatal(err)
		}
	}
	served := changesServed(t, em, start, time.Now().Add(time.Minute))
	if len(served.CarrierList) != 2 || served.InsuranceChangeCount != 1 {
		t.Fatalf("MCP serves %d changed carriers, %d with insurance changes; want 2 and 1", len(served.CarrierList), served.InsuranceChangeCount)
	}
	cancelled := slices.ContainsFunc(served.CarrierList, func(c mcp.ChangedCarrier) bool {
		return slices.ContainsFunc(c.CarrierDetails.CertData.Certificate[0].Coverage, func(cov mcp.FMCSACoverage) bool {
			return cov.CancellationDate != "0000-00-00"
		})
	})
	if !cancelled {
		t.Fatal("MCP serves no cancelled coverage after an insurance change")
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccChangesConfig(em, fmt.Sprintf("from = %q", start.Format(time.RFC3339))),
			ConfigStateChecks: append(expectChanges(t, served),
				statecheck.ExpectKnownValue(changesAddress, tfjsonpath.New("to"), knownvalue.StringRegexp(wholeSecondRFC3339))),
		}},
	})
}

// More changed carriers than fit on one of MCP's pages (500): every page
// is read, and the counts add up.
func TestAccCarrierChangesDataSource_pages(t *testing.T) {
	em := acctest.Emulator(t)
	carriers := acctest.Carriers(t, em, emulator.KindAll, 620)
	dots := make([]int, len(carriers))
	for i, c := range carriers {
		dots[i] = c.DOTNumber
	}
	start := time.Now().UTC().Add(-time.Minute).Truncate(time.Second)
	if err := em.Monitor(dots...); err != nil {
		t.Fatal(err)
	}
	for i, dot := range dots {
		category := emulator.ChangeRisk
		if i%3 == 0 {
			category = emulator.ChangeInsurance
		}
		if err := em.ChangeCarrier(dot, category); err != nil {
			t.Fatal(err)
		}
	}
	end := time.Now().UTC().Add(time.Minute).Truncate(time.Second)
	served := changesServed(t, em, start, end)
	if len(served.CarrierList) != len(dots) || served.CarrierCount != len(dots) {
		t.Fatalf("MCP serves %d changed carriers (count %d), want %d", len(served.CarrierList), served.CarrierCount, len(dots))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccChangesConfig(em, fmt.Sprintf("from = %q\nto = %q", start.Format(time.RFC3339), end.Format(time.RFC3339))),
			ConfigStateChecks: append(expectChanges(t, served),
				statecheck.ExpectKnownValue(changesAddress, tfjsonpath.New("to"), knownvalue.StringExact(end.Format(time.RFC3339)))),
		}},
	})
}

// A window without changes is an answer, not an error.
func TestAccCarrierChangesDataSource_none(t *testing.T) {
	em := acctest.Emulator(t)
	dot := acctest.Carrier(t, em, emulator.KindMC).DOTNumber
	if err := em.Monitor(dot); err != nil {
		t.Fatal(err)
	}
	if err := em.ChangeCarrier(dot, emulator.ChangeRisk); err != nil {
		t.Fatal(err)
	}
	zero := knownvalue.Int64Exact(0)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccChangesConfig(em, `
  from = "2001-01-01T00:00:00Z"
  to   = "2001-01-01T00:15:00Z"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(changesAddress, tfjsonpath.New("insurance_change_count"), zero),
				statecheck.ExpectKnownValue(changesAddress, tfjsonpath.New("fmcsa_change_count"), zero),
				statecheck.ExpectKnownValue(changesAddress, tfjsonpath.New("risk_assessment_change_count"), zero),
				statecheck.ExpectKnownValue(changesAddress, tfjsonpath.New("carrier_count"), zero),
				statecheck.ExpectKnownValue(changesAddress, tfjsonpath.New("carriers"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccCarrierChangesDataSource_validation(t *testing.T) {
	testAccTimeWindowValidation(t, "mcp_carrier_changes", "CarriersChanges")
}

func TestChangedCarriersFromAPI(t *testing.T) {
	t.Parallel()
	details := func(dot string, coverages ...mcp.FMCSACoverage) *mcp.CarrierDetails {
		return &mcp.CarrierDetails{
			DotNumber: &mcp.DotNumber{Value: dot, Status: "ACTIVE"}, IsMonitored: true,
			CertData: &mcp.FMCSACertData{Status: "OK", Certificate: []mcp.FMCSACertificate{
				{BlobName: "certificate-image/a.pdf", Coverage: coverages},
				{BlobName: "", Coverage: []mcp.FMCSACoverage{{ExpirationDate: "2027-03-01", CancellationDate: "0000-00-00"}}},
			}},
		}
	}
	got := changedCarriersFromAPI([]mcp.ChangedCarrier{
		{ChangeCategories: []string{"Insurance", "RiskAssessment"}, CarrierDetails: details("1000200",
			mcp.FMCSACoverage{ExpirationDate: "2027-01-15", CancellationDate: "0000-00-00"},
			mcp.FMCSACoverage{ExpirationDate: "2026-12-31", CancellationDate: "2026-11-20"},
			mcp.FMCSACoverage{ExpirationDate: "", CancellationDate: "2026-11-02"})},
		{CarrierDetails: nil},
		{CarrierDetails: details("23868")},
		{CarrierDetails: details("999")},
	})
	var dots []string
	for _, c := range got {
		dots = append(dots, c.DOTNumber.ValueString())
	}
	// By DOT number as numbers, a carrier without one last.
	if want := []string{"999", "23868", "1000200", ""}; !slices.Equal(dots, want) {
		t.Fatalf("order %q, want %q", dots, want)
	}
	c := got[2]
	if c.InsuranceExpirationDate.ValueString() != "2026-12-31" || c.InsuranceCancellationDate.ValueString() != "2026-11-02" {
		t.Errorf("insurance dates %s / %s, want the earliest real ones", c.InsuranceExpirationDate, c.InsuranceCancellationDate)
	}
	if len(c.CertificateDocumentNames) != 1 || c.CertificateDocumentNames[0].ValueString() != "certificate-image/a.pdf" {
		t.Errorf("document names %v, want the one non-empty blob name", c.CertificateDocumentNames)
	}
	if len(c.ChangeCategories) != 2 || !c.Monitored.ValueBool() || !c.RiskTotalPoints.IsNull() || !c.LegalName.IsNull() {
		t.Errorf("mapped %+v", c)
	}
	// No coverage dates, no cancellation, no categories: null, null, [].
	if c := got[1]; !c.InsuranceCancellationDate.IsNull() || c.InsuranceExpirationDate.ValueString() != "2027-03-01" ||
		c.ChangeCategories == nil || len(c.ChangeCategories) != 0 {
		t.Errorf("mapped %+v", c)
	}
	// A carrier without its record: everything null but the lists.
	if c := got[3]; !c.DOTNumber.IsNull() || !c.Monitored.IsNull() || !c.CertificateStatus.IsNull() ||
		!c.IncidentReports.IsNull() || c.CertificateDocumentNames == nil {
		t.Errorf("mapped %+v", c)
	}
}
