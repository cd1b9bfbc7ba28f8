package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// The conformance tests hold the emulator to MCP's Swagger document.
const specPath = "../../api/mcp-swagger.json"

type specSchema struct {
	Type       string                 `json:"type"`
	Format     string                 `json:"format"`
	Ref        string                 `json:"$ref"`
	Items      *specSchema            `json:"items"`
	Properties map[string]*specSchema `json:"properties"`
}

type specParam struct {
	Name        string `json:"name"`
	In          string `json:"in"`
	Required    bool   `json:"required"`
	Description string `json:"description"`
}

type specOperation struct {
	Parameters []specParam `json:"parameters"`
	Responses  map[string]struct {
		Schema  *specSchema    `json:"schema"`
		Headers map[string]any `json:"headers"`
	} `json:"responses"`
}

type swagger struct {
	Paths       map[string]map[string]specOperation `json:"paths"`
	Definitions map[string]*specSchema              `json:"definitions"`
}

func loadSwagger(t *testing.T) *swagger {
	t.Helper()
	raw, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	var sw swagger
	if err := json.Unmarshal(raw, &sw); err != nil {
		t.Fatal(err)
	}
	if len(sw.Paths) != 23 {
		t.Fatalf("the spec has %d paths, want 23", len(sw.Paths))
	}
	return &sw
}

// operations maps operation names to their spec entries.
func (sw *swagger) operations(t *testing.T) map[string]specOperation {
	t.Helper()
	out := map[string]specOperation{}
	for path, methods := range sw.Paths {
		name, ok := strings.CutPrefix(path, "/api/v1/Carrier/")
		op, isPost := methods["post"]
		if !ok || !isPost || len(methods) != 1 {
			t.Fatalf("spec path %s is not a single POST under /api/v1/Carrier/", path)
		}
		out[name] = op
	}
	return out
}

// conformanceServer is an emulator with every kind of data on show:
// monitored, blocked and changed carriers, a completed packet, an
// invitation, a user verification and a pending VIN request.
type conformanceServer struct {
	*Server
	token                          string
	sample, packet, intra, monitor CarrierInfo
	ringPhone, ringEmail, certBlob string
}

func newConformanceServer(t *testing.T) *conformanceServer {
	t.Helper()
	clock := newFakeClock()
	s := &conformanceServer{Server: New(Options{Carriers: 2000, Now: clock.Now})}
	s.token = s.auth.issue(s.now()).AccessToken
	s.sample = carrierOf(t, s.Server, KindAll)
	s.packet = carrierOf(t, s.Server, KindPacket)
	s.intra = carrierOf(t, s.Server, KindIntrastate)
	var dots []int
	for _, kind := range []string{KindAll, KindPacket, KindIntrastate, KindMX, KindFF, KindVINVerifications, KindIncidents, KindFraudRing, KindExpiredInsurance} {
		cs, err := s.Carriers(CarrierFilter{Kind: kind, Limit: 4})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			dots = append(dots, c.DOTNumber)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.Monitor(dots...))
	must(s.Block(dots[:6]...))
	s.monitor = carrierOf(t, s.Server, KindMonitored)
	for k, cat := range []ChangeCategory{ChangeInsurance, ChangeAuthority, ChangeRisk, ChangeInsurance} {
		must(s.ChangeCarrier(dots[k], cat))
	}
	must(s.CompletePacket(dots[1]))
	for _, q := range []struct{ op, query string }{
		{"EmailPacketInvitation", "carrierEmail=a%40b.example&dotNumber=" + strconv.Itoa(dots[2]) + "&userName=jane"},
		{"RequestUserVerification", "userVerificationEmail=new%40b.example&dotNumber=" + strconv.Itoa(dots[2])},
		{"RequestVINVerification", "deliveryOption=2&vinVerificationPhoneNumber=3125550101&dotNumber=" + strconv.Itoa(dots[2])},
	} {
		if r := s.do(q.op, q.query); r.status != 200 {
			t.Fatalf("%s: HTTP %d %s", q.op, r.status, r.body)
		}
	}
	phoneRings, emailRings := fraudRings(t, s.Server)
	s.ringPhone, s.ringEmail = dashed(phoneRings[0][1].Phone), emailRings[0][1].Email
	var sample mcp.CarrierData
	s.do("GetCarrierData", dotQuery(SampleDOTNumber)).decode(t, &sample)
	s.certBlob = sample.AssureAdvantage[0].CarrierDetails.CertData.Certificate[0].BlobName
	return s
}

