package provider

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"golang.org/x/sync/errgroup"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// mcp_monitored_carrier_details: every monitored carrier (MCP's Assure
// Advantage portfolio) with the facts a policy rule tests, keyed by DOT
// number. Portfolios run to tens of thousands of carriers, so the state is
// built as terraform-plugin-go values in one pass (as carrierListStateValue
// does), not through the framework's reflection: see
// BenchmarkMonitoredCarrierDetailsState.

var (
	_ datasource.DataSource              = (*monitoredCarrierDetailsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*monitoredCarrierDetailsDataSource)(nil)
)

// NewMonitoredCarrierDetailsDataSource is mcp_monitored_carrier_details.
func NewMonitoredCarrierDetailsDataSource() datasource.DataSource {
	return &monitoredCarrierDetailsDataSource{}
}

type monitoredCarrierDetailsDataSource struct {
	data *providerData
}

// The reads `include` chooses from.
const (
	includeCarrierData    = "carrier_data"    // MonitoredCarrierData
	includeRiskAssessment = "risk_assessment" // GetMonitoredCarriersRiskAssessment
	includeContacts       = "contacts"        // GetMonitoredCarrierContactsData
)

var portfolioIncludes = []string{includeCarrierData, includeRiskAssessment, includeContacts}

func (d *monitoredCarrierDetailsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_monitored_carrier_details"
}

