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

const factoringAddress = "data.mcp_factoring_companies.test"

func testAccFactoringConfig(em *emulator.Instance, args string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf("\ndata \"mcp_factoring_companies\" \"test\" {\n%s\n}\n", args)
}

// factoringServed is the directory MCP serves for a window.
func factoringServed(t *testing.T, em *emulator.Instance, from, to time.Time) []mcp.FactoringCompany {
	t.Helper()
	out, err := acctest.Client(t, em).Factoring.Updated(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	return out.FactoringCompanies
}

// expectFactoring checks the data source against what MCP serves, by ID.
func expectFactoring(served []mcp.FactoringCompany) []statecheck.StateCheck {
	sorted := slices.Clone(served)
	slices.SortFunc(sorted, func(a, b mcp.FactoringCompany) int { return a.FactoringCompanyID - b.FactoringCompanyID })
	companies := make([]knownvalue.Check, len(sorted))
	for i, c := range sorted {
		companies[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id":                knownvalue.StringExact(strconv.Itoa(c.FactoringCompanyID)),
			"name":              stringOrNull(c.FactoringCompanyName),
			"remit_email":       stringOrNull(c.FactoringRemitEmail),
			"address_line_1":    stringOrNull(c.FactoringRemitAddress),
			"address_line_2":    stringOrNull(c.FactoringRemitAddress2),
			"city":              stringOrNull(c.FactoringRemitCity),
			"state_or_province": stringOrNull(c.FactoringRemitStateProvince),
			"zip_code":          stringOrNull(c.FactoringRemitZipcode),
			"country":           stringOrNull(c.FactoringRemitCountry),
			"phone":             stringOrNull(c.FactoringPhone),
			"created_at":        timeOrNull(c.CreatedDateTime),
			"updated_at":        timeOrNull(c.UpdatedDateTime),
		})
	}
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(factoringAddress, tfjsonpath.New("company_count"), knownvalue.Int64Exact(int64(len(sorted)))),
		statecheck.ExpectKnownValue(factoringAddress, tfjsonpath.New("companies"), knownvalue.ListExact(companies)),
	}
}

// An early from reads the whole directory, up to now; a narrower window,
// what MCP selects for it.
func TestAccFactoringCompaniesDataSource_window(t *testing.T) {
	em := acctest.Emulator(t)
	now := time.Now().UTC().Truncate(time.Second)
	const from = "2000-01-01T00:00:00Z"
	fromTime, _ := time.Parse(time.RFC3339, from)
	all := factoringServed(t, em, fromTime, now.Add(time.Minute))
	if len(all) < 10 {
		t.Fatalf("MCP serves %d factoring companies", len(all))
	}
	// A window around the middle of the companies' update times.
	updated := make([]time.Time, len(all))
	for i, c := range all {
		updated[i] = c.UpdatedDateTime.Time
	}
	slices.SortFunc(updated, time.Time.Compare)
	start := updated[len(updated)/4].Truncate(time.Second).Add(time.Second)
	end := updated[len(updated)/2].Truncate(time.Second)
	some := factoringServed(t, em, start, end)
	if len(some) == 0 || len(some) >= len(all) {
		t.Fatalf("MCP serves %d of %d companies for %s to %s", len(some), len(all), start, end)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: testAccFactoringConfig(em, fmt.Sprintf("from = %q", from)),
				ConfigStateChecks: append(expectFactoring(all),
					statecheck.ExpectKnownValue(factoringAddress, tfjsonpath.New("to"), knownvalue.StringRegexp(wholeSecondRFC3339))),
			},
			{
				Config: testAccFactoringConfig(em, fmt.Sprintf("from = %q\nto = %q", start.Format(time.RFC3339), end.Format(time.RFC3339))),
				ConfigStateChecks: append(expectFactoring(some),
					statecheck.ExpectKnownValue(factoringAddress, tfjsonpath.New("to"), knownvalue.StringExact(end.Format(time.RFC3339)))),
			},
		},
	})
}

// A window without changes is an answer, not an error.
func TestAccFactoringCompaniesDataSource_none(t *testing.T) {
	em := acctest.Emulator(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccFactoringConfig(em, `
  from = "2001-01-01T00:00:00Z"
  to   = "2001-01-31T00:00:00Z"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(factoringAddress, tfjsonpath.New("company_count"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue(factoringAddress, tfjsonpath.New("companies"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccFactoringCompaniesDataSource_validation(t *testing.T) {
	testAccTimeWindowValidation(t, "mcp_factoring_companies", "GetUpdatedFactoringCompanies")
}

func TestFactoringCompaniesFromAPI(t *testing.T) {
	t.Parallel()
	got := factoringCompaniesFromAPI([]mcp.FactoringCompany{
		{FactoringCompanyID: 1002, FactoringCompanyName: "B", FactoringRemitAddress2: ""},
		{FactoringCompanyID: 1001, FactoringCompanyName: "A", FactoringRemitAddress2: "Suite 5"},
	})
	if len(got) != 2 || got[0].ID.ValueString() != "1001" || got[1].ID.ValueString() != "1002" {
		t.Fatalf("mapped %+v, want sorted by ID", got)
	}
	if got[0].AddressLine2.ValueString() != "Suite 5" || !got[1].AddressLine2.IsNull() || !got[1].CreatedAt.IsNull() {
		t.Errorf("mapped %+v", got)
	}
	if got := factoringCompaniesFromAPI(nil); got == nil || len(got) != 0 {
		t.Errorf("no companies map to %#v, want an empty list", got)
	}
}
