package provider

import (
	"context"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// portfolioTestModel reads mcp_monitored_carrier_details back from state,
// through the framework, to check what portfolioStateValue built.
type portfolioTestModel struct {
	Include      types.Set                       `tfsdk:"include"`
	ChangesSince types.String                    `tfsdk:"changes_since"`
	CarrierCount types.Int64                     `tfsdk:"carrier_count"`
	Carriers     map[string]portfolioTestCarrier `tfsdk:"carriers"`
}

type portfolioTestCarrier struct {
	DOTNumber          types.String `tfsdk:"dot_number"`
	DocketNumber       types.String `tfsdk:"docket_number"`
	LegalName          types.String `tfsdk:"legal_name"`
	DBAName            types.String `tfsdk:"dba_name"`
	CarrierType        types.String `tfsdk:"carrier_type"`
	OperatingStatus    types.String `tfsdk:"operating_status"`
	CommonAuthority    types.String `tfsdk:"common_authority"`
	ContractAuthority  types.String `tfsdk:"contract_authority"`
	BrokerAuthority    types.String `tfsdk:"broker_authority"`
	AuthorityRevoked   types.Bool   `tfsdk:"authority_revoked"`
	AuthorityGrantedOn types.String `tfsdk:"authority_granted_on"`
	OutOfService       types.Bool   `tfsdk:"out_of_service"`
	OutOfServiceSince  types.String `tfsdk:"out_of_service_since"`
	OutOfServiceReason types.String `tfsdk:"out_of_service_reason"`
	SafetyRating       types.String `tfsdk:"safety_rating"`
	SafetyRatingDate   types.String `tfsdk:"safety_rating_date"`
	InsuranceExpired   types.Bool   `tfsdk:"insurance_expired"`
	InsuranceExpiresOn types.String `tfsdk:"insurance_expires_on"`
	LiabilityOnFile    types.Int64  `tfsdk:"liability_on_file"`
	LiabilityRequired  types.Int64  `tfsdk:"liability_required"`
	Coverages          types.List   `tfsdk:"coverages"`
	Risk               types.Object `tfsdk:"risk"`
	Contacts           types.List   `tfsdk:"contacts"`
	ChangedAt          types.String `tfsdk:"changed_at"`
	ChangeCategories   types.List   `tfsdk:"change_categories"`
}

type portfolioTestCoverage struct {
	Type         types.String `tfsdk:"type"`
	Insurer      types.String `tfsdk:"insurer"`
	PolicyNumber types.String `tfsdk:"policy_number"`
	Limit        types.Int64  `tfsdk:"limit"`
	ExpiresOn    types.String `tfsdk:"expires_on"`
	CancelledOn  types.String `tfsdk:"cancelled_on"`
	Expired      types.Bool   `tfsdk:"expired"`
}

type portfolioTestRisk struct {
	Overall   types.String `tfsdk:"overall"`
	Points    types.Int64  `tfsdk:"points"`
	Authority types.String `tfsdk:"authority"`
	Insurance types.String `tfsdk:"insurance"`
	Safety    types.String `tfsdk:"safety"`
	Operation types.String `tfsdk:"operation"`
	Other     types.String `tfsdk:"other"`
}

type portfolioTestContact struct {
	FirstName            types.String `tfsdk:"first_name"`
	LastName             types.String `tfsdk:"last_name"`
	Title                types.String `tfsdk:"title"`
	Email                types.String `tfsdk:"email"`
	Phone                types.String `tfsdk:"phone"`
	AuthorizedForPackets types.Bool   `tfsdk:"authorized_for_packets"`
	VerificationStatus   types.String `tfsdk:"verification_status"`
}

// portfolioToday is the day the unit tests read on.
var portfolioToday = time.Date(2026, 11, 15, 18, 30, 0, 0, time.UTC)

func emptyPortfolioState(t testing.TB) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	var s datasource.SchemaResponse
	NewMonitoredCarrierDetailsDataSource().Schema(ctx, datasource.SchemaRequest{}, &s)
	if s.Diagnostics.HasError() {
		t.Fatal(s.Diagnostics)
	}
	return tfsdk.State{Schema: s.Schema, Raw: tftypes.NewValue(s.Schema.Type().TerraformType(ctx), nil)}
}

// portfolioState builds the state of reads, as Read sets it, and reads it
// back; include and changesSince are the arguments (nil for null).
func portfolioState(t testing.TB, reads portfolioReads, include []string, changesSince *string) (portfolioTestModel, []string) {
	t.Helper()
	ctx := context.Background()
	state := emptyPortfolioState(t)
	inc := tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, nil)
	if include != nil {
		vs := make([]tftypes.Value, len(include))
		for i, s := range include {
			vs[i] = tftypes.NewValue(tftypes.String, s)
		}
		inc = tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, vs)
	}
	since := tftypes.NewValue(tftypes.String, nil)
	if changesSince != nil {
		since = tftypes.NewValue(tftypes.String, *changesSince)
	}
	value, withoutDOT := portfolioStateValue(state.Schema.Type().TerraformType(ctx), inc, since, reads, portfolioToday)
	if diags := state.Set(ctx, value); diags.HasError() {
		t.Fatal(diags)
	}
	var m portfolioTestModel
	if diags := state.Get(ctx, &m); diags.HasError() {
		t.Fatal(diags)
	}
	return m, withoutDOT
}

