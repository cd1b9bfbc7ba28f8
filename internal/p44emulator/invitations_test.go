package p44emulator

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"
)

func TestCreateInvitation(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	r := e.api(tok, http.MethodPost, InvitationsPath, invite("DOT_NUMBER", "1234567"))
	if r.status != http.StatusCreated {
		t.Fatalf("HTTP %d %s", r.status, r.body)
	}
	want := `{"invitee":{"identifiers":[{"type":"DOT_NUMBER","value":"1234567"}],"organization":{"name":"My Trucking LLC"},` +
		`"contacts":[{"email":"john@mytruckingllc.com","givenName":"John","familyName":"Nash","locale":"en-US","phone":"+14800000000"}]},` +
		`"capability":"TRUCKLOAD_ASSET_TRACKING","status":"IN_PROGRESS","createdDateTime":"2026-03-18T11:27:45.465Z","lastModifiedDateTime":"2026-03-18T11:27:45.465Z"}`
	if string(r.body) != want {
		t.Errorf("body\n%s\nwant\n%s", r.body, want)
	}
	// A contact without locale gets en-US; phoneNumber is echoed as sent.
	body := invite("VAT", "NL1234567890")
	body["invitee"].(map[string]any)["contacts"] = []map[string]string{{"email": "a@b.example", "givenName": "A", "phoneNumber": "+3112312313"}} //nolint:forcetypeassert // built above
	r = e.api(tok, http.MethodPost, InvitationsPath, body)
	if r.status != http.StatusCreated {
		t.Fatalf("HTTP %d %s", r.status, r.body)
	}
	contacts := r.object(t)["invitee"].(map[string]any)["contacts"].([]any)                                                  //nolint:forcetypeassert // a test
	if c := contacts[0].(map[string]any); c["locale"] != "en-US" || c["phoneNumber"] != "+3112312313" || c["phone"] != nil { //nolint:forcetypeassert // a test
		t.Errorf("contact %v", c)
	}
	invs := e.s.Invitations()
	if len(invs) != 2 || invs[0].Status != StatusInProgress || !invs[0].Created.Equal(testEpoch) || invs[0].ID == "" {
		t.Errorf("stored %+v", invs)
	}
	if st := e.s.Stats(); st.InvitationsCreated != 2 || st.Requests[OpCreateInvitation] != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestCreateInvitationValidation(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	edit := func(f func(inv map[string]any, invitee map[string]any)) map[string]any {
		inv := invite("DOT_NUMBER", "1000001")  // 1000001 = 7·142857 + 2: no tracking methods
		f(inv, inv["invitee"].(map[string]any)) //nolint:forcetypeassert // built by invite
		return inv
	}
	ids := func(pairs ...string) []map[string]string {
		var out []map[string]string
		for k := 0; k < len(pairs); k += 2 {
			out = append(out, map[string]string{"type": pairs[k], "value": pairs[k+1]})
		}
		return out
	}
	tests := []struct {
		name string
		body map[string]any
		want []string
	}{
		{"no capability", edit(func(inv, _ map[string]any) { delete(inv, "capability") }), []string{"capability"}},
		{"bad capability", edit(func(inv, _ map[string]any) { inv["capability"] = "LTL" }), []string{"capability"}},
		{"no invitee", map[string]any{"capability": "TRUCKLOAD_ASSET_TRACKING"}, []string{"invitee"}},
		{"no identifiers", edit(func(_, iv map[string]any) { delete(iv, "identifiers") }), []string{"invitee.identifiers"}},
		{"empty identifiers", edit(func(_, iv map[string]any) { iv["identifiers"] = []any{} }), []string{"invitee.identifiers"}},
		{"bad type", edit(func(_, iv map[string]any) { iv["identifiers"] = ids("DOT_NUMBER", "1000001", "USDOT", "1") }), []string{"invitee.identifiers[1].type"}},
		{"lower-case type", edit(func(_, iv map[string]any) { iv["identifiers"] = ids("dot_number", "1000001") }), []string{"invitee.identifiers[0].type"}},
		{"empty value", edit(func(_, iv map[string]any) { iv["identifiers"] = ids("SCAC", " ") }), []string{"invitee.identifiers[0].value"}},
		{"MC with prefix", edit(func(_, iv map[string]any) { iv["identifiers"] = ids("MC_NUMBER", "MC123456") }), []string{"invitee.identifiers[0].value"}},
		{"DOT with letters", edit(func(_, iv map[string]any) { iv["identifiers"] = ids("DOT_NUMBER", "12a") }), []string{"invitee.identifiers[0].value"}},
		{"no organization", edit(func(_, iv map[string]any) { delete(iv, "organization") }), []string{"invitee.organization.name"}},
		{"blank organization", edit(func(_, iv map[string]any) { iv["organization"] = map[string]string{"name": ""} }), []string{"invitee.organization.name"}},
		{"no contacts", edit(func(_, iv map[string]any) { delete(iv, "contacts") }), []string{"invitee.contacts"}},
		{"contact without email and name", edit(func(_, iv map[string]any) {
			iv["contacts"] = []map[string]string{{"email": "a@b.example", "givenName": "A"}, {"familyName": "B"}}
		}), []string{"invitee.contacts[1].email", "invitee.contacts[1].givenName"}},
		{"bad email", edit(func(_, iv map[string]any) {
			iv["contacts"] = []map[string]string{{"email": "John <j@b.example>", "givenName": "J"}}
		}), []string{"invitee.contacts[0].email"}},
		{"email without dotted domain", edit(func(_, iv map[string]any) {
			iv["contacts"] = []map[string]string{{"email": "j@localhost", "givenName": "J"}}
		}), []string{"invitee.contacts[0].email"}},
		{"bad locale", edit(func(_, iv map[string]any) {
			iv["contacts"] = []map[string]string{{"email": "a@b.example", "givenName": "A", "locale": "en-GB"}}
		}), []string{"invitee.contacts[0].locale"}},
		{"locale in the wrong case", edit(func(_, iv map[string]any) {
			iv["contacts"] = []map[string]string{{"email": "a@b.example", "givenName": "A", "locale": "en-us"}}
		}), []string{"invitee.contacts[0].locale"}},
		{"everything", map[string]any{"invitee": map[string]any{"identifiers": ids("XX", "")}}, []string{
			"capability", "invitee.identifiers[0].type", "invitee.identifiers[0].value", "invitee.organization.name", "invitee.contacts",
		}},
	}
	for _, tt := range tests {
		r := e.api(tok, http.MethodPost, InvitationsPath, tt.body)
		if r.status != http.StatusBadRequest {
			t.Errorf("%s: HTTP %d %s", tt.name, r.status, r.body)
			continue
		}
		if got := r.fields(t); !slices.Equal(got, tt.want) {
			t.Errorf("%s: fields %v, want %v", tt.name, got, tt.want)
		}
	}
	for _, loc := range Locales {
		body := invite("DOT_NUMBER", "1000001")
		body["invitee"].(map[string]any)["contacts"] = []map[string]string{{"email": "a@b.example", "givenName": "A", "locale": loc}} //nolint:forcetypeassert // built by invite
		if r := e.api(tok, http.MethodPost, InvitationsPath, body); r.status != http.StatusCreated {
			t.Errorf("locale %s: HTTP %d %s", loc, r.status, r.body)
		}
	}
	for name, raw := range map[string]string{"not JSON": "{", "identifiers an object": `{"invitee":{"identifiers":{}}}`} {
		r := e.api(tok, http.MethodPost, InvitationsPath, raw)
		if r.status != http.StatusBadRequest || len(r.envelope(t).Errors) != 0 {
			t.Errorf("%s: HTTP %d %s", name, r.status, r.body)
		}
	}
	r := e.send(http.MethodPost, InvitationsPath, nil, http.Header{"Authorization": {"Bearer " + tok}, "Content-Type": {"text/plain"}})
	if r.status != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain: HTTP %d", r.status)
	}
	if n := len(e.s.Invitations()); n != len(Locales) {
		t.Errorf("%d invitations stored, want only the %d valid ones", n, len(Locales))
	}
}

