package provider

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// TestCarrierInvitationQuery: the query finds the latest invitation of
// each monitored carrier, filtered by who sent it, and not an invitation
// to a carrier that is not monitored, which MCP does not report.
func TestCarrierInvitationQuery(t *testing.T) {
	t.Parallel()
	em, s := listedEmulator(t)
	all, err := em.Carriers(emulator.CarrierFilter{})
	if err != nil {
		t.Fatal(err)
	}
	client := acctest.Client(t, em)
	// all[0:1200] are monitored: invite four of them, two by each user, and
	// one carrier that is not monitored.
	var want, wantByAna []string
	for i, c := range []int{3, 10, 400, 1100, 2500} {
		user := []string{"ana", "bo"}[i%2]
		car := all[c]
		if _, err := client.Invitations.EmailPacket(context.Background(), mcp.PacketInvitation{
			CarrierEmail: car.Email, DOTNumber: car.DOTNumber, UserName: user,
		}); err != nil {
			t.Fatal(err)
		}
		if c < 1200 {
			want = append(want, strconv.Itoa(car.DOTNumber)+"/"+car.Email)
			if user == "ana" {
				wantByAna = append(wantByAna, strconv.Itoa(car.DOTNumber)+"/"+car.Email)
			}
		}
	}
	for config, want := range map[string][]string{"": want, "ana": wantByAna} {
		attrs := map[string]any{}
		if config != "" {
			attrs["invited_by"] = config
		}
		var got []string
		for _, r := range query(t, s, "mcp_carrier_invitation", attrs, true, 0) {
			got = append(got, str(t, r.identity["dot_number"])+"/"+str(t, r.identity["carrier_email"]))
			if r.resource["send_confirmed"].IsNull() || str(t, r.resource["carrier_email"]) != str(t, r.identity["carrier_email"]) {
				t.Errorf("resource %v does not record the adopted invitation", r.resource)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("invited_by %q: got %v, want %v", config, got, want)
		}
	}
}
