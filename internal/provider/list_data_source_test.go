package provider

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// carrierListDSCase is one of the two list data sources, as its acceptance
// tests see it: the same tests run for both.
type carrierListDSCase struct {
	dataSource   string // mcp_monitored_carriers
	list         emulator.List
	op           string // the MCP list operation
	listName     string
	resourceType string // the per-carrier resource that shares the list
}

var (
	monitoredListDS = carrierListDSCase{dataSource: "mcp_monitored_carriers", list: emulator.MonitoredList, op: "MonitoredCarriers", listName: "monitored list",
		resourceType: "mcp_monitored_carrier"}
	blockedListDS = carrierListDSCase{dataSource: "mcp_blocked_carriers", list: emulator.BlockedList, op: "BlockedCarriers", listName: "blocked list",
		resourceType: "mcp_blocked_carrier"}
)

func (c carrierListDSCase) address() string { return "data." + c.dataSource + ".test" }

func (c carrierListDSCase) config(em *emulator.Instance) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf("\ndata %q \"test\" {}\n", c.dataSource)
}

// put lists carriers as someone in the MCP portal would.
func (c carrierListDSCase) put(t *testing.T, em *emulator.Instance, dots ...int) {
	t.Helper()
	if err := em.Put(c.list, dots...); err != nil {
		t.Fatal(err)
	}
}

// stringOrNull expects a string, or null for MCP's empty text.
func stringOrNull(s string) knownvalue.Check {
	if s == "" {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(s)
}

// timeOrNull expects an MCP time as RFC 3339 in UTC, or null.
func timeOrNull(t mcp.Time) knownvalue.Check {
	if t.IsZero() {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(t.UTC().Format(time.RFC3339))
}

// expectServed checks the data source against what MCP serves.
func (c carrierListDSCase) expectServed(served []mcp.MonitoredCarrier) []statecheck.StateCheck {
	sorted := slices.Clone(served)
	slices.SortFunc(sorted, func(a, b mcp.MonitoredCarrier) int {
		return cmp.Or(a.DOTNumber-b.DOTNumber, strings.Compare(a.IntrastateNumber, b.IntrastateNumber))
	})
	dots := []knownvalue.Check{}
	maps := map[string]map[string]knownvalue.Check{
		"carriers": {}, "created_at": {}, "created_by": {}, "last_modified_at": {}, "last_modified_by": {},
	}
	withoutDOT := []knownvalue.Check{}
	for _, e := range sorted {
		if e.DOTNumber == 0 { // MCP listed an intrastate-only carrier by its state number alone
			withoutDOT = append(withoutDOT, knownvalue.StringExact(e.IntrastateNumber))
			continue
		}
		k := strconv.Itoa(e.DOTNumber)
		dots = append(dots, knownvalue.StringExact(k))
		maps["carriers"][k] = knownvalue.StringExact(carrierid.Key{Docket: e.DocketNumber, Intrastate: e.IntrastateNumber}.ListValue())
		maps["created_at"][k] = timeOrNull(e.CreatedDate)
		maps["created_by"][k] = stringOrNull(e.CreatedBy)
		maps["last_modified_at"][k] = timeOrNull(e.LastModifiedDate)
		maps["last_modified_by"][k] = stringOrNull(e.LastModifiedBy)
	}
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(int64(len(sorted)))),
		statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("dot_numbers"), knownvalue.ListExact(dots)),
		statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("without_dot_number"), knownvalue.ListExact(withoutDOT)),
	}
	for name, m := range maps {
		checks = append(checks, statecheck.ExpectKnownValue(c.address(), tfjsonpath.New(name), knownvalue.MapExact(m)))
	}
	return checks
}

// A list of carriers of every kind, put there in the portal and through
// the API: every entry as MCP serves it, sorted by DOT number.
func testAccCarrierListDSBasic(t *testing.T, c carrierListDSCase) {
	em := acctest.Emulator(t)
	var dots []int
	for _, kind := range []string{emulator.KindMC, emulator.KindIntrastate, emulator.KindFF, emulator.KindMX} {
		for _, carrier := range acctest.Carriers(t, em, kind, 2) {
			dots = append(dots, carrier.DOTNumber)
		}
	}
	// Out of DOT order, with the sample carrier through the API.
	slices.Reverse(dots)
	c.put(t, em, dots...)
	client := acctest.Client(t, em)
	ref := mcp.CarrierRef{DOTNumber: emulator.SampleDOTNumber, DocketNumber: "MC113843"}
	var err error
	if c.list == emulator.BlockedList {
		_, err = client.Blocking.Block(context.Background(), ref)
	} else {
		_, err = client.Monitoring.Request(context.Background(), ref)
	}
	if err != nil {
		t.Fatal(err)
	}
	writes := em.Writes()
	served := acctest.Served(t, em, c.list)
	if len(served) != len(dots)+1 {
		t.Fatalf("MCP serves %d carriers, want %d", len(served), len(dots)+1)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: c.config(em),
			ConfigStateChecks: append(c.expectServed(served), acctest.Check(func() error {
				if n := em.Writes() - writes; n != 0 {
					return fmt.Errorf("reading the %s made %d writes", c.listName, n)
				}
				return nil
			})),
		}},
	})
}