func TestCreateInvitationAssetCarrierNeedsNoContacts(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	bare := func(pairs ...string) map[string]any {
		var ids []map[string]string
		for k := 0; k < len(pairs); k += 2 {
			ids = append(ids, map[string]string{"type": pairs[k], "value": pairs[k+1]})
		}
		return map[string]any{"invitee": map[string]any{"identifiers": ids}, "capability": "TRUCKLOAD_ASSET_TRACKING"}
	}
	// 1234569 = 7·176367: VEHICLE_ID by the rule; NL...7 → LICENSE_PLATE.
	for _, body := range []map[string]any{bare("DOT_NUMBER", "1234569"), bare("VAT", "NL7"), bare("SCAC", "ABCD", "DOT_NUMBER", "1234569")} {
		if r := e.api(tok, http.MethodPost, InvitationsPath, body); r.status != http.StatusCreated {
			t.Errorf("%v: HTTP %d %s", body, r.status, r.body)
		}
	}
	// Driver-app only (3) and unknown carriers need both.
	for _, v := range []string{"3", "1000001"} {
		r := e.api(tok, http.MethodPost, InvitationsPath, bare("DOT_NUMBER", v))
		if got := r.fields(t); r.status != http.StatusBadRequest || !slices.Equal(got, []string{"invitee.organization.name", "invitee.contacts"}) {
			t.Errorf("DOT %s: HTTP %d fields %v", v, r.status, got)
		}
	}
	// An override decides, both ways.
	if err := e.s.SetTrackingMethods("DOT_NUMBER", "1000001", "VEHICLE_ID"); err != nil {
		t.Fatal(err)
	}
	if err := e.s.SetTrackingMethods("DOT_NUMBER", "1234569"); err != nil {
		t.Fatal(err)
	}
	if r := e.api(tok, http.MethodPost, InvitationsPath, bare("DOT_NUMBER", "1000001")); r.status != http.StatusCreated {
		t.Errorf("overridden to VEHICLE_ID: HTTP %d %s", r.status, r.body)
	}
	if r := e.api(tok, http.MethodPost, InvitationsPath, bare("DOT_NUMBER", "1234569")); r.status != http.StatusBadRequest {
		t.Errorf("overridden to none: HTTP %d %s", r.status, r.body)
	}
	// Contacts given anyway are still checked.
	body := bare("DOT_NUMBER", "1234569")
	body["invitee"].(map[string]any)["contacts"] = []map[string]string{{"locale": "xx"}} //nolint:forcetypeassert // built above
	e.s.Reset()
	if r := e.api(tok, http.MethodPost, InvitationsPath, body); !slices.Equal(r.fields(t), []string{"invitee.contacts[0].locale"}) {
		t.Errorf("bad locale of an asset carrier: HTTP %d %s", r.status, r.body)
	}
}

