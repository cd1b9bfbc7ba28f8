package provider

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

const contactsAddress = "data.mcp_carrier_contacts.test"

// contactsChecks expects exactly the carrier and contacts MCP serves.
func contactsChecks(t *testing.T, em *emulator.Instance, c emulator.CarrierInfo) []statecheck.StateCheck {
	t.Helper()
	out, err := acctest.Client(t, em).Carriers.Contacts(context.Background(), vettingLookupOf(c))
	if err != nil {
		t.Fatal(err)
	}
	if out.Carrier == nil || len(out.Carrier.Contacts) == 0 {
		t.Fatalf("MCP serves no contacts for DOT %d", c.DOTNumber)
	}
	return append(vettingIdentityChecks(contactsAddress, c),
		statecheck.ExpectKnownValue(contactsAddress, tfjsonpath.New("legal_name"), stringOrNull(out.Carrier.LegalName)),
		statecheck.ExpectKnownValue(contactsAddress, tfjsonpath.New("dba_name"), stringOrNull(out.Carrier.DBAName)),
		statecheck.ExpectKnownValue(contactsAddress, tfjsonpath.New("contacts"), listExactOf(out.Carrier.Contacts, func(p mcp.CarrierContact) knownvalue.Check {
			return knownvalue.ObjectExact(map[string]knownvalue.Check{
				"first_name":             stringOrNull(p.FirstName),
				"last_name":              stringOrNull(p.LastName),
				"title":                  stringOrNull(p.Title),
				"phone":                  stringOrNull(p.Phone),
				"email":                  stringOrNull(p.Email),
				"authorized_for_packets": knownvalue.Bool(p.AuthorizedForPackets),
				"verification_status":    stringOrNull(p.VerificationStatus),
			})
		})),
	)
}

func TestAccCarrierContactsDataSource_basic(t *testing.T) {
	em := acctest.Emulator(t)
	sample := emulator.CarrierInfo{DOTNumber: emulator.SampleDOTNumber, DocketNumber: "MC113843"}
	other := acctest.Carrier(t, em, emulator.KindMC)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            vettingConfig(em, "mcp_carrier_contacts", `dot_number = "23868"`),
				ConfigStateChecks: contactsChecks(t, em, sample),
			},
			{
				// By docket number alone; MCP's DOT number fills dot_number.
				Config:            vettingConfig(em, "mcp_carrier_contacts", vettingLookupArgs(other)),
				ConfigStateChecks: contactsChecks(t, em, other),
			},
		},
	})
}

func TestAccCarrierContactsDataSource_lookupErrors(t *testing.T) {
	testAccVettingLookupErrors(t, "mcp_carrier_contacts", "contacts")
}

// MCP may answer a carrier it knows that has no contacts with Success:false
// and no carrier (emulator variant contacts-success-false): an empty list,
// not "not found".
func TestAccCarrierContactsDataSource_noContactsAsFailure(t *testing.T) {
	em := emulatortest.Start(t, emulator.Options{Carriers: acctest.UniverseSize, Variants: []string{emulator.VariantContactsSuccessFalse}})
	c := acctest.Carrier(t, em, emulator.KindNoContacts)
	address := "data.mcp_carrier_contacts.test"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: vettingConfig(em, "mcp_carrier_contacts", fmt.Sprintf(`dot_number = "%d"`, c.DOTNumber)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(address, tfjsonpath.New("contacts"), knownvalue.ListExact([]knownvalue.Check{})),
				statecheck.ExpectKnownValue(address, tfjsonpath.New("dot_number"), knownvalue.StringExact(strconv.Itoa(c.DOTNumber))),
			},
		}},
	})
}