// fullDetails is a CarrierDetails with every part the data source reads.
func fullDetails(dot string) mcp.CarrierDetails {
	return mcp.CarrierDetails{
		DocketNumber: "MC" + dot,
		DotNumber:    &mcp.DotNumber{Value: dot, Status: "ACTIVE"},
		CarrierType:  "Interstate",
		Identity:     &mcp.Identity{LegalName: "Acme Hauling LLC", DbaName: "Acme"},
		Authority: &mcp.Authority{AuthGrantDate: "2019-04-02", CommonAuthority: "Active", CommonAuthorityRevocation: "No",
			ContractAuthority: "Inactive", ContractAuthorityRevocation: "Yes", BrokerAuthority: "None", BrokerAuthorityRevocation: "No"},
		Operation: &mcp.Operation{OperatingStatus: "NOT AUTHORIZED", OutOfService: "Yes", OutOfServiceDate: "2026-10-01",
			OutOfServiceReason: "Imminent Hazard"},
		Safety:         &mcp.Safety{Rating: "Conditional", RatingDate: "2024-06-30T00:00:00"},
		FMCSAInsurance: &mcp.FMCSAInsurance{BipdOnFile: "1,000,000", BipdRequired: "$750,000"},
		CertData: &mcp.FMCSACertData{Status: "OK", Certificate: []mcp.FMCSACertificate{
			{Coverage: []mcp.FMCSACoverage{
				{Type: "Auto", InsurerName: "Great West", PolicyNumber: "P-1", CoverageLimit: "1,000,000",
					ExpirationDate: "2027-03-01", CancellationDate: "0000-00-00"},
				{Type: "Cargo", InsurerName: "Northland", PolicyNumber: "P-2", CoverageLimit: "see policy",
					ExpirationDate: "2026-11-14", CancellationDate: "0000-00-00"},
			}},
			{Coverage: []mcp.FMCSACoverage{
				{Type: "General", InsurerName: "", PolicyNumber: "P-3", CoverageLimit: "2,000,000",
					ExpirationDate: "2027-01-01", CancellationDate: "2026-11-15"},
			}},
		}},
		RiskAssessmentDetails: &mcp.RiskAssessmentDetails{TotalPoints: 1250, OverallRating: "UnacceptableReview",
			Authority: &mcp.RiskAssessmentDetail{OverallRating: "UnacceptableReview", TotalPoints: 1000},
			Insurance: &mcp.RiskAssessmentDetail{OverallRating: "Moderate", TotalPoints: 250},
			Safety:    &mcp.RiskAssessmentDetail{OverallRating: "Acceptable"},
			Operation: &mcp.RiskAssessmentDetail{OverallRating: "Acceptable"},
			// Other left out.
		},
	}
}

func testDecode[T any](t *testing.T, l types.List) []T {
	t.Helper()
	var out []T
	if diags := l.ElementsAs(context.Background(), &out, false); diags.HasError() {
		t.Fatal(diags)
	}
	return out
}

func TestMonitoredCarrierDetailsState_everyField(t *testing.T) {
	t.Parallel()
	bare := mcp.CarrierDetails{DotNumber: &mcp.DotNumber{Value: "200"}}
	noDOT := mcp.CarrierDetails{DocketNumber: "MC999", Identity: &mcp.Identity{LegalName: "Nameless"}}
	noDOTEither := mcp.CarrierDetails{DotNumber: &mcp.DotNumber{Value: ""}}
	m, withoutDOT := portfolioState(t, portfolioReads{details: []mcp.CarrierDetails{fullDetails("100"), bare, noDOT, noDOTEither}}, nil, nil)

	if !slices.Equal(withoutDOT, []string{"MC999", "one without a docket number either"}) {
		t.Errorf("without DOT = %q", withoutDOT)
	}
	if m.CarrierCount.ValueInt64() != 2 || len(m.Carriers) != 2 || !m.Include.IsNull() || !m.ChangesSince.IsNull() {
		t.Fatalf("state = %+v; want carriers 100 and 200, include and changes_since null", m)
	}
	c := m.Carriers["100"]
	str := func(name string, got types.String, want string) {
		t.Helper()
		if got.IsNull() || got.ValueString() != want {
			t.Errorf("%s = %s, want %q", name, got, want)
		}
	}
	str("dot_number", c.DOTNumber, "100")
	str("docket_number", c.DocketNumber, "MC100")
	str("legal_name", c.LegalName, "Acme Hauling LLC")
	str("dba_name", c.DBAName, "Acme")
	str("carrier_type", c.CarrierType, "Interstate")
	str("operating_status", c.OperatingStatus, "NOT AUTHORIZED")
	str("common_authority", c.CommonAuthority, "Active")
	str("contract_authority", c.ContractAuthority, "Inactive")
	str("broker_authority", c.BrokerAuthority, "None")
	str("authority_granted_on", c.AuthorityGrantedOn, "2019-04-02")
	str("out_of_service_since", c.OutOfServiceSince, "2026-10-01")
	str("out_of_service_reason", c.OutOfServiceReason, "Imminent Hazard")
	str("safety_rating", c.SafetyRating, "Conditional")
	str("safety_rating_date", c.SafetyRatingDate, "2024-06-30")
	str("insurance_expires_on", c.InsuranceExpiresOn, "2026-11-14")
	if c.AuthorityRevoked != types.BoolValue(true) || c.OutOfService != types.BoolValue(true) || c.InsuranceExpired != types.BoolValue(true) {
		t.Errorf("authority_revoked, out_of_service, insurance_expired = %s, %s, %s; want true", c.AuthorityRevoked, c.OutOfService, c.InsuranceExpired)
	}
	if c.LiabilityOnFile != types.Int64Value(1000000) || c.LiabilityRequired != types.Int64Value(750000) {
		t.Errorf("liability = %s on file, %s required", c.LiabilityOnFile, c.LiabilityRequired)
	}
	wantCoverages := []portfolioTestCoverage{
		{types.StringValue("Auto"), types.StringValue("Great West"), types.StringValue("P-1"), types.Int64Value(1000000),
			types.StringValue("2027-03-01"), types.StringNull(), types.BoolValue(false)},
		// Expired yesterday; the limit is not an amount.
		{types.StringValue("Cargo"), types.StringValue("Northland"), types.StringValue("P-2"), types.Int64Null(),
			types.StringValue("2026-11-14"), types.StringNull(), types.BoolValue(true)},
		// Cancelled today.
		{types.StringValue("General"), types.StringNull(), types.StringValue("P-3"), types.Int64Value(2000000),
			types.StringValue("2027-01-01"), types.StringValue("2026-11-15"), types.BoolValue(true)},
	}
	if got := testDecode[portfolioTestCoverage](t, c.Coverages); !slices.Equal(got, wantCoverages) {
		t.Errorf("coverages = %+v\nwant %+v", got, wantCoverages)
	}
	var risk portfolioTestRisk
	if diags := c.Risk.As(context.Background(), &risk, struct{ UnhandledNullAsEmpty, UnhandledUnknownAsEmpty bool }{}); diags.HasError() {
		t.Fatal(diags)
	}
	wantRisk := portfolioTestRisk{types.StringValue("UnacceptableReview"), types.Int64Value(1250), types.StringValue("UnacceptableReview"),
		types.StringValue("Moderate"), types.StringValue("Acceptable"), types.StringValue("Acceptable"), types.StringNull()}
	if risk != wantRisk {
		t.Errorf("risk = %+v, want %+v", risk, wantRisk)
	}
	if !c.Contacts.IsNull() || !c.ChangedAt.IsNull() || !c.ChangeCategories.IsNull() {
		t.Errorf("contacts, changed_at, change_categories = %s, %s, %s; want null without contacts and changes_since",
			c.Contacts, c.ChangedAt, c.ChangeCategories)
	}

	// Every part MCP left out is null.
	b := m.Carriers["200"]
	for name, v := range map[string]interface{ IsNull() bool }{
		"docket_number": b.DocketNumber, "legal_name": b.LegalName, "dba_name": b.DBAName, "carrier_type": b.CarrierType,
		"operating_status": b.OperatingStatus, "common_authority": b.CommonAuthority, "contract_authority": b.ContractAuthority,
		"broker_authority": b.BrokerAuthority, "authority_revoked": b.AuthorityRevoked, "authority_granted_on": b.AuthorityGrantedOn,
		"out_of_service": b.OutOfService, "out_of_service_since": b.OutOfServiceSince, "out_of_service_reason": b.OutOfServiceReason,
		"safety_rating": b.SafetyRating, "safety_rating_date": b.SafetyRatingDate, "insurance_expired": b.InsuranceExpired,
		"insurance_expires_on": b.InsuranceExpiresOn, "liability_on_file": b.LiabilityOnFile, "liability_required": b.LiabilityRequired,
		"coverages": b.Coverages, "risk": b.Risk, "contacts": b.Contacts, "changed_at": b.ChangedAt, "change_categories": b.ChangeCategories,
	} {
		if !v.IsNull() {
			t.Errorf("carrier 200 (all parts left out): %s = %v, want null", name, v)
		}
	}
}

