package p44emulator

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func (e *env) admin(method, route string, body any) *response {
	e.t.Helper()
	var h http.Header
	var rd *strings.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = strings.NewReader(string(b))
		h = http.Header{"Content-Type": {"application/json"}}
	}
	if rd == nil {
		return e.send(method, AdminPrefix+route, nil, h)
	}
	return e.send(method, AdminPrefix+route, rd, h)
}

func TestAdminRoutes(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	e.create(tok, "DOT_NUMBER", "1")
	e.create(tok, "DOT_NUMBER", "1")

	r := e.admin(http.MethodPost, "invitations/status", map[string]string{"type": "DOT_NUMBER", "value": "1", "status": "DECLINED"})
	var moved Invitation
	r.decode(t, &moved)
	if r.status != http.StatusOK || moved.Status != StatusDeclined || moved.ID != e.s.Invitations()[1].ID {
		t.Errorf("status: HTTP %d %s", r.status, r.body)
	}
	if r := e.admin(http.MethodPost, "invitations/status", map[string]string{"type": "DOT_NUMBER", "value": "2", "status": "DECLINED"}); r.status != http.StatusNotFound {
		t.Errorf("never invited: HTTP %d", r.status)
	}
	if r := e.admin(http.MethodPost, "invitations/status", map[string]string{"type": "DOT_NUMBER", "value": "1", "status": "declined"}); r.status != http.StatusBadRequest {
		t.Errorf("bad status: HTTP %d", r.status)
	}
	var list struct {
		Invitations []Invitation      `json:"invitations"`
		Identifiers []identifierCount `json:"identifiers"`
	}
	e.admin(http.MethodGet, "invitations", nil).decode(t, &list)
	if len(list.Invitations) != 2 || list.Invitations[1].Status != StatusDeclined ||
		!slices.Equal(list.Identifiers, []identifierCount{{Type: "DOT_NUMBER", Value: "1", TimesInvited: 2}}) {
		t.Errorf("invitations %+v", list)
	}

	r = e.admin(http.MethodPut, "tracking-methods", map[string]any{"type": "MC_NUMBER", "value": "5", "equipment_types": []string{"LICENSE_PLATE"}})
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `"equipment_types":["LICENSE_PLATE"]`) {
		t.Errorf("set methods: HTTP %d %s", r.status, r.body)
	}
	if _, got := e.methods(tok, "MC_NUMBER", "5"); !slices.Equal(got, []string{"LICENSE_PLATE"}) {
		t.Errorf("lookup after override: %v", got)
	}
	if r := e.admin(http.MethodGet, "tracking-methods?type=DOT_NUMBER&value=14", nil); !strings.Contains(string(r.body), `"equipment_types":["VEHICLE_ID"]`) {
		t.Errorf("get methods: %s", r.body)
	}
	if r := e.admin(http.MethodPut, "tracking-methods", map[string]any{"type": "MC_NUMBER", "value": "5", "equipment_types": []string{"ELD"}}); r.status != http.StatusBadRequest {
		t.Errorf("bad equipment type: HTTP %d", r.status)
	}

	if r := e.admin(http.MethodPut, "forbidden", map[string]bool{"forbidden": true}); r.status != http.StatusOK {
		t.Errorf("forbidden: HTTP %d", r.status)
	}
	if r := e.api(tok, http.MethodGet, InvitationsPath, nil); r.status != http.StatusForbidden {
		t.Errorf("while forbidden: HTTP %d", r.status)
	}
	if r := e.admin(http.MethodPut, "variants", []string{"p44-create-200", "p44-nope"}); r.status != http.StatusBadRequest {
		t.Errorf("bad variant: HTTP %d", r.status)
	}
	if r := e.admin(http.MethodPut, "variants", []string{"p44-create-200"}); r.status != http.StatusOK || string(r.body) != `["p44-create-200"]` {
		t.Errorf("variants: HTTP %d %s", r.status, r.body)
	}
	if r := e.admin(http.MethodGet, "variants", nil); string(r.body) != `["p44-create-200"]` {
		t.Errorf("variants: %s", r.body)
	}

	var st Stats
	e.admin(http.MethodGet, "stats", nil).decode(t, &st)
	if st.TokensIssued != 1 || st.InvitationsCreated != 2 || st.Requests[OpCreateInvitation] != 2 || st.Requests[OpListInvitations] != 1 || st.Requests[OpTrackingMethods] != 1 {
		t.Errorf("stats %+v", st)
	}
	if r := e.admin(http.MethodPost, "tokens/expire", nil); r.status != http.StatusNoContent {
		t.Errorf("expire: HTTP %d", r.status)
	}
	if r := e.admin(http.MethodPost, "reset", nil); r.status != http.StatusNoContent {
		t.Errorf("reset: HTTP %d", r.status)
	}
	if st := e.s.Stats(); len(e.s.Invitations()) != 0 || st.TokensIssued != 0 || len(st.Requests) != 0 || len(e.s.Variants()) != 0 {
		t.Errorf("after reset: %+v %v", st, e.s.Variants())
	}
	if r := e.api(tok, http.MethodGet, InvitationsPath, nil); r.status != http.StatusUnauthorized {
		t.Errorf("expired token: HTTP %d", r.status)
	}
	for _, route := range []string{"nope", "invitations/status"} {
		if r := e.admin(http.MethodGet, route, nil); r.status == http.StatusOK || !strings.Contains(string(r.body), `"error"`) {
			t.Errorf("%s: HTTP %d %s", route, r.status, r.body)
		}
	}
	if r := e.admin(http.MethodPut, "forbidden", map[string]any{"forbidden": true, "extra": 1}); r.status != http.StatusBadRequest {
		t.Errorf("unknown field: HTTP %d", r.status)
	}
}
