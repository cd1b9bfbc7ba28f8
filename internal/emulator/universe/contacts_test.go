package universe

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// TestIncidentReports: reports have MCP's shapes, and PreviewCarrier counts
// them and the ones that allege fraud.
func TestIncidentReports(t *testing.T) {
	t.Parallel()
	u := New(2000, 1, testEpoch)
	if fresh(u, 0).Incidents() != nil {
		t.Error("the sample carrier has incident reports")
	}
	sawFraud := false
	for i := range int32(u.Len()) {
		if !u.carriers[i].has(traitIncidents) {
			continue
		}
		v := fresh(u, i)
		reports := v.Incidents()
		fraud := 0
		for _, ir := range reports {
			if slices.ContainsFunc(ir.IncidentTypes, func(s string) bool { return slices.Contains(fraudIncidentTypes, s) }) {
				fraud++
			}
			if !regexp.MustCompile(`^\d{2}/\d{2}/\d{4}$`).MatchString(ir.IncidentDate) || len(ir.Comments) == 0 {
				t.Errorf("report %+v", ir)
			}
		}
		if got := v.Preview().IncidentReports; len(reports) == 0 || got.TotalIncidentReports != len(reports) || got.TotalIncidentReportsWithFraud != fraud {
			t.Errorf("carrier %d: preview counts %+v, reports %d (%d fraud)", i, got, len(reports), fraud)
		}
		sawFraud = sawFraud || fraud > 0
	}
	if !sawFraud {
		t.Error("no fraud report")
	}
}

// TestVINVerifications: VINs have valid check digits, statuses their
// descriptions, and a VIN of another carrier names it.
func TestVINVerifications(t *testing.T) {
	t.Parallel()
	u := New(2000, 1, testEpoch)
	statuses := map[int]int{}
	for i := range int32(u.Len()) {
		if !u.carriers[i].has(traitVINs) {
			continue
		}
		vins := fresh(u, i).VINVerifications()
		if len(vins) == 0 {
			t.Errorf("carrier %d has no VIN verifications", i)
		}
		for _, v := range vins {
			st := v.VINVerificationStatus.StatusID
			statuses[st]++
			if len(v.VIN) != 17 || vinCheckDigit([]byte(v.VIN)) != v.VIN[8] {
				t.Errorf("VIN %q has a bad check digit", v.VIN)
			}
			if (v.OtherCarrier != nil) != (st == 3) || v.VINVerificationStatus.Description != vinStatuses[st] {
				t.Errorf("status %d with OtherCarrier %v", st, v.OtherCarrier)
			}
			if len(v.Requests) != 1 || !strings.HasPrefix(v.Requests[0].ImageBlobName, "carrier-vin-photo/") {
				t.Errorf("requests %+v", v.Requests)
			}
		}
	}
	if statuses[2] == 0 || statuses[3] == 0 {
		t.Errorf("statuses %v", statuses)
	}
}

// TestAssociations: a fraud ring's shared phone or e-mail finds every
// member as a company contact, and a contact's phone and e-mail find the
// carrier by the contact's roles.
func TestAssociations(t *testing.T) {
	t.Parallel()
	u := New(10000, 1, testEpoch)
	find := func(phone, email string) (out []mcp.AssociatedCarrier) {
		for _, i := range u.AssociationCandidates(phone, email) {
			if ac, ok := fresh(u, i).AssociatedCarrier(phone, email); ok {
				out = append(out, ac)
			}
		}
		return out
	}
	for k, rg := range u.rings {
		member := u.identity(rg.members[len(rg.members)-1])
		var found []mcp.AssociatedCarrier
		if rg.sharesPhone {
			found = find(member.phone, "")
		} else {
			found = find("", member.email)
		}
		var dots, want []int
		for _, ac := range found {
			dots = append(dots, ac.DOTNumber)
			types, other := ac.EmailAssociationTypes, ac.PhoneAssociationTypes
			if rg.sharesPhone {
				types, other = other, types
			}
			if len(types) == 0 || types[0].AssociationType != assocCompany || len(other) != 0 {
				t.Errorf("ring %d DOT %d: association types %+v / %+v", k, ac.DOTNumber, types, other)
			}
		}
		for _, i := range rg.members {
			want = append(want, u.DOT(i))
		}
		if !slices.Equal(dots, want) {
			t.Errorf("ring %d (phone %v): found %v, want %v", k, rg.sharesPhone, dots, want)
		}
	}

	admin := u.contacts(0)[0] // the sample carrier's
	found := find(admin.Phone, strings.ToLower(admin.Email))
	if len(found) != 1 || found[0].DOTNumber != SampleDOTNumber {
		t.Fatalf("found %+v", found)
	}
	want := contactAssociations(admin)
	if !slices.Contains(want, assocAuthorizedUser) {
		t.Fatalf("admin associations %v lack Authorized User", want)
	}
	for _, types := range [][]mcp.AssociationType{found[0].EmailAssociationTypes, found[0].PhoneAssociationTypes} {
		var codes []int
		for _, ty := range types {
			codes = append(codes, ty.AssociationType)
			if ty.Description != associationNames[ty.AssociationType] {
				t.Errorf("description %q for %d", ty.Description, ty.AssociationType)
			}
		}
		if !slices.Equal(codes, want) {
			t.Errorf("codes %v, want %v", codes, want)
		}
	}
}