// Certificates without coverages: insurance is known current; a coverage
// whose expiration cannot be read makes it unknown, unless another expired.
func TestMonitoredCarrierDetailsState_insuranceExpired(t *testing.T) {
	t.Parallel()
	with := func(dot string, coverages ...mcp.FMCSACoverage) mcp.CarrierDetails {
		return mcp.CarrierDetails{DotNumber: &mcp.DotNumber{Value: dot}, CertData: &mcp.FMCSACertData{
			Certificate: []mcp.FMCSACertificate{{Coverage: coverages}}}}
	}
	unreadable := mcp.FMCSACoverage{ExpirationDate: "soon"}
	lapsed := mcp.FMCSACoverage{ExpirationDate: "2020-01-01"}
	current := mcp.FMCSACoverage{ExpirationDate: "2026-11-15"} // expires today: still covers
	m, _ := portfolioState(t, portfolioReads{details: []mcp.CarrierDetails{
		with("1"), with("2", unreadable), with("3", unreadable, lapsed), with("4", current),
	}}, []string{includeCarrierData}, nil)
	for dot, want := range map[string]types.Bool{"1": types.BoolValue(false), "2": types.BoolNull(), "3": types.BoolValue(true), "4": types.BoolValue(false)} {
		if got := m.Carriers[dot].InsuranceExpired; got != want {
			t.Errorf("carrier %s: insurance_expired = %s, want %s", dot, got, want)
		}
	}
	if got := testDecode[portfolioTestCoverage](t, m.Carriers["1"].Coverages); len(got) != 0 || m.Carriers["1"].Coverages.IsNull() {
		t.Errorf("carrier 1: coverages = %s, want empty", m.Carriers["1"].Coverages)
	}
}

// risk_assessment alone: the risk, and of the identity only DOT and docket.
func TestMonitoredCarrierDetailsState_riskOnly(t *testing.T) {
	t.Parallel()
	details := fullDetails("100").RiskAssessmentDetails
	m, withoutDOT := portfolioState(t, portfolioReads{risks: []mcp.CarrierRiskAssessment{
		{DOTNumber: 100, DocketNumber: "MC100", RiskAssessmentDetails: details},
		{DOTNumber: 300},
		{DocketNumber: "FF7"},
	}}, []string{includeRiskAssessment}, nil)
	if !slices.Equal(withoutDOT, []string{"FF7"}) || len(m.Carriers) != 2 {
		t.Fatalf("carriers %v, without DOT %v", m.Carriers, withoutDOT)
	}
	c := m.Carriers["100"]
	if c.DocketNumber.ValueString() != "MC100" || !c.LegalName.IsNull() || !c.OperatingStatus.IsNull() || !c.InsuranceExpired.IsNull() || !c.Coverages.IsNull() {
		t.Errorf("carrier 100 = %+v; want docket MC100 and no identity but the numbers", c)
	}
	if got := c.Risk.Attributes()["overall"]; got != types.StringValue("UnacceptableReview") {
		t.Errorf("risk.overall = %s", got)
	}
	if got := c.Risk.Attributes()["points"]; got != types.Int64Value(1250) {
		t.Errorf("risk.points = %s", got)
	}
	if r := m.Carriers["300"]; !r.Risk.IsNull() || !r.DocketNumber.IsNull() {
		t.Errorf("carrier 300 (no details from MCP) = %+v; want risk and docket null", r)
	}
}

// contacts with carrier_data: every carrier MCP lists in either read, the
// contacts of those it lists in GetMonitoredCarrierContactsData.
func TestMonitoredCarrierDetailsState_contacts(t *testing.T) {
	t.Parallel()
	m, _ := portfolioState(t, portfolioReads{
		details: []mcp.CarrierDetails{fullDetails("100"), fullDetails("101")},
		contacts: []mcp.MonitoredCarrierContacts{
			{DOTNumber: 100, DocketNumber: "MC100", LegalName: "Other name", CarriersContacts: []mcp.MonitoredCarrierContact{
				{FirstName: "Ann", LastName: "Lee", Title: "", Email: "ann@acme.test", Phone: "(312) 555-0100",
					AuthorizedForPackets: true, VerificationStatus: "Verified"},
			}},
			{DOTNumber: 102, DocketNumber: "MC102", LegalName: "Contacts Only Inc", DBAName: "", CarriersContacts: nil},
		},
		readContacts: true,
	}, []string{includeCarrierData, includeContacts}, nil)
	if len(m.Carriers) != 3 {
		t.Fatalf("carriers = %v, want 100, 101 and 102", m.Carriers)
	}
	want := []portfolioTestContact{{types.StringValue("Ann"), types.StringValue("Lee"), types.StringNull(), types.StringValue("ann@acme.test"),
		types.StringValue("(312) 555-0100"), types.BoolValue(true), types.StringValue("Verified")}}
	if got := testDecode[portfolioTestContact](t, m.Carriers["100"].Contacts); !slices.Equal(got, want) {
		t.Errorf("carrier 100 contacts = %+v, want %+v", got, want)
	}
	if got := m.Carriers["100"].LegalName.ValueString(); got != "Acme Hauling LLC" {
		t.Errorf("carrier 100 legal_name = %q; MonitoredCarrierData's name comes first", got)
	}
	if !m.Carriers["101"].Contacts.IsNull() {
		t.Errorf("carrier 101 (not in the contacts read) contacts = %s, want null", m.Carriers["101"].Contacts)
	}
	c := m.Carriers["102"]
	if c.LegalName.ValueString() != "Contacts Only Inc" || c.DocketNumber.ValueString() != "MC102" || !c.DBAName.IsNull() ||
		c.Contacts.IsNull() || len(c.Contacts.Elements()) != 0 || !c.Risk.IsNull() {
		t.Errorf("carrier 102 (only in the contacts read) = %+v; want its name and docket from there, no contacts, no risk", c)
	}
}

