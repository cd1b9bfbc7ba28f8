package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

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

const associatedAddress = "data.mcp_associated_carriers.test"

func associatedServed(t *testing.T, em *emulator.Instance, q mcp.AssociatedCarriersQuery) *mcp.AssociatedCarriersResult {
	t.Helper()
	out, err := acctest.Client(t, em).Carriers.FindAssociated(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fraudRing finds a fraud-ring member whose phone (byPhone) or e-mail is
// shared with other carriers, and what MCP serves for it.
func fraudRing(t *testing.T, em *emulator.Instance, byPhone bool) (emulator.CarrierInfo, mcp.AssociatedCarriersQuery, *mcp.AssociatedCarriersResult) {
	t.Helper()
	members, err := em.Carriers(emulator.CarrierFilter{Kind: emulator.KindFraudRing})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range members {
		q := mcp.AssociatedCarriersQuery{Email: c.Email}
		if byPhone {
			q = mcp.AssociatedCarriersQuery{Phone: c.Phone}
		}
		if out := associatedServed(t, em, q); out.AssociatedCarriersCount > 1 {
			return c, q, out
		}
	}
	t.Fatalf("the emulator has no fraud ring sharing a phone (%v) or an e-mail", byPhone)
	return emulator.CarrierInfo{}, mcp.AssociatedCarriersQuery{}, nil
}

// associatedChecks expects exactly what MCP served.
func associatedChecks(out *mcp.AssociatedCarriersResult) []statecheck.StateCheck {
	assoc := func(a mcp.AssociationType) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{"type": intExact(a.AssociationType), "description": stringOrNull(a.Description)})
	}
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(associatedAddress, tfjsonpath.New("carrier_count"), intExact(out.AssociatedCarriersCount)),
		statecheck.ExpectKnownValue(associatedAddress, tfjsonpath.New("carriers"), listExactOf(out.AssociatedCarriers, func(c mcp.AssociatedCarrier) knownvalue.Check {
			return knownvalue.ObjectExact(map[string]knownvalue.Check{
				"dot_number":         dotOrNull(c.DOTNumber),
				"docket_number":      stringOrNull(c.DocketNumber),
				"company_name":       stringOrNull(c.CompanyName),
				"dba_name":           stringOrNull(c.DBAName),
				"street":             stringOrNull(c.Street),
				"city":               stringOrNull(c.City),
				"state":              stringOrNull(c.State),
				"zip_code":           stringOrNull(c.ZipCode),
				"country":            stringOrNull(c.Country),
				"phone":              stringOrNull(c.Phone),
				"phone_associations": listExactOf(c.PhoneAssociationTypes, assoc),
				"email_associations": listExactOf(c.EmailAssociationTypes, assoc),
			})
		})),
	}
}

// ringDOTs are the DOT numbers MCP associates.
func ringDOTs(out *mcp.AssociatedCarriersResult) []int {
	dots := make([]int, 0, len(out.AssociatedCarriers))
	for _, c := range out.AssociatedCarriers {
		dots = append(dots, c.DOTNumber)
	}
	return dots
}

func testAccAssociatedRing(t *testing.T, byPhone bool) {
	em := acctest.Emulator(t)
	member, q, served := fraudRing(t, em, byPhone)
	if !slices.Contains(ringDOTs(served), member.DOTNumber) {
		t.Fatalf("MCP does not associate DOT %d with its own contact data: %v", member.DOTNumber, ringDOTs(served))
	}
	args := fmt.Sprintf("email = %q", q.Email)
	if byPhone {
		args = fmt.Sprintf("phone = %q", q.Phone)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: vettingConfig(em, "mcp_associated_carriers", args),
			ConfigStateChecks: append(associatedChecks(served),
				statecheck.ExpectKnownValue(associatedAddress, tfjsonpath.New("phone"), stringOrNull(q.Phone)),
				statecheck.ExpectKnownValue(associatedAddress, tfjsonpath.New("email"), stringOrNull(q.Email)),
			),
		}},
	})
}