// do runs one request through the handler, without a network.
func (s *conformanceServer) do(op, query string) *response {
	req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, "/api/v1/Carrier/"+op+"?"+query, nil)
	req.Header.Set("Authorization", "bearer "+s.token)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return &response{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

// representative requests per operation, all answered 200.
func (s *conformanceServer) requests() map[string][]string {
	dot := func(c CarrierInfo) string { return strconv.Itoa(c.DOTNumber) }
	lookups := []string{"DOTNumber=" + dot(s.sample), "DOTNumber=" + dot(s.packet), "DOTNumber=" + dot(s.intra), "DOTNumber=" + dot(s.monitor)}
	for _, kind := range []string{KindVINVerifications, KindIncidents, KindFraudRing, KindExpiredInsurance, KindMX, KindFF} {
		c, _ := s.Carriers(CarrierFilter{Kind: kind, Limit: 1})
		lookups = append(lookups, "DOTNumber="+dot(c[0]))
	}
	pages := []string{"", "pageNumber=1&pageSize=2", "pageNumber=2&pageSize=3", "pageNumber=99"}
	win := window(testEpoch.AddDate(0, 0, -100), testEpoch)
	return map[string][]string{
		"PreviewCarrier":                     lookups,
		"GetCarrierData":                     lookups,
		"GetCarrierContacts":                 lookups,
		"GetCarrierRiskAssessment":           lookups,
		"GetCarrierIncidentReports":          lookups,
		"GetCarrierVINVerifications":         lookups,
		"FindAssociatedCarriers":             {"phone=" + s.ringPhone, "email=" + url.QueryEscape(s.ringEmail), "phone=0", ""},
		"EmailPacketInvitation":              {"carrierEmail=x%40y.example&dotNumber=" + dot(s.sample)},
		"RequestUserVerification":            {"userVerificationEmail=x%40y.example&dotNumber=" + dot(s.sample)},
		"RequestVINVerification":             {"deliveryOption=2&vinVerificationPhoneNumber=3125550101&dotNumber=" + dot(s.sample), "deliveryOption=2&vinVerificationPhoneNumber=3125550101&dotNumber=" + dot(s.sample) + "&outputVINVerificationRequestID=true"},
		"CompletedPackets":                   {win},
		"RequestMonitoring":                  {"DOTNumber=" + dot(s.sample), "IntrastateNumber=" + s.intra.IntrastateNumber},
		"CancelMonitoring":                   {"DOTNumber=" + dot(s.monitor), "DOTNumber=" + dot(s.monitor)},
		"BlockCarrier":                       {"DOTNumber=" + dot(s.sample), "DOTNumber=" + dot(s.sample)},
		"UnblockCarrier":                     {"DOTNumber=" + dot(s.sample), "DOTNumber=" + dot(s.sample)},
		"MonitoredCarriers":                  pages,
		"BlockedCarriers":                    pages,
		"MonitoredCarrierData":               pages,
		"GetMonitoredCarrierContactsData":    pages,
		"GetMonitoredCarriersRiskAssessment": pages,
		"CarriersChanges":                    {win, win + "&pageNumber=2&pageSize=1", win + "&pageSize=500"},
		"GetDocument":                        {"name=" + url.QueryEscape(s.certBlob)},
		"GetUpdatedFactoringCompanies":       {"fromDate=2000-01-01T00:00:00Z", win},
	}
}

// deviations are the documented places where MCP (and so the emulator)
// answers differently from its spec.
var deviations = map[string]string{
	"GetCarrierContacts":     "answers one object where the spec declares an array of them (captured)",
	"RequestVINVerification": "answers a JSON string unless outputVINVerificationRequestID=true (spec description)",
	"GetDocument":            "answers the document's bytes (application/pdf) where the spec declares an untyped object (guide)",
}

func TestConformanceServesEverySpecOperation(t *testing.T) {
	t.Parallel()
	sw := loadSwagger(t)
	ops := sw.operations(t)
	s := newConformanceServer(t)
	reqs := s.requests()
	for name := range ops {
		if lookupOperation(name) == nil || lookupOperation(name).name != name {
			t.Errorf("the emulator has no operation %s", name)
			continue
		}
		if len(reqs[name]) == 0 {
			t.Errorf("no representative request for %s", name)
			continue
		}
		if r := s.do(name, reqs[name][0]); r.status != http.StatusOK {
			t.Errorf("%s: HTTP %d %s", name, r.status, r.body)
		}
	}
	for _, op := range operations {
		if _, ok := ops[op.name]; !ok && op != tokenOperation {
			t.Errorf("the emulator serves %s, which the spec lacks", op.name)
		}
	}
	for name := range reqs {
		if _, ok := ops[name]; !ok {
			t.Errorf("representative requests for %s, which the spec lacks", name)
		}
	}
}

func TestConformanceKeysAreSpecProperties(t *testing.T) {
	t.Parallel()
	sw := loadSwagger(t)
	ops := sw.operations(t)
	s := newConformanceServer(t)
	for name := range deviations {
		if _, ok := ops[name]; !ok {
			t.Errorf("deviation listed for %s, which the spec lacks", name)
		}
	}
	for name, queries := range s.requests() {
		schema := ops[name].Responses["200"].Schema
		for _, q := range queries {
			r := s.do(name, q)
			if r.status != http.StatusOK {
				t.Errorf("%s?%s: HTTP %d %s", name, q, r.status, r.body)
				continue
			}
			if name == "GetDocument" {
				if r.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
					t.Errorf("GetDocument: %s %.20q", r.header.Get("Content-Type"), r.body)
				}
				continue
			}
			checkIDs(t, name, r.body)
			dec := json.NewDecoder(bytes.NewReader(r.body))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			sch := schema
			switch _, deviates := deviations[name]; {
			case !deviates:
			case name == "GetCarrierContacts":
				if _, isObject := v.(map[string]any); !isObject || sch.Type != "array" {
					t.Errorf("GetCarrierContacts: answer is not an object, or the spec no longer declares an array")
				}
				sch = sch.Items
			case name == "RequestVINVerification":
				_, isString := v.(string)
				if isString == strings.Contains(q, "outputVINVerificationRequestID=true") {
					t.Errorf("RequestVINVerification?%s: answer %s", q, r.body)
				}
				if isString {
					continue // the documented message string
				}
			}
			if errs := sw.check(name, v, sch); len(errs) > 0 {
				t.Errorf("%s?%s:\n  %s", name, q, strings.Join(errs[:min(len(errs), 10)], "\n  "))
			}
			if hdr := r.header.Get("X-Pagination"); hdr != "" && ops[name].Responses["200"].Headers["X-Pagination"] == nil {
				t.Errorf("%s answers X-Pagination, which the spec does not declare", name)
			}
		}
	}
}

var wireDateTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$`)

// check validates a decoded answer against a schema and returns what does
// not conform: keys outside the model at that position, JSON types other
// than the declared ones, date-times not in MCP's format. null conforms to
// anything (the spec declares nothing non-nullable).
func (sw *swagger) check(path string, v any, s *specSchema) []string {
	for s != nil && s.Ref != "" {
		s = sw.Definitions[strings.TrimPrefix(s.Ref, "#/definitions/")]
	}
	if s == nil {
		return []string{path + ": no schema"}
	}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	switch x := v.(type) {
	case nil:
	case map[string]any:
		if s.Type != "object" && s.Properties == nil {
			fail("object where the spec declares %s", s.Type)
			break
		}
		for k, val := range x {
			if k == "$id" {
				continue
			}
			ps, ok := s.Properties[k]
			if !ok {
				fail("key %q is not a property of the model", k)
				continue
			}
			errs = append(errs, sw.check(path+"."+k, val, ps)...)
		}
	case []any:
		if s.Type != "array" {
			fail("array where the spec declares %s", s.Type)
			break
		}
		for k, item := range x {
			errs = append(errs, sw.check(path+"["+strconv.Itoa(k)+"]", item, s.Items)...)
		}
	case string:
		if s.Type != "string" {
			fail("string %q where the spec declares %s", x, s.Type)
		} else if s.Format == "date-time" && !wireDateTime.MatchString(x) {
			fail("date-time %q is not MCP's format", x)
		}
	case json.Number:
		switch s.Type {
		case "integer":
			bits := 32
			if s.Format == "int64" {
				bits = 64
			}
			if _, err := strconv.ParseInt(x.String(), 10, bits); err != nil {
				fail("%s is not an %s", x, s.Format)
			}
		case "number":
		default:
			fail("number where the spec declares %s", s.Type)
		}
	case bool:
		if s.Type != "boolean" {
			fail("boolean where the spec declares %s", s.Type)
		}
	}
	return errs
}

// checkIDs walks a JSON answer token by token: every object must open
// with "$id" holding the next number of the document.
func checkIDs(t *testing.T, name string, body []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	n := 0
	expectKey := false // the previous token opened an object
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if expectKey {
			expectKey = false
			n++
			id, _ := dec.Token()
			if tok != "$id" || id != strconv.Itoa(n) {
				t.Fatalf("%s: object %d opens with %v=%v, want \"$id\"=%q", name, n, tok, id, strconv.Itoa(n))
			}
			continue
		}
		if tok == json.Delim('{') {
			expectKey = true
		}
	}
}

// probe tests one documented parameter: base is the rest of the query.
type probe struct {
	base, value string
	unused      bool // documented as not used: it must make no difference
}

// parameterProbes covers every query parameter of the spec.
func parameterProbes(s *conformanceServer) map[string]map[string]probe {
	sample := strconv.Itoa(SampleDOTNumber)
	ids := func(dot, docket string) map[string]probe {
		return map[string]probe{dot: {value: sample}, docket: {value: SampleDocketNumber}}
	}
	membership := map[string]probe{
		"DOTNumber": {value: strconv.Itoa(s.intra.DOTNumber)}, "DocketNumber": {value: SampleDocketNumber}, "IntrastateNumber": {value: s.intra.IntrastateNumber},
	}
	paging := map[string]probe{"pageNumber": {base: "pageSize=1", value: "2"}, "pageSize": {value: "1"}}
	win := window(testEpoch.AddDate(0, 0, -100), testEpoch)
	from, to, _ := strings.Cut(win, "&")
	email := "carrierEmail=x%40y.example"
	uv := "userVerificationEmail=x%40y.example"
	vin := "deliveryOption=2&vinVerificationPhoneNumber=3125550101"
	return map[string]map[string]probe{
		"PreviewCarrier":             ids("DOTNumber", "docketNumber"),
		"GetCarrierData":             ids("DOTNumber", "DocketNumber"),
		"GetCarrierContacts":         ids("DOTNumber", "docketNumber"),
		"GetCarrierRiskAssessment":   ids("dotNumber", "docketNumber"),
		"GetCarrierIncidentReports":  ids("DOTNumber", "docketNumber"),
		"GetCarrierVINVerifications": ids("DOTNumber", "docketNumber"),
		"FindAssociatedCarriers":     {"phone": {value: s.ringPhone}, "email": {value: s.ringEmail}},
		"GetDocument":                {"name": {value: s.certBlob}},
		"EmailPacketInvitation": {
			"carrierEmail": {base: "dotNumber=" + sample, value: "x@y.example"}, "dotNumber": {base: email, value: sample},
			"docketNumber": {base: email, value: SampleDocketNumber}, "userName": {base: email + "&dotNumber=" + sample, value: "jane"},
			"sendConfirmationEmail": {base: email + "&dotNumber=" + sample, value: "true"},
			"notificationEmails":    {base: email + "&dotNumber=" + sample, value: "n1@y.example, n2@y.example"},
		},
		"RequestUserVerification": {
			"userVerificationEmail": {base: "dotNumber=" + sample, value: "x@y.example"}, "dotNumber": {base: uv, value: sample},
			"docketNumber": {base: uv, value: SampleDocketNumber}, "userName": {base: uv + "&dotNumber=" + sample, value: "jane"},
		},
		"RequestVINVerification": {
			"deliveryOption":                 {base: "vinVerificationPhoneNumber=3125550101&dotNumber=" + sample, value: "2"},
			"vinVerificationEmail":           {base: vin + "&dotNumber=" + sample, value: "x@y.example", unused: true},
			"vinVerificationPhoneNumber":     {base: "deliveryOption=2&dotNumber=" + sample, value: "3125550101"},
			"dotNumber":                      {base: vin, value: sample},
			"docketNumber":                   {base: vin, value: SampleDocketNumber},
			"userName":                       {base: vin + "&dotNumber=" + sample, value: "jane"},
			"outputVINVerificationRequestID": {base: vin + "&dotNumber=" + sample, value: "true"},
		},
		"CompletedPackets":                   {"fromDate": {base: to, value: strings.TrimPrefix(from, "fromDate=")}, "toDate": {base: from, value: strings.TrimPrefix(to, "toDate=")}},
		"CarriersChanges":                    {"fromDate": {base: to, value: strings.TrimPrefix(from, "fromDate=")}, "toDate": {base: from, value: strings.TrimPrefix(to, "toDate=")}, "pageNumber": {base: win + "&pageSize=1", value: "2"}, "pageSize": {base: win, value: "1"}},
		"RequestMonitoring":                  membership,
		"CancelMonitoring":                   membership,
		"BlockCarrier":                       membership,
		"UnblockCarrier":                     membership,
		"GetUpdatedFactoringCompanies":       {"fromDate": {base: "toDate=2030-01-01T00:00:00", value: "2000-01-01T00:00:00"}, "toDate": {base: "fromDate=2000-01-01T00:00:00", value: "2025-06-01T00:00:00"}},
		"MonitoredCarriers":                  paging,
		"BlockedCarriers":                    paging,
		"MonitoredCarrierData":               paging,
		"GetMonitoredCarrierContactsData":    paging,
		"GetMonitoredCarriersRiskAssessment": paging,
	}
}

// swapCase turns DOTNumber into dotnUMBER: a casing the spec never uses.
func swapCase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, s)
}

// outcome runs one request on a fresh conformance server and describes
// everything it shows: status, X-Pagination, body and the resulting state.
func outcome(t *testing.T, op, query string) string {
	t.Helper()
	s := newConformanceServer(t)
	r := s.do(op, query)
	snap, err := json.Marshal(s.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	contacts := s.do("GetCarrierContacts", "DOTNumber="+strconv.Itoa(SampleDOTNumber)).body
	return fmt.Sprintf("%d\n%s\n%s\n%s\n%s", r.status, r.header.Get("X-Pagination"), r.body, snap, contacts)
}

func TestConformanceParametersAreHonoured(t *testing.T) {
	t.Parallel()
	sw := loadSwagger(t)
	s := newConformanceServer(t)
	probes := parameterProbes(s)
	for name, op := range sw.operations(t) {
		for _, p := range op.Parameters {
			if p.In == "header" {
				continue
			}
			if p.In != "query" {
				t.Errorf("%s.%s is in %s, not the query", name, p.Name, p.In)
				continue
			}
			pr, ok := probes[name][p.Name]
			if !ok {
				t.Errorf("no probe for %s.%s", name, p.Name)
				continue
			}
			t.Run(name+"."+p.Name, func(t *testing.T) {
				t.Parallel()
				join := func(name string) string {
					q := url.QueryEscape(name) + "=" + url.QueryEscape(pr.value)
					if pr.base != "" {
						q = pr.base + "&" + q
					}
					return q
				}
				spec := outcome(t, name, join(p.Name))
				other := outcome(t, name, join(swapCase(p.Name)))
				without := outcome(t, name, pr.base)
				if spec != other {
					t.Errorf("%s and %s differ:\n%.600s\n---\n%.600s", p.Name, swapCase(p.Name), spec, other)
				}
				if pr.unused != (spec == without) {
					t.Errorf("sending %s=%s changed nothing (or an unused parameter changed something):\n%.600s", p.Name, pr.value, spec)
				}
				if p.Required && !strings.HasPrefix(without, "404\n") {
					t.Errorf("without the required %s: %.200s", p.Name, without)
				}
			})
		}
	}
	for name, params := range probes {
		for param := range params {
			if !slices.ContainsFunc(sw.operations(t)[name].Parameters, func(p specParam) bool { return p.Name == param }) {
				t.Errorf("probe for %s.%s, which the spec lacks", name, param)
			}
		}
	}
}
