package emulator

import (
	"net/http"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func TestBlockingLifecycle(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)

	var out mcp.BlockCarrierOutput
	a.ok("BlockCarrier", "DocketNumber="+SampleDocketNumber).decode(t, &out)
	if want := "Carrier DOT23868/MC113843 SAMPLE TRUCKING LLC was added to your blocked carrier list."; !out.Result || out.Message != want {
		t.Errorf("block %+v", out)
	}
	a.ok("BlockCarrier", dotQuery(SampleDOTNumber)).decode(t, &out)
	if want := "Carrier DOT23868/MC113843 SAMPLE TRUCKING LLC is already in your blocked carrier list."; out.Result || out.Message != want {
		t.Errorf("repeat block %+v", out)
	}
	var list []mcp.BlockedCarrier
	a.ok("BlockedCarriers", "").decode(t, &list)
	if len(list) != 1 || list[0].DOTNumber != SampleDOTNumber || list[0].DocketNumber != SampleDocketNumber || list[0].CreatedBy != "demo" || list[0].LastModifiedBy != "demo" || !list[0].CreatedDate.Equal(testEpoch) {
		t.Errorf("blocked list %+v", list)
	}
	if _, pb, _, db := flags(t, a, SampleDOTNumber); !pb || !db {
		t.Error("not flagged blocked")
	}
	var un mcp.UnblockCarrierOutput
	a.ok("UnblockCarrier", dotQuery(SampleDOTNumber)).decode(t, &un)
	if want := "Carrier DOT23868/MC113843 SAMPLE TRUCKING LLC was removed from your blocked carrier list."; !un.Result || un.Message != want {
		t.Errorf("unblock %+v", un)
	}
	a.ok("UnblockCarrier", dotQuery(SampleDOTNumber)).decode(t, &un)
	if want := "Carrier DOT23868/MC113843 SAMPLE TRUCKING LLC is not in your blocked carrier list."; un.Result || un.Message != want {
		t.Errorf("repeat unblock %+v", un)
	}
	if _, pb, _, db := flags(t, a, SampleDOTNumber); pb || db {
		t.Error("still flagged blocked")
	}

	t.Run("unknown carriers are 404 for every membership write", func(t *testing.T) {
		a := a.with(t)
		for _, op := range []string{"RequestMonitoring", "CancelMonitoring", "BlockCarrier", "UnblockCarrier"} {
			for _, q := range []string{"DOTNumber=42", "DocketNumber=MC42", "IntrastateNumber=ZZ42"} {
				if r := a.call(op, q); r.status != http.StatusNotFound {
					t.Errorf("%s?%s: HTTP %d %s", op, q, r.status, r.body)
				}
			}
			if r := a.call(op, ""); r.status != http.StatusBadRequest {
				t.Errorf("%s without identifiers: HTTP %d", op, r.status)
			}
		}
	})
}
