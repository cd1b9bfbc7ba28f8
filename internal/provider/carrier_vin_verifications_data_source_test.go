package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

const vinAddress = "data.mcp_carrier_vin_verifications.test"

func vinServed(t *testing.T, em *emulator.Instance, c emulator.CarrierInfo) *mcp.CarrierVINVerification {
	t.Helper()
	out, err := acctest.Client(t, em).Carriers.VINVerifications(context.Background(), vettingLookupOf(c))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func vkVINStatus(s *mcp.VINVerificationStatus) (knownvalue.Check, knownvalue.Check) {
	if s == nil {
		return knownvalue.Null(), knownvalue.Null()
	}
	return intExact(s.StatusID), stringOrNull(s.Description)
}

func vkOtherCarrier(c *mcp.CarrierVINVerificationDetailOtherCarrier) knownvalue.Check {
	if c == nil {
		return knownvalue.Null()
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"dot_number": dotOrNull(c.DOTNumber), "docket_number": stringOrNull(c.DocketNumber), "company_name": stringOrNull(c.CompanyName),
		"dba_name": stringOrNull(c.DBAName), "street": stringOrNull(c.Street), "city": stringOrNull(c.City), "state": stringOrNull(c.StateProvince),
		"zip_code": stringOrNull(c.Zipcode), "country": stringOrNull(c.Country), "phone": stringOrNull(c.Phone),
	})
}

// vinChecks expects exactly what MCP serves.
func vinChecks(c emulator.CarrierInfo, out *mcp.CarrierVINVerification) []statecheck.StateCheck {
	return append(vettingIdentityChecks(vinAddress, c),
		statecheck.ExpectKnownValue(vinAddress, tfjsonpath.New("legal_name"), stringOrNull(out.LegalName)),
		statecheck.ExpectKnownValue(vinAddress, tfjsonpath.New("dba_name"), stringOrNull(out.DBAName)),
		statecheck.ExpectKnownValue(vinAddress, tfjsonpath.New("verifications"), listExactOf(out.VINVerifications, func(v mcp.CarrierVINVerificationDetail) knownvalue.Check {
			id, desc := vkVINStatus(v.VINVerificationStatus)
			return knownvalue.ObjectExact(map[string]knownvalue.Check{
				"vin": stringOrNull(v.VIN), "status_id": id, "status_description": desc,
				"created_at": timeOrNull(v.CreatedOnUtc), "last_modified_at": timeOrNull(v.ModifiedOnUtc),
				"other_carrier": vkOtherCarrier(v.OtherCarrier),
				"requests": listExactOf(v.Requests, func(r mcp.CarrierVINVerificationRequest) knownvalue.Check {
					id, desc := vkVINStatus(r.VINVerificationStatus)
					return knownvalue.ObjectExact(map[string]knownvalue.Check{
						"vin": stringOrNull(r.VIN), "status_id": id, "status_description": desc,
						"sent_to": stringOrNull(r.RequestSentTo), "requested_by": stringOrNull(r.RequestedByUser), "requested_at": timeOrNull(r.RequestedDateTime),
						"image_uploaded_by_first_name":   stringOrNull(r.ImageUploadedByFirstName),
						"image_uploaded_by_last_name":    stringOrNull(r.ImageUploadedByLastName),
						"image_uploaded_from_ip_address": stringOrNull(r.ImageUploadedFromIPAddress),
						"image_uploaded_at":              timeOrNull(r.ImageUploadedDateTime),
						"image_file_name":                stringOrNull(r.ImageFileName),
						"image_blob_name":                stringOrNull(r.ImageBlobName),
						"other_carrier":                  vkOtherCarrier(r.OtherCarrier),
					})
				}),
			})
		})),
	)
}

