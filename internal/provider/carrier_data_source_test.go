package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

const carrierAddress = "data.mcp_carrier.test"

// carrierTestConfig is the emulator's provider block and one mcp_carrier.
func carrierTestConfig(em *emulator.Instance, args string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf(`
data "mcp_carrier" "test" {
  %s
}
`, args)
}

// carrierServed asks the emulator, through the real client, what MCP serves
// for a carrier: the expectations of the tests.
type carrierServed struct {
	t      *testing.T
	client *mcp.Client
}

func newCarrierServed(t *testing.T, em *emulator.Instance) carrierServed {
	t.Helper()
	return carrierServed{t: t, client: acctest.Client(t, em)}
}

func (s carrierServed) preview(dot int) *mcp.PreviewCarrier {
	s.t.Helper()
	p, err := s.client.Carriers.Preview(context.Background(), mcp.CarrierLookup{DOTNumber: dot})
	if err != nil {
		s.t.Fatal(err)
	}
	return p
}

func (s carrierServed) data(dot int) *mcp.CarrierData {
	s.t.Helper()
	d, err := s.client.Carriers.Data(context.Background(), mcp.CarrierLookup{DOTNumber: dot})
	if err != nil {
		s.t.Fatal(err)
	}
	return d
}

func carrierAttr(root string, steps ...any) tfjsonpath.Path {
	p := tfjsonpath.New(root)
	for _, s := range steps {
		switch s := s.(type) {
		case string:
			p = p.AtMapKey(s)
		case int:
			p = p.AtSliceIndex(s)
		}
	}
	return p
}

// expectCarrier checks the attribute at root and the map keys (strings) and
// list indexes (ints) below it.
func expectCarrier(check knownvalue.Check, root string, steps ...any) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(carrierAddress, carrierAttr(root, steps...), check)
}

