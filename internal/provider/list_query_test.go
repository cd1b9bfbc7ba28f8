package provider

import (
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

// TestListQuery runs terraform query's call on the two list resources: one
// result, the list's identity, and with include_resource the whole list as
// an import records it, every carrier managed and valued as MCP lists it.
func TestListQuery(t *testing.T) {
	t.Parallel()
	em, s := listedEmulator(t)
	for typeName, kind := range map[string]string{"mcp_monitoring_list": emulator.KindMonitored, "mcp_block_list": emulator.KindBlocked} {
		carriers, err := em.Carriers(emulator.CarrierFilter{Kind: kind})
		if err != nil {
			t.Fatal(err)
		}
		for _, include := range []bool{false, true} {
			results := query(t, s, typeName, nil, include, 0)
			if len(results) != 1 {
				t.Fatalf("%s: %d results, want 1", typeName, len(results))
			}
			r := results[0]
			id := typeName[len("mcp_"):]
			if str(t, r.identity["id"]) != id || len(r.diags) > 0 {
				t.Errorf("%s: identity %v, diagnostics %v", typeName, r.identity, r.diags)
			}
			if !include {
				if r.resource != nil {
					t.Errorf("%s: a resource object nobody asked for", typeName)
				}
				continue
			}
			var listed map[string]tftypes.Value
			if err := r.resource["carriers"].As(&listed); err != nil {
				t.Fatal(err)
			}
			if len(listed) != len(carriers) {
				t.Errorf("%s: %d carriers, want %d", typeName, len(listed), len(carriers))
			}
			for _, c := range carriers {
				want := c.DocketNumber
				if want == "" {
					want = c.IntrastateNumber
				}
				if got := str(t, listed[strconv.Itoa(c.DOTNumber)]); got != want {
					t.Errorf("%s: carrier %d is %q, want %q", typeName, c.DOTNumber, got, want)
				}
			}
			var unmanaged map[string]tftypes.Value
			if err := r.resource["unmanaged"].As(&unmanaged); err != nil || len(unmanaged) != 0 {
				t.Errorf("%s: unmanaged %v (%v), want none: an import manages every carrier", typeName, unmanaged, err)
			}
		}
	}
	if got := em.Stats().Requests["MonitoredCarriers"]; got != 1 {
		t.Errorf("MonitoredCarriers read %d times, want once for both queries", got)
	}
}