// An empty list is an answer, not an error.
func testAccCarrierListDSEmpty(t *testing.T, c carrierListDSCase) {
	em := acctest.Emulator(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: c.config(em),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("dot_numbers"), knownvalue.ListExact([]knownvalue.Check{})),
				statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("carriers"), knownvalue.MapExact(map[string]knownvalue.Check{})),
			},
		}},
	})
}

// The data source reads the provider run's shared view of the list: a plan
// that refreshes per-carrier resources on the list and reads the data
// source loads the list once.
func testAccCarrierListDSShared(t *testing.T, c carrierListDSCase) {
	em := acctest.Emulator(t)
	carriers := acctest.Carriers(t, em, emulator.KindMC, 20)
	config := c.config(em)
	for i, carrier := range carriers {
		config += fmt.Sprintf("\nresource %q \"c%d\" {\n  dot_number = %q\n}\n", c.resourceType, i, strconv.Itoa(carrier.DOTNumber))
	}
	var before, afterPlain int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() { before = acctest.Requests(em, c.op) },
				Config:    config,
				PlanOnly:  true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					// A plan without refresh reads only the data source.
					PostApplyPreRefresh: []plancheck.PlanCheck{acctest.PlanCheck(func() error {
						afterPlain = acctest.Requests(em, c.op)
						if n := afterPlain - before; n != 1 {
							return fmt.Errorf("a plan without refresh made %d %s calls, want 1", n, c.op)
						}
						return nil
					})},
					// A refreshing plan reads it and refreshes every resource.
					PostApplyPostRefresh: []plancheck.PlanCheck{acctest.PlanCheck(func() error {
						if n := acctest.Requests(em, c.op) - afterPlain; n != 1 {
							return fmt.Errorf("refreshing %d resources and reading the data source made %d %s calls, want 1", len(carriers), n, c.op)
						}
						return nil
					})},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(c.address(), tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(int64(len(carriers)))),
				},
			},
		},
	})
}

// MCP failing to serve the list fails the plan, naming the list.
func testAccCarrierListDSFailure(t *testing.T, c carrierListDSCase) {
	em := acctest.Emulator(t)
	if err := em.SetFaults(emulator.Faults{Rate: 1, Statuses: []int{500}, Operations: []string{c.op}}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      c.config(em),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching("Unable to read the "+c.listName, "500"),
		}},
	})
}

// carrierListTestModel reads the state back in tests, and is the
// reflection alternative in the benchmark.
type carrierListTestModel struct {
	Count          types.Int64       `tfsdk:"carrier_count"`
	DOTNumbers     []string          `tfsdk:"dot_numbers"`
	Carriers       map[string]string `tfsdk:"carriers"`
	CreatedAt      types.Map         `tfsdk:"created_at"`
	CreatedBy      types.Map         `tfsdk:"created_by"`
	LastModifiedAt types.Map         `tfsdk:"last_modified_at"`
	LastModifiedBy types.Map         `tfsdk:"last_modified_by"`
	WithoutDOT     []string          `tfsdk:"without_dot_number"`
}

// testListEntries is a list of n carriers; every tenth is intrastate-only.
func testListEntries(n int) map[int]membership.Entry {
	at := time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC)
	out := make(map[int]membership.Entry, n)
	for i := range n {
		dot := 1000001 + i
		k := carrierid.Key{DOT: dot, Docket: "MC" + strconv.Itoa(120000+i)}
		if i%10 == 9 {
			k = carrierid.Key{DOT: dot, Intrastate: "TX" + strconv.Itoa(100000+i)}
		}
		out[dot] = membership.Entry{Key: k, CreatedAt: at, CreatedBy: "integration", LastModifiedAt: at.Add(time.Hour), LastModifiedBy: "portal"}
	}
	return out
}

func emptyListState(t testing.TB) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	var s datasource.SchemaResponse
	NewBlockedCarriersDataSource().Schema(ctx, datasource.SchemaRequest{}, &s)
	return tfsdk.State{Schema: s.Schema, Raw: tftypes.NewValue(s.Schema.Type().TerraformType(ctx), nil)}
}

func setCarrierList(t testing.TB, state *tfsdk.State, entries map[int]membership.Entry) {
	t.Helper()
	ctx := context.Background()
	if diags := state.Set(ctx, carrierListStateValue(state.Schema.Type().TerraformType(ctx), entries, nil)); diags.HasError() {
		t.Fatal(diags)
	}
}