// carrierKVText is MCP's text as the data source shows it: empty is null.
func carrierKVText(s string) knownvalue.Check {
	if s == "" {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(s)
}

func carrierKVStrings(values []string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

// servedRecommended is the test's own reading of the address to invite: the
// first MCP user's, else the first company address, else the FMCSA one.
func servedRecommended(emails []mcp.CarrierEmail) string {
	for _, kind := range []int{1, 2, 3} {
		for _, e := range emails {
			if e.EmailType == kind {
				return e.Email
			}
		}
	}
	return ""
}

func carrierRFC3339(t mcp.Time) string { return t.UTC().Format(time.RFC3339) }

// carrierServedExpired is what the test expects of a served coverage, by its own
// reading of the dates.
func carrierServedExpired(cv mcp.Coverage) bool {
	today := time.Now().UTC().Format(time.DateOnly)
	cancelled := cv.CancellationDate != "" && cv.CancellationDate <= today
	return cancelled || cv.ExpirationDate < today
}

func TestAccCarrierDataSource_sample(t *testing.T) {
	em := acctest.Emulator(t)
	p := newCarrierServed(t, em).preview(emulator.SampleDOTNumber)
	cert := p.CertData.Certificates[0]
	cov := cert.Coverages[0]
	limit, err := strconv.ParseInt(strings.ReplaceAll(cov.CoverageLimit, ",", ""), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	emails := make([]knownvalue.Check, len(p.Emails))
	for i, e := range p.Emails {
		typ := map[int]string{1: "mcp", 2: "company", 3: "fmcsa"}[e.EmailType]
		emails[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"email": knownvalue.StringExact(e.Email), "type": knownvalue.StringExact(typ), "description": carrierKVText(e.Description),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: carrierTestConfig(em, `dot_number = "23868"
  docket_number = "MC113843"`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectCarrier(knownvalue.StringExact("23868"), "dot_number"),
				expectCarrier(knownvalue.StringExact("MC113843"), "docket_number"),
				expectCarrier(knownvalue.StringExact(emulator.SampleLegalName), "legal_name"),
				expectCarrier(knownvalue.StringExact(p.CompanyName), "legal_name"),
				expectCarrier(carrierKVText(p.DBAName), "dba_name"),
				expectCarrier(knownvalue.Int64Exact(int64(p.CarrierID)), "mcp_carrier_id"),
				expectCarrier(knownvalue.StringExact(p.Status), "status"),
				expectCarrier(knownvalue.Null(), "status_date"),
				expectCarrier(knownvalue.Bool(false), "intrastate"),
				expectCarrier(knownvalue.StringExact("FMCSAData"), "record_source"),
				expectCarrier(knownvalue.Bool(false), "include_packet"),
				expectCarrier(knownvalue.Null(), "packet"),
				expectCarrier(knownvalue.ObjectExact(map[string]knownvalue.Check{
					"street": carrierKVText(p.Street), "city": carrierKVText(p.City), "state": carrierKVText(p.State),
					"zip_code": carrierKVText(p.ZipCode), "country": carrierKVText(p.Country),
				}), "address"),
				expectCarrier(knownvalue.StringExact(p.Phone), "phone"),
				expectCarrier(knownvalue.ListExact(emails), "emails"),
				expectCarrier(knownvalue.StringExact(servedRecommended(p.Emails)), "recommended_email"),
				expectCarrier(knownvalue.Bool(false), "monitored"),
				expectCarrier(knownvalue.Bool(false), "blocked"),
				expectCarrier(knownvalue.Null(), "on_current_agreement"),
				expectCarrier(knownvalue.ObjectExact(map[string]knownvalue.Check{
					"possible_fraud":              knownvalue.StringExact(p.PossibleFraud),
					"double_brokering":            knownvalue.StringExact(p.DoubleBrokering),
					"incident_reports":            knownvalue.Int64Exact(int64(p.IncidentReports.TotalIncidentReports)),
					"incident_reports_with_fraud": knownvalue.Int64Exact(int64(p.IncidentReports.TotalIncidentReportsWithFraud)),
					"freight_validate_status":     knownvalue.StringExact(p.FreightValidateStatus),
					"watchdog_reports":            carrierKVText(p.WatchdogReports),
				}), "fraud_signals"),
				expectCarrier(knownvalue.ObjectExact(map[string]knownvalue.Check{
					"overall":        knownvalue.StringExact(p.RiskAssessment.Overall),
					"authority":      knownvalue.StringExact(p.RiskAssessment.Authority),
					"insurance":      knownvalue.StringExact(p.RiskAssessment.Insurance),
					"safety":         knownvalue.StringExact(p.RiskAssessment.Safety),
					"operation":      knownvalue.StringExact(p.RiskAssessment.Operation),
					"other":          knownvalue.StringExact(p.RiskAssessment.Other),
					"total_points":   knownvalue.Int64Exact(int64(p.RiskAssessmentDetails.TotalPoints)),
					"overall_rating": knownvalue.StringExact(p.RiskAssessmentDetails.OverallRating),
				}), "risk_assessment"),
				expectCarrier(knownvalue.Float64Exact(p.CarrierRating.RatingValue), "rating", "average"),
				expectCarrier(knownvalue.Int64Exact(int64(p.CarrierRating.TotalRatings)), "rating", "total_ratings"),
				expectCarrier(knownvalue.StringExact(p.CertData.Status), "insurance", "certificate_status"),
				expectCarrier(knownvalue.ListSizeExact(len(p.CertData.Certificates)), "insurance", "certificates"),
				expectCarrier(knownvalue.StringExact(cert.CertificateID), "insurance", "certificates", 0, "certificate_id"),
				expectCarrier(knownvalue.StringExact(cert.ProducerName), "insurance", "certificates", 0, "producer", "name"),
				expectCarrier(knownvalue.StringExact(cert.ProducerEmail), "insurance", "certificates", 0, "producer", "email"),
				expectCarrier(knownvalue.ListSizeExact(len(cert.Coverages)), "insurance", "certificates", 0, "coverages"),
				expectCarrier(knownvalue.ObjectExact(map[string]knownvalue.Check{
					"insurer":                     knownvalue.StringExact(cov.InsurerName),
					"type":                        knownvalue.StringExact(cov.Type),
					"policy_number":               knownvalue.StringExact(cov.PolicyNumber),
					"expiration_date":             knownvalue.StringExact(cov.ExpirationDate),
					"cancellation_date":           carrierKVText(cov.CancellationDate),
					"limit":                       knownvalue.StringExact(cov.CoverageLimit),
					"limit_amount":                knownvalue.Int64Exact(limit),
					"deductible":                  carrierKVText(cov.Deductible),
					"reefer_breakdown":            knownvalue.Bool(cov.ReferBreakdown == "Yes"),
					"reefer_breakdown_deductible": carrierKVText(cov.ReferBreakDeduct),
					"expired":                     knownvalue.Bool(carrierServedExpired(cov)),
				}), "insurance", "certificates", 0, "coverages", 0),
				expectCarrier(knownvalue.Bool(false), "insurance_expired"),
			},
		}},
	})
}

// Looked up by DOT number only, the docket fills in; by docket only, the
// DOT number does.
func TestAccCarrierDataSource_dotOnly(t *testing.T) {
	em := acctest.Emulator(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: carrierTestConfig(em, `dot_number = 23868`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectCarrier(knownvalue.StringExact("23868"), "dot_number"),
				expectCarrier(knownvalue.StringExact(emulator.SampleDocketNumber), "docket_number"),
				expectCarrier(knownvalue.StringExact(emulator.SampleLegalName), "legal_name"),
			},
		}},
	})
}

