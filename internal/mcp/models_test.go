package mcp

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp/internal/genmodels"
)

const specPath = "../../api/mcp-swagger.json"

type specSchema struct {
	Type   string      `json:"type"`
	Format string      `json:"format"`
	Ref    string      `json:"$ref"`
	Items  *specSchema `json:"items"`
}

func loadSpecDefinitions(t *testing.T) map[string]map[string]specSchema {
	t.Helper()
	raw, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Definitions map[string]struct {
			Properties map[string]specSchema `json:"properties"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	defs := map[string]map[string]specSchema{}
	for name, d := range doc.Definitions {
		defs[name] = d.Properties
	}
	return defs
}

// jsonFields collects a struct's JSON keys the way encoding/json sees them,
// descending into embedded structs (CarrierData's *CarrierPacket).
func jsonFields(t *testing.T, typ reflect.Type, out map[string]reflect.StructField) {
	t.Helper()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Anonymous {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			jsonFields(t, ft, out)
			continue
		}
		if !f.IsExported() {
			t.Errorf("%s.%s: unexported field", typ, f.Name)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			t.Errorf("%s.%s: no JSON name", typ, f.Name)
			continue
		}
		if _, dup := out[name]; dup {
			t.Errorf("%s: JSON key %s appears twice", typ, name)
		}
		out[name] = f
	}
}

var (
	timeType = reflect.TypeFor[Time]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

// specShape and goShape describe a property type in the same vocabulary;
// references compare by the Go type modelsBySpecName assigns the target.
func specShape(t *testing.T, s specSchema) string {
	t.Helper()
	if s.Ref != "" {
		target, ok := modelsBySpecName[strings.TrimPrefix(s.Ref, "#/definitions/")]
		if !ok {
			t.Fatalf("no Go type for %s", s.Ref)
		}
		return "*" + target.String()
	}
	switch s.Type {
	case "string":
		if s.Format == "date-time" {
			return "time"
		}
		return "string"
	case "integer":
		if s.Format == "int64" {
			return "int64"
		}
		return "int"
	case "number":
		return "float"
	case "boolean":
		return "bool"
	case "object":
		return "raw"
	case "array":
		elem := specShape(t, *s.Items)
		return "[]" + strings.TrimPrefix(elem, "*") // elements are values
	}
	t.Fatalf("unexpected spec type %+v", s)
	return ""
}

func goShape(typ reflect.Type) string {
	switch typ {
	case timeType:
		return "time"
	case rawType:
		return "raw"
	}
	switch typ.Kind() {
	case reflect.Pointer:
		if typ.Elem().Kind() == reflect.Struct && typ.Elem() != timeType {
			return "*" + typ.Elem().String()
		}
		return goShape(typ.Elem()) // pointer scalar; see the override checks
	case reflect.Slice:
		if typ.Elem().Kind() == reflect.Struct && typ.Elem() != timeType {
			return "[]" + typ.Elem().String()
		}
		return "[]" + goShape(typ.Elem())
	case reflect.String:
		return "string"
	case reflect.Int:
		return "int"
	case reflect.Int64:
		return "int64"
	case reflect.Float64:
		return "float"
	case reflect.Bool:
		return "bool"
	}
	return "unexpected " + typ.String()
}

// Keys absent (not null) in captured responses: omitempty, nowhere else.
var wantOmitEmpty = map[string][]string{
	"MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data.RiskAssessmentDetails":    {"ReviewDetails", "ReviewState"},
	"MyCarrierPacketsApi.FMCSA.RiskAssessmentDetails":                                      {"ReviewDetails", "ReviewState"},
	"MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data.RiskAssessmentDetail":     {"HasRuleOverride"},
	"MyCarrierPacketsApi.FMCSA.RiskAssessmentDetail":                                       {"HasRuleOverride"},
	"MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data.RiskAssessmentInfraction": {"PreReviewRiskLevel", "PreReviewScore", "RuleEnforced", "RuleName"},
	"MyCarrierPacketsApi.FMCSA.RiskAssessmentInfraction":                                   {"PreReviewRiskLevel", "PreReviewScore", "RuleEnforced", "RuleName"},
}

// Booleans seen as null in captured traffic.
var wantNullableBool = map[string][]string{
	"MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data.PreviewCarrier": {"OnCurrentCustomerAgreement"},
	"MyCarrierPacketsBusiness.Carriers.CarrierRating":                            {"HasCompletedPacket"},
}

func TestModelsMatchSpec(t *testing.T) {
	defs := loadSpecDefinitions(t)
	if len(defs) != len(modelsBySpecName) {
		t.Errorf("spec has %d definitions, modelsBySpecName %d", len(defs), len(modelsBySpecName))
	}
	for name, props := range defs {
		typ, ok := modelsBySpecName[name]
		if !ok {
			t.Errorf("no Go type for %s", name)
			continue
		}
		if typ.Kind() != reflect.Struct {
			t.Errorf("%s: %s is not a struct", name, typ)
			continue
		}
		fields := map[string]reflect.StructField{}
		jsonFields(t, typ, fields)
		for key := range props {
			if _, ok := fields[key]; !ok {
				t.Errorf("%s (%s): no field for spec property %q", name, typ, key)
			}
		}
		var omitted []string
		for key, f := range fields {
			s, ok := props[key]
			if !ok {
				t.Errorf("%s (%s): JSON key %q is not a spec property", name, typ, key)
				continue
			}
			if got, want := goShape(f.Type), specShape(t, s); got != want {
				t.Errorf("%s.%s: Go type %s (%s), spec wants %s", name, key, f.Type, got, want)
			}
			_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			omitEmpty := opts == "omitempty"
			if omitEmpty {
				omitted = append(omitted, key)
			}
			scalarPtr := f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() != reflect.Struct
			if scalarPtr && !omitEmpty && !slices.Contains(wantNullableBool[name], key) {
				t.Errorf("%s.%s: unexpected pointer %s", name, key, f.Type)
			}
			if omitEmpty && f.Type.Kind() != reflect.Pointer {
				t.Errorf("%s.%s: omitempty on %s would drop a set zero value", name, key, f.Type)
			}
		}
		sort.Strings(omitted)
		if want := wantOmitEmpty[name]; !slices.Equal(omitted, want) {
			t.Errorf("%s: omitempty on %v, want %v", name, omitted, want)
		}
		for _, key := range wantNullableBool[name] {
			if f := fields[key]; f.Type != reflect.TypeFor[*bool]() {
				t.Errorf("%s.%s: %v, want *bool", name, key, f.Type)
			}
		}
	}
}

func TestModelNames(t *testing.T) {
	const data = "MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data."
	const fmcsa = "MyCarrierPacketsApi.FMCSA."
	for _, short := range []string{"RiskAssessment", "RiskAssessmentDetails", "RiskAssessmentDetail", "RiskAssessmentInfraction", "IncidentReports"} {
		if a, b := modelsBySpecName[data+short], modelsBySpecName[fmcsa+short]; a != b || a.Name() != short {
			t.Errorf("%s: %v and %v, want one type %s", short, a, b, short)
		}
	}
	for spec, want := range map[string]string{
		data + "CertData":                                             "CertData",
		fmcsa + "CertData":                                            "FMCSACertData",
		"MyCarrierPacketsApi.DTOs.CarrierAADTO":                       "CarrierData",
		"MyCarrierPacketsApi.DTOs.CustomerBlockedCarrierDTO":          "BlockedCarrier",
		"MyCarrierPacketsApi.UpdatedFactoring":                        "FactoringCompany",
		"MyCarrierPacketsApi.DTOs.MonitoredCarriersContact":           "MonitoredCarrierContact",
		"MyCarrierPacketsApi.DTOs.CarrierTruckTypeDTO":                "CarrierTruckType",
		"MyCarrierPacketsApi.DTOs.MonitoredCarrierDataDTO":            "Envelope[github.com/carrierstate/terraform-provider-mcp/internal/mcp.CarrierDetails]",
		"MyCarrierPacketsApi.DTOs.MonitoredCarriersRiskAssessmentDTO": "Envelope[github.com/carrierstate/terraform-provider-mcp/internal/mcp.CarrierRiskAssessment]",
	} {
		if got := modelsBySpecName[spec].Name(); got != want {
			t.Errorf("%s: Go type %s, want %s", spec, got, want)
		}
	}
	if reflect.TypeFor[MonitoredCarrierDataPage]() != reflect.TypeFor[Envelope[CarrierDetails]]() {
		t.Error("MonitoredCarrierDataPage is not an alias of Envelope[CarrierDetails]")
	}
}

// previewCarrierJSON is shaped like captured PreviewCarrier traffic: Json.NET
// $id members, offset-less date-times with seven fractional digits, nulls.
const previewCarrierJSON = `[{"$id":"1","CarrierID":0,"DotNumber":1234567,"DocketNumber":"MC123456",
"CompanyName":"ACME TRUCKING LLC","DBAName":null,"Street":"1 MAIN ST","City":"SPRINGFIELD","State":"IL",
"ZipCode":"62701","Country":"US","Phone":"(217) 555-0100","Status":"Active",
"StatusDate":"2025-07-22T12:18:46.6299792","InProcessState":null,"PossibleFraud":"None",
"DoubleBrokering":null,"IncidentReports":{"$id":"2","TotalIncidentReports":0,"TotalIncidentReportsWithFraud":0},
"FraudCallNumber":null,"HasSaferWatchKey":null,"WatchdogReports":null,"OnCurrentCustomerAgreement":null,
"CarrierRating":{"$id":"3","CarrierID":0,"CustomerID":0,"CustomerRating":0,"RatingSum":0,"TotalRatings":0,
"LowRatings":0,"TotalRatingPercent":0,"CustomerRatingPercent":0,"RatingValue":0.0,"RatingValueText":"No ratings",
"AvgRatingText":null,"AvgRatingBasisText":null,"AvgRatingTextPlusRatingBasisText":null,"CustomerRatingText":null,
"HasCompletedPacket":null},
"RiskAssessment":{"$id":"4","Overall":"Low","Authority":"Low","Insurance":"Medium","Safety":"Low","Operation":"Low","Other":"Low"},
"RiskAssessmentDetails":{"$id":"5","IsIntrastateCarrier":false,"TotalPoints":1000,"OverallRating":"Medium",
"Authority":{"$id":"6","TotalPoints":0,"OverallRating":"Low","Infractions":[]},
"Insurance":{"$id":"7","TotalPoints":1000,"OverallRating":"Medium","HasRuleOverride":false,"Infractions":[
{"$id":"8","Points":1000,"RiskLevel":"Medium","RuleText":"Cargo insurance","RuleOutput":"Below minimum"}]},
"Safety":null,"Operation":null,"Other":null},
"CertData":null,"Emails":null,"Source":2,"IsIntrastateCarrier":false,"IsMonitored":true,"IsBlocked":false,
"FreightValidateStatus":null}]`

func TestPreviewCarrierCapturedShape(t *testing.T) {
	var got []PreviewCarrier
	if err := json.Unmarshal([]byte(previewCarrierJSON), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("decoded %d carriers, want 1", len(got))
	}
	c := got[0]
	wantDate := time.Date(2025, 7, 22, 12, 18, 46, 629979200, time.UTC)
	if !c.StatusDate.Equal(wantDate) {
		t.Errorf("StatusDate = %v, want %v", c.StatusDate, wantDate)
	}
	if c.DotNumber != 1234567 || c.DocketNumber != "MC123456" || c.DBAName != "" || !c.IsMonitored || c.Source != 2 {
		t.Errorf("scalars decoded wrong: %+v", c)
	}
	if c.OnCurrentCustomerAgreement != nil || c.CarrierRating == nil || c.CarrierRating.HasCompletedPacket != nil {
		t.Errorf("null booleans: OnCurrentCustomerAgreement %v, CarrierRating %+v", c.OnCurrentCustomerAgreement, c.CarrierRating)
	}
	if c.CertData != nil || c.Emails != nil || c.IncidentReports == nil {
		t.Errorf("objects/arrays: CertData %v, Emails %v, IncidentReports %v", c.CertData, c.Emails, c.IncidentReports)
	}
	d := c.RiskAssessmentDetails
	if d == nil || d.Safety != nil || d.ReviewState != nil || d.ReviewDetails != nil {
		t.Fatalf("RiskAssessmentDetails = %+v", d)
	}
	if d.Authority.HasRuleOverride != nil || d.Insurance.HasRuleOverride == nil || *d.Insurance.HasRuleOverride {
		t.Errorf("HasRuleOverride: absent gave %v, false gave %v", d.Authority.HasRuleOverride, d.Insurance.HasRuleOverride)
	}
	if inf := d.Insurance.Infractions; len(inf) != 1 || inf[0].Points != 1000 || inf[0].RuleName != nil || inf[0].RuleEnforced != nil {
		t.Errorf("Infractions = %+v", inf)
	}

	// Re-encoding keeps the captured nulls and MCP's date-time format, and
	// decodes to the same value.
	enc, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var keys []map[string]json.RawMessage
	if err := json.Unmarshal(enc, &keys); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"StatusDate":                 `"2025-07-22T12:18:46.6299792"`,
		"OnCurrentCustomerAgreement": "null",
		"CertData":                   "null",
		"Emails":                     "null",
	} {
		if got := string(keys[0][key]); got != want {
			t.Errorf("re-encoded %s = %s, want %s", key, got, want)
		}
	}
	var again []PreviewCarrier
	if err := json.Unmarshal(enc, &again); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, got) {
		t.Errorf("round trip changed the value:\n%+v\n%+v", again[0], got[0])
	}
}

func TestCarrierDataWithoutPacket(t *testing.T) {
	const body = `{"$id":"1","Message":"Carrier has no packet with this customer.","AssureAdvantage":[
{"$id":"2","CarrierDetails":{"$id":"3","docketNumber":"MC123456","dotNumber":{"$id":"4","status":"ACTIVE","Value":"1234567"},
"carrierType":null,"isMonitored":false,"isBlocked":null,"Identity":null,"CertData":{"$id":"5","status":null,"noncoop":false,"Certificate":null},
"RiskAssessmentDetails":{"$id":"6","IsIntrastateCarrier":false,"TotalPoints":0,"OverallRating":"Low","ReviewState":"None",
"Authority":null,"Insurance":null,"Safety":null,"Operation":null,"Other":null},"IncidentReports":null},
"ResponseDO":{"$id":"7","status":"SUCCESS","action":null,"code":null,"displayMsg":null,"techMsg":null}}]}`
	var got CarrierData
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if got.CarrierPacket != nil {
		t.Errorf("CarrierPacket = %+v, want nil without packet keys", got.CarrierPacket)
	}
	if got.Message != "Carrier has no packet with this customer." || len(got.AssureAdvantage) != 1 {
		t.Fatalf("decoded %+v", got)
	}
	det := got.AssureAdvantage[0].CarrierDetails
	if det == nil || det.DotNumber == nil || det.DotNumber.Value != "1234567" || det.CertData == nil || det.CertData.Certificate != nil {
		t.Fatalf("CarrierDetails = %+v", det)
	}
	if rs := det.RiskAssessmentDetails.ReviewState; rs == nil || *rs != "None" {
		t.Errorf("ReviewState = %v, want None", rs)
	}
	if got.AssureAdvantage[0].ResponseDO.Status != "SUCCESS" {
		t.Errorf("ResponseDO = %+v", got.AssureAdvantage[0].ResponseDO)
	}

	// Any packet key allocates the packet.
	var withPacket CarrierData
	if err := json.Unmarshal([]byte(`{"$id":"1","DOTNumber":1234567,"DriverLogsSafeyDeptManagerName":"PAT","Message":null,"AssureAdvantage":null}`), &withPacket); err != nil {
		t.Fatal(err)
	}
	if withPacket.CarrierPacket == nil || withPacket.DOTNumber != 1234567 || withPacket.DriverLogsSafeyDeptManagerName != "PAT" {
		t.Errorf("with packet: %+v", withPacket.CarrierPacket)
	}

	// Encoding without a packet writes exactly what MCP writes.
	enc, err := json.Marshal(CarrierData{Message: "no packet", AssureAdvantage: got.AssureAdvantage})
	if err != nil {
		t.Fatal(err)
	}
	if keys := objectKeys(t, enc); !slices.Equal(keys, []string{"AssureAdvantage", "Message"}) {
		t.Errorf("encoded keys %v, want only AssureAdvantage and Message", keys)
	}
	enc, err = json.Marshal(withPacket)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(objectKeys(t, enc)); n != 83 {
		t.Errorf("with packet: %d keys, want all 83", n)
	}
}

func TestRiskReviewKeysOmittedWhenUnset(t *testing.T) {
	enc, err := json.Marshal(RiskAssessmentInfraction{Points: 5, RiskLevel: "Low"})
	if err != nil {
		t.Fatal(err)
	}
	if keys := objectKeys(t, enc); !slices.Equal(keys, []string{"Points", "RiskLevel", "RuleOutput", "RuleText"}) {
		t.Errorf("unset review keys written: %s", enc)
	}
	zero, no := 0, false
	enc, err = json.Marshal(RiskAssessmentInfraction{PreReviewScore: &zero, RuleEnforced: &no})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(enc, []byte(`"PreReviewScore":0`)) || !bytes.Contains(enc, []byte(`"RuleEnforced":false`)) {
		t.Errorf("set zero values dropped: %s", enc)
	}

	enc, err = json.Marshal(RiskAssessmentDetails{Authority: &RiskAssessmentDetail{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"ReviewState", "ReviewDetails", "HasRuleOverride"} {
		if bytes.Contains(enc, []byte(`"`+key+`"`)) {
			t.Errorf("unset %s written: %s", key, enc)
		}
	}
	// Arrays and objects MCP writes as null stay null rather than vanishing.
	if !bytes.Contains(enc, []byte(`"Infractions":null`)) || !bytes.Contains(enc, []byte(`"Safety":null`)) {
		t.Errorf("null keys missing: %s", enc)
	}
}

func objectKeys(t *testing.T, b []byte) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestModelsGenUpToDate runs the generator in process a few times: the
// output must be identical each time (no map-order leaks) and equal to the
// checked-in models_gen.go and models_index_gen_test.go.
func TestModelsGenUpToDate(t *testing.T) {
	t.Parallel()
	spec, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, name := range []string{"models_gen.go", "models_index_gen_test.go"} {
		if want[name], err = os.ReadFile(name); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		models, index, err := genmodels.Generate(spec, genmodels.Source(specPath), nil)
		if err != nil {
			t.Fatal(err)
		}
		for name, got := range map[string][]byte{"models_gen.go": models, "models_index_gen_test.go": index} {
			if !bytes.Equal(got, want[name]) {
				t.Fatalf("run %d: %s is not what genmodels generates from %s; run go generate ./internal/mcp (make generate)", i+1, name, specPath)
			}
		}
	}
}