func (d *monitoredCarrierDetailsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	fromData := " From `carrier_data`; null without it."
	fromDataOrContacts := " From `carrier_data`, or without it from `contacts`; null without either."
	level := "in MCP's words: `Acceptable`, `Moderate` or `UnacceptableReview`"
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every carrier your company monitors (MCP's Assure Advantage portfolio), keyed by USDOT number, " +
			"with the facts a policy rule tests: authority, out-of-service orders, insurance, safety rating, MCP's risk assessment, " +
			"and optionally the carriers' contacts and when MCP last saw a change. Made for policy as code: " +
			"`{ for dot, c in data.mcp_monitored_carrier_details.portfolio.carriers : dot => c.legal_name if c.insurance_expired == true }`.\n\n" +
			"`include` chooses MCP's bulk reads: `carrier_data` (MonitoredCarrierData, the default), `risk_assessment` " +
			"(GetMonitoredCarriersRiskAssessment) and `contacts` (GetMonitoredCarrierContactsData). They run at the same time, " +
			"each read page by page (500 carriers a page). MCP calls MonitoredCarrierData a heavy operation, meant for periodic " +
			"full syncs: every plan and apply reads it once. Any part MCP leaves out of a carrier is null.",
		Attributes: map[string]schema.Attribute{
			"include": schema.SetAttribute{
				MarkdownDescription: "Which of MCP's reads to make: `carrier_data` (MonitoredCarrierData: identity, authority, " +
					"insurance, safety, out-of-service orders and the risk assessment), `risk_assessment` " +
					"(GetMonitoredCarriersRiskAssessment: the risk assessment alone; of a carrier's identity only `dot_number` " +
					"and `docket_number` are known, and with `contacts` its names) and `contacts` (GetMonitoredCarrierContactsData: `contacts`). " +
					"Leave it out to mean `[\"carrier_data\"]`. `carrier_data` already carries the risk assessment, " +
					"so listing `risk_assessment` with it reads nothing more (and warns).",
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.OneOf(portfolioIncludes...)),
				},
			},
			"changes_since": schema.StringAttribute{
				MarkdownDescription: "Also read MCP's change feed (CarriersChanges) from this time to now, and fill each carrier's " +
					"`changed_at` and `change_categories`: when MCP last saw a change to its insurance, FMCSA data or risk assessment. " +
					"An RFC 3339 timestamp such as `" + timestampExample + "`; `timeadd(plantimestamp(), \"-24h\")` gives a rolling window. " +
					"MCP asks that the feed be read no more often than every 4 minutes.",
				Optional:   true,
				Validators: []validator.String{timestampValidator},
			},
			"carrier_count": computedInt64("How many carriers are in `carriers`."),
			"carriers": schema.MapNestedAttribute{
				MarkdownDescription: "Every monitored carrier, keyed by USDOT number. A carrier MCP lists without a DOT number cannot be " +
					"keyed and is left out, with a warning naming its docket number.",
				Computed: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"dot_number":    computedString("The carrier's USDOT number, as in the key."),
					"docket_number": computedString("The carrier's docket number (`MC`, `FF` or `MX` and digits, as MCP writes it), or null when it has none, as for an intrastate carrier."),
					"legal_name":    computedString("The carrier's legal name." + fromDataOrContacts),
					"dba_name":      computedString("The name the carrier does business as, or null when it has none." + fromDataOrContacts),
					"carrier_type":  computedString("Whether the carrier operates across state lines, in MCP's words, such as `Interstate`." + fromData),
					"operating_status": computedString("The carrier's FMCSA operating status, such as `AUTHORIZED FOR Property`, " +
						"`NOT AUTHORIZED` or `INTRASTATE ONLY`." + fromData),
					"common_authority":   computedString("The carrier's common operating authority, in MCP's words: `Active`, `Inactive` or `None`." + fromData),
					"contract_authority": computedString("The carrier's contract operating authority: `Active`, `Inactive` or `None`." + fromData),
					"broker_authority":   computedString("The carrier's broker authority: `Active`, `Inactive` or `None`." + fromData),
					"authority_revoked": computedBool("`true` when FMCSA has revoked any of the carrier's common, contract or broker " +
						"authority (MCP's `*AuthorityRevocation` is `Yes`)." + fromData),
					"authority_granted_on": computedString("When the carrier's authority was granted (`YYYY-MM-DD`), or null when it has none." + fromData),
					"out_of_service": computedBool("Whether FMCSA has ordered the carrier out of service (MCP's `Yes` or `No`); " +
						"null when MCP's answer is neither." + fromData),
					"out_of_service_since":  computedString("The date of the out-of-service order (`YYYY-MM-DD`), or null when there is none." + fromData),
					"out_of_service_reason": computedString("FMCSA's reason for the out-of-service order, such as `Imminent Hazard`, or null." + fromData),
					"safety_rating":         computedString("The carrier's FMCSA safety rating, such as `Satisfactory`, `Conditional` or `Not Rated`." + fromData),
					"safety_rating_date":    computedString("When the safety rating was given (`YYYY-MM-DD`), or null when there is none." + fromData),
					"insurance_expired": computedBool("Derived by the provider, not MCP, by `mcp_carrier`'s rule: `true` when any coverage " +
						"has `expired`; `false` when every coverage is current (also when there are none); null when MCP has no " +
						"certificate data, or when none has expired but some expiration date is unreadable. Today is the date in UTC " +
						"when Terraform reads the data source." + fromData),
					"insurance_expires_on": computedString("The earliest expiration date of any coverage (`YYYY-MM-DD`), or null when MCP lists none." + fromData),
					"liability_on_file": computedInt64("The liability (BIPD) insurance on file with FMCSA, in whole dollars, such as `1000000`; " +
						"null when MCP does not give a plain amount." + fromData),
					"liability_required": computedInt64("The liability (BIPD) insurance FMCSA requires of the carrier, in whole dollars, " +
						"such as `750000`; null when MCP does not give a plain amount." + fromData),
					"coverages": computedObjects("The coverages on the carrier's certificates of insurance, certificate by certificate; "+
						"null when MCP has no certificate data."+fromData, map[string]schema.Attribute{
						"type":          computedString("The kind of coverage, such as `Auto`, `Cargo` or `General`."),
						"insurer":       computedString("The insurance company."),
						"policy_number": computedString("The policy number."),
						"limit":         computedInt64("The coverage limit in whole dollars, such as `1000000`; null when MCP does not give a plain amount."),
						"expires_on":    computedString("When the coverage expires (`YYYY-MM-DD`), or null."),
						"cancelled_on":  computedString("When the coverage was cancelled (`YYYY-MM-DD`), or null when it was not."),
						"expired": computedBool("Derived by the provider: `true` when the coverage expired before today (UTC) or was " +
							"cancelled today or earlier; null when its expiration date is unreadable."),
					}),
					"risk": computedObject("MCP's risk assessment (RiskAssessmentDetails), from `carrier_data` or `risk_assessment`; "+
						"null when neither is included or MCP sent none.", map[string]schema.Attribute{
						"overall": computedString("The overall rating, " + level + " (MCP advises a review before using the carrier)."),
						"points": computedInt64("The risk points of every category added up: 0 is acceptable; " +
							"each finding adds points, and 1000 or more needs a review."),
						"authority": computedString("The rating of the carrier's operating authority, " + level + "."),
						"insurance": computedString("The rating of the carrier's insurance, " + level + "."),
						"safety":    computedString("The rating of the carrier's safety record, " + level + "."),
						"operation": computedString("The rating of the carrier's operation, " + level + "."),
						"other":     computedString("The rating of other findings, " + level + "."),
					}),
					"contacts": computedObjects("The carrier's users on MCP; null unless `include` lists `contacts`, or when MCP "+
						"does not list the carrier there.", map[string]schema.Attribute{
						"first_name": computedString("First name."),
						"last_name":  computedString("Last name."),
						"title":      computedString("Job title, or null."),
						"email":      computedString("E-mail address."),
						"phone":      computedString("Phone number as MCP writes it, or null."),
						"authorized_for_packets": computedBool("Whether the user may complete packets for the carrier: " +
							"the address to invite."),
						"verification_status": computedString("Where MCP's verification of the user stands, such as `Verified` or `Pending`."),
					}),
					"changed_at": computedString("When MCP last saw a change to the carrier since `changes_since` (RFC 3339, UTC); " +
						"null when it saw none, or `changes_since` is not set."),
					"change_categories": computedStrings("What changed since `changes_since`, in MCP's words, such as `Insurance`, " +
						"`Authority` or `RiskAssessment`; empty when nothing did, null when `changes_since` is not set."),
				}},
			},
		},
	}
}