func TestCarrierListStateValue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for name, entries := range map[string]map[int]membership.Entry{
		"empty": {},
		"some":  testListEntries(25),
		"sparse": {
			23868: {Key: carrierid.Key{DOT: 23868, Docket: "MC113843"}},
			7:     {Key: carrierid.Key{DOT: 7}},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			state := emptyListState(t)
			setCarrierList(t, &state, entries)
			var got carrierListTestModel
			if diags := state.Get(ctx, &got); diags.HasError() {
				t.Fatal(diags)
			}
			dots := slices.Sorted(maps.Keys(entries))
			wantDOTs, wantCarriers := []string{}, map[string]string{}
			for _, dot := range dots {
				k := strconv.Itoa(dot)
				wantDOTs, wantCarriers[k] = append(wantDOTs, k), entries[dot].Key.ListValue()
			}
			if got.Count.ValueInt64() != int64(len(entries)) || !slices.Equal(got.DOTNumbers, wantDOTs) || !maps.Equal(got.Carriers, wantCarriers) {
				t.Errorf("state = %+v\nwant dot_numbers %v, carriers %v", got, wantDOTs, wantCarriers)
			}
			for attrName, m := range map[string]types.Map{"created_at": got.CreatedAt, "created_by": got.CreatedBy,
				"last_modified_at": got.LastModifiedAt, "last_modified_by": got.LastModifiedBy} {
				if len(m.Elements()) != len(entries) {
					t.Errorf("%s has %d entries, want one per carrier (%d)", attrName, len(m.Elements()), len(entries))
				}
			}
			switch name {
			case "some":
				// Times are whole seconds in UTC.
				if got := got.CreatedAt.Elements()["1000001"]; got != types.StringValue("2026-01-02T03:04:05Z") {
					t.Errorf("created_at = %s", got)
				}
				if got := got.Carriers["1000010"]; got != "TX100009" {
					t.Errorf("an intrastate-only carrier's value is %q, want its intrastate number", got)
				}
			case "sparse":
				// Missing identifiers are "", missing times and users null.
				if got.Carriers["7"] != "" || !got.CreatedAt.Elements()["7"].IsNull() || !got.LastModifiedBy.Elements()["7"].IsNull() {
					t.Errorf("a carrier MCP records nothing about: %+v", got)
				}
			}
		})
	}
}

// Entries MCP lists without a DOT number count, and are listed by their
// intrastate number alone.
func TestCarrierListStateValueWithoutDOT(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	state := emptyListState(t)
	entries := map[int]membership.Entry{7: {Key: carrierid.Key{DOT: 7, Docket: "MC7"}}}
	withoutDOT := []membership.Entry{{Key: carrierid.Key{Intrastate: "TX1"}}, {Key: carrierid.Key{Intrastate: "TX2"}}}
	if diags := state.Set(ctx, carrierListStateValue(state.Schema.Type().TerraformType(ctx), entries, withoutDOT)); diags.HasError() {
		t.Fatal(diags)
	}
	var got carrierListTestModel
	if diags := state.Get(ctx, &got); diags.HasError() {
		t.Fatal(diags)
	}
	if got.Count.ValueInt64() != 3 || !slices.Equal(got.DOTNumbers, []string{"7"}) || !slices.Equal(got.WithoutDOT, []string{"TX1", "TX2"}) ||
		len(got.Carriers) != 1 {
		t.Errorf("state = %+v; want 3 carriers: DOT 7, and TX1 and TX2 without a DOT number", got)
	}
}

// BenchmarkCarrierListState compares two ways of putting a 50,000-carrier
// list in state: terraform-plugin-go values (what Read does), and
// reflection over a model struct.
func BenchmarkCarrierListState(b *testing.B) {
	ctx := context.Background()
	entries := testListEntries(50000)
	b.Run("tftypes", func(b *testing.B) {
		for b.Loop() {
			state := emptyListState(b)
			setCarrierList(b, &state, entries)
		}
	})
	b.Run("reflection", func(b *testing.B) {
		for b.Loop() {
			state := emptyListState(b)
			dots := slices.Sorted(maps.Keys(entries))
			m := carrierListTestModel{Count: types.Int64Value(int64(len(dots))), Carriers: map[string]string{}}
			facts := [4]map[string]attr.Value{{}, {}, {}, {}}
			for _, dot := range dots {
				e, k := entries[dot], strconv.Itoa(dot)
				m.DOTNumbers, m.Carriers[k] = append(m.DOTNumbers, k), e.Key.ListValue()
				facts[0][k], facts[1][k] = optionalTime(e.CreatedAt), optionalString(e.CreatedBy)
				facts[2][k], facts[3][k] = optionalTime(e.LastModifiedAt), optionalString(e.LastModifiedBy)
			}
			m.CreatedAt, m.CreatedBy = types.MapValueMust(types.StringType, facts[0]), types.MapValueMust(types.StringType, facts[1])
			m.LastModifiedAt, m.LastModifiedBy = types.MapValueMust(types.StringType, facts[2]), types.MapValueMust(types.StringType, facts[3])
			if diags := state.Set(ctx, m); diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
}