// changes_since: the latest change of each carrier in the window and every
// category; carriers without a change have none, not null; changes of a
// carrier no longer in the portfolio are left out.
func TestMonitoredCarrierDetailsState_changes(t *testing.T) {
	t.Parallel()
	changed := func(dot string, at time.Time, categories ...string) mcp.ChangedCarrier {
		d := fullDetails(dot)
		return mcp.ChangedCarrier{ChangeDateTime: mcp.Time{Time: at}, ChangeCategories: categories, CarrierDetails: &d}
	}
	t1 := time.Date(2026, 11, 14, 9, 0, 0, 0, time.FixedZone("CST", -6*3600))
	t2 := t1.Add(time.Hour)
	since := "2026-11-14T00:00:00Z"
	m, _ := portfolioState(t, portfolioReads{
		details: []mcp.CarrierDetails{fullDetails("100"), fullDetails("101")},
		changes: &mcp.CarrierChanges{CarrierList: []mcp.ChangedCarrier{
			changed("100", t2, "Insurance"), changed("100", t1, "Authority", "Insurance"), changed("555", t1, "RiskAssessment"),
			{ChangeCategories: []string{"Insurance"}}, // no CarrierDetails
		}},
		readChanges: true,
	}, nil, &since)
	if m.ChangesSince.ValueString() != since || len(m.Carriers) != 2 {
		t.Fatalf("changes_since = %s, carriers %v", m.ChangesSince, m.Carriers)
	}
	c := m.Carriers["100"]
	if got := c.ChangedAt.ValueString(); got != "2026-11-14T16:00:00Z" {
		t.Errorf("changed_at = %q, want the latest change in UTC", got)
	}
	if got := testDecode[string](t, c.ChangeCategories); !slices.Equal(got, []string{"Insurance", "Authority"}) {
		t.Errorf("change_categories = %q", got)
	}
	u := m.Carriers["101"]
	if !u.ChangedAt.IsNull() || u.ChangeCategories.IsNull() || len(u.ChangeCategories.Elements()) != 0 {
		t.Errorf("unchanged carrier: changed_at %s, change_categories %s; want null and empty", u.ChangedAt, u.ChangeCategories)
	}
}

// The configured include is kept in state as it is.
func TestMonitoredCarrierDetailsState_include(t *testing.T) {
	t.Parallel()
	m, _ := portfolioState(t, portfolioReads{}, []string{includeContacts, includeRiskAssessment}, nil)
	var got []string
	if diags := m.Include.ElementsAs(context.Background(), &got, false); diags.HasError() {
		t.Fatal(diags)
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{includeContacts, includeRiskAssessment}) || m.CarrierCount.ValueInt64() != 0 || m.Carriers == nil {
		t.Errorf("include = %q, carriers %v (count %s)", got, m.Carriers, m.CarrierCount)
	}
}

// testPortfolioReads is n carriers as MonitoredCarrierData, contacts and the
// change feed give them, with three coverages and two contacts each.
func testPortfolioReads(n int) portfolioReads {
	reads := portfolioReads{readContacts: true, readChanges: true, changes: &mcp.CarrierChanges{}}
	for i := range n {
		dot := strconv.Itoa(1_000_000 + i)
		reads.details = append(reads.details, fullDetails(dot))
		reads.contacts = append(reads.contacts, mcp.MonitoredCarrierContacts{DOTNumber: 1_000_000 + i, CarriersContacts: []mcp.MonitoredCarrierContact{
			{FirstName: "Ann", LastName: "Lee", Email: "ann@acme.test", AuthorizedForPackets: true, VerificationStatus: "Verified"},
			{FirstName: "Bo", LastName: "Li", Email: "bo@acme.test", VerificationStatus: "Pending"},
		}})
		if i%10 == 0 {
			d := fullDetails(dot)
			reads.changes.CarrierList = append(reads.changes.CarrierList, mcp.ChangedCarrier{
				ChangeDateTime: mcp.Time{Time: portfolioToday}, ChangeCategories: []string{"Insurance"}, CarrierDetails: &d})
		}
	}
	return reads
}

// BenchmarkMonitoredCarrierDetailsState builds the state of a 50,000-carrier
// portfolio, every read included, as the server does: merge, build, and
// encode for the protocol.
func BenchmarkMonitoredCarrierDetailsState(b *testing.B) {
	reads := testPortfolioReads(50000)
	inc := tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, nil)
	since := tftypes.NewValue(tftypes.String, "2026-11-01T00:00:00Z")
	typ := portfolioSchemaType()
	for b.Loop() {
		value, _ := portfolioStateValue(typ, inc, since, reads, portfolioToday)
		if _, err := encodeMsgPack(typ, value); err != nil {
			b.Fatal(err)
		}
	}
}

const portfolioAddress = "data.mcp_monitored_carrier_details.test"

func testAccPortfolioConfig(em *emulator.Instance, args string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf("\ndata \"mcp_monitored_carrier_details\" \"test\" {\n%s\n}\n", args)
}