func (d *monitoredCarrierDetailsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// portfolioReads are MCP's answers to the reads a configuration chose;
// a read not made is nil.
type portfolioReads struct {
	details  []mcp.CarrierDetails
	risks    []mcp.CarrierRiskAssessment
	contacts []mcp.MonitoredCarrierContacts
	changes  *mcp.CarrierChanges
	// readContacts and readChanges tell an empty answer from no read:
	// they decide whether contacts and changes are null or empty.
	readContacts, readChanges bool
}

// portfolioReadError names the read that failed.
type portfolioReadError struct {
	what string
	err  error
}

func (e *portfolioReadError) Error() string { return e.what + ": " + e.err.Error() }
func (e *portfolioReadError) Unwrap() error { return e.err }

func (d *monitoredCarrierDetailsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var include types.Set
	var changesSince types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("include"), &include)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("changes_since"), &changesSince)...)
	if resp.Diagnostics.HasError() {
		return
	}
	value, diags := d.read(ctx, resp.State.Schema.Type().TerraformType(ctx), include, changesSince)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, value)...)
}

// read makes the reads the arguments choose and returns the state value of
// schemaType. Read calls it on the framework's path; the provider's server
// calls it directly (listServer.ReadDataSource), because after Read the
// framework walks the whole state path by path, which takes minutes at
// 50,000 carriers.
func (d *monitoredCarrierDetailsDataSource) read(ctx context.Context, schemaType tftypes.Type, include types.Set, changesSince types.String) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	reads := map[string]bool{includeCarrierData: include.IsNull()}
	for _, e := range include.Elements() {
		if s, ok := e.(types.String); ok {
			reads[s.ValueString()] = true
		}
	}
	if reads[includeCarrierData] && reads[includeRiskAssessment] {
		diags.AddAttributeWarning(path.Root("include"), "risk_assessment is already in carrier_data",
			"MCP's MonitoredCarrierData (carrier_data) carries each carrier's risk assessment, so GetMonitoredCarriersRiskAssessment "+
				"(risk_assessment) is not read as well. Remove \"risk_assessment\" from include.")
		reads[includeRiskAssessment] = false
	}
	now := d.data.now()
	var from, to time.Time
	if !changesSince.IsNull() {
		start, err := parseWindowBound(changesSince.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("changes_since"), "Invalid changes_since", err.Error())
			return tftypes.Value{}, diags
		}
		from, to = start.Truncate(time.Second), ceilSecond(now.UTC())
		if from.After(to) {
			diags.AddAttributeError(path.Root("changes_since"), "Invalid changes_since",
				fmt.Sprintf("changes_since (%s) is in the future (now is %s): MCP can report only changes that have happened.",
					changesSince.ValueString(), to.Format(time.RFC3339)))
			return tftypes.Value{}, diags
		}
	}

	got := portfolioReads{readContacts: reads[includeContacts], readChanges: !changesSince.IsNull()}
	monitoring := d.data.client.Monitoring
	g, gctx := errgroup.WithContext(ctx)
	read := func(want bool, what string, fn func() error) {
		if want {
			g.Go(func() error {
				if err := fn(); err != nil {
					return &portfolioReadError{what, err}
				}
				return nil
			})
		}
	}
	read(reads[includeCarrierData], "monitored carrier data", func() (err error) { got.details, err = monitoring.CarrierDataAll(gctx); return })
	read(reads[includeRiskAssessment], "monitored carriers' risk assessments", func() (err error) { got.risks, err = monitoring.RiskAssessmentsAll(gctx); return })
	read(reads[includeContacts], "monitored carriers' contacts", func() (err error) { got.contacts, err = monitoring.ContactsDataAll(gctx); return })
	read(got.readChanges, "carrier changes", func() (err error) { got.changes, err = monitoring.ChangesAll(gctx, from, to); return })
	if err := g.Wait(); err != nil {
		var re *portfolioReadError
		if errors.As(err, &re) {
			addReadError(&diags, re.what, "this MCP account", re.err)
		} else {
			addReadError(&diags, "monitored carriers", "this MCP account", err)
		}
		return tftypes.Value{}, diags
	}

	includeValue, err := include.ToTerraformValue(ctx)
	if err != nil {
		diags.AddAttributeError(path.Root("include"), "Unable to read include", err.Error())
		return tftypes.Value{}, diags
	}
	sinceValue, err := changesSince.ToTerraformValue(ctx)
	if err != nil {
		diags.AddAttributeError(path.Root("changes_since"), "Unable to read changes_since", err.Error())
		return tftypes.Value{}, diags
	}
	value, withoutDOT := portfolioStateValue(schemaType, includeValue, sinceValue, got, now)
	if len(withoutDOT) > 0 {
		diags.AddWarning("Monitored carriers without a DOT number",
			fmt.Sprintf("MCP lists %d monitored carrier(s) without a USDOT number, which carriers is keyed by, so they are left out: %s.",
				len(withoutDOT), strings.Join(withoutDOT, ", ")))
	}
	return value, diags
}

