package mcp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestResolveRefs: reference objects are replaced by the text of the object
// with that $id, byte for byte, however deep either sits.
func TestResolveRefs(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"list element", `[{"$id":"1","DOTNumber":5},{"$ref":"1"}]`,
			`[{"$id":"1","DOTNumber":5},{"$id":"1","DOTNumber":5}]`},
		{"nested member", `{"$id":"1","A":{"$id":"2","N":12345678901234567890,"F":1.50},"B":{ "$ref" : "2" }}`,
			`{"$id":"1","A":{"$id":"2","N":12345678901234567890,"F":1.50},"B":{"$id":"2","N":12345678901234567890,"F":1.50}}`},
		{"referenced object holds a reference", `[{"$id":"1","X":1},{"$id":"2","Y":{"$ref":"1"}},{"$ref":"2"}]`,
			`[{"$id":"1","X":1},{"$id":"2","Y":{"$id":"1","X":1}},{"$id":"2","Y":{"$id":"1","X":1}}]`},
		{"forward reference", `{"A":{"$ref":"2"},"B":{"$id":"2","Z":[]}}`,
			`{"A":{"$id":"2","Z":[]},"B":{"$id":"2","Z":[]}}`},
		{"in an array of arrays", `[[{"$id":"1","s":"a\"b"}],[{"$ref":"1"},{"$ref":"1"}]]`,
			`[[{"$id":"1","s":"a\"b"}],[{"$id":"1","s":"a\"b"},{"$id":"1","s":"a\"b"}]]`},
		{"\"$ref\" as data only", `{"$id":"1","Note":"$ref","$ref2":{"x":["$ref"]}}`, ``},
		{"not JSON", `{"A":{"$ref":"1"`, ``},
	}
	for _, tt := range tests {
		got, err := resolveRefs([]byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if tt.want == "" {
			tt.want = tt.in // unchanged
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestResolveRefs_noRefIsFree: a body without "$ref" is not copied. Not
// parallel: AllocsPerRun must run alone.
func TestResolveRefs_noRefIsFree(t *testing.T) {
	body := []byte(`[{"$id":"1","DOTNumber":1},{"$id":"2","DOTNumber":2}]`)
	got, err := resolveRefs(body)
	if err != nil || &got[0] != &body[0] || len(got) != len(body) {
		t.Errorf("resolveRefs copied or failed: %s, %v", got, err)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = resolveRefs(body) }); n != 0 {
		t.Errorf("resolveRefs allocates %v times for a body without references", n)
	}
}

// TestResolveRefs_errors: a reference that cannot be resolved fails rather
// than decoding as a blank object.
func TestResolveRefs_errors(t *testing.T) {
	t.Parallel()
	// Each object refers twice to the one before: 2^40 copies of object 0.
	var laughs strings.Builder
	laughs.WriteString(`[{"$id":"0","X":"xxxxxxxxxxxxxxxx"}`)
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&laughs, `,{"$id":"%d","A":{"$ref":"%d"},"B":{"$ref":"%d"}}`, i, i-1, i-1)
	}
	laughs.WriteString(`]`)
	tests := []struct{ name, in, wantErr string }{
		{"unknown id", `[{"$id":"1","X":1},{"$ref":"9"}]`, `$ref "9" names no object`},
		{"refers to its container", `{"$id":"1","Self":{"$ref":"1"}}`, `$ref "1" refers to an object that contains it`},
		{"cycle through two objects", `[{"$id":"1","B":{"$ref":"2"}},{"$id":"2","A":{"$ref":"1"}},{"$ref":"1"}]`, "contains it"},
		{"extra members", `[{"$id":"1"},{"$ref":"1","X":2}]`, `is not {"$ref":"<id>"}`},
		{"number", `[{"$id":"1"},{"$ref":1}]`, `is not {"$ref":"<id>"}`},
		{"null", `[{"$id":"1"},{"$ref":null}]`, `is not {"$ref":"<id>"}`},
		{"object", `[{"$id":"1"},{"$ref":{"id":"1"}}]`, `is not {"$ref":"<id>"}`},
		{"duplicate id", `[{"$id":"1","X":1},{"$id":"1","X":2},{"$ref":"1"}]`, `$id "1" occurs twice`},
		{"expansion too large", laughs.String(), "larger than 64 MiB"},
	}
	for _, tt := range tests {
		got, err := resolveRefs([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: resolveRefs = %.80s, %v; want error %q", tt.name, got, err, tt.wantErr)
		}
	}
}

// TestCall_resolvesRefs: every decoding path of the client sees referenced
// objects in full: call (a list and an envelope), GetCarrierContacts'
// object-or-array decoding, and RequestVINVerification's fallback decoding.
func TestCall_resolvesRefs(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	serveOnce(t, mux, "MonitoredCarriers", url.Values{}, http.StatusOK, jsonType,
		`[{"$id":"1","DOTNumber":7,"DocketNumber":"MC7","CreatedDate":"2025-07-22T12:18:46.6"},{"$ref":"1"}]`)
	serveOnce(t, mux, "GetMonitoredCarriersRiskAssessment", url.Values{}, http.StatusOK, jsonType,
		`{"$id":"1","pageNumber":1,"pageSize":2,"totalPages":1,"totalCount":2,"succeeded":true,"message":null,"data":[
		{"$id":"2","DOTNumber":1,"RiskAssessmentDetails":{"$id":"3","TotalPoints":1750,"OverallRating":"Review"}},
		{"$id":"4","DOTNumber":2,"RiskAssessmentDetails":{"$ref":"3"}}]}`)
	serveOnce(t, mux, "GetCarrierContacts", url.Values{"DOTNumber": {"1234567"}, "docketNumber": {"MC123456"}}, http.StatusOK, jsonType,
		`[{"$id":"1","Success":true,"Carrier":{"$id":"2","LegalName":"ACME","Contacts":[
		{"$id":"3","FirstName":"Pat","AuthorizedForPackets":true},{"$ref":"3"}]}}]`)

	list, _, err := client.Monitoring.List(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[1].DOTNumber != 7 || list[1].DocketNumber != "MC7" || !list[1].CreatedDate.Equal(list[0].CreatedDate.Time) {
		t.Errorf("MonitoredCarriers = %+v", list)
	}

	env, err := client.Monitoring.RiskAssessments(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := env.Data[1].RiskAssessmentDetails; d == nil || d.TotalPoints != 1750 || d.OverallRating != "Review" {
		t.Errorf("referenced RiskAssessmentDetails = %+v", d)
	}

	contacts, err := client.Carriers.Contacts(context.Background(), lookup)
	if err != nil {
		t.Fatal(err)
	}
	if c := contacts.Carrier.Contacts; len(c) != 2 || c[1].FirstName != "Pat" || !c[1].AuthorizedForPackets {
		t.Errorf("Contacts = %+v", c)
	}
}

// TestCall_unknownRef: a reference to no object fails the call, naming the id.
func TestCall_unknownRef(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	serveOnce(t, mux, "BlockedCarriers", url.Values{}, http.StatusOK, jsonType, `[{"$id":"1","DOTNumber":1},{"$ref":"12"}]`)
	_, _, err := client.Blocking.List(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), `MCP BlockedCarriers: decoding response: $ref "12" names no object`) {
		t.Errorf("error = %v", err)
	}
}

// FuzzResolveRefs: resolveRefs never panics; what it returns without error
// is the input itself when there is no "$ref" in it or it is not JSON, and
// otherwise valid JSON without a reference object.
func FuzzResolveRefs(f *testing.F) {
	for _, seed := range []string{
		`[{"$id":"1","DOTNumber":5},{"$ref":"1"}]`,
		`{"$id":"1","A":{"$id":"2","N":1e5},"B":{ "$ref" : "2" }}`,
		`[{"$id":"1","X":1},{"$id":"2","Y":{"$ref":"1"}},{"$ref":"2"}]`,
		`{"A":{"$ref":"2"},"B":{"$id":"2","Z":[]}}`,
		`{"$id":"1","Self":{"$ref":"1"}}`,
		`[{"$id":"1"},{"$ref":"1","X":2}]`,
		`[{"$id":"1"},{"\u0024ref":"1"}]`,
		`[{"\u0024id":"\u0031"},{"$ref":"1"}]`,
		`{"$ref":"1"}`, `"$ref"`, `{"s":"\"$ref\""}`, `[{"$ref":"1"`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		out, err := resolveRefs(body)
		if err != nil {
			return
		}
		if !bytes.Contains(body, refKey) {
			// Json.NET writes "$ref" as is; an escaped name is not looked for.
			if !bytes.Equal(out, body) {
				t.Fatalf("resolveRefs(%q) changed a body without \"$ref\"", body)
			}
			return
		}
		if !json.Valid(body) {
			if !bytes.Equal(out, body) {
				t.Fatalf("resolveRefs(%q) changed a body that is not JSON", body)
			}
			return
		}
		var tree any
		if err := json.Unmarshal(out, &tree); err != nil {
			t.Fatalf("resolveRefs(%s) = %s: %v", body, out, err)
		}
		if hasRef(tree) {
			t.Fatalf("resolveRefs(%s) = %s still holds a reference", body, out)
		}
	})
}

func hasRef(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["$ref"]; ok {
			return true
		}
		for _, m := range v {
			if hasRef(m) {
				return true
			}
		}
	case []any:
		for _, e := range v {
			if hasRef(e) {
				return true
			}
		}
	}
	return false
}