func TestDuplicateInvitationsAreBothListed(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	e.create(tok, "DOT_NUMBER", "1234567")
	e.clock.Advance(time.Second)
	e.create(tok, "DOT_NUMBER", "1234567")
	if p := e.list(tok, ""); p.PaginationInfo.Total != 2 || len(p.Results) != 2 || p.Results[1]["createdDateTime"] != "2026-03-18T11:27:46.465Z" {
		t.Errorf("list %+v", p)
	}
	if n := e.s.TimesInvited("DOT_NUMBER", "1234567"); n != 2 {
		t.Errorf("TimesInvited %d", n)
	}
}

func TestListPaging(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	for k := range 30 {
		e.create(tok, "DOT_NUMBER", fmt.Sprint(1000+k))
		e.clock.Advance(time.Millisecond)
	}
	values := func(p listPage) []string {
		var out []string
		for _, inv := range p.Results {
			out = append(out, identifierOf(t, inv))
		}
		return out
	}
	p := e.list(tok, "")
	if p.PaginationInfo != (paginationInfo{Total: 30, PageSize: 25, PageNumber: 0}) || len(p.Results) != 25 || values(p)[0] != "1000" {
		t.Errorf("default page %+v, %d results", p.PaginationInfo, len(p.Results))
	}
	for _, q := range []string{"pageNumber=1&pageSize=25", "page=1&size=25", "pageNumber=1&page=0&size=25"} {
		if p := e.list(tok, q); p.PaginationInfo != (paginationInfo{Total: 30, PageSize: 25, PageNumber: 1}) || !slices.Equal(values(p), []string{"1025", "1026", "1027", "1028", "1029"}) {
			t.Errorf("%s: %+v %v", q, p.PaginationInfo, values(p))
		}
	}
	if p := e.list(tok, "pageNumber=2&pageSize=7"); !slices.Equal(values(p), []string{"1014", "1015", "1016", "1017", "1018", "1019", "1020"}) {
		t.Errorf("page 2 of 7: %v", values(p))
	}
	if p := e.list(tok, "pageSize=1000"); p.PaginationInfo.PageSize != MaxPageSize || len(p.Results) != 30 {
		t.Errorf("pageSize 1000: %+v", p.PaginationInfo)
	}
	if p := e.list(tok, "pageNumber=9"); len(p.Results) != 0 || p.Results == nil || p.PaginationInfo.Total != 30 {
		t.Errorf("past the end: %+v", p)
	}
	for _, q := range []string{"pageNumber=-1", "pageSize=0", "page=x", "size=-3"} {
		r := e.api(tok, http.MethodGet, InvitationsPath+"?"+q, nil)
		if r.status != http.StatusBadRequest || len(r.fields(t)) != 1 {
			t.Errorf("%s: HTTP %d %s", q, r.status, r.body)
		}
	}
}