// portfolioCarrier is one carrier merged from MCP's reads.
type portfolioCarrier struct {
	details    *mcp.CarrierDetails
	risk       *mcp.CarrierRiskAssessment
	contacts   *mcp.MonitoredCarrierContacts
	changedAt  time.Time
	categories []string
}

// portfolioTypes are the terraform-plugin-go types of a carrier and its
// nested attributes, taken from the schema.
type portfolioTypes struct {
	carriers          tftypes.Map
	carrier, coverage tftypes.Object
	coverages, people tftypes.List
	risk, contact     tftypes.Object
	strings           tftypes.List
}

func portfolioTypesOf(schemaType tftypes.Type) portfolioTypes {
	var t portfolioTypes
	t.carriers = schemaType.(tftypes.Object).AttributeTypes["carriers"].(tftypes.Map) //nolint:forcetypeassert // the schema above
	t.carrier = t.carriers.ElementType.(tftypes.Object)                               //nolint:forcetypeassert // the schema above
	t.coverages = t.carrier.AttributeTypes["coverages"].(tftypes.List)                //nolint:forcetypeassert // the schema above
	t.coverage = t.coverages.ElementType.(tftypes.Object)                             //nolint:forcetypeassert // the schema above
	t.people = t.carrier.AttributeTypes["contacts"].(tftypes.List)                    //nolint:forcetypeassert // the schema above
	t.contact = t.people.ElementType.(tftypes.Object)                                 //nolint:forcetypeassert // the schema above
	t.risk = t.carrier.AttributeTypes["risk"].(tftypes.Object)                        //nolint:forcetypeassert // the schema above
	t.strings = tftypes.List{ElementType: tftypes.String}
	return t
}

