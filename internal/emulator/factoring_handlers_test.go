package emulator

import (
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func TestUpdatedFactoringCompanies(t *testing.T) {
	t.Parallel()
	inst, clock := startTest(t, Options{})
	a := newAPI(t, inst)
	factoringCompanies := len(inst.u.FactoringCompanies())
	var all mcp.UpdatedFactoringCompanies
	a.ok("GetUpdatedFactoringCompanies", "fromDate=2000-01-01T00:00:00Z").decode(t, &all)
	if all.FactoringCompaniesCount != factoringCompanies || len(all.FactoringCompanies) != factoringCompanies || !all.ToDate.Equal(clock.Now()) || !all.RequestDateTimeUtc.Equal(clock.Now()) {
		t.Fatalf("directory: %d companies, ToDate %v", all.FactoringCompaniesCount, all.ToDate)
	}
	ids := map[int]bool{}
	oldest := clock.Now()
	for _, f := range all.FactoringCompanies {
		ids[f.FactoringCompanyID] = true
		if f.UpdatedDateTime.Before(f.CreatedDateTime.Time) || f.CreatedDateTime.After(clock.Now()) {
			t.Errorf("company %d created %v updated %v", f.FactoringCompanyID, f.CreatedDateTime, f.UpdatedDateTime)
		}
		if f.CreatedDateTime.Before(oldest) {
			oldest = f.CreatedDateTime.Time
		}
	}
	if clock.Now().Sub(oldest) < 365*24*time.Hour {
		t.Errorf("oldest entry %v: the directory should span two years", oldest)
	}
	var recent mcp.UpdatedFactoringCompanies
	from := clock.Now().AddDate(0, -6, 0)
	a.ok("GetUpdatedFactoringCompanies", window(from, clock.Now())).decode(t, &recent)
	want := 0
	for _, f := range all.FactoringCompanies {
		if !f.UpdatedDateTime.Before(from) || !f.CreatedDateTime.Before(from) {
			want++
		}
	}
	if recent.FactoringCompaniesCount != want || want == 0 || want == factoringCompanies {
		t.Errorf("%d companies in the last six months, want %d (of %d)", recent.FactoringCompaniesCount, want, factoringCompanies)
	}
	if r := a.call("GetUpdatedFactoringCompanies", window(clock.Now(), from)); r.status != 400 {
		t.Errorf("fromDate after toDate: HTTP %d", r.status)
	}

	// Factored packet carriers reference directory entries.
	packets, _ := inst.Carriers(CarrierFilter{Kind: KindPacket, Limit: 30})
	factored := 0
	for _, c := range packets {
		var d mcp.CarrierData
		a.ok("GetCarrierData", dotQuery(c.DOTNumber)).decode(t, &d)
		if fr := d.FactoringRemit; fr != nil {
			factored++
			if !ids[fr.FactoringCompanyID] {
				t.Errorf("FactoringCompanyID %d is not in the directory", fr.FactoringCompanyID)
			}
		}
	}
	if factored == 0 {
		t.Error("no factored carrier among 30 packets")
	}
}
