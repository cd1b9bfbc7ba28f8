// Command bench measures the provider against the MCP emulator with a real
// Terraform CLI, each figure as a ratio to a baseline measured in the same
// run (so the machine's speed cancels out), and counts the MCP calls:
//
//  1. a refresh-only plan over 2,000 mcp_monitored_carrier resources, against
//     the same plan over 2,000 terraform_data resources (Terraform's floor);
//  2. a plan with no changes for an mcp_monitoring_list of 50,000 carriers,
//     against a terraform_data holding the same 50,000-entry map, and
//     against Terraform's own floor for that shape: the map converted to
//     map(object(...)) as Terraform converts carriers (quadratic in go-cty's
//     type unification, whatever the provider does);
//  3. an apply adding 1,000 carriers to a list with 20 ms of emulator latency
//     per request, against the ideal 1,000 × 20 ms ÷ the write concurrency.
//
// `make bench` builds the provider and runs this; it reports, it does not
// fail on a slow machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// writeConcurrency is the provider's default list_write_concurrency.
const writeConcurrency = 10

func main() {
	terraform := flag.String("terraform", "", "the Terraform CLI to run")
	providerDir := flag.String("provider-dir", "", "directory holding the terraform-provider-mcp build")
	runs := flag.Int("runs", 3, "measured runs per figure; the median is reported")
	only := flag.Int("only", 0, "run only this benchmark (1, 2 or 3)")
	flag.Parse()
	if err := run(*terraform, *providerDir, *runs, *only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// result is one row of the table.
type result struct {
	name               string
	provider, baseline time.Duration
	baselineName       string
	target             float64
	calls              string
	callsAtBound       bool
}

func run(terraform, providerDir string, runs, only int) error {
	if terraform == "" || providerDir == "" {
		return errors.New("-terraform and -provider-dir are required")
	}
	em := emulator.New(emulator.Options{Carriers: 60_000})
	ln, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: em, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	b := &bench{em: em, url: "http://" + ln.Addr().String(), terraform: terraform, providerDir: providerDir, runs: runs}
	work, err := os.MkdirTemp("", "mcp-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	b.work = work

	var results []result
	for i, f := range []func() ([]result, error){b.perCarrierRefresh, b.largeListPlan, b.listApply} {
		if only != 0 && only != i+1 {
			continue
		}
		r, err := f()
		if err != nil {
			return err
		}
		results = append(results, r...)
	}
	printTable(results)
	return nil
}

type bench struct {
	em                     *emulator.Server
	url, work              string
	terraform, providerDir string
	runs                   int
}

// dir makes a working directory with the configuration, pointing Terraform
// at the local build.
func (b *bench) dir(name, config string) (*tfcli.Workdir, error) {
	user, pass := b.em.Credentials()
	w, err := tfcli.New(filepath.Join(b.work, name), b.terraform, b.providerDir,
		"MCP_BASE_URL="+b.url, "MCP_USERNAME="+user, "MCP_PASSWORD="+pass)
	if err != nil {
		return nil, err
	}
	return w, w.WriteConfig(tfcli.RequiredProviders + "\n" + config)
}

// terraformRun runs one command and returns how long it took.
func (b *bench) terraformRun(w *tfcli.Workdir, args ...string) (time.Duration, error) {
	start := time.Now()
	if _, err := w.Must(context.Background(), 0, append(args, "-no-color", "-input=false")...); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// median is the middle of a set of durations.
func median(times []time.Duration) time.Duration {
	times = slices.Clone(times)
	slices.Sort(times)
	return times[len(times)/2]
}

// calls is the emulator's request counts since a snapshot.
func (b *bench) calls(since emulator.Stats) map[string]int {
	now := b.em.Stats().Requests
	out := map[string]int{}
	for op, n := range now {
		if d := n - since.Requests[op]; d > 0 {
			out[op] = d
		}
	}
	return out
}

// monitored resets the emulator and puts n carriers on the monitored list.
func (b *bench) monitored(n int) ([]int, error) {
	b.em.Reset()
	dots, err := b.dots(n)
	if err != nil {
		return nil, err
	}
	return dots, b.em.Monitor(dots...)
}

// mapEntries is the body of a carriers map: each DOT number, no docket.
func mapEntries(dots []int) string {
	var entries strings.Builder
	for _, dot := range dots {
		fmt.Fprintf(&entries, "    \"%d\" = {}\n", dot)
	}
	return entries.String()
}

// monitoringList is a configuration of one mcp_monitoring_list.
func monitoringList(entries string) string {
	return "provider \"mcp\" {}\n\nresource \"mcp_monitoring_list\" \"all\" {\n  carriers = {\n" + entries + "  }\n}\n"
}

func (b *bench) dots(n int) ([]int, error) {
	list, err := b.em.Carriers(emulator.CarrierFilter{Kind: emulator.KindMC, Limit: n})
	if err != nil {
		return nil, err
	}
	if len(list) < n {
		return nil, fmt.Errorf("the emulator has %d MC carriers, want %d", len(list), n)
	}
	out := make([]int, n)
	for i, c := range list {
		out[i] = c.DOTNumber
	}
	return out, nil
}

// compare applies a configuration using the provider and baseline ones,
// then times a command on each (the median of b.runs) and counts the MCP
// calls one run of it makes.
func (b *bench) compare(name, config string, baseConfigs []string, applyArgs []string, args ...string) (provider time.Duration, baselines []time.Duration, perRun map[string]int, err error) {
	mcpDir, err := b.dir(name, config)
	if err != nil {
		return 0, nil, nil, err
	}
	dirs := []*tfcli.Workdir{mcpDir}
	for i, baseConfig := range baseConfigs {
		dir, err := b.dir(fmt.Sprintf("%s-baseline-%d", name, i+1), baseConfig)
		if err != nil {
			return 0, nil, nil, err
		}
		dirs = append(dirs, dir)
	}
	for _, dir := range dirs {
		if _, err := b.terraformRun(dir, append([]string{"apply", "-auto-approve"}, applyArgs...)...); err != nil {
			return 0, nil, nil, err
		}
	}
	// Runs alternate between the configurations, so that a machine busy
	// with something else slows all alike.
	times := make([][]time.Duration, len(dirs))
	perRun = map[string]int{}
	for range b.runs {
		for i, dir := range dirs {
			before := b.em.Stats()
			d, err := b.terraformRun(dir, args...)
			if err != nil {
				return 0, nil, nil, err
			}
			times[i] = append(times[i], d)
			if i == 0 {
				for op, c := range b.calls(before) {
					perRun[op] = max(perRun[op], c)
				}
			}
		}
	}
	for _, t := range times[1:] {
		baselines = append(baselines, median(t))
	}
	return median(times[0]), baselines, perRun, nil
}

// perCarrierRefresh is benchmark 1. One block per carrier: Terraform plans
// a 2,000-element for_each in quadratic time whatever the provider.
func (b *bench) perCarrierRefresh() ([]result, error) {
	const n = 2000
	fmt.Println("==> 1. refresh-only plan, 2,000 mcp_monitored_carrier vs 2,000 terraform_data")
	dots, err := b.monitored(n)
	if err != nil {
		return nil, err
	}
	var mcpConfig, baseConfig strings.Builder
	mcpConfig.WriteString("provider \"mcp\" {}\n\n")
	for _, dot := range dots {
		fmt.Fprintf(&mcpConfig, "resource \"mcp_monitored_carrier\" \"c%[1]d\" {\n  dot_number = \"%[1]d\"\n}\n", dot)
		fmt.Fprintf(&baseConfig, "resource \"terraform_data\" \"c%[1]d\" {\n  input = \"%[1]d\"\n}\n", dot)
	}
	provider, baselines, perRun, err := b.compare("per-carrier", mcpConfig.String(), []string{baseConfig.String()}, []string{"-parallelism=50"}, "plan", "-refresh-only")
	if err != nil {
		return nil, err
	}
	return []result{{
		name: "Refresh-only plan, 2,000 `mcp_monitored_carrier`", provider: provider, baseline: baselines[0],
		baselineName: "2,000 `terraform_data`", target: 1.5,
		calls:        formatCalls(perRun),
		callsAtBound: perRun["Token"] == 1 && perRun["MonitoredCarriers"] == 1 && len(perRun) == 2,
	}}, nil
}

// largeListPlan is benchmark 2.
func (b *bench) largeListPlan() ([]result, error) {
	const n = 50_000
	fmt.Println("==> 2. plan with no changes, mcp_monitoring_list of 50,000 vs terraform_data holding the same map")
	dots, err := b.monitored(n)
	if err != nil {
		return nil, err
	}
	entries := mapEntries(dots)
	list := monitoringList(entries)
	base := "resource \"terraform_data\" \"all\" {\n  input = {\n" + entries + "  }\n}\n"
	// Terraform's own floor for a map of objects: the same literal converted
	// to map(object(...)), as Terraform converts carriers, then held by
	// terraform_data. The conversion is quadratic in Terraform itself.
	typed := "variable \"carriers\" {\n  type = map(object({\n    docket_number     = optional(string)\n" +
		"    intrastate_number = optional(string)\n  }))\n  default = {\n" + entries + "  }\n}\n\n" +
		"resource \"terraform_data\" \"all\" {\n  input = var.carriers\n}\n"
	provider, baselines, perRun, err := b.compare("large-list", list, []string{base, typed}, nil, "plan", "-detailed-exitcode")
	if err != nil {
		return nil, err
	}
	calls := formatCalls(perRun)
	atBound := perRun["Token"] == 1 && perRun["MonitoredCarriers"] == n/5000 && len(perRun) == 2
	return []result{{
		name: "Plan, no changes, `mcp_monitoring_list` of 50,000", provider: provider, baseline: baselines[0],
		baselineName: "`terraform_data` with the same map", target: 1.5,
		calls: calls, callsAtBound: atBound,
	}, {
		name: "The same plan, against Terraform's floor for a map of objects", provider: provider, baseline: baselines[1],
		baselineName: "`terraform_data` with the same map as `map(object(...))`", target: 1.5,
		calls: calls, callsAtBound: atBound,
	}}, nil
}

// listApply is benchmark 3: the ideal is the writes alone, spread over the
// concurrency bound.
func (b *bench) listApply() ([]result, error) {
	const n = 1000
	const latency = 20 * time.Millisecond
	fmt.Println("==> 3. apply adding 1,000 carriers to a list, 20 ms emulator latency")
	dots, err := b.dots(n)
	if err != nil {
		return nil, err
	}
	dir, err := b.dir("list-apply", monitoringList(mapEntries(dots)))
	if err != nil {
		return nil, err
	}
	stateFile := filepath.Join(dir.Dir, "terraform.tfstate")
	reset := func() {
		b.em.Reset()
		_ = os.Remove(stateFile)
		if err := b.em.SetFaults(emulator.Faults{Latency: latency}); err != nil {
			panic(err)
		}
	}
	var times []time.Duration
	for range b.runs {
		reset()
		d, err := b.terraformRun(dir, "apply", "-auto-approve")
		if err != nil {
			return nil, err
		}
		times = append(times, d)
	}
	provider := median(times)
	// Each run starts from a reset emulator: the counts are the last run's.
	perRun := b.calls(emulator.Stats{})
	if err := b.em.SetFaults(emulator.Faults{}); err != nil {
		return nil, err
	}
	if perRun["RequestMonitoring"] != n {
		return nil, fmt.Errorf("the last apply made %d RequestMonitoring calls, want %d", perRun["RequestMonitoring"], n)
	}
	return []result{{
		name: "Apply adding 1,000 carriers, 20 ms latency", provider: provider,
		baseline:     time.Duration(n) * latency / writeConcurrency,
		baselineName: fmt.Sprintf("ideal: 1,000 × 20 ms ÷ %d", writeConcurrency), target: 1.5,
		calls: formatCalls(perRun), callsAtBound: true,
	}}, nil
}

func formatCalls(calls map[string]int) string {
	var parts []string
	for op, n := range calls {
		parts = append(parts, fmt.Sprintf("%s %d", op, n))
	}
	slices.Sort(parts)
	return strings.Join(parts, ", ")
}

func printTable(results []result) {
	fmt.Println()
	fmt.Println("| Benchmark | Provider | Baseline | Ratio | Target | MCP calls per run |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, r := range results {
		ratio := float64(r.provider) / float64(r.baseline)
		verdict := "met"
		if ratio > r.target {
			verdict = "**missed**"
		}
		calls := r.calls
		if !r.callsAtBound {
			calls += " (**above the lower bound**)"
		}
		fmt.Printf("| %s | %s | %s: %s | %.2f | ≤ %.1f (%s) | %s |\n", r.name, r.provider.Round(10*time.Millisecond),
			r.baselineName, r.baseline.Round(10*time.Millisecond), ratio, r.target, verdict, calls)
	}
}