func TestAccCarrierDataSource_docketOnly(t *testing.T) {
	em := acctest.Emulator(t)
	ff := acctest.Carrier(t, em, emulator.KindFF)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: carrierTestConfig(em, fmt.Sprintf(`docket_number = %q`, ff.DocketNumber)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectCarrier(knownvalue.StringExact(strconv.Itoa(ff.DOTNumber)), "dot_number"),
				expectCarrier(knownvalue.StringExact(ff.DocketNumber), "docket_number"),
				expectCarrier(knownvalue.StringExact(ff.LegalName), "legal_name"),
				expectCarrier(knownvalue.StringExact(ff.Phone), "phone"),
			},
		}},
	})
}

func TestAccCarrierDataSource_expiredInsurance(t *testing.T) {
	em := acctest.Emulator(t)
	c := acctest.Carrier(t, em, emulator.KindExpiredInsurance)
	p := newCarrierServed(t, em).preview(c.DOTNumber)
	var checks []statecheck.StateCheck
	expired := 0
	for i, cert := range p.CertData.Certificates {
		for j, cv := range cert.Coverages {
			if carrierServedExpired(cv) {
				expired++
			}
			checks = append(checks,
				expectCarrier(knownvalue.Bool(carrierServedExpired(cv)), "insurance", "certificates", i, "coverages", j, "expired"),
				expectCarrier(knownvalue.StringExact(cv.ExpirationDate), "insurance", "certificates", i, "coverages", j, "expiration_date"))
		}
	}
	if expired == 0 {
		t.Fatalf("carrier %d of kind %q serves no expired coverage: %+v", c.DOTNumber, emulator.KindExpiredInsurance, p.CertData)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            carrierTestConfig(em, fmt.Sprintf(`dot_number = "%d"`, c.DOTNumber)),
			ConfigStateChecks: append(checks, expectCarrier(knownvalue.Bool(true), "insurance_expired")),
		}},
	})
}

// A coverage cancelled in MCP counts as expired from its cancellation date,
// though its expiration date is still ahead.
func TestAccCarrierDataSource_cancelledCoverage(t *testing.T) {
	em := acctest.Emulator(t)
	served := newCarrierServed(t, em)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            carrierTestConfig(em, `dot_number = "23868"`),
				ConfigStateChecks: []statecheck.StateCheck{expectCarrier(knownvalue.Bool(false), "insurance_expired")},
			},
			{
				PreConfig: func() {
					if err := em.ChangeCarrier(emulator.SampleDOTNumber, emulator.ChangeInsurance); err != nil {
						t.Fatal(err)
					}
				},
				Config: carrierTestConfig(em, `dot_number = "23868"`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Check(func() error {
						cv := served.preview(emulator.SampleDOTNumber).CertData.Certificates[0].Coverages[1]
						if cv.CancellationDate == "" || cv.ExpirationDate <= cv.CancellationDate {
							return fmt.Errorf("the emulator serves no cancellation before expiry: %+v", cv)
						}
						return nil
					}),
					expectCarrier(knownvalue.StringExact(time.Now().UTC().Format(time.DateOnly)), "insurance", "certificates", 0, "coverages", 1, "cancellation_date"),
					expectCarrier(knownvalue.Bool(true), "insurance", "certificates", 0, "coverages", 1, "expired"),
					expectCarrier(knownvalue.Bool(true), "insurance_expired"),
				},
			},
		},
	})
}

func TestAccCarrierDataSource_intrastate(t *testing.T) {
	em := acctest.Emulator(t)
	c := acctest.Carrier(t, em, emulator.KindIntrastate)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: carrierTestConfig(em, fmt.Sprintf(`dot_number = "%d"`, c.DOTNumber)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectCarrier(knownvalue.StringExact(strconv.Itoa(c.DOTNumber)), "dot_number"),
				expectCarrier(knownvalue.Null(), "docket_number"),
				expectCarrier(knownvalue.Bool(true), "intrastate"),
				expectCarrier(knownvalue.StringExact(c.LegalName), "legal_name"),
			},
		}},
	})
}

