package provider

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

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
	}}, []string{includeRiskAssesment}, nil)
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
	m, _ := portfolioState(t, portfolioReads{}, []string{includeContacts, includeRiskAssesment}, nil)
	var got []string
	if diags := m.Include.ElementsAs(context.Background(), &got, false); diags.HasError() {
		t.Fatal(diags)
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{includeContacts, includeRiskAssesment}) || m.CarrierCount.ValueInt64() != 0 || m.Carriers == nil {
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
// portfolio, every read included, as Read does: merge, build, State.Set.
func BenchmarkMonitoredCarrierDetailsState(b *testing.B) {
	ctx := context.Background()
	reads := testPortfolioReads(50000)
	inc := tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, nil)
	since := tftypes.NewValue(tftypes.String, "2026-11-01T00:00:00Z")
	for b.Loop() {
		state := emptyPortfolioState(b)
		value, _ := portfolioStateValue(state.Schema.Type().TerraformType(ctx), inc, since, reads, portfolioToday)
		if diags := state.Set(ctx, value); diags.HasError() {
			b.Fatal(diags)
		}
	}
}
