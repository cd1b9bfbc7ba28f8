package p44emulator

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"testing"
	"time"
)

func TestParseVariants(t *testing.T) {
	t.Parallel()
	all, err := ParseVariants("all")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(VariantNames())-len(VariantConflicts()) || !slices.Contains(all, VariantTimeOffset) || slices.Contains(all, VariantTimeNoOffset) {
		t.Errorf("all = %v", all)
	}
	alt, err := ParseVariants(" ALL, p44-time-no-offset,p44-expires-in-absent,")
	if err != nil || !slices.Contains(alt, VariantTimeNoOffset) || slices.Contains(alt, VariantTimeOffset) || slices.Contains(alt, VariantExpiresInString) {
		t.Errorf("all with the second of each pair = %v, %v", alt, err)
	}
	for _, bad := range []string{"p44-time-offset,p44-time-no-offset", "local-times", "p44-nope"} {
		if _, err := ParseVariants(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if got, err := ParseVariants(""); err != nil || len(got) != 0 {
		t.Errorf("empty: %v %v", got, err)
	}
}

func TestVariantCreate200AndInvitationID(t *testing.T) {
	t.Parallel()
	e := start(t, Options{Variants: []string{VariantCreate200, VariantInvitationID}})
	tok := e.token()
	r := e.api(tok, http.MethodPost, InvitationsPath, invite("DOT_NUMBER", "1"))
	id := e.s.Invitations()[0].ID
	if r.status != http.StatusOK || r.object(t)["id"] != id || !regexp.MustCompile(`^\{"id":"[0-9a-f-]{36}","invitee"`).Match(r.body) {
		t.Errorf("HTTP %d %s", r.status, r.body)
	}
	if p := e.list(tok, ""); p.Results[0]["id"] != id {
		t.Errorf("list %v", p.Results[0])
	}
}

func TestVariantOneBasedPages(t *testing.T) {
	t.Parallel()
	e := start(t, Options{Variants: []string{VariantOneBasedPages}})
	tok := e.token()
	for _, v := range []string{"1", "2", "3"} {
		e.create(tok, "DOT_NUMBER", v)
	}
	if p := e.list(tok, "pageSize=2"); p.PaginationInfo.PageNumber != 1 || len(p.Results) != 2 || identifierOf(t, p.Results[0]) != "1" {
		t.Errorf("default page %+v", p)
	}
	for _, q := range []string{"pageNumber=2&pageSize=2", "page=2&size=2"} {
		if p := e.list(tok, q); p.PaginationInfo.PageNumber != 2 || len(p.Results) != 1 || identifierOf(t, p.Results[0]) != "3" {
			t.Errorf("%s: %+v", q, p)
		}
	}
	if r := e.api(tok, http.MethodGet, InvitationsPath+"?pageNumber=0", nil); r.status != http.StatusBadRequest {
		t.Errorf("page 0: HTTP %d", r.status)
	}
}

func TestVariantStatusFilterIgnoredAndListNoContacts(t *testing.T) {
	t.Parallel()
	e := start(t, Options{Variants: []string{VariantStatusFilterIgnored, VariantListNoContacts}})
	tok := e.token()
	created := e.create(tok, "DOT_NUMBER", "1")
	e.create(tok, "DOT_NUMBER", "2")
	if err := e.s.SetStatus("DOT_NUMBER", "1", StatusAccepted); err != nil {
		t.Fatal(err)
	}
	p := e.list(tok, "status=DECLINED")
	if p.PaginationInfo.Total != 2 || len(p.Results) != 2 {
		t.Errorf("filter not ignored: %+v", p)
	}
	if _, ok := p.Results[0]["invitee"].(map[string]any)["contacts"]; ok {
		t.Errorf("contacts listed: %v", p.Results[0])
	}
	if _, ok := created["invitee"].(map[string]any)["contacts"]; !ok {
		t.Errorf("the create answer still echoes contacts: %v", created)
	}
}

func TestVariantDuplicate409(t *testing.T) {
	t.Parallel()
	e := start(t, Options{Variants: []string{VariantDuplicate409}})
	tok := e.token()
	e.create(tok, "DOT_NUMBER", "1")
	r := e.api(tok, http.MethodPost, InvitationsPath, invite("DOT_NUMBER", "1"))
	if r.status != http.StatusConflict || !slices.Equal(r.fields(t), []string{"invitee.identifiers"}) {
		t.Errorf("HTTP %d %s", r.status, r.body)
	}
	e.create(tok, "MC_NUMBER", "1") // another identifier
	if err := e.s.SetStatus("DOT_NUMBER", "1", StatusAccepted); err != nil {
		t.Fatal(err)
	}
	if r := e.api(tok, http.MethodPost, InvitationsPath, invite("DOT_NUMBER", "1")); r.status != http.StatusConflict {
		t.Errorf("accepted: HTTP %d", r.status)
	}
	if err := e.s.SetStatus("DOT_NUMBER", "1", StatusExpired); err != nil {
		t.Fatal(err)
	}
	e.create(tok, "DOT_NUMBER", "1")
	if n := len(e.s.Invitations()); n != 3 || e.s.Stats().InvitationsCreated != 3 {
		t.Errorf("%d invitations", n)
	}
}

func TestVariantTrackingUnknown404(t *testing.T) {
	t.Parallel()
	e := start(t, Options{Variants: []string{VariantTrackingUnknown404}})
	tok := e.token()
	if r, _ := e.methods(tok, "DOT_NUMBER", "1000001"); r.status != http.StatusNotFound {
		t.Errorf("unknown: HTTP %d", r.status)
	} else {
		r.envelope(t)
	}
	if r, got := e.methods(tok, "DOT_NUMBER", "3"); r.status != http.StatusOK || len(got) != 1 {
		t.Errorf("known: HTTP %d %v", r.status, got)
	}
	if err := e.s.SetTrackingMethods("DOT_NUMBER", "1000001"); err != nil {
		t.Fatal(err)
	}
	if r, got := e.methods(tok, "DOT_NUMBER", "1000001"); r.status != http.StatusOK || len(got) != 0 {
		t.Errorf("known without methods: HTTP %d %v", r.status, got)
	}
}

func TestVariantTimes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		variant string
		zone    *time.Location
		want    string
	}{
		{"", nil, "2026-03-18T11:27:45.465Z"},
		{VariantTimeOffset, nil, "2026-03-18T06:27:45.465-05:00"},
		{VariantTimeOffset, time.UTC, "2026-03-18T11:27:45.465+00:00"},
		{VariantTimeNoOffset, nil, "2026-03-18T11:27:45.465"},
	}
	for _, tt := range tests {
		e := start(t, Options{Variants: []string{tt.variant}, Zone: tt.zone})
		tok := e.token()
		inv := e.create(tok, "DOT_NUMBER", "1")
		if inv["createdDateTime"] != tt.want || inv["lastModifiedDateTime"] != tt.want || e.list(tok, "").Results[0]["createdDateTime"] != tt.want {
			t.Errorf("%s %v: %v, want %s", tt.variant, tt.zone, inv["createdDateTime"], tt.want)
		}
	}
}