// The flags follow the customer's lists as they change in the portal.
func TestAccCarrierDataSource_monitoredBlocked(t *testing.T) {
	em := acctest.Emulator(t)
	c := acctest.Carrier(t, em, emulator.KindMC)
	config := carrierTestConfig(em, fmt.Sprintf(`dot_number = "%d"`, c.DOTNumber))
	flags := func(monitored, blocked bool) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			expectCarrier(knownvalue.Bool(monitored), "monitored"),
			expectCarrier(knownvalue.Bool(blocked), "blocked"),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, ConfigStateChecks: flags(false, false)},
			{
				PreConfig: func() {
					if err := em.Monitor(c.DOTNumber); err != nil {
						t.Fatal(err)
					}
				},
				Config: config, ConfigStateChecks: flags(true, false),
			},
			{
				PreConfig: func() {
					if err := em.Block(c.DOTNumber); err != nil {
						t.Fatal(err)
					}
				},
				Config: config, ConfigStateChecks: flags(true, true),
			},
			{
				PreConfig: func() {
					if err := em.Unmonitor(c.DOTNumber); err != nil {
						t.Fatal(err)
					}
				},
				Config: config, ConfigStateChecks: flags(false, true),
			},
		},
	})
}

// carrierServedDocuments are the blob names GetCarrierData serves, by group.
func carrierServedDocuments(d *mcp.CarrierData) (coi, w9, signed, customer []string) {
	for _, r := range d.AssureAdvantage {
		for _, c := range r.CarrierDetails.CertData.Certificate {
			coi = append(coi, c.BlobName)
		}
	}
	if d.CarrierPacket == nil {
		return coi, nil, nil, nil
	}
	for _, w := range d.CarrierW9Forms {
		for _, img := range w.CarrierW9FormImages {
			w9 = append(w9, img.BlobName)
		}
	}
	for _, a := range d.CarrierCustomerAgreements {
		for _, img := range a.CarrierCustomerAgreementImages {
			signed = append(signed, img.BlobName)
		}
		customer = append(customer, a.CustomerAgreement.BlobName)
	}
	return coi, w9, signed, customer
}