// portfolioServed is what MCP serves for the monitored portfolio, read
// through the client the provider uses, keyed by DOT number.
type portfolioServed struct {
	details  map[string]*mcp.CarrierDetails
	risks    map[string]*mcp.CarrierRiskAssessment
	contacts map[string]*mcp.MonitoredCarrierContacts
	changes  map[string]*mcp.ChangedCarrier // merged: latest time, every category
}

func servePortfolio(t *testing.T, em *emulator.Instance, from, to time.Time) portfolioServed {
	t.Helper()
	ctx, client := context.Background(), acctest.Client(t, em)
	details, err := client.Monitoring.CarrierDataAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	risks, err := client.Monitoring.RiskAssessmentsAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	contacts, err := client.Monitoring.ContactsDataAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	changes, err := client.Monitoring.ChangesAll(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	s := portfolioServed{details: map[string]*mcp.CarrierDetails{}, risks: map[string]*mcp.CarrierRiskAssessment{},
		contacts: map[string]*mcp.MonitoredCarrierContacts{}, changes: map[string]*mcp.ChangedCarrier{}}
	for i := range details {
		s.details[details[i].DotNumber.Value] = &details[i]
	}
	for i := range risks {
		s.risks[strconv.Itoa(risks[i].DOTNumber)] = &risks[i]
	}
	for i := range contacts {
		s.contacts[strconv.Itoa(contacts[i].DOTNumber)] = &contacts[i]
	}
	for _, c := range changes.CarrierList {
		dot := c.CarrierDetails.DotNumber.Value
		m := s.changes[dot]
		if m == nil {
			m = &mcp.ChangedCarrier{}
			s.changes[dot] = m
		}
		if c.ChangeDateTime.After(m.ChangeDateTime.Time) {
			m.ChangeDateTime = c.ChangeDateTime
		}
		for _, cat := range c.ChangeCategories {
			if !slices.Contains(m.ChangeCategories, cat) {
				m.ChangeCategories = append(m.ChangeCategories, cat)
			}
		}
	}
	return s
}

// Field by field, what the data source should hold for what MCP serves.
// The rules are written out again here, apart from the provider's code.

func dateOrNull(s string) knownvalue.Check {
	if s == "" || s == "0000-00-00" {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(s[:10])
}

func dollarsOrNull(s string) knownvalue.Check {
	n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimPrefix(s, "$"), ",", ""), 10, 64)
	if err != nil {
		return knownvalue.Null()
	}
	return knownvalue.Int64Exact(n)
}

func expectRisk(d *mcp.RiskAssessmentDetails) knownvalue.Check {
	if d == nil {
		return knownvalue.Null()
	}
	level := func(c *mcp.RiskAssessmentDetail) knownvalue.Check {
		if c == nil {
			return knownvalue.Null()
		}
		return stringOrNull(c.OverallRating)
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"overall": stringOrNull(d.OverallRating), "points": knownvalue.Int64Exact(int64(d.TotalPoints)),
		"authority": level(d.Authority), "insurance": level(d.Insurance), "safety": level(d.Safety),
		"operation": level(d.Operation), "other": level(d.Other),
	})
}

func expectContacts(c *mcp.MonitoredCarrierContacts) knownvalue.Check {
	if c == nil {
		return knownvalue.Null()
	}
	people := make([]knownvalue.Check, len(c.CarriersContacts))
	for i, p := range c.CarriersContacts {
		people[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"first_name": stringOrNull(p.FirstName), "last_name": stringOrNull(p.LastName), "title": stringOrNull(p.Title),
			"email": stringOrNull(p.Email), "phone": stringOrNull(p.Phone),
			"authorized_for_packets": knownvalue.Bool(p.AuthorizedForPackets), "verification_status": stringOrNull(p.VerificationStatus),
		})
	}
	return knownvalue.ListExact(people)
}

// expectPortfolioCarrier is one carrier's object: from MonitoredCarrierData
// when d is set, else from the risk and contacts reads; changes only when
// withChanges.
func expectPortfolioCarrier(t *testing.T, dot string, s portfolioServed, d *mcp.CarrierDetails, risk *mcp.CarrierRiskAssessment,
	contacts *mcp.MonitoredCarrierContacts, withChanges bool,
) knownvalue.Check {
	t.Helper()
	null := knownvalue.Null()
	want := map[string]knownvalue.Check{"dot_number": knownvalue.StringExact(dot)}
	for _, k := range []string{"legal_name", "dba_name", "carrier_type", "operating_status", "common_authority", "contract_authority",
		"broker_authority", "authority_revoked", "authority_granted_on", "out_of_service", "out_of_service_since", "out_of_service_reason",
		"safety_rating", "safety_rating_date", "insurance_expired", "insurance_expires_on", "liability_on_file", "liability_required",
		"coverages", "risk", "changed_at", "change_categories"} {
		want[k] = null
	}
	switch {
	case d != nil:
		if d.Identity == nil || d.Authority == nil || d.Operation == nil || d.Safety == nil || d.FMCSAInsurance == nil || d.CertData == nil {
			t.Fatalf("MCP serves an incomplete record for %s: %+v", dot, d)
		}
		a, op := d.Authority, d.Operation
		today := time.Now().UTC().Format(time.DateOnly)
		var coverages []knownvalue.Check
		expiresOn, anyExpired := "", false
		for _, cert := range d.CertData.Certificate {
			for _, cov := range cert.Coverage {
				expired := cov.ExpirationDate < today || (cov.CancellationDate != "0000-00-00" && cov.CancellationDate <= today)
				anyExpired = anyExpired || expired
				if expiresOn == "" || cov.ExpirationDate < expiresOn {
					expiresOn = cov.ExpirationDate
				}
				coverages = append(coverages, knownvalue.ObjectExact(map[string]knownvalue.Check{
					"type": stringOrNull(cov.Type), "insurer": stringOrNull(cov.InsurerName), "policy_number": stringOrNull(cov.PolicyNumber),
					"limit": dollarsOrNull(cov.CoverageLimit), "expires_on": dateOrNull(cov.ExpirationDate),
					"cancelled_on": dateOrNull(cov.CancellationDate), "expired": knownvalue.Bool(expired),
				}))
			}
		}
		maps.Copy(want, map[string]knownvalue.Check{
			"docket_number": stringOrNull(d.DocketNumber), "legal_name": stringOrNull(d.Identity.LegalName),
			"dba_name": stringOrNull(d.Identity.DbaName), "carrier_type": stringOrNull(d.CarrierType),
			"operating_status": stringOrNull(op.OperatingStatus), "common_authority": stringOrNull(a.CommonAuthority),
			"contract_authority": stringOrNull(a.ContractAuthority), "broker_authority": stringOrNull(a.BrokerAuthority),
			"authority_revoked": knownvalue.Bool(a.CommonAuthorityRevocation == "Yes" || a.ContractAuthorityRevocation == "Yes" ||
				a.BrokerAuthorityRevocation == "Yes"),
			"authority_granted_on": dateOrNull(a.AuthGrantDate), "out_of_service": knownvalue.Bool(op.OutOfService == "Yes"),
			"out_of_service_since": dateOrNull(op.OutOfServiceDate), "out_of_service_reason": stringOrNull(op.OutOfServiceReason),
			"safety_rating": stringOrNull(d.Safety.Rating), "safety_rating_date": dateOrNull(d.Safety.RatingDate),
			"insurance_expired": knownvalue.Bool(anyExpired), "insurance_expires_on": dateOrNull(expiresOn),
			"liability_on_file": dollarsOrNull(d.FMCSAInsurance.BipdOnFile), "liability_required": dollarsOrNull(d.FMCSAInsurance.BipdRequired),
			"coverages": knownvalue.ListExact(coverages), "risk": expectRisk(d.RiskAssessmentDetails),
		})
	case risk != nil:
		want["docket_number"], want["risk"] = stringOrNull(risk.DocketNumber), expectRisk(risk.RiskAssessmentDetails)
		if contacts != nil {
			want["legal_name"], want["dba_name"] = stringOrNull(contacts.LegalName), stringOrNull(contacts.DBAName)
		}
	default:
		t.Fatalf("no read serves carrier %s", dot)
	}
	want["contacts"] = expectContacts(contacts)
	if withChanges {
		want["change_categories"] = knownvalue.ListExact([]knownvalue.Check{})
		if c := s.changes[dot]; c != nil {
			cats := make([]knownvalue.Check, len(c.ChangeCategories))
			for i, cat := range c.ChangeCategories {
				cats[i] = knownvalue.StringExact(cat)
			}
			want["changed_at"], want["change_categories"] = timeOrNull(c.ChangeDateTime), knownvalue.ListExact(cats)
		}
	}
	return knownvalue.ObjectExact(want)
}