func TestListStatusFilterAndSetStatus(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	e.create(tok, "DOT_NUMBER", "1")
	e.create(tok, "SCAC", "ABCD")
	e.create(tok, "DOT_NUMBER", "1")
	e.clock.Advance(time.Minute)
	for _, st := range []string{StatusAccepted, StatusDeclined, StatusExpired, StatusCanceled} {
		if err := e.s.SetStatus("DOT_NUMBER", "1", st); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.s.SetStatus("SCAC", "ABCD", StatusAccepted); err != nil {
		t.Fatal(err)
	}
	invs := e.s.Invitations()
	if invs[0].Status != StatusInProgress || invs[2].Status != StatusCanceled || !invs[2].LastModified.Equal(testEpoch.Add(time.Minute)) || !invs[2].Created.Equal(testEpoch) {
		t.Errorf("SetStatus moves the latest: %+v", invs)
	}
	p := e.list(tok, "status=ACCEPTED")
	if p.PaginationInfo.Total != 1 || identifierOf(t, p.Results[0]) != "ABCD" || p.Results[0]["lastModifiedDateTime"] != "2026-03-18T11:28:45.465Z" {
		t.Errorf("ACCEPTED: %+v", p)
	}
	if p := e.list(tok, "status=IN_PROGRESS"); p.PaginationInfo.Total != 1 {
		t.Errorf("IN_PROGRESS: %+v", p.PaginationInfo)
	}
	if r := e.api(tok, http.MethodGet, InvitationsPath+"?status=accepted", nil); r.status != http.StatusBadRequest || !slices.Equal(r.fields(t), []string{"status"}) {
		t.Errorf("unknown status: HTTP %d %s", r.status, r.body)
	}
	if err := e.s.SetStatus("DOT_NUMBER", "2", StatusAccepted); err == nil {
		t.Error("SetStatus of an identifier never invited succeeded")
	}
	if err := e.s.SetStatus("DOT_NUMBER", "1", "DONE"); err == nil {
		t.Error("SetStatus to an unknown status succeeded")
	}
}

func TestUnknownRoutesAndMethods(t *testing.T) {
	t.Parallel()
	e := start(t, Options{})
	tok := e.token()
	for _, path := range []string{"/services/invitation/v1/invitations/x", "/services/invitation/v1/invitations/", "/api/v4/tl/shipments", "/services/", "/SERVICES/invitation/v1/invitations"} {
		r := e.api(tok, http.MethodGet, path, nil)
		if r.status != http.StatusNotFound {
			t.Errorf("%s: HTTP %d", path, r.status)
			continue
		}
		r.envelope(t)
	}
	if r := e.api(tok, http.MethodDelete, InvitationsPath, nil); r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "POST, GET" {
		t.Errorf("DELETE: HTTP %d Allow %q", r.status, r.header.Get("Allow"))
	}
	if len(e.s.Stats().Requests) != 1 {
		t.Errorf("requests %v: unknown routes count as no operation", e.s.Stats().Requests)
	}
}