func TestVariantGateway401Empty(t *testing.T) {
	t.Parallel()
	e := start(t, Options{Variants: []string{VariantGateway401Empty}})
	r := e.send(http.MethodGet, InvitationsPath, nil, nil)
	if r.status != http.StatusUnauthorized || len(r.body) != 0 || r.header.Get("WWW-Authenticate") != "Bearer" {
		t.Errorf("HTTP %d %q", r.status, r.body)
	}
}

func TestVariantsOfTheTokenAnswer(t *testing.T) {
	t.Parallel()
	good := clientCredentials(url.Values{"client_id": {"demo"}, "client_secret": {"demo"}})
	e := start(t, Options{Variants: []string{VariantExpiresInString}})
	if m := e.tokenRequest(good, nil).object(t); m["expires_in"] != "43200" {
		t.Errorf("expires-in-string: %v", m)
	}
	e = start(t, Options{Variants: []string{VariantExpiresInAbsent}, TokenTTL: time.Minute})
	if m := e.tokenRequest(good, nil).object(t); len(m) != 2 || m["access_token"] == nil {
		t.Errorf("expires-in-absent: %v", m)
	}
	e = start(t, Options{Variants: []string{VariantTokenOAuthErrors}})
	for _, tt := range []struct {
		form   url.Values
		basic  []string
		status int
		code   string
	}{
		{good, []string{"demo", "demo"}, http.StatusBadRequest, "invalid_request"},
		{url.Values{"grant_type": {"password"}}, nil, http.StatusBadRequest, "unsupported_grant_type"},
		{clientCredentials(nil), []string{"demo", "x"}, http.StatusUnauthorized, "invalid_client"},
	} {
		r := e.tokenRequest(tt.form, tt.basic)
		if m := r.object(t); r.status != tt.status || m["error"] != tt.code || m["error_description"] == "" {
			t.Errorf("HTTP %d %s, want %d %s", r.status, r.body, tt.status, tt.code)
		}
	}
}

func TestSetVariantsAndReset(t *testing.T) {
	t.Parallel()
	e := start(t, Options{Variants: []string{VariantCreate200}})
	if err := e.s.SetVariants([]string{"all"}); err != nil {
		t.Fatal(err)
	}
	if got := e.s.Variants(); len(got) != len(VariantNames())-2 {
		t.Errorf("all: %v", got)
	}
	if err := e.s.SetVariants([]string{"nope"}); err == nil || len(e.s.Variants()) == 1 {
		t.Errorf("bad name: %v, variants %v", err, e.s.Variants())
	}
	e.s.Reset()
	if got := e.s.Variants(); !slices.Equal(got, []string{VariantCreate200}) {
		t.Errorf("after Reset: %v", got)
	}
}