// A carrier in a fraud ring: its shared phone finds the whole ring.
func TestAccAssociatedCarriersDataSource_phone(t *testing.T) { testAccAssociatedRing(t, true) }

// A carrier in a fraud ring: its shared e-mail finds the whole ring.
func TestAccAssociatedCarriersDataSource_email(t *testing.T) { testAccAssociatedRing(t, false) }

// Both arguments: carriers matching either, with how each matched. The
// phone is written in another style than MCP's.
func TestAccAssociatedCarriersDataSource_both(t *testing.T) {
	em := acctest.Emulator(t)
	member, _, _ := fraudRing(t, em, true)
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, member.Phone)
	q := mcp.AssociatedCarriersQuery{Phone: "+1 " + digits[:3] + "." + digits[3:6] + "." + digits[6:], Email: member.Email}
	served := associatedServed(t, em, q)
	if served.AssociatedCarriersCount < 2 {
		t.Fatalf("MCP associates only %v with %+v", ringDOTs(served), q)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            vettingConfig(em, "mcp_associated_carriers", fmt.Sprintf("phone = %q\n  email = %q", q.Phone, q.Email)),
			ConfigStateChecks: associatedChecks(served),
		}},
	})
}

// No carrier holds the phone or e-mail: a valid, empty answer.
func TestAccAssociatedCarriersDataSource_noMatch(t *testing.T) {
	em := acctest.Emulator(t)
	q := mcp.AssociatedCarriersQuery{Phone: "(555) 010-0199", Email: "nobody@nowhere.example"}
	if served := associatedServed(t, em, q); served.AssociatedCarriersCount != 0 || len(served.AssociatedCarriers) != 0 {
		t.Fatalf("MCP associates %v with %+v, want none", ringDOTs(served), q)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: vettingConfig(em, "mcp_associated_carriers", fmt.Sprintf("phone = %q\n  email = %q", q.Phone, q.Email)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(associatedAddress, tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue(associatedAddress, tfjsonpath.New("carriers"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

// Bad input fails at plan time, before MCP is asked.
func TestAccAssociatedCarriersDataSource_validation(t *testing.T) {
	em := acctest.Emulator(t)
	var steps []resource.TestStep
	for _, tc := range []struct {
		args string
		want []string
	}{
		{``, []string{"At least one attribute out of", "phone", "email", "must be specified"}},
		{`phone = "555-0199"`, []string{"Invalid phone", `"555-0199" is not a phone number: expected ten digits`}},
		{`phone = "555-010-01999"`, []string{"Invalid phone", `is not a phone number: expected ten digits`}},
		{`phone = "555-010-0199 x12"`, []string{"Invalid phone", `is not a phone number: only digits`}},
		{`phone = "1-800-FLOWERS"`, []string{"Invalid phone", `is not a phone number: only digits`}},
		{`phone = ""`, []string{"Invalid phone", `"" is not a phone number`}},
		{`email = "dispatch at carrier.com"`, []string{"Invalid email", "is not an e-mail address"}},
		{`email = "Dispatch <dispatch@carrier.com>"`, []string{"Invalid email", "is not an e-mail address"}},
		{`phone = "(555) 010-0199"` + "\n" + `email = "dispatch@localhost"`, []string{"Invalid email", "is not an e-mail address"}},
	} {
		steps = append(steps, resource.TestStep{
			Config:      vettingConfig(em, "mcp_associated_carriers", tc.args),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(tc.want...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if n := acctest.Requests(em, "FindAssociatedCarriers"); n != 0 {
				return fmt.Errorf("MCP was asked %d times", n)
			}
			return nil
		},
		Steps: steps,
	})
}

// MCP's Success: false surfaces as an error with MCP's message. The
// emulator reports failure when it receives neither a phone nor an e-mail,
// so a proxy in front of it drops them on the way.
func TestAccAssociatedCarriersDataSource_failure(t *testing.T) {
	em := acctest.Emulator(t)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.EqualFold(r.URL.Path, "/api/v1/Carrier/FindAssociatedCarriers") {
			r.URL.RawQuery = ""
		}
		em.ServeHTTP(w, r)
	}))
	t.Cleanup(proxy.Close)
	lossy := &emulator.Instance{Server: em.Server, URL: proxy.URL}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: vettingConfig(lossy, "mcp_associated_carriers", `phone = "(555) 010-0199"`),
			ExpectError: acctest.ErrorMatching(`Unable to read associated carriers for phone "(555) 010-0199"`,
				"FindAssociatedCarriers did not succeed: A phone number or an email address is required."),
		}},
	})
}

