package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44emulator"
)

// p44Token mints a project44 token at inst.URL with body credentials.
func p44Token(t *testing.T, baseURL, id, secret string) string {
	t.Helper()
	r := send(t, http.MethodPost, baseURL+p44emulator.TokenPath,
		strings.NewReader(url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}}.Encode()),
		http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
	if r.status != http.StatusOK {
		t.Fatalf("p44 token: HTTP %d %s", r.status, r.body)
	}
	var body struct {
		AccessToken string `json:"access_token"`
	}
	r.decode(t, &body)
	return body.AccessToken
}

const p44Invitation = `{"invitee":{"identifiers":[{"type":"DOT_NUMBER","value":"1234567"}],"organization":{"name":"My Trucking LLC"},
"contacts":[{"email":"john@mytruckingllc.com","givenName":"John"}]},"capability":"TRUCKLOAD_ASSET_TRACKING"}`

func p44Create(t *testing.T, baseURL, tok string) *response {
	t.Helper()
	return send(t, http.MethodPost, baseURL+p44emulator.InvitationsPath, strings.NewReader(p44Invitation),
		http.Header{"Authorization": {"Bearer " + tok}, "Content-Type": {"application/json"}})
}

func TestP44ServedOnTheSameListener(t *testing.T) {
	t.Parallel()
	inst, clock := startTest(t, Options{Carriers: 50, Project44: p44emulator.Options{ClientID: "p44id", ClientSecret: "p44secret"}})
	a := newAPI(t, inst)
	a.ok("PreviewCarrier", dotQuery(SampleDOTNumber))
	tok := p44Token(t, inst.URL, "p44id", "p44secret")
	if r := p44Create(t, inst.URL, tok); r.status != http.StatusCreated || !strings.Contains(string(r.body), `"createdDateTime":"2026-01-15T12:00:00.000Z"`) {
		t.Errorf("create: HTTP %d %s (the p44 emulator runs on the MCP emulator's clock)", r.status, r.body)
	}
	// Each API's tokens are its own.
	if r := send(t, http.MethodGet, inst.URL+p44emulator.InvitationsPath, nil, http.Header{"Authorization": {"Bearer " + a.token}}); r.status != http.StatusUnauthorized {
		t.Errorf("MCP token on project44: HTTP %d", r.status)
	}
	if r := send(t, http.MethodPost, inst.URL+"/api/v1/Carrier/MonitoredCarriers", nil, http.Header{"Authorization": {"Bearer " + tok}}); r.status != http.StatusUnauthorized {
		t.Errorf("project44 token on MCP: HTTP %d", r.status)
	}
	p44 := inst.P44()
	if err := p44.SetStatus("DOT_NUMBER", "1234567", p44emulator.StatusAccepted); err != nil {
		t.Fatal(err)
	}
	if invs := p44.Invitations(); len(invs) != 1 || invs[0].Status != p44emulator.StatusAccepted {
		t.Errorf("invitations %+v", invs)
	}
	// Admin routes of both.
	if r := send(t, http.MethodGet, inst.URL+"/_emulator/p44/stats", nil, nil); r.status != http.StatusOK || !strings.Contains(string(r.body), `"invitations_created":1`) {
		t.Errorf("p44 stats: HTTP %d %s", r.status, r.body)
	}
	st := inst.Stats()
	if st.Requests["CreateInvitation"] != 1 || st.Requests["P44Token"] != 1 || st.Requests["PreviewCarrier"] != 1 || st.TokensIssued != 1 {
		t.Errorf("MCP stats %+v", st)
	}
	// MCP's 404s outside project44's prefixes are unchanged.
	for _, path := range []string{"/api/v2/Carrier/PreviewCarrier", "/API/V4/oauth2/token", "/servicesx", "/api/v4"} {
		r := send(t, http.MethodPost, inst.URL+path, nil, nil)
		if r.status != http.StatusNotFound || !strings.HasPrefix(r.message(t), "No HTTP resource was found") {
			t.Errorf("%s: HTTP %d %s", path, r.status, r.body)
		}
	}
	// Under them, project44's 404.
	if r := send(t, http.MethodGet, inst.URL+"/services/nope", nil, nil); r.status != http.StatusNotFound || !strings.Contains(string(r.body), `"httpStatusCode":404`) {
		t.Errorf("/services/nope: HTTP %d %s", r.status, r.body)
	}
	if r := send(t, http.MethodPost, inst.URL+"/api/v1/Carrier/CreateInvitation", nil, nil); r.status != http.StatusNotFound {
		t.Errorf("a project44 operation as a Carrier action: HTTP %d", r.status)
	}
	// Reset resets both.
	clock.Advance(time.Second)
	if r := admin(t, inst, http.MethodPost, "reset", nil); r.status != http.StatusNoContent {
		t.Fatalf("reset: HTTP %d", r.status)
	}
	if len(p44.Invitations()) != 0 || p44.Stats().TokensIssued != 0 || len(inst.Stats().Requests) != 0 {
		t.Errorf("after reset: %+v %+v", p44.Stats(), inst.Stats())
	}
}