// expectPortfolio checks every carrier of the portfolio against MCP.
func expectPortfolio(t *testing.T, dots []string, s portfolioServed, carrierData, riskData, contactsData, withChanges bool) []statecheck.StateCheck {
	t.Helper()
	carriers := map[string]knownvalue.Check{}
	for _, dot := range dots {
		var d *mcp.CarrierDetails
		var r *mcp.CarrierRiskAssessment
		var c *mcp.MonitoredCarrierContacts
		if carrierData {
			d = s.details[dot]
		}
		if riskData {
			r = s.risks[dot]
		}
		if contactsData {
			c = s.contacts[dot]
		}
		carriers[dot] = expectPortfolioCarrier(t, dot, s, d, r, c, withChanges)
	}
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(portfolioAddress, tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(int64(len(dots)))),
		statecheck.ExpectKnownValue(portfolioAddress, tfjsonpath.New("carriers"), knownvalue.MapExact(carriers)),
	}
}

// portfolioRequests checks, at the end of a step, the bulk reads that
// reached MCP since the step began: each read made is ceil(n/500) pages
// for every time the data source was read, and a read not included is
// never made. reads is the number of times the data source was read, as
// a function of the requests of one read it made.
type portfolioRequests struct {
	em    *emulator.Instance
	pages int
	base  map[string]int
}

var portfolioOps = []string{"MonitoredCarrierData", "GetMonitoredCarriersRiskAssessment", "GetMonitoredCarrierContactsData",
	"CarriersChanges", "MonitoredCarriers", "PreviewCarrier"}

func (p *portfolioRequests) start() {
	p.base = map[string]int{}
	for _, op := range portfolioOps {
		p.base[op] = acctest.Requests(p.em, op)
	}
}

// expect checks that the ops made were each read the same number of
// times (at least once), in ceil(n/500) pages, and every other op never.
func (p *portfolioRequests) expect(made ...string) statecheck.StateCheck {
	return acctest.Check(func() error {
		reads := 0
		for _, op := range portfolioOps {
			n := acctest.Requests(p.em, op) - p.base[op]
			if !slices.Contains(made, op) {
				if n != 0 {
					return fmt.Errorf("%d %s requests, want none", n, op)
				}
				continue
			}
			if n == 0 || n%p.pages != 0 {
				return fmt.Errorf("%d %s requests, want a multiple of %d pages, at least one", n, op, p.pages)
			}
			if reads == 0 {
				reads = n / p.pages
			} else if n/p.pages != reads {
				return fmt.Errorf("%d %s requests, want %d (as many reads as the other bulk reads, %d pages each)", n, op, reads*p.pages, p.pages)
			}
		}
		return nil
	})
}