func TestAccCarrierDataSource_packet(t *testing.T) {
	em := acctest.Emulator(t)
	c := acctest.Carrier(t, em, emulator.KindPacket)
	served := newCarrierServed(t, em)
	d := served.data(c.DOTNumber)
	if d.CarrierPacket == nil {
		t.Fatalf("carrier %d of kind %q serves no packet", c.DOTNumber, emulator.KindPacket)
	}
	p := served.preview(c.DOTNumber)
	coi, w9, signed, customer := carrierServedDocuments(d)
	agreement := d.CarrierCustomerAgreements[0]
	w9Form := d.CarrierW9Forms[0]
	pi := d.CarrierPaymentInfo
	// The truck types the emulator may set, in MCP's order.
	tt := d.CarrierTruckType
	var truckTypes []string
	for _, t := range []struct {
		name string
		set  bool
	}{{"Flatbed", tt.Flatbed}, {"HazmatTanker", tt.HazmatTanker}, {"PowerOnly", tt.PowerOnly}, {"Reefer", tt.Reefer}, {"StepDeck", tt.StepDeck}, {"Van", tt.Van}} {
		if t.set {
			truckTypes = append(truckTypes, t.name)
		}
	}

	checks := []statecheck.StateCheck{
		expectCarrier(knownvalue.Bool(true), "include_packet"),
		expectCarrier(knownvalue.StringExact("Completed"), "status"),
		expectCarrier(knownvalue.StringExact(carrierRFC3339(p.StatusDate)), "status_date"),
		expectCarrier(knownvalue.StringExact(p.CompanyName), "legal_name"),
		expectCarrier(knownvalue.Bool(true), "on_current_agreement"),
		expectCarrier(knownvalue.Bool(true), "packet", "completed"),
		expectCarrier(knownvalue.StringExact(d.CarrierCustomerPacketStatuses[0].CarrierPacketStatus), "packet", "status"),
		expectCarrier(knownvalue.StringExact(carrierRFC3339(agreement.SignatureDate)), "packet", "completed_at"),
		expectCarrier(knownvalue.StringExact(carrierRFC3339(d.CreatedDateTime)), "packet", "created_at"),
		expectCarrier(knownvalue.StringExact(carrierRFC3339(d.ModifiedDateTime)), "packet", "last_modified_at"),
		expectCarrier(knownvalue.ObjectExact(map[string]knownvalue.Check{
			"certificates_of_insurance": carrierKVStrings(coi),
			"w9_forms":                  carrierKVStrings(w9),
			"signed_agreements":         carrierKVStrings(signed),
			"customer_agreements":       carrierKVStrings(customer),
		}), "packet", "documents"),
		expectCarrier(knownvalue.ListSizeExact(1), "packet", "documents", "certificates_of_insurance"),
		expectCarrier(knownvalue.ListSizeExact(1), "packet", "documents", "w9_forms"),
		expectCarrier(knownvalue.ListSizeExact(1), "packet", "documents", "signed_agreements"),
		expectCarrier(knownvalue.StringExact(agreement.CustomerAgreement.AgreementName), "packet", "agreements", 0, "name"),
		expectCarrier(knownvalue.StringExact(agreement.SignaturePerson), "packet", "agreements", 0, "signed_by", "name"),
		expectCarrier(knownvalue.StringExact(agreement.IPAddress), "packet", "agreements", 0, "ip_address"),
		expectCarrier(carrierKVStrings(signed), "packet", "agreements", 0, "blob_names"),
		expectCarrier(knownvalue.StringExact(d.SCAC), "packet", "company", "scac"),
		expectCarrier(knownvalue.StringExact(d.Email), "packet", "company", "email"),
		expectCarrier(knownvalue.StringExact(d.OwnerContactName), "packet", "contacts", "owner", "name"),
		expectCarrier(knownvalue.StringExact(d.ClaimsContactEmail), "packet", "contacts", "claims", "email"),
		expectCarrier(knownvalue.StringExact(d.OperationManagerName), "packet", "contacts", "operations_manager", "name"),
		expectCarrier(knownvalue.StringExact(d.AfterHrsWkDaySupportFrom), "packet", "contacts", "after_hours_weekdays", "from"),
		expectCarrier(knownvalue.ListSizeExact(len(d.CarrierDispatchers)), "packet", "contacts", "dispatchers"),
		expectCarrier(knownvalue.StringExact(d.CarrierPayerType.Name), "packet", "payment", "payer_type"),
		expectCarrier(knownvalue.StringExact(pi.RemitCurrency), "packet", "payment", "currency"),
		expectCarrier(knownvalue.StringExact(d.CarrierPaymentTerms[0].PaymentTerm.Term), "packet", "payment", "terms", 0, "term"),
		expectCarrier(knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(d.CarrierPaymentTypes[0].PaymentType.PaymentType.Name)}), "packet", "payment", "methods"),
		expectCarrier(knownvalue.StringExact(d.CarrierRemit.CarrierRemitCity), "packet", "payment", "remit_to", "city"),
		expectCarrier(carrierKVStrings(truckTypes), "packet", "equipment", "truck_types"),
		expectCarrier(knownvalue.MapPartial(map[string]knownvalue.Check{"Van": knownvalue.Int64Exact(int64(d.CarrierTruckType.VanCount))}), "packet", "equipment", "truck_type_counts"),
		expectCarrier(knownvalue.Int64Exact(int64(d.CarrierOperationalDetail.TotalPowerUnits)), "packet", "equipment", "power_units"),
		expectCarrier(knownvalue.Int64Exact(int64(d.CarrierOperationalDetail.InterstateAndIntrastateDrivers)), "packet", "drivers", "total"),
		expectCarrier(knownvalue.ListSizeExact(len(d.CarrierDrivers)), "packet", "drivers", "roster"),
		expectCarrier(knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringExact("GeneralFreight")}), "packet", "cargo_hauled"),
		expectCarrier(knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringExact("UnitedStates")}), "packet", "lanes"),
		expectCarrier(knownvalue.StringExact(d.CarrierELDProvider.ProviderName), "packet", "eld_provider", "provider_name"),
		expectCarrier(knownvalue.StringExact(d.CarrierTINMatchings[0].MatchingResult), "packet", "tin_matching", 0, "result"),
		expectCarrier(knownvalue.StringExact(w9Form.EIN), "packet", "w9_forms", 0, "ein"),
		expectCarrier(knownvalue.Null(), "packet", "w9_forms", 0, "ssn"),
		expectCarrier(knownvalue.StringExact(w9Form.BusinessName), "packet", "w9_forms", 0, "business_name"),
		expectCarrier(carrierKVStrings(w9), "packet", "w9_forms", 0, "blob_names"),
		expectCarrier(knownvalue.Bool(d.BrokerOutExtraFreight), "packet", "brokers_out_extra_freight"),
	}
	if f := d.FactoringRemit; f != nil {
		checks = append(checks,
			expectCarrier(knownvalue.Int64Exact(int64(f.FactoringCompanyID)), "packet", "payment", "factoring", "company_id"),
			expectCarrier(knownvalue.StringExact(f.FactoringCompanyName), "packet", "payment", "factoring", "company_name"),
			expectCarrier(knownvalue.StringExact(f.BankAccountNumber), "packet", "payment", "factoring", "bank_account_number"),
			expectCarrier(knownvalue.Null(), "packet", "payment", "bank"))
	} else {
		checks = append(checks,
			expectCarrier(knownvalue.Null(), "packet", "payment", "factoring"),
			expectCarrier(knownvalue.StringExact(d.CarrierBank.CarrierBankRoutingNumber), "packet", "payment", "bank", "routing_number"),
			expectCarrier(knownvalue.StringExact(d.CarrierBank.CarrierBankAccountNumber), "packet", "payment", "bank", "account_number"))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            carrierTestConfig(em, fmt.Sprintf("dot_number = \"%d\"\n  include_packet = true", c.DOTNumber)),
			ConfigStateChecks: checks,
		}},
	})
}