// portfolioStateValue merges MCP's reads by DOT number into the state value
// of schemaType, in time linear in the number of carriers; include and
// changesSince are the configured arguments. It returns, sorted, the docket
// numbers of carriers MCP lists without a DOT number, which are left out.
func portfolioStateValue(schemaType tftypes.Type, include, changesSince tftypes.Value, reads portfolioReads, today time.Time) (tftypes.Value, []string) {
	n := max(len(reads.details), len(reads.risks), len(reads.contacts))
	carriers := make([]portfolioCarrier, 0, n)
	index := make(map[int]int, n)
	noDOT := map[string]bool{}
	at := func(dot int, docket string) *portfolioCarrier {
		if dot <= 0 {
			noDOT[docket] = true
			return nil
		}
		i, ok := index[dot]
		if !ok {
			i = len(carriers)
			index[dot] = i
			carriers = append(carriers, portfolioCarrier{})
		}
		return &carriers[i]
	}
	for i := range reads.details {
		d := &reads.details[i]
		if c := at(detailsDOT(d), d.DocketNumber); c != nil {
			c.details = d
		}
	}
	for i := range reads.risks {
		r := &reads.risks[i]
		if c := at(r.DOTNumber, r.DocketNumber); c != nil {
			c.risk = r
		}
	}
	for i := range reads.contacts {
		ct := &reads.contacts[i]
		if c := at(ct.DOTNumber, ct.DocketNumber); c != nil {
			c.contacts = ct
		}
	}
	if reads.changes != nil {
		for _, ch := range reads.changes.CarrierList {
			i, ok := index[detailsDOT(ch.CarrierDetails)]
			if !ok {
				continue // no longer monitored, or not keyed
			}
			c := &carriers[i]
			if ch.ChangeDateTime.After(c.changedAt) {
				c.changedAt = ch.ChangeDateTime.Time
			}
			for _, cat := range ch.ChangeCategories {
				if !slices.Contains(c.categories, cat) {
					c.categories = append(c.categories, cat)
				}
			}
		}
	}

	y, m, dd := today.UTC().Date()
	b := &portfolioBuilder{portfolioTypes: portfolioTypesOf(schemaType), reads: reads, day: time.Date(y, m, dd, 0, 0, 0, 0, time.UTC),
		texts: map[string]tftypes.Value{}, numbers: map[int64]tftypes.Value{}}
	values := make(map[string]tftypes.Value, len(carriers))
	for dot, i := range index {
		key := strconv.Itoa(dot)
		values[key] = b.carrier(key, &carriers[i])
	}
	withoutDOT := make([]string, 0, len(noDOT))
	for docket := range noDOT {
		if docket == "" {
			docket = "one without a docket number either"
		}
		withoutDOT = append(withoutDOT, docket)
	}
	slices.Sort(withoutDOT)
	return tftypes.NewValue(schemaType, map[string]tftypes.Value{
		"include":       include,
		"changes_since": changesSince,
		"carrier_count": tftypes.NewValue(tftypes.Number, len(values)),
		"carriers":      tftypes.NewValue(b.carriers, values),
	}), withoutDOT
}

// detailsDOT is the DOT number of a CarrierDetails, or 0 when MCP gives
// none (or not a number).
func detailsDOT(d *mcp.CarrierDetails) int {
	if d == nil || d.DotNumber == nil {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(d.DotNumber.Value))
	if err != nil {
		return 0
	}
	return n
}