// testAccBlockRingConfig is the product story: every carrier that shares a
// phone number with a known bad actor goes on the blocked list.
func testAccBlockRingConfig(em *emulator.Instance, phone string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf(`
data "mcp_associated_carriers" "ring" {
  phone = %[1]q
}

resource "mcp_blocked_carrier" "ring" {
  for_each = { for c in data.mcp_associated_carriers.ring.carriers : c.dot_number => c }

  dot_number    = each.value.dot_number
  docket_number = each.value.docket_number
}
`, phone)
}

func TestAccAssociatedCarriersDataSource_blockRing(t *testing.T) {
	em := acctest.Emulator(t)
	_, q, served := fraudRing(t, em, true)
	ring := ringDOTs(served)
	checks := []statecheck.StateCheck{acctest.Check(acctest.ExpectListed(em, emulator.BlockedList, ring...))}
	for _, c := range served.AssociatedCarriers {
		address := fmt.Sprintf("mcp_blocked_carrier.ring[%q]", strconv.Itoa(c.DOTNumber))
		checks = append(checks, statecheck.ExpectKnownValue(address, tfjsonpath.New("docket_number"), stringOrNull(c.DocketNumber)))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            testAccBlockRingConfig(em, q.Phone),
				ConfigStateChecks: checks,
			},
			{
				// Destroying the resources unblocks the ring. (A step, not
				// CheckDestroy: terraform-plugin-testing's legacy state shim,
				// which CheckDestroy needs, cannot hold for_each instances.)
				Config:            vettingConfig(em, "mcp_associated_carriers", fmt.Sprintf("phone = %q", q.Phone)),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Check(acctest.ExpectListed(em, emulator.BlockedList))},
			},
		},
	})
}

func TestCheckPhone(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"5550100199", "(555) 010-0199", "555-010-0199", "555.010.0199", "+1 555 010 0199", "1-555-010-0199", "15550100199"} {
		if err := checkPhone(ok); err != nil {
			t.Errorf("checkPhone(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "555-0199", "25550100199", "555010019912", "555-010-0199 x12", "555/010/0199", "1-800-FLOWERS", "５５５0100199"} {
		if err := checkPhone(bad); err == nil {
			t.Errorf("checkPhone(%q) accepted it", bad)
		}
	}
}

// MCP's lists become lists that are never null: no match is an empty list.
func TestAssociatedCarriersFromAPI(t *testing.T) {
	t.Parallel()
	got := associatedCarriersFromAPI(&mcp.AssociatedCarriersResult{Success: true, AssociatedCarriers: []mcp.AssociatedCarrier{{
		DOTNumber: 1000001, CompanyName: "Ring Freight LLC",
		PhoneAssociationTypes: []mcp.AssociationType{{AssociationType: 1, Description: "Company"}},
	}}, AssociatedCarriersCount: 1})
	c := got.Carriers[0]
	if got.Count != types.Int64Value(1) || c.DOTNumber != types.StringValue("1000001") || !c.DocketNumber.IsNull() ||
		c.PhoneAssociations[0].Type != types.Int64Value(1) || c.EmailAssociations == nil || len(c.EmailAssociations) != 0 {
		t.Errorf("got %+v", got)
	}
	if none := associatedCarriersFromAPI(&mcp.AssociatedCarriersResult{Success: true}); none.Carriers == nil || none.Count != types.Int64Value(0) {
		t.Errorf("no match: %+v, want count 0 and an empty list", none)
	}
}