// Without a packet the data source reads fine: completed is false, only the
// certificates of insurance are known. When the carrier completes the
// packet, the next read shows it.
func TestAccCarrierDataSource_packetAbsent(t *testing.T) {
	em := acctest.Emulator(t)
	served := newCarrierServed(t, em)
	d := served.data(emulator.SampleDOTNumber)
	if d.CarrierPacket != nil {
		t.Fatal("the sample carrier serves a packet")
	}
	coi, _, _, _ := carrierServedDocuments(d)
	config := carrierTestConfig(em, `docket_number = "MC113843"
  include_packet = true`)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					expectCarrier(knownvalue.StringExact("23868"), "dot_number"),
					expectCarrier(knownvalue.StringExact("Not Invited"), "status"),
					expectCarrier(knownvalue.Bool(false), "packet", "completed"),
					expectCarrier(knownvalue.Null(), "packet", "status"),
					expectCarrier(knownvalue.Null(), "packet", "completed_at"),
					expectCarrier(knownvalue.ObjectExact(map[string]knownvalue.Check{
						"certificates_of_insurance": carrierKVStrings(coi),
						"w9_forms":                  knownvalue.Null(),
						"signed_agreements":         knownvalue.Null(),
						"customer_agreements":       knownvalue.Null(),
					}), "packet", "documents"),
					expectCarrier(knownvalue.Null(), "packet", "agreements"),
					expectCarrier(knownvalue.Null(), "packet", "company"),
					expectCarrier(knownvalue.Null(), "packet", "payment"),
					expectCarrier(knownvalue.Null(), "packet", "equipment"),
					expectCarrier(knownvalue.Null(), "packet", "lanes"),
					expectCarrier(knownvalue.Null(), "packet", "w9_forms"),
					expectCarrier(knownvalue.Null(), "packet", "brokers_out_extra_freight"),
				},
			},
			{
				PreConfig: func() {
					if err := em.CompletePacket(emulator.SampleDOTNumber); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					expectCarrier(knownvalue.StringExact("Completed"), "status"),
					expectCarrier(knownvalue.Bool(true), "packet", "completed"),
					acctest.Check(func() error {
						d := served.data(emulator.SampleDOTNumber)
						if d.CarrierPacket == nil {
							return fmt.Errorf("the emulator serves no packet after CompletePacket")
						}
						return nil
					}),
					expectCarrier(knownvalue.ListSizeExact(1), "packet", "documents", "w9_forms"),
					expectCarrier(knownvalue.NotNull(), "packet", "completed_at"),
				},
			},
		},
	})
}

func TestAccCarrierDataSource_notFound(t *testing.T) {
	em := acctest.Emulator(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      carrierTestConfig(em, `dot_number = "99999999"`),
				ExpectError: acctest.ErrorMatching("No carrier DOT 99999999", "MCP does not know a carrier with DOT 99999999. Check the identifiers."),
			},
			{
				Config:      carrierTestConfig(em, `docket_number = "MC9999999"`),
				ExpectError: acctest.ErrorMatching("No carrier MC9999999"),
			},
			{
				Config:      carrierTestConfig(em, "dot_number = \"99999999\"\n  include_packet = true"),
				ExpectError: acctest.ErrorMatching("No carrier DOT 99999999"),
			},
		},
	})
}

func TestAccCarrierDataSource_validation(t *testing.T) {
	em := acctest.Emulator(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      carrierTestConfig(em, `include_packet = true`),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`At least one attribute out of`, `dot_number`, `docket_number`),
			},
			{
				Config:      carrierTestConfig(em, `docket_number = "MC-113843"`),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`Invalid docket_number`, `"MC-113843" is not a docket number`, `did you mean "MC113843"?`),
			},
			{
				Config:      carrierTestConfig(em, `dot_number = "023868"`),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`Invalid dot_number`, `"023868" is not a USDOT number`),
			},
		},
	})
	if n := acctest.Requests(em, "PreviewCarrier"); n != 0 {
		t.Errorf("invalid configurations reached MCP: %d PreviewCarrier requests", n)
	}
}