// The monitored portfolio holds every kind of carrier the emulator's
// universe has; the data source holds what MCP serves for each, under
// every combination of include, and makes only the reads it includes.
func TestAccMonitoredCarrierDetailsDataSource_basic(t *testing.T) {
	variants, err := emulator.ParseVariants(os.Getenv(acctest.VariantsEnv))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(variants, emulator.VariantListUnpaddedDocket) {
		variants = append(variants, emulator.VariantListUnpaddedDocket) // the only universe with padded dockets
	}
	em := acctest.EmulatorWith(t, variants...)
	revoked := acctest.Carrier(t, em, emulator.KindMC).DOTNumber
	outOfService := acctest.Carrier(t, em, emulator.KindIntrastate).DOTNumber
	portfolio := []int{revoked, outOfService}
	add := func(cs ...emulator.CarrierInfo) {
		for _, c := range cs {
			if !slices.Contains(portfolio, c.DOTNumber) {
				portfolio = append(portfolio, c.DOTNumber)
			}
		}
	}
	for _, kind := range []string{emulator.KindExpiredInsurance, emulator.KindPaddedDocket, emulator.KindFF, emulator.KindMX,
		emulator.KindIntrastate, emulator.KindFraudRing, emulator.KindIncidents} {
		add(acctest.Carriers(t, em, kind, 2)...)
	}
	add(acctest.Carriers(t, em, emulator.KindAll, 16)...) // for every risk level
	start := time.Now().UTC().Add(-time.Minute).Truncate(time.Second)
	if err := em.Monitor(portfolio...); err != nil {
		t.Fatal(err)
	}
	for _, change := range []struct {
		dot      int
		category emulator.ChangeCategory
	}{
		{revoked, emulator.ChangeAuthority}, {outOfService, emulator.ChangeAuthority},
		{portfolio[3], emulator.ChangeInsurance}, {portfolio[3], emulator.ChangeRisk}, {portfolio[4], emulator.ChangeRisk},
	} {
		if err := em.ChangeCarrier(change.dot, change.category); err != nil {
			t.Fatal(err)
		}
	}
	served := servePortfolio(t, em, start, time.Now().Add(time.Minute))
	dots := make([]string, len(portfolio))
	for i, dot := range portfolio {
		dots[i] = strconv.Itoa(dot)
	}

	// The portfolio has what it should, as MCP serves it.
	if len(served.details) != len(portfolio) || len(served.changes) != 4 {
		t.Fatalf("MCP serves %d monitored carriers and %d changed, want %d and 4", len(served.details), len(served.changes), len(portfolio))
	}
	if a := served.details[dots[0]].Authority; a.CommonAuthorityRevocation != "Yes" {
		t.Fatalf("carrier %d: authority %+v, want revoked after an authority change", revoked, a)
	}
	if op := served.details[dots[1]].Operation; op.OutOfService != "Yes" {
		t.Fatalf("carrier %d: operation %+v, want out of service after an authority change", outOfService, op)
	}
	levels := map[string]bool{}
	for _, d := range served.details {
		levels[d.RiskAssessmentDetails.OverallRating] = true
	}
	for _, level := range []string{"Acceptable", "Moderate", "UnacceptableReview"} {
		if !levels[level] {
			t.Fatalf("no monitored carrier is rated %s: %v", level, levels)
		}
	}
	expired := acctest.Carrier(t, em, emulator.KindExpiredInsurance).DOTNumber
	padded := acctest.Carrier(t, em, emulator.KindPaddedDocket)
	carrierAt := func(dot int) *tfjsonpath.Path {
		p := tfjsonpath.New("carriers").AtMapKey(strconv.Itoa(dot))
		return &p
	}
	kinds := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(portfolioAddress, carrierAt(revoked).AtMapKey("authority_revoked"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(portfolioAddress, carrierAt(outOfService).AtMapKey("out_of_service"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(portfolioAddress, carrierAt(expired).AtMapKey("insurance_expired"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(portfolioAddress, carrierAt(padded.DOTNumber).AtMapKey("docket_number"),
			knownvalue.StringRegexp(regexp.MustCompile(`^MC0`))),
	}

	requests := &portfolioRequests{em: em, pages: (len(portfolio) + 499) / 500}
	since := fmt.Sprintf("changes_since = %q", start.Format(time.RFC3339))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// include left out: carrier_data alone; with the changes.
				PreConfig: requests.start,
				Config:    testAccPortfolioConfig(em, since),
				ConfigStateChecks: append(append(expectPortfolio(t, dots, served, true, false, false, true), kinds...),
					statecheck.ExpectKnownValue(portfolioAddress, tfjsonpath.New("include"), knownvalue.Null()),
					requests.expect("MonitoredCarrierData", "CarriersChanges")),
			},
			{
				// The risk assessment and the contacts, without carrier data.
				PreConfig: requests.start,
				Config:    testAccPortfolioConfig(em, `include = ["risk_assessment", "contacts"]`),
				ConfigStateChecks: append(expectPortfolio(t, dots, served, false, true, true, false),
					requests.expect("GetMonitoredCarriersRiskAssessment", "GetMonitoredCarrierContactsData")),
			},
			{
				// risk_assessment with carrier_data reads nothing more.
				PreConfig: requests.start,
				Config:    testAccPortfolioConfig(em, `include = ["carrier_data", "risk_assessment", "contacts"]`+"\n"+since),
				ConfigStateChecks: append(expectPortfolio(t, dots, served, true, false, true, true),
					requests.expect("MonitoredCarrierData", "GetMonitoredCarrierContactsData", "CarriersChanges")),
			},
		},
	})
}

// Read makes the reads include names, and only those: carrier_data with
// risk_assessment warns and reads the risk assessment once, within
// MonitoredCarrierData. A changes_since after now is refused before any
// read.
func TestMonitoredCarrierDetailsRead(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	em := emulatortest.Start(t, emulator.Options{Carriers: 500})
	dots := dotsOf(acctest.Carriers(t, em, emulator.KindAll, 3))
	if err := em.Monitor(dots...); err != nil {
		t.Fatal(err)
	}
	user, pass := em.Credentials()
	client, err := mcp.NewClient(em.URL, user, pass)
	if err != nil {
		t.Fatal(err)
	}
	d, ok := NewMonitoredCarrierDetailsDataSource().(*monitoredCarrierDetailsDataSource)
	if !ok {
		t.Fatal("not a monitoredCarrierDetailsDataSource")
	}
	d.data = newProviderData(client, 4)
	state := emptyPortfolioState(t)
	objectType, ok := state.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the schema is not an object")
	}
	strSet := tftypes.Set{ElementType: tftypes.String}
	for _, tc := range []struct {
		name         string
		include      []string // nil: left out
		changesSince string   // "": left out
		warning      string   // summary of the one warning, or ""
		err          string   // summary of the one error, or ""
		requests     map[string]int
	}{
		{name: "include left out", requests: map[string]int{"MonitoredCarrierData": 1}},
		{name: "risk assessment in carrier data", include: []string{includeCarrierData, includeRiskAssessment},
			warning: "risk_assessment is already in carrier_data", requests: map[string]int{"MonitoredCarrierData": 1}},
		{name: "every read", include: []string{includeRiskAssessment, includeContacts}, changesSince: "2026-01-01T00:00:00Z",
			requests: map[string]int{"GetMonitoredCarriersRiskAssessment": 1, "GetMonitoredCarrierContactsData": 1, "CarriersChanges": 1}},
		{name: "changes since the future", changesSince: "2999-01-01T00:00:00Z", err: "Invalid changes_since", requests: map[string]int{}},
	} {
		include := tftypes.NewValue(strSet, nil)
		if tc.include != nil {
			vs := make([]tftypes.Value, len(tc.include))
			for i, s := range tc.include {
				vs[i] = tftypes.NewValue(tftypes.String, s)
			}
			include = tftypes.NewValue(strSet, vs)
		}
		since := tftypes.NewValue(tftypes.String, nil)
		if tc.changesSince != "" {
			since = tftypes.NewValue(tftypes.String, tc.changesSince)
		}
		config := tfsdk.Config{Schema: state.Schema, Raw: tftypes.NewValue(objectType, map[string]tftypes.Value{
			"include": include, "changes_since": since,
			"carrier_count": tftypes.NewValue(tftypes.Number, nil), "carriers": tftypes.NewValue(objectType.AttributeTypes["carriers"], nil),
		})}
		before := em.Stats().Requests
		resp := datasource.ReadResponse{State: emptyPortfolioState(t)}
		d.Read(ctx, datasource.ReadRequest{Config: config}, &resp)
		after := em.Stats().Requests
		var warnings, errs []string
		for _, diag := range resp.Diagnostics.Warnings() {
			warnings = append(warnings, diag.Summary())
		}
		for _, diag := range resp.Diagnostics.Errors() {
			errs = append(errs, diag.Summary())
		}
		if want := slices.DeleteFunc([]string{tc.warning}, func(s string) bool { return s == "" }); !slices.Equal(warnings, want) {
			t.Errorf("%s: warnings %q, want %q", tc.name, warnings, want)
		}
		if want := slices.DeleteFunc([]string{tc.err}, func(s string) bool { return s == "" }); !slices.Equal(errs, want) {
			t.Errorf("%s: errors %q, want %q", tc.name, errs, want)
		}
		for _, op := range portfolioOps {
			if got := after[op] - before[op]; got != tc.requests[op] {
				t.Errorf("%s: %d %s requests, want %d", tc.name, got, op, tc.requests[op])
			}
		}
		if tc.err == "" {
			var m portfolioTestModel
			if diags := resp.State.Get(ctx, &m); diags.HasError() {
				t.Fatal(diags)
			}
			if len(m.Carriers) != len(dots) {
				t.Errorf("%s: %d carriers, want %d", tc.name, len(m.Carriers), len(dots))
			}
		}
	}
}

