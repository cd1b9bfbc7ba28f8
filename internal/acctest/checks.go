package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Check is a state check that asks the emulator: fn returns an error when
// what reached MCP is not as expected.
func Check(fn func() error) statecheck.StateCheck { return check(fn) }

// PlanCheck is the same, run on a plan.
func PlanCheck(fn func() error) plancheck.PlanCheck { return check(fn) }

type check func() error

func (c check) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c()
}

func (c check) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c()
}

// Listed returns the DOT numbers on one of the emulator's lists, sorted.
func Listed(em *emulator.Instance, l emulator.List) []int {
	snap := em.Snapshot()
	list := snap.Monitored
	if l == emulator.BlockedList {
		list = snap.Blocked
	}
	dots := make([]int, len(list))
	for i, e := range list {
		dots[i] = e.DOTNumber
	}
	sort.Ints(dots)
	return dots
}

// ExpectListed fails unless exactly these carriers are on the list.
func ExpectListed(em *emulator.Instance, l emulator.List, dots ...int) func() error {
	return func() error {
		want := slices.Clone(dots)
		sort.Ints(want)
		if got := Listed(em, l); !slices.Equal(got, want) {
			return fmt.Errorf("emulator %s list = %v, want %v", l, got, want)
		}
		return nil
	}
}

// Requests is how many requests of an operation reached the emulator.
func Requests(em *emulator.Instance, op string) int { return em.Stats().Requests[op] }

// ExpectRequests fails unless the operation was requested exactly want
// times more than at the baseline *since.
func ExpectRequests(em *emulator.Instance, op string, since *int, want int) func() error {
	return func() error {
		if got := Requests(em, op) - *since; got != want {
			return fmt.Errorf("emulator received %d %s requests, want %d", got, op, want)
		}
		return nil
	}
}

// ExpectWritesSince fails unless MCP processed exactly want writes since
// the baseline *since (em.Writes() when it was taken).
func ExpectWritesSince(em *emulator.Instance, since *int, want int) func() error {
	return func() error {
		if n := em.Writes() - *since; n != want {
			return fmt.Errorf("emulator processed %d writes, want %d (stats %+v)", n, want, em.Stats().Requests)
		}
		return nil
	}
}

// ExpectNoWrites fails if any write operation reached the emulator, a
// project44 invitation included.
func ExpectNoWrites(em *emulator.Instance) func() error {
	return func() error {
		if n := em.Writes(); n != 0 {
			return fmt.Errorf("emulator processed %d writes, want none (stats %+v)", n, em.Stats().Requests)
		}
		return ExpectTrackingSends(em, 0)()
	}
}

// StatsOverHTTP reads the request counts from GET /_emulator/stats, the way
// an operator would, rather than through the Go accessor.
func StatsOverHTTP(em *emulator.Instance) (map[string]int, error) {
	resp, err := http.Get(em.URL + "/_emulator/stats") //nolint:noctx // a test helper against a loopback server
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var stats emulator.Stats
	if err := json.NewDecoder(resp.Body).Decode(&stats); err != nil {
		return nil, err
	}
	return stats.Requests, nil
}

// Served is one of the lists as MCP serves it, read through Client: what
// the provider sees, in MCP's spelling.
func Served(t *testing.T, em *emulator.Instance, l emulator.List) []mcp.MonitoredCarrier {
	t.Helper()
	client := Client(t, em)
	if l == emulator.MonitoredList {
		list, err := client.Monitoring.ListAll(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	list, err := client.Blocking.ListAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := make([]mcp.MonitoredCarrier, len(list))
	for i, b := range list {
		out[i] = mcp.MonitoredCarrier(b)
	}
	return out
}

// ServedEntry is a carrier's entry on a list as MCP serves it, by DOT
// number; the test fails when MCP does not list it so.
func ServedEntry(t *testing.T, em *emulator.Instance, l emulator.List, dot int) mcp.MonitoredCarrier {
	t.Helper()
	for _, e := range Served(t, em, l) {
		if e.DOTNumber == dot {
			return e
		}
	}
	t.Fatalf("MCP's %s list has no entry for DOT %d", l, dot)
	return mcp.MonitoredCarrier{}
}

// Lazy is a value check whose expectation is only known once the step has
// applied, such as what MCP lists for a carrier the step put on a list.
func Lazy(expect func() knownvalue.Check) knownvalue.Check { return lazy(expect) }

type lazy func() knownvalue.Check

func (l lazy) CheckValue(v any) error { return l().CheckValue(v) }
func (l lazy) String() string         { return "a value known after apply" }

// ChangeOverHTTP changes a carrier through the emulator's admin route
// POST /_emulator/carriers/{dot}/change, as MCP's own data would change
// (category "insurance", "authority" or "risk").
func ChangeOverHTTP(t *testing.T, em *emulator.Instance, dot int, category string) {
	t.Helper()
	body := strings.NewReader(fmt.Sprintf(`{"category":%q}`, category))
	resp, err := http.Post(fmt.Sprintf("%s/_emulator/carriers/%d/change", em.URL, dot), "application/json", body) //nolint:noctx // a test helper against a loopback server
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("changing the %s of DOT %d: %s %s", category, dot, resp.Status, b)
	}
}

// ExpectDrift is a plan check that the plan's refresh found attr of the
// resource at addr changed outside Terraform, from one value to another:
// what `terraform plan` shows as "has changed".
func ExpectDrift(addr, attr string, from, to any) plancheck.PlanCheck {
	return drift{addr, attr, from, to}
}

type drift struct {
	addr, attr string
	from, to   any
}

func (d drift) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceDrift {
		if rc.Address != d.addr || rc.Change == nil {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		if before[d.attr] != d.from || after[d.attr] != d.to {
			resp.Error = fmt.Errorf("%s.%s drifted from %v to %v, want %v to %v", d.addr, d.attr, before[d.attr], after[d.attr], d.from, d.to)
		}
		return
	}
	resp.Error = fmt.Errorf("the plan shows no change of %s made outside Terraform", d.addr)
}