func TestP44Faults(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50})
	tok := p44Token(t, inst.URL, "demo", "demo")
	if err := inst.SetFaults(Faults{Rate: 1, Statuses: []int{429}, RetryAfter: 2 * time.Second, Operations: []string{"createinvitation"}}); err != nil {
		t.Fatal(err)
	}
	r := p44Create(t, inst.URL, tok)
	var env struct {
		HTTPStatusCode int    `json:"httpStatusCode"`
		HTTPMessage    string `json:"httpMessage"`
	}
	if err := json.Unmarshal(r.body, &env); err != nil || r.status != 429 || r.header.Get("Retry-After") != "2" || env.HTTPStatusCode != 429 || env.HTTPMessage != "Too Many Requests" {
		t.Errorf("fault before: HTTP %d Retry-After %q %s", r.status, r.header.Get("Retry-After"), r.body)
	}
	if n := len(inst.P44().Invitations()); n != 0 {
		t.Errorf("%d invitations stored by a request failed before processing", n)
	}
	if err := inst.SetFaults(Faults{Rate: 1, Statuses: []int{503}, Operations: []string{"CreateInvitation"}, After: true}); err != nil {
		t.Fatal(err)
	}
	if r := p44Create(t, inst.URL, tok); r.status != 503 {
		t.Errorf("fault after: HTTP %d", r.status)
	}
	if n := len(inst.P44().Invitations()); n != 1 {
		t.Errorf("%d invitations stored by a request failed after processing, want 1", n)
	}
	// Other project44 operations are not faulted; an empty Operations covers them all.
	list := func() int {
		return send(t, http.MethodGet, inst.URL+p44emulator.InvitationsPath, nil, http.Header{"Authorization": {"Bearer " + tok}}).status
	}
	if s := list(); s != 200 {
		t.Errorf("list: HTTP %d", s)
	}
	if err := inst.SetFaults(Faults{Rate: 1, Statuses: []int{500}}); err != nil {
		t.Fatal(err)
	}
	if s := list(); s != 500 {
		t.Errorf("list under faults on everything: HTTP %d", s)
	}
	if r := send(t, http.MethodGet, inst.URL+"/_emulator/p44/stats", nil, nil); r.status != 200 {
		t.Errorf("p44 admin route faulted: HTTP %d", r.status)
	}
	if st := inst.Stats(); st.Faults["CreateInvitation"] != 2 || st.Faults["ListInvitations"] != 1 || st.Requests["ListInvitations"] != 2 {
		t.Errorf("stats %+v", st)
	}
	if err := inst.SetFaults(Faults{Rate: 1, Operations: []string{"TrackingMethods", "P44Token"}}); err != nil {
		t.Errorf("project44 operation names: %v", err)
	}
}

func TestP44Latency(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 50, Latency: 50 * time.Millisecond})
	begin := time.Now()
	p44Token(t, inst.URL, "demo", "demo")
	if d := time.Since(begin); d < 50*time.Millisecond {
		t.Errorf("token in %v, want the latency", d)
	}
}

func TestP44Recorded(t *testing.T) {
	t.Parallel()
	inst, rec := startRecorded(t, Options{Carriers: 50})
	tok := p44Token(t, inst.URL, "demo", "demo")
	p44Create(t, inst.URL, tok)
	send(t, http.MethodGet, inst.URL+p44emulator.TrackingMethodsPath+"?carrierIdentifier.type=DOT_NUMBER&carrierIdentifier.value=7", nil, http.Header{"Authorization": {"Bearer " + tok}})
	send(t, http.MethodGet, inst.URL+"/services/nope", nil, nil)
	send(t, http.MethodGet, inst.URL+"/_emulator/p44/stats", nil, nil)
	var got []string
	for _, r := range waitRecorded(rec, 4) {
		got = append(got, r.Operation+" "+http.StatusText(r.Status))
	}
	want := []string{"P44Token OK", "CreateInvitation Created", "TrackingMethods OK", "/services/nope Not Found"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("recorded %v, want %v", got, want)
	}
	if len(rec.Tokens()) != 0 {
		t.Errorf("project44 tokens in Tokens(): %v", rec.Tokens())
	}
}