// The server's own read of mcp_monitored_carrier_details answers as the
// framework's path does: the same state and the same diagnostics, for each
// combination of arguments.
func TestMonitoredCarrierDetailsServerMatchesFramework(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	em := emulatortest.Start(t, emulator.Options{Carriers: 500})
	dots := dotsOf(acctest.Carriers(t, em, emulator.KindAll, 12))
	if err := em.Monitor(dots...); err != nil {
		t.Fatal(err)
	}
	for _, dot := range dots[:3] {
		if err := em.ChangeCarrier(dot, emulator.ChangeInsurance); err != nil {
			t.Fatal(err)
		}
	}
	framework, ours := servers(t, em)
	typ := portfolioSchemaType()
	strSet := tftypes.Set{ElementType: tftypes.String}
	set := func(items ...string) tftypes.Value {
		vs := make([]tftypes.Value, len(items))
		for i, s := range items {
			vs[i] = tftypes.NewValue(tftypes.String, s)
		}
		return tftypes.NewValue(strSet, vs)
	}
	for _, tc := range []struct {
		name           string
		include, since tftypes.Value
	}{
		{"arguments left out", tftypes.NewValue(strSet, nil), tftypes.NewValue(tftypes.String, nil)},
		{"every read", set(includeRiskAssessment, includeContacts), tftypes.NewValue(tftypes.String, "2020-01-01T00:00:00Z")},
		{"a warning", set(includeCarrierData, includeRiskAssessment), tftypes.NewValue(tftypes.String, nil)},
		{"an error", set(includeCarrierData), tftypes.NewValue(tftypes.String, "2999-01-01T00:00:00Z")},
	} {
		config := dynamic(t, typ, tftypes.NewValue(typ, map[string]tftypes.Value{
			"include": tc.include, "changes_since": tc.since,
			"carrier_count": tftypes.NewValue(tftypes.Number, nil), "carriers": tftypes.NewValue(typ.AttributeTypes["carriers"], nil),
		}))
		req := &tfprotov6.ReadDataSourceRequest{TypeName: portfolioTypeName, Config: config}
		want, err := framework.ReadDataSource(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ours.ReadDataSource(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Diagnostics) != len(want.Diagnostics) {
			t.Fatalf("%s: diagnostics %v, framework %v", tc.name, got.Diagnostics, want.Diagnostics)
		}
		for i, d := range got.Diagnostics {
			w := want.Diagnostics[i]
			if d.Severity != w.Severity || d.Summary != w.Summary || d.Detail != w.Detail || !d.Attribute.Equal(w.Attribute) {
				t.Errorf("%s: diagnostic %+v, framework %+v", tc.name, d, w)
			}
		}
		if (got.State == nil) != (want.State == nil) {
			t.Fatalf("%s: state %v, framework %v", tc.name, got.State, want.State)
		}
		if got.State != nil {
			sameValue(t, typ, want.State, got.State)
		}
	}
}

// encodeMsgPack writes what tfprotov6.NewDynamicValue writes: every kind
// of value the state holds, null and empty ones included.
func TestMonitoredCarrierDetailsEncodeMsgPack(t *testing.T) {
	t.Parallel()
	reads := testPortfolioReads(30)
	reads.details = append(reads.details, mcp.CarrierDetails{DotNumber: &mcp.DotNumber{Value: "7"}})
	reads.risks = []mcp.CarrierRiskAssessment{{DOTNumber: 8, RiskAssessmentDetails: &mcp.RiskAssessmentDetails{OverallRating: "Moderate"}}}
	typ := portfolioSchemaType()
	include := tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{tftypes.NewValue(tftypes.String, includeContacts)})
	for _, since := range []tftypes.Value{tftypes.NewValue(tftypes.String, nil), tftypes.NewValue(tftypes.String, "2026-11-01T00:00:00Z")} {
		value, _ := portfolioStateValue(typ, include, since, reads, portfolioToday)
		want, err := tfprotov6.NewDynamicValue(typ, value)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeMsgPack(typ, value)
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, typ, &want, &tfprotov6.DynamicValue{MsgPack: got})
	}
	if _, err := encodeMsgPack(tftypes.String, tftypes.NewValue(tftypes.String, tftypes.UnknownValue)); err == nil {
		t.Error("an unknown value was encoded")
	}
}