// A precondition on insurance_expired refuses a carrier with lapsed
// insurance and lets a carrier with current insurance through.
func TestAccCarrierDataSource_precondition(t *testing.T) {
	em := acctest.Emulator(t)
	lapsed := acctest.Carrier(t, em, emulator.KindExpiredInsurance)
	config := func(dot int) string {
		return carrierTestConfig(em, fmt.Sprintf(`dot_number = "%d"`, dot)) + `
resource "terraform_data" "onboarding" {
  input = data.mcp_carrier.test.dot_number

  lifecycle {
    precondition {
      condition     = !data.mcp_carrier.test.insurance_expired
      error_message = "Carrier ${data.mcp_carrier.test.legal_name} has lapsed insurance."
    }
  }
}
`
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config(lapsed.DOTNumber),
				ExpectError: acctest.ErrorMatching("Resource precondition failed", fmt.Sprintf("Carrier %s has lapsed insurance.", lapsed.LegalName)),
			},
			{
				Config: config(emulator.SampleDOTNumber),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("terraform_data.onboarding", tfjsonpath.New("output"), knownvalue.StringExact("23868")),
				},
			},
		},
	})
}

func TestCarrierDataSource_coverageExpired(t *testing.T) {
	t.Parallel()
	today := time.Date(2026, 3, 18, 23, 59, 0, 0, time.FixedZone("CST", -6*3600)) // 2026-03-19 in UTC
	for _, tc := range []struct {
		expiration, cancellation string
		want                     knownvalue.Check
	}{
		{"2026-03-20", "", knownvalue.Bool(false)},
		{"2026-03-19", "", knownvalue.Bool(false)}, // expires at the end of today
		{"2026-03-18", "", knownvalue.Bool(true)},
		{"2026-03-18T00:00:00", "", knownvalue.Bool(true)},
		{"2027-01-01", "2026-03-19", knownvalue.Bool(true)}, // cancelled today
		{"2027-01-01", "2026-03-20", knownvalue.Bool(false)},
		{"2027-01-01", "0000-00-00", knownvalue.Bool(false)},
		{"", "", knownvalue.Null()},
		{"0000-00-00", "", knownvalue.Null()},
		{"soon", "2026-01-01", knownvalue.Bool(true)},
	} {
		got := coverageExpired(tc.expiration, tc.cancellation, today)
		if err := tc.want.CheckValue(boolOrNil(got.ValueBoolPointer())); err != nil {
			t.Errorf("coverageExpired(%q, %q) = %v: %v", tc.expiration, tc.cancellation, got, err)
		}
	}
}