// portfolioBuilder builds carriers' values. Most of a portfolio's values
// repeat (MCP's words, dates, amounts, null), so each distinct text and
// number is made once and shared: tftypes values are immutable, and a
// shared one saves the allocations that dominate building 50,000 carriers.
type portfolioBuilder struct {
	portfolioTypes
	reads   portfolioReads
	day     time.Time // today in UTC, for expired coverages
	texts   map[string]tftypes.Value
	numbers map[int64]tftypes.Value
}

var (
	nullStringValue = tftypes.NewValue(tftypes.String, nil)
	nullBoolValue   = tftypes.NewValue(tftypes.Bool, nil)
	nullNumberValue = tftypes.NewValue(tftypes.Number, nil)
	trueValue       = tftypes.NewValue(tftypes.Bool, true)
	falseValue      = tftypes.NewValue(tftypes.Bool, false)
)

// text is rawOptionalString, shared: for MCP's words and dates.
func (b *portfolioBuilder) text(s string) tftypes.Value {
	if s == "" {
		return nullStringValue
	}
	v, ok := b.texts[s]
	if !ok {
		v = tftypes.NewValue(tftypes.String, s)
		b.texts[s] = v
	}
	return v
}

// date is a date MCP writes (YYYY-MM-DD, or the date of a date-time) as
// YYYY-MM-DD; empty text, FMCSA's 0000-00-00 and anything else that is not
// a date are null.
func (b *portfolioBuilder) date(s string) tftypes.Value {
	if _, ok := parseMCPDate(s); !ok {
		return nullStringValue
	}
	return b.text(strings.TrimSpace(s)[:len(time.DateOnly)])
}

// number is a number of whole dollars or points, or null.
func (b *portfolioBuilder) number(n types.Int64) tftypes.Value {
	if n.IsNull() {
		return nullNumberValue
	}
	v, ok := b.numbers[n.ValueInt64()]
	if !ok {
		v = tftypes.NewValue(tftypes.Number, n.ValueInt64())
		b.numbers[n.ValueInt64()] = v
	}
	return v
}

func boolValue(v types.Bool) tftypes.Value {
	switch {
	case v.IsNull():
		return nullBoolValue
	case v.ValueBool():
		return trueValue
	}
	return falseValue
}

