package provider

import (
	"context"
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

const incidentsAddress = "data.mcp_carrier_incident_reports.test"

func incidentsServed(t *testing.T, em *emulator.Instance, c emulator.CarrierInfo) *mcp.CarrierIncidentReport {
	t.Helper()
	out, err := acctest.Client(t, em).Carriers.IncidentReports(context.Background(), vettingLookupOf(c))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// incidentsChecks expects exactly what MCP serves, the incident dates
// rewritten from MM/DD/YYYY.
func incidentsChecks(t *testing.T, c emulator.CarrierInfo, out *mcp.CarrierIncidentReport) []statecheck.StateCheck {
	t.Helper()
	place := func(city, state, country string) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{"city": stringOrNull(city), "state": stringOrNull(state), "country": stringOrNull(country)})
	}
	return append(vettingIdentityChecks(incidentsAddress, c),
		statecheck.ExpectKnownValue(incidentsAddress, tfjsonpath.New("legal_name"), stringOrNull(out.LegalName)),
		statecheck.ExpectKnownValue(incidentsAddress, tfjsonpath.New("dba_name"), stringOrNull(out.DBAName)),
		statecheck.ExpectKnownValue(incidentsAddress, tfjsonpath.New("report_count"), intExact(len(out.IncidentReports))),
		statecheck.ExpectKnownValue(incidentsAddress, tfjsonpath.New("reports"), listExactOf(out.IncidentReports, func(r mcp.CarrierIncidentReportDetail) knownvalue.Check {
			day, err := time.Parse("01/02/2006", r.IncidentDate)
			if err != nil {
				t.Fatalf("the emulator's incident date %q is not MM/DD/YYYY", r.IncidentDate)
			}
			return knownvalue.ObjectExact(map[string]knownvalue.Check{
				"incident_date":       knownvalue.StringExact(day.Format(time.DateOnly)),
				"origin":              place(r.OriginCity, r.OriginStateProvinceName, r.OriginCountryName),
				"destination":         place(r.DestinationCity, r.DestinationStateProvinceName, r.DestinationCountryName),
				"reported_by_company": stringOrNull(r.ReportedByCompany),
				"carrier_emails":      stringOrNull(r.CarrierEmails),
				"incident_types":      listExactOf(r.IncidentTypes, func(s string) knownvalue.Check { return knownvalue.StringExact(s) }),
				"created_by":          stringOrNull(r.CreatedBy),
				"created_at":          timeOrNull(r.CreatedDate),
				"last_modified_by":    stringOrNull(r.ModifiedBy),
				"last_modified_at":    timeOrNull(r.ModifiedDate),
				"comments": listExactOf(r.Comments, func(c mcp.CarrierIncidentReportComment) knownvalue.Check {
					return knownvalue.ObjectExact(map[string]knownvalue.Check{
						"commenter_type": stringOrNull(c.CommenterType), "commented_by": stringOrNull(c.CommentBy),
						"commented_at": timeOrNull(c.CommentDate), "text": stringOrNull(c.Comment),
					})
				}),
			})
		})),
	)
}

// A carrier with incident reports on file.
func TestAccCarrierIncidentReportsDataSource_basic(t *testing.T) {
	em := acctest.Emulator(t)
	carrier := acctest.Carrier(t, em, emulator.KindIncidents)
	served := incidentsServed(t, em, carrier)
	if len(served.IncidentReports) == 0 {
		t.Fatalf("the emulator serves no incident reports for DOT %d", carrier.DOTNumber)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            vettingConfig(em, "mcp_carrier_incident_reports", vettingLookupArgs(carrier)),
			ConfigStateChecks: incidentsChecks(t, carrier, served),
		}},
	})
}

// A carrier without reports: MCP sends "IncidentReports": null (or [], under
// the empty-arrays variant), which is count 0 and an empty list, not an
// error.
func TestAccCarrierIncidentReportsDataSource_none(t *testing.T) {
	em := acctest.Emulator(t)
	sample := emulator.CarrierInfo{DOTNumber: emulator.SampleDOTNumber, DocketNumber: "MC113843"}
	served := incidentsServed(t, em, sample)
	if len(served.IncidentReports) != 0 {
		t.Fatalf("the sample carrier has incident reports: %+v", served.IncidentReports)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: vettingConfig(em, "mcp_carrier_incident_reports", `dot_number = "23868"`),
			ConfigStateChecks: append(incidentsChecks(t, sample, served),
				statecheck.ExpectKnownValue(incidentsAddress, tfjsonpath.New("report_count"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue(incidentsAddress, tfjsonpath.New("reports"), knownvalue.ListExact([]knownvalue.Check{})),
			),
		}},
	})
}

func TestAccCarrierIncidentReportsDataSource_lookupErrors(t *testing.T) {
	testAccVettingLookupErrors(t, "mcp_carrier_incident_reports", "incident reports")
}

func TestIncidentDate(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"04/22/2025":                  "2025-04-22",
		"4/2/2025":                    "2025-04-02",
		"2025-04-22":                  "2025-04-22",
		"2025-04-22T00:00:00":         "2025-04-22",
		"2025-04-22T23:30:00.1234567": "2025-04-22",
		"2025-04-22T23:30:00-05:00":   "2025-04-22",
		"22.04.2025":                  "22.04.2025", // not guessed at
		"13/01/2025":                  "13/01/2025", // day first: not a date MCP writes
	} {
		if got := incidentDate(in); got != types.StringValue(want) {
			t.Errorf("incidentDate(%q) = %v, want %q", in, got, want)
		}
	}
	if got := incidentDate(""); !got.IsNull() {
		t.Errorf("incidentDate(\"\") = %v, want null", got)
	}
}

// MCP's null reports are count 0 and an empty list; null types and comments
// within a report are empty lists.
func TestIncidentReportsFromAPI(t *testing.T) {
	t.Parallel()
	none := incidentReportsFromAPI(&mcp.CarrierIncidentReport{DOTNumber: 23868, LegalName: "Sample Trucking LLC"})
	if none.Count != types.Int64Value(0) || none.Reports == nil || len(none.Reports) != 0 || !none.DBAName.IsNull() {
		t.Errorf("no reports: %+v", none)
	}
	one := incidentReportsFromAPI(&mcp.CarrierIncidentReport{DOTNumber: 23868, IncidentReports: []mcp.CarrierIncidentReportDetail{{OriginCity: "Dallas"}}})
	r := one.Reports[0]
	if one.Count != types.Int64Value(1) || r.IncidentTypes == nil || r.Comments == nil || r.Origin.City != types.StringValue("Dallas") ||
		!r.Destination.City.IsNull() || !r.CreatedAt.IsNull() || !r.IncidentDate.IsNull() {
		t.Errorf("one report: %+v", r)
	}
}
