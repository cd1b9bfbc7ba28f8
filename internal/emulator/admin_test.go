package emulator

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func TestAdminRoutes(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	mc, _ := inst.Carriers(CarrierFilter{Kind: KindMC, Limit: 3})
	dots := []int{mc[0].DOTNumber, mc[1].DOTNumber, mc[2].DOTNumber}

	t.Run("monitored and blocked edits", func(t *testing.T) {
		r := admin(t, inst, http.MethodPost, "monitored", map[string]any{"add": dots})
		if r.status != 200 || string(r.body) != "{\n  \"added\": 3,\n  \"removed\": 0,\n  \"total\": 3\n}\n" {
			t.Errorf("HTTP %d %s", r.status, r.body)
		}
		r = admin(t, inst, http.MethodPost, "monitored", map[string]any{"add": []int{dots[0]}, "remove": []int{dots[1]}})
		var e ListEdit
		r.decode(t, &e)
		if e != (ListEdit{Added: 0, Removed: 1, Total: 2}) {
			t.Errorf("edit %+v", e)
		}
		if r := admin(t, inst, http.MethodPost, "blocked", map[string]any{"add": []int{dots[2], 42}}); r.status != http.StatusNotFound || !strings.Contains(string(r.body), "42") {
			t.Errorf("unknown DOT: HTTP %d %s", r.status, r.body)
		}
		if r := admin(t, inst, http.MethodPost, "blocked", map[string]any{"add": []int{dots[2]}}); r.status != 200 {
			t.Errorf("HTTP %d %s", r.status, r.body)
		}
		if r := admin(t, inst, http.MethodPost, "blocked", map[string]any{"block": []int{1}}); r.status != http.StatusBadRequest {
			t.Errorf("unknown field: HTTP %d", r.status)
		}
		var list []mcp.MonitoredCarrier
		a.with(t).ok("MonitoredCarriers", "").decode(t, &list)
		if len(list) != 2 || list[0].CreatedBy != PortalUser {
			t.Errorf("monitored %+v", list)
		}
	})

	t.Run("state", func(t *testing.T) {
		a.with(t).ok("EmailPacketInvitation", "carrierEmail=x%40y.example&dotNumber="+strconv.Itoa(dots[0]))
		var snap Snapshot
		admin(t, inst, http.MethodGet, "state", nil).decode(t, &snap)
		if len(snap.Monitored) != 2 || snap.Monitored[0].MonitoringID == 0 || len(snap.Blocked) != 1 || len(snap.Invitations) != 1 || snap.Invitations[0].CarrierEmail != "x@y.example" {
			t.Errorf("state %+v", snap)
		}
		raw := string(admin(t, inst, http.MethodGet, "state", nil).body)
		for _, key := range []string{`"dot_number"`, `"monitoring_id"`, `"created_by"`, `"carrier_email"`, `"send_confirmation_email"`, `"user_verifications"`, `"vin_verifications"`} {
			if !strings.Contains(raw, key) {
				t.Errorf("state lacks %s", key)
			}
		}
	})

	t.Run("carriers", func(t *testing.T) {
		var cs []CarrierInfo
		admin(t, inst, http.MethodGet, "carriers?kind=intrastate&limit=5", nil).decode(t, &cs)
		if len(cs) != 5 {
			t.Fatalf("%d carriers", len(cs))
		}
		for _, c := range cs {
			if c.IntrastateNumber == "" || c.DocketNumber != "" || c.LegalName == "" || c.Email == "" || !strings.HasPrefix(c.Phone, "(") {
				t.Errorf("carrier %+v", c)
			}
		}
		admin(t, inst, http.MethodGet, "carriers", nil).decode(t, &cs)
		if len(cs) != 100 || cs[0].DOTNumber != SampleDOTNumber {
			t.Errorf("default listing: %d carriers starting %+v", len(cs), cs[0])
		}
		admin(t, inst, http.MethodGet, "carriers?kind=monitored&limit=0", nil).decode(t, &cs)
		if len(cs) != 2 {
			t.Errorf("%d monitored carriers", len(cs))
		}
		for _, q := range []string{"carriers?kind=nope", "carriers?limit=-1", "carriers?limit=x"} {
			if r := admin(t, inst, http.MethodGet, q, nil); r.status != http.StatusBadRequest {
				t.Errorf("%s: HTTP %d", q, r.status)
			}
		}
	})

	t.Run("change and complete", func(t *testing.T) {
		r := admin(t, inst, http.MethodPost, "carriers/"+strconv.Itoa(dots[0])+"/change", map[string]string{"category": "Authority"})
		var ch struct {
			DOTNumber  int      `json:"dot_number"`
			Categories []string `json:"change_categories"`
		}
		r.decode(t, &ch)
		if r.status != 200 || ch.DOTNumber != dots[0] || strings.Join(ch.Categories, ",") != "Authority,RiskAssessment" {
			t.Errorf("change: HTTP %d %s", r.status, r.body)
		}
		for path, body := range map[string]any{
			"carriers/42/change":                            map[string]string{"category": "risk"},
			"carriers/x/change":                             map[string]string{"category": "risk"},
			"carriers/" + strconv.Itoa(dots[0]) + "/change": map[string]string{"category": "weather"},
			"packets/42/complete":                           nil,
		} {
			if r := admin(t, inst, http.MethodPost, path, body); r.status != http.StatusNotFound && r.status != http.StatusBadRequest {
				t.Errorf("%s: HTTP %d", path, r.status)
			}
		}
		r = admin(t, inst, http.MethodPost, "packets/"+strconv.Itoa(SampleDOTNumber)+"/complete", nil)
		if r.status != 200 || !strings.Contains(string(r.body), `"completed_date": "2026-01-15T12:00:00Z"`) {
			t.Errorf("complete: HTTP %d %s", r.status, r.body)
		}
	})

	t.Run("faults", func(t *testing.T) {
		r := admin(t, inst, http.MethodPost, "faults", map[string]any{"rate": 0.5, "statuses": []int{429, 0}, "retry_after": 2, "latency": "15ms", "operations": []string{"emailpacketinvitation"}, "after": true})
		var got struct {
			RetryAfter string   `json:"retry_after"`
			Latency    string   `json:"latency"`
			After      bool     `json:"after"`
			Operations []string `json:"operations"`
		}
		r.decode(t, &got)
		if r.status != 200 || got.RetryAfter != "2s" || got.Latency != "15ms" || !got.After || len(got.Operations) != 1 || got.Operations[0] != "EmailPacketInvitation" {
			t.Errorf("HTTP %d %s", r.status, r.body)
		}
		f := inst.Faults()
		if f.Rate != 0.5 || len(f.Statuses) != 2 || f.RetryAfter.Seconds() != 2 || !f.After {
			t.Errorf("faults %+v", f)
		}
		for _, body := range []any{map[string]any{"rate": 2}, map[string]any{"retry_after": "soon"}, map[string]any{"statuses": []int{418}}, map[string]any{"rat": 1}} {
			if r := admin(t, inst, http.MethodPost, "faults", body); r.status != http.StatusBadRequest {
				t.Errorf("%v: HTTP %d", body, r.status)
			}
		}
		admin(t, inst, http.MethodPost, "faults", map[string]any{})
		if f := inst.Faults(); f.Rate != 0 || f.Latency != 0 {
			t.Errorf("{} left faults %+v", f)
		}
	})

	t.Run("stats and reset", func(t *testing.T) {
		var st Stats
		admin(t, inst, http.MethodGet, "stats", nil).decode(t, &st)
		if st.Requests["MonitoredCarriers"] == 0 || st.Requests["Token"] != 1 || st.TokensIssued != 1 || st.Writes != 1 {
			t.Errorf("stats %+v", st)
		}
		raw := map[string]json.RawMessage{}
		admin(t, inst, http.MethodGet, "stats", nil).decode(t, &raw)
		for _, k := range []string{"requests", "faults", "tokens_issued", "writes"} {
			if _, ok := raw[k]; !ok {
				t.Errorf("stats lacks %s", k)
			}
		}
		if r := admin(t, inst, http.MethodPost, "reset", nil); r.status != http.StatusNoContent {
			t.Errorf("reset: HTTP %d", r.status)
		}
		var after Stats
		admin(t, inst, http.MethodGet, "stats", nil).decode(t, &after)
		snap := inst.Snapshot()
		if len(after.Requests) != 0 || after.Writes != 0 || len(snap.Monitored)+len(snap.Blocked)+len(snap.Invitations) != 0 {
			t.Errorf("after reset: stats %+v, state %+v", after, snap)
		}
		a.with(t).ok("GetCarrierData", dotQuery(SampleDOTNumber)) // the token survived
	})

	t.Run("wrong method", func(t *testing.T) {
		if r := admin(t, inst, http.MethodGet, "reset", nil); r.status != http.StatusMethodNotAllowed {
			t.Errorf("GET reset: HTTP %d", r.status)
		}
	})
}