// A carrier with VIN verifications, one of them a VIN that belongs to
// another carrier.
func TestAccCarrierVINVerificationsDataSource_basic(t *testing.T) {
	em := acctest.Emulator(t)
	carriers, err := em.Carriers(emulator.CarrierFilter{Kind: emulator.KindVINVerifications})
	if err != nil {
		t.Fatal(err)
	}
	var (
		carrier emulator.CarrierInfo
		served  *mcp.CarrierVINVerification
	)
	for _, c := range carriers {
		out := vinServed(t, em, c)
		for _, v := range out.VINVerifications {
			if v.OtherCarrier != nil && len(v.Requests) > 0 {
				carrier, served = c, out
			}
		}
		if served != nil {
			break
		}
	}
	if served == nil {
		t.Fatal("the emulator has no VIN that belongs to another carrier")
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            vettingConfig(em, "mcp_carrier_vin_verifications", vettingLookupArgs(carrier)),
			ConfigStateChecks: vinChecks(carrier, served),
		}},
	})
}

// A carrier without VIN verifications (MCP sends null, or []) reads as an empty
// list; once a verification is requested, the pending request shows, with
// no VIN yet.
func TestAccCarrierVINVerificationsDataSource_none(t *testing.T) {
	em := acctest.Emulator(t)
	sample := emulator.CarrierInfo{DOTNumber: emulator.SampleDOTNumber, DocketNumber: "MC113843"}
	if served := vinServed(t, em, sample); len(served.VINVerifications) != 0 {
		t.Fatalf("the sample carrier has VIN verifications: %+v", served.VINVerifications)
	}
	config := vettingConfig(em, "mcp_carrier_vin_verifications", `dot_number = "23868"`)
	pending := tfjsonpath.New("verifications").AtSliceIndex(0)
	user, _ := em.Credentials()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: append(vettingIdentityChecks(vinAddress, sample),
					statecheck.ExpectKnownValue(vinAddress, tfjsonpath.New("legal_name"), knownvalue.StringExact("Sample Trucking LLC")),
					statecheck.ExpectKnownValue(vinAddress, tfjsonpath.New("verifications"), knownvalue.ListExact([]knownvalue.Check{})),
				),
			},
			{
				PreConfig: func() {
					_, err := acctest.Client(t, em).Invitations.RequestVINVerification(context.Background(), mcp.VINVerificationRequest{
						DeliveryOption: 2, PhoneNumber: "5550100199", DOTNumber: emulator.SampleDOTNumber,
					})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(vinAddress, tfjsonpath.New("verifications"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(vinAddress, pending.AtMapKey("vin"), knownvalue.Null()),
					statecheck.ExpectKnownValue(vinAddress, pending.AtMapKey("status_id"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(vinAddress, pending.AtMapKey("other_carrier"), knownvalue.Null()),
					statecheck.ExpectKnownValue(vinAddress, pending.AtMapKey("requests").AtSliceIndex(0).AtMapKey("requested_by"), knownvalue.StringExact(user)),
					// And everything else exactly as MCP serves it now.
					vettingLazy(func() []statecheck.StateCheck { return vinChecks(sample, vinServed(t, em, sample)) }),
				},
			},
		},
	})
}

func TestAccCarrierVINVerificationsDataSource_lookupErrors(t *testing.T) {
	testAccVettingLookupErrors(t, "mcp_carrier_vin_verifications", "VIN verifications")
}

// Missing statuses and other carriers are null; missing lists are empty.
func TestVINVerificationsFromAPI(t *testing.T) {
	t.Parallel()
	got := vinVerificationsFromAPI(&mcp.CarrierVINVerification{DOTNumber: 23868, VINVerifications: []mcp.CarrierVINVerificationDetail{{
		OtherCarrier: &mcp.CarrierVINVerificationDetailOtherCarrier{DOTNumber: 1000001, StateProvince: "TX", Zipcode: "75001"},
	}}})
	v := got.Verifications[0]
	if !v.VIN.IsNull() || !v.StatusID.IsNull() || !v.StatusDescription.IsNull() || !v.CreatedAt.IsNull() || v.Requests == nil ||
		v.OtherCarrier.DOTNumber != types.StringValue("1000001") || v.OtherCarrier.State != types.StringValue("TX") ||
		v.OtherCarrier.ZipCode != types.StringValue("75001") || !v.OtherCarrier.DocketNumber.IsNull() {
		t.Errorf("got %+v", v)
	}
	if none := vinVerificationsFromAPI(&mcp.CarrierVINVerification{DOTNumber: 23868}); none.Verifications == nil {
		t.Error("null verifications must be an empty list")
	}
}