// carrier is one carrier's object. Whatever the reads did not give is
// null: a CarrierDetails without Authority has null authority attributes,
// as has a carrier MCP did not list in MonitoredCarrierData.
func (b *portfolioBuilder) carrier(dot string, c *portfolioCarrier) tftypes.Value {
	t, reads := b.portfolioTypes, b.reads
	d := orZero(c.details)
	identity, authority, operation, safety := orZero(d.Identity), orZero(d.Authority), orZero(d.Operation), orZero(d.Safety)
	insurance := orZero(d.FMCSAInsurance)

	docket, legal, dba := d.DocketNumber, identity.LegalName, identity.DbaName
	if docket == "" && c.risk != nil {
		docket = c.risk.DocketNumber
	}
	if ct := c.contacts; ct != nil && c.details == nil {
		docket, legal, dba = cmp.Or(docket, ct.DocketNumber), ct.LegalName, ct.DBAName
	}

	revoked := nullBoolValue
	if d.Authority != nil {
		revoked = boolValue(types.BoolValue(yesNoBool(authority.CommonAuthorityRevocation).ValueBool() ||
			yesNoBool(authority.ContractAuthorityRevocation).ValueBool() || yesNoBool(authority.BrokerAuthorityRevocation).ValueBool()))
	}

	coverages, expired, expiresOn := tftypes.NewValue(t.coverages, nil), nullBoolValue, nullStringValue
	if cd := d.CertData; cd != nil {
		var tally expiredTally
		var earliest string
		list := make([]tftypes.Value, 0, len(cd.Certificate))
		for _, cert := range cd.Certificate {
			for _, cov := range cert.Coverage {
				e := coverageExpired(cov.ExpirationDate, cov.CancellationDate, b.day)
				tally.add(e)
				earliest = earliestCoverageDate(earliest, cov.ExpirationDate)
				list = append(list, tftypes.NewValue(t.coverage, map[string]tftypes.Value{
					"type":          b.text(cov.Type),
					"insurer":       b.text(cov.InsurerName),
					"policy_number": rawOptionalString(cov.PolicyNumber),
					"limit":         b.number(dollarAmount(cov.CoverageLimit)),
					"expires_on":    b.date(cov.ExpirationDate),
					"cancelled_on":  b.date(cov.CancellationDate),
					"expired":       boolValue(e),
				}))
			}
		}
		coverages, expired, expiresOn = tftypes.NewValue(t.coverages, list), boolValue(tally.value()), b.date(earliest)
	}

	riskDetails := d.RiskAssessmentDetails
	if riskDetails == nil && c.risk != nil {
		riskDetails = c.risk.RiskAssessmentDetails
	}
	risk := tftypes.NewValue(t.risk, nil)
	if rd := riskDetails; rd != nil {
		category := func(cat *mcp.RiskAssessmentDetail) tftypes.Value {
			if cat == nil {
				return nullStringValue
			}
			return b.text(cat.OverallRating)
		}
		overall, points := riskTotals(rd)
		risk = tftypes.NewValue(t.risk, map[string]tftypes.Value{
			"overall":   b.text(overall.ValueString()),
			"points":    b.number(points),
			"authority": category(rd.Authority),
			"insurance": category(rd.Insurance),
			"safety":    category(rd.Safety),
			"operation": category(rd.Operation),
			"other":     category(rd.Other),
		})
	}

	contacts := tftypes.NewValue(t.people, nil)
	if ct := c.contacts; reads.readContacts && ct != nil {
		list := make([]tftypes.Value, len(ct.CarriersContacts))
		for i, p := range ct.CarriersContacts {
			list[i] = tftypes.NewValue(t.contact, map[string]tftypes.Value{
				"first_name":             rawOptionalString(p.FirstName),
				"last_name":              rawOptionalString(p.LastName),
				"title":                  b.text(p.Title),
				"email":                  rawOptionalString(p.Email),
				"phone":                  rawOptionalString(p.Phone),
				"authorized_for_packets": boolValue(types.BoolValue(p.AuthorizedForPackets)),
				"verification_status":    b.text(p.VerificationStatus),
			})
		}
		contacts = tftypes.NewValue(t.people, list)
	}

	categories := tftypes.NewValue(t.strings, nil)
	if reads.readChanges {
		list := make([]tftypes.Value, len(c.categories))
		for i, s := range c.categories {
			list[i] = b.text(s)
		}
		categories = tftypes.NewValue(t.strings, list)
	}

	return tftypes.NewValue(t.carrier, map[string]tftypes.Value{
		"dot_number":            rawOptionalString(dot),
		"docket_number":         rawOptionalString(docket),
		"legal_name":            rawOptionalString(legal),
		"dba_name":              rawOptionalString(dba),
		"carrier_type":          b.text(d.CarrierType),
		"operating_status":      b.text(operation.OperatingStatus),
		"common_authority":      b.text(authority.CommonAuthority),
		"contract_authority":    b.text(authority.ContractAuthority),
		"broker_authority":      b.text(authority.BrokerAuthority),
		"authority_revoked":     revoked,
		"authority_granted_on":  b.date(authority.AuthGrantDate),
		"out_of_service":        boolValue(yesNoBool(operation.OutOfService)),
		"out_of_service_since":  b.date(operation.OutOfServiceDate),
		"out_of_service_reason": b.text(operation.OutOfServiceReason),
		"safety_rating":         b.text(safety.Rating),
		"safety_rating_date":    b.date(safety.RatingDate),
		"insurance_expired":     expired,
		"insurance_expires_on":  expiresOn,
		"liability_on_file":     b.number(dollarAmount(insurance.BipdOnFile)),
		"liability_required":    b.number(dollarAmount(insurance.BipdRequired)),
		"coverages":             coverages,
		"risk":                  risk,
		"contacts":              contacts,
		"changed_at":            rawOptionalTime(c.changedAt),
		"change_categories":     categories,
	})
}