func boolOrNil(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

func TestCarrierDataSource_insuranceExpired(t *testing.T) {
	t.Parallel()
	today := time.Date(2026, 3, 19, 12, 0, 0, 0, time.UTC)
	insurance := func(dates ...string) *mcp.CertData {
		cert := mcp.Certificate{}
		for _, d := range dates {
			cert.Coverages = append(cert.Coverages, mcp.Coverage{ExpirationDate: d})
		}
		return &mcp.CertData{Status: "OK", Certificates: []mcp.Certificate{cert}}
	}
	for _, tc := range []struct {
		name string
		cd   *mcp.CertData
		want *bool
	}{
		{"all current", insurance("2026-04-01", "2026-05-01"), new(false)},
		{"one expired", insurance("2026-04-01", "2026-03-01"), new(true)},
		{"expired beats unreadable", insurance("", "2026-03-01"), new(true)},
		{"unreadable", insurance("2026-04-01", ""), nil},
		{"no coverages", insurance(), new(false)},
		{"no certificates", &mcp.CertData{Status: "OK"}, new(false)},
	} {
		got := carrierFromAPI(&mcp.PreviewCarrier{CertData: tc.cd}, today).InsuranceExpired
		if gp := got.ValueBoolPointer(); (gp == nil) != (tc.want == nil) || (gp != nil && *gp != *tc.want) {
			t.Errorf("%s: insurance_expired = %v", tc.name, got)
		}
	}
	if got := carrierFromAPI(&mcp.PreviewCarrier{}, today); !got.InsuranceExpired.IsNull() || got.Insurance != nil {
		t.Errorf("without certificate data: insurance_expired = %v, insurance = %+v; want both null", got.InsuranceExpired, got.Insurance)
	}
}

func TestCarrierDataSource_fromAPI(t *testing.T) {
	t.Parallel()
	yes := true
	p := &mcp.PreviewCarrier{
		CarrierID: 7, DotNumber: 1234567, DocketNumber: "", CompanyName: "ACME LLC", Source: 9,
		StatusDate: mcp.Time{Time: time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC)}, OnCurrentCustomerAgreement: &yes,
		Emails:                []mcp.CarrierEmail{{EmailType: 1, Email: "a@acme.example"}, {EmailType: 3, Email: "b@acme.example", Description: "FMCSA Email"}, {EmailType: 5, Email: "c@acme.example"}},
		RiskAssessmentDetails: &mcp.RiskAssessmentDetails{TotalPoints: 1250, OverallRating: "UnacceptableReview"},
	}
	m := carrierFromAPI(p, time.Now())
	m.DOTNumber, m.DocketNumber = carrierArguments{}.identity(p.DotNumber, p.DocketNumber)
	if m.DOTNumber.ValueString() != "1234567" || !m.DocketNumber.IsNull() || m.DBAName.ValueString() != "" || !m.DBAName.IsNull() {
		t.Errorf("identifiers: %v %v %v", m.DOTNumber, m.DocketNumber, m.DBAName)
	}
	// An argument given stays as written; MCP fills in the other.
	dot, docket := carrierArguments{docket: types.StringValue("MC113843")}.identity(p.DotNumber, "MC999")
	if dot.ValueString() != "1234567" || docket.ValueString() != "MC113843" {
		t.Errorf("identifiers with docket_number given: %v %v", dot, docket)
	}
	if m.StatusDate.ValueString() != "2026-01-02T03:04:05Z" || m.RecordSource.ValueString() != "9" || !m.OnCurrentAgreement.ValueBool() {
		t.Errorf("status_date %v, record_source %v, on_current_agreement %v", m.StatusDate, m.RecordSource, m.OnCurrentAgreement)
	}
	var emailTypes []string
	for _, e := range m.Emails {
		emailTypes = append(emailTypes, e.Type.ValueString())
	}
	if strings.Join(emailTypes, ",") != "mcp,fmcsa,5" {
		t.Errorf("e-mail types = %v", emailTypes)
	}
	if r := m.RiskAssessment; r == nil || r.TotalPoints.ValueInt64() != 1250 || !r.Overall.IsNull() {
		t.Errorf("risk_assessment = %+v", r)
	}
	if m.Rating != nil || !m.FraudSignals.IncidentReports.IsNull() {
		t.Errorf("missing rating and incident counts should be null: %+v %+v", m.Rating, m.FraudSignals)
	}
}

func TestCarrierDataSource_recommendedEmail(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		emails []mcp.CarrierEmail
		want   types.String
	}{
		{"none", nil, types.StringNull()},
		{"MCP user first, whatever the order", []mcp.CarrierEmail{
			{EmailType: 3, Email: "census@acme.example"}, {EmailType: 2, Email: "office@acme.example"},
			{EmailType: 1, Email: "dispatch@acme.example"}, {EmailType: 1, Email: "owner@acme.example"},
		}, types.StringValue("dispatch@acme.example")},
		{"company before FMCSA", []mcp.CarrierEmail{
			{EmailType: 3, Email: "census@acme.example"}, {EmailType: 2, Email: "office@acme.example"},
		}, types.StringValue("office@acme.example")},
		{"FMCSA only", []mcp.CarrierEmail{{EmailType: 3, Email: "census@acme.example"}}, types.StringValue("census@acme.example")},
		{"blank and unranked kinds are never recommended", []mcp.CarrierEmail{
			{EmailType: 1, Email: ""}, {EmailType: 5, Email: "new-kind@acme.example"},
		}, types.StringNull()},
	} {
		p := &mcp.PreviewCarrier{Emails: tc.emails}
		if got := carrierFromAPI(p, time.Now()).RecommendedEmail; !got.Equal(tc.want) {
			t.Errorf("%s: recommended_email = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestCarrierDataSource_amounts(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int64{"1,000,000": 1000000, "$750,000": 750000, " 100000 ": 100000} {
		if got := dollarAmount(in); got.ValueInt64() != want || got.IsNull() {
			t.Errorf("dollarAmount(%q) = %v, want %d", in, got, want)
		}
	}
	for _, in := range []string{"", "1,000,000.50", "-5", "N/A", "$"} {
		if got := dollarAmount(in); !got.IsNull() {
			t.Errorf("dollarAmount(%q) = %v, want null", in, got)
		}
	}
	for in, want := range map[string]knownvalue.Check{"Yes": knownvalue.Bool(true), "No": knownvalue.Bool(false), "": knownvalue.Null(), "maybe": knownvalue.Null()} {
		if err := want.CheckValue(boolOrNil(yesNoBool(in).ValueBoolPointer())); err != nil {
			t.Errorf("yesNoBool(%q): %v", in, err)
		}
	}
}
