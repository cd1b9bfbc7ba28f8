// Command bench measures the provider against the MCP emulator with a real
// Terraform CLI, each figure as a ratio to a baseline measured in the same
// run (so the machine's speed cancels out), and counts the MCP calls:
//
//  1. a refresh-only plan over 2,000 mcp_monitored_carrier resources, against
//     the same plan over 2,000 terraform_data resources (Terraform's floor:
//     built in, no plugin at all) and over 2,000 resources of a no-op
//     provider on the same framework with the same schema (a plugin's
//     floor, built by the bench from ./noop);
//  2. a plan with no changes for an mcp_monitoring_list of 50,000 carriers,
//     against a terraform_data holding the same map(string);
//  3. an apply adding 1,000 carriers to a list with 20 ms of emulator latency
//     per request, against the ideal 1,000 × 20 ms ÷ the write concurrency;
//  4. terraform query over 50,000 monitored carriers (one mcp_monitored_carrier
//     result each), against the refresh-only plan of an mcp_monitoring_list of
//     the same 50,000: the same MCP reads. Only on CLIs with terraform query.
//  5. a plan with no changes for an mcp_block_list that a rule over
//     mcp_monitored_carrier_details drives, 50,000 monitored carriers,
//     against the same plan over a local map of the same carriers; and,
//     with 20 ms of emulator latency, the data source's read (the span of
//     its MonitoredCarrierData requests) against the ideal, pages × latency
//     ÷ the client's page concurrency.
//
// Each provider runs under ./cputime, which reports its CPU time: the
// provider's own work, apart from the CLI's.
//
// `make bench` builds the provider and runs this on every CLI it names; it
// reports, it does not fail on a slow machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// writeConcurrency is the provider's default list_write_concurrency.
const writeConcurrency = 10

// noopSource is the address of the no-op floor provider.
const noopSource = "carrierstate/noop"

func main() {
	terraform := flag.String("terraform", "", "the CLIs to run, separated by commas; each gets its own table")
	providerDir := flag.String("provider-dir", "", "directory holding the terraform-provider-mcp build")
	runs := flag.Int("runs", 5, "measured runs per figure; the median is reported")
	only := flag.Int("only", 0, "run only this benchmark (1 to 5)")
	flag.Parse()
	if err := run(strings.Split(*terraform, ","), *providerDir, *runs, *only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// result is one row of a table.
type result struct {
	name               string
	provider, baseline time.Duration
	baselineName       string
	target             float64 // 0: reported, no target
	cpu                string  // the providers' CPU time, when measured
	calls              string
	callsAtBound       bool
}

func run(clis []string, providerDir string, runs, only int) error {
	if len(clis) == 0 || clis[0] == "" || providerDir == "" {
		return errors.New("-terraform and -provider-dir are required")
	}
	em := emulator.New(emulator.Options{Carriers: 60_000})
	rec := emulator.NewRecorder(em)
	ln, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: rec, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	work, err := os.MkdirTemp("", "mcp-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	providers, err := buildProviders(providerDir, work)
	if err != nil {
		return err
	}

	tables := map[string][]result{}
	for _, cli := range clis {
		b := &bench{em: em, rec: rec, url: "http://" + ln.Addr().String(), terraform: cli, providers: providers, runs: runs,
			work: filepath.Join(work, filepath.Base(filepath.Dir(cli)))}
		for i, f := range []func() ([]result, error){b.perCarrierRefresh, b.largeListPlan, b.listApply, b.query, b.policy} {
			if only != 0 && only != i+1 {
				continue
			}
			r, err := f()
			if err != nil {
				return err
			}
			tables[cli] = append(tables[cli], r...)
		}
	}
	for _, cli := range clis {
		printTable(cli, tables[cli])
	}
	return nil
}

// buildProviders builds the no-op floor provider and the CPU-measuring
// stand-in, and returns the directories to serve each provider from: the
// stand-in's, which runs the build one level up.
func buildProviders(providerDir, work string) (map[string]string, error) {
	noopDir := filepath.Join(work, "noop")
	builds := []struct{ pkg, out string }{
		{"./internal/bench/noop", filepath.Join(noopDir, "terraform-provider-noop")},
		{"./internal/bench/cputime", filepath.Join(noopDir, "cputime", "terraform-provider-noop")},
		{"./internal/bench/cputime", filepath.Join(providerDir, "cputime", "terraform-provider-mcp")},
	}
	for _, b := range builds {
		cmd := exec.Command("go", "build", "-o", b.out, b.pkg) //nolint:noctx // a build, run to the end
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("building %s: %w\n%s", b.pkg, err, out)
		}
	}
	return map[string]string{
		tfcli.Source: filepath.Join(providerDir, "cputime"),
		noopSource:   filepath.Join(noopDir, "cputime"),
	}, nil
}

type bench struct {
	em        *emulator.Server
	rec       *emulator.Recorder // the emulator's request log
	url, work string
	terraform string
	providers map[string]string
	runs      int
}

// workdir is one configuration of a benchmark.
type workdir struct {
	*tfcli.Workdir
	cpuLog string
}

// dir makes a working directory with the configuration, pointing Terraform
// at the local builds.
func (b *bench) dir(name, config string) (*workdir, error) {
	user, pass := b.em.Credentials()
	dir := filepath.Join(b.work, name)
	cpuLog := filepath.Join(dir, "cpu.log")
	w, err := tfcli.NewWith(dir, b.terraform, b.providers,
		"MCP_BASE_URL="+b.url, "MCP_USERNAME="+user, "MCP_PASSWORD="+pass, "BENCH_CPU_LOG="+cpuLog)
	if err != nil {
		return nil, err
	}
	required := "terraform {\n  required_providers {\n    mcp  = { source = \"" + tfcli.Source + "\" }\n" +
		"    noop = { source = \"" + noopSource + "\" }\n  }\n}\n"
	return &workdir{Workdir: w, cpuLog: cpuLog}, w.WriteConfig(required + "\n" + config)
}

// measurement is one run of a command.
type measurement struct {
	wall, cpu time.Duration // cpu: every provider process the command started
}

// terraformRun runs one command and measures it.
func (b *bench) terraformRun(w *workdir, args ...string) (measurement, error) {
	if err := os.Remove(w.cpuLog); err != nil && !errors.Is(err, os.ErrNotExist) {
		return measurement{}, err
	}
	flags := []string{"-no-color", "-input=false"}
	if args[0] == "query" {
		flags = flags[:1] // terraform query takes no -input: it never asks
	}
	start := time.Now()
	if _, err := w.Must(context.Background(), 0, append(args, flags...)...); err != nil {
		return measurement{}, err
	}
	m := measurement{wall: time.Since(start)}
	log, err := os.ReadFile(w.cpuLog)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return m, err
	}
	for _, line := range strings.Fields(string(log)) {
		seconds, err := strconv.ParseFloat(line, 64)
		if err != nil {
			return m, fmt.Errorf("%s: %w", w.cpuLog, err)
		}
		m.cpu += time.Duration(seconds * float64(time.Second))
	}
	return m, nil
}

// median is the middle of a set of measurements, each figure on its own.
func median(ms []measurement) measurement {
	walls, cpus := make([]time.Duration, len(ms)), make([]time.Duration, len(ms))
	for i, m := range ms {
		walls[i], cpus[i] = m.wall, m.cpu
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	return measurement{walls[len(ms)/2], cpus[len(ms)/2]}
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
		fmt.Fprintf(&entries, "    \"%d\" = \"\"\n", dot)
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

// compare applies each configuration (the provider's first, then its
// baselines), then measures a command on each (the median of b.runs) and
// counts the MCP calls one run of the first makes.
func (b *bench) compare(name string, configs []string, applyArgs []string, args ...string) ([]measurement, map[string]int, error) {
	dirs := make([]*workdir, len(configs))
	for i, config := range configs {
		dir, err := b.dir(fmt.Sprintf("%s-%d", name, i), config)
		if err != nil {
			return nil, nil, err
		}
		if _, err := b.terraformRun(dir, append([]string{"apply", "-auto-approve"}, applyArgs...)...); err != nil {
			return nil, nil, err
		}
		dirs[i] = dir
	}
	// Runs alternate between the configurations, so that a machine busy
	// with something else slows all alike.
	runs := make([][]measurement, len(dirs))
	perRun := map[string]int{}
	for range b.runs {
		for i, dir := range dirs {
			before := b.em.Stats()
			m, err := b.terraformRun(dir, args...)
			if err != nil {
				return nil, nil, err
			}
			runs[i] = append(runs[i], m)
			if i == 0 {
				for op, c := range b.calls(before) {
					perRun[op] = max(perRun[op], c)
				}
			}
		}
	}
	medians := make([]measurement, len(runs))
	for i, r := range runs {
		medians[i] = median(r)
	}
	return medians, perRun, nil
}

// perCarrierRefresh is benchmark 1. One block per carrier: Terraform plans
// a 2,000-element for_each in quadratic time whatever the provider.
func (b *bench) perCarrierRefresh() ([]result, error) {
	const n = 2000
	fmt.Println("==> 1. refresh-only plan, 2,000 mcp_monitored_carrier vs 2,000 terraform_data vs 2,000 noop_monitored_carrier:", b.terraform)
	dots, err := b.monitored(n)
	if err != nil {
		return nil, err
	}
	var mcpConfig, baseConfig, noopConfig strings.Builder
	mcpConfig.WriteString("provider \"mcp\" {}\n\n")
	for _, dot := range dots {
		fmt.Fprintf(&mcpConfig, "resource \"mcp_monitored_carrier\" \"c%[1]d\" {\n  dot_number = \"%[1]d\"\n}\n", dot)
		fmt.Fprintf(&baseConfig, "resource \"terraform_data\" \"c%[1]d\" {\n  input = \"%[1]d\"\n}\n", dot)
		fmt.Fprintf(&noopConfig, "resource \"noop_monitored_carrier\" \"c%[1]d\" {\n  dot_number = \"%[1]d\"\n}\n", dot)
	}
	m, perRun, err := b.compare("per-carrier", []string{mcpConfig.String(), baseConfig.String(), noopConfig.String()},
		[]string{"-parallelism=50"}, "plan", "-refresh-only")
	if err != nil {
		return nil, err
	}
	calls := formatCalls(perRun)
	atBound := perRun["Token"] == 1 && perRun["MonitoredCarriers"] == 1 && len(perRun) == 2
	return []result{{
		name: "Refresh-only plan, 2,000 `mcp_monitored_carrier`", provider: m[0].wall, baseline: m[1].wall,
		baselineName: "2,000 `terraform_data` (built in, no plugin)",
		calls:        calls, callsAtBound: atBound,
	}, {
		name: "The same plan, against a plugin's floor", provider: m[0].wall, baseline: m[2].wall,
		baselineName: "2,000 `noop_monitored_carrier` (same schema, nothing behind it)", target: 1.1,
		cpu:   fmt.Sprintf("%s (no-op: %s)", m[0].cpu.Round(10*time.Millisecond), m[2].cpu.Round(10*time.Millisecond)),
		calls: calls, callsAtBound: atBound,
	}}, nil
}

// largeListPlan is benchmark 2.
func (b *bench) largeListPlan() ([]result, error) {
	const n = 50_000
	fmt.Println("==> 2. plan with no changes, mcp_monitoring_list of 50,000 vs terraform_data holding the same map(string):", b.terraform)
	dots, err := b.monitored(n)
	if err != nil {
		return nil, err
	}
	entries := mapEntries(dots)
	// Terraform converts the literal to carriers' type, map(string); the
	// variable makes it convert the baseline's the same way.
	base := "variable \"carriers\" {\n  type = map(string)\n  default = {\n" + entries + "  }\n}\n\n" +
		"resource \"terraform_data\" \"all\" {\n  input = var.carriers\n}\n"
	m, perRun, err := b.compare("large-list", []string{monitoringList(entries), base}, nil, "plan", "-detailed-exitcode")
	if err != nil {
		return nil, err
	}
	// A plan that adds no carrier checks none with MCP (PreviewCarrier):
	// the row shows the zero.
	if _, ok := perRun["PreviewCarrier"]; !ok {
		perRun["PreviewCarrier"] = 0
	}
	return []result{{
		name: "Plan, no changes, `mcp_monitoring_list` of 50,000", provider: m[0].wall, baseline: m[1].wall,
		baselineName: "`terraform_data` with the same `map(string)`", target: 1.5,
		cpu:   m[0].cpu.Round(10 * time.Millisecond).String(),
		calls: formatCalls(perRun), callsAtBound: perRun["Token"] == 1 && perRun["MonitoredCarriers"] == n/5000 && perRun["PreviewCarrier"] == 0 && len(perRun) == 3,
	}}, nil
}

// listApply is benchmark 3: the ideal is the writes alone, spread over the
// concurrency bound.
func (b *bench) listApply() ([]result, error) {
	const n = 1000
	const latency = 20 * time.Millisecond
	fmt.Println("==> 3. apply adding 1,000 carriers to a list, 20 ms emulator latency:", b.terraform)
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
	var runs []measurement
	for range b.runs {
		reset()
		m, err := b.terraformRun(dir, "apply", "-auto-approve")
		if err != nil {
			return nil, err
		}
		runs = append(runs, m)
	}
	m := median(runs)
	// Each run starts from a reset emulator: the counts are the last run's.
	perRun := b.calls(emulator.Stats{})
	if err := b.em.SetFaults(emulator.Faults{}); err != nil {
		return nil, err
	}
	if perRun["RequestMonitoring"] != n {
		return nil, fmt.Errorf("the last apply made %d RequestMonitoring calls, want %d", perRun["RequestMonitoring"], n)
	}
	return []result{{
		name: "Apply adding 1,000 carriers, 20 ms latency", provider: m.wall, cpu: m.cpu.Round(10 * time.Millisecond).String(),
		baseline:     time.Duration(n) * latency / writeConcurrency,
		baselineName: fmt.Sprintf("ideal: 1,000 × 20 ms ÷ %d", writeConcurrency), target: 1.5,
		calls: formatCalls(perRun), callsAtBound: true,
	}}, nil
}

// query is benchmark 4: discovering 50,000 carriers with terraform query
// reads what a refresh of the list resource reads, MonitoredCarriers in
// 5,000-carrier pages.
func (b *bench) query() ([]result, error) {
	const n = 50_000
	if ok, err := b.hasQuery(); err != nil || !ok {
		fmt.Println("==> 4. skipped: no terraform query in", b.terraform)
		return nil, err
	}
	fmt.Println("==> 4. terraform query over 50,000 monitored carriers vs refresh-only plan of mcp_monitoring_list of 50,000:", b.terraform)
	dots, err := b.monitored(n)
	if err != nil {
		return nil, err
	}
	list, err := b.dir("query-baseline", monitoringList(mapEntries(dots)))
	if err != nil {
		return nil, err
	}
	if _, err := b.terraformRun(list, "apply", "-auto-approve"); err != nil {
		return nil, err
	}
	q, err := b.dir("query", "provider \"mcp\" {}\n")
	if err != nil {
		return nil, err
	}
	query := "list \"mcp_monitored_carrier\" \"all\" {\n  provider = mcp\n  limit    = " + strconv.Itoa(n) + "\n}\n"
	if err := os.WriteFile(filepath.Join(q.Dir, "all.tfquery.hcl"), []byte(query), 0o600); err != nil {
		return nil, err
	}
	var queries, plans []measurement
	perRun := map[string]int{}
	for range b.runs {
		before := b.em.Stats()
		m, err := b.terraformRun(q, "query")
		if err != nil {
			return nil, err
		}
		queries = append(queries, m)
		for op, c := range b.calls(before) {
			perRun[op] = max(perRun[op], c)
		}
		if m, err = b.terraformRun(list, "plan", "-refresh-only"); err != nil {
			return nil, err
		}
		plans = append(plans, m)
	}
	mq, mp := median(queries), median(plans)
	return []result{{
		name: "`terraform query`, 50,000 monitored carriers", provider: mq.wall, baseline: mp.wall,
		baselineName: "refresh-only plan, `mcp_monitoring_list` of 50,000", target: 1.5,
		cpu:   mq.cpu.Round(10 * time.Millisecond).String(),
		calls: formatCalls(perRun), callsAtBound: perRun["Token"] == 1 && perRun["MonitoredCarriers"] == n/5000 && len(perRun) == 2,
	}}, nil
}

// hasQuery reports whether the CLI has terraform query: Terraform 1.14 or
// later (no OpenTofu release has it).
func (b *bench) hasQuery() (bool, error) {
	r, err := tfcli.Identify(context.Background(), b.terraform)
	return r.AtLeast([2]int{1, 14}, [2]int{}), err
}

func formatCalls(calls map[string]int) string {
	var parts []string
	for op, n := range calls {
		parts = append(parts, fmt.Sprintf("%s %d", op, n))
	}
	slices.Sort(parts)
	return strings.Join(parts, ", ")
}

func printTable(cli string, results []result) {
	fmt.Printf("\n%s\n\n", cli)
	fmt.Println("| Benchmark | Provider | Baseline | Ratio | Target | Provider CPU | MCP calls per run |")
	fmt.Println("|---|---|---|---|---|---|---|")
	for _, r := range results {
		ratio := float64(r.provider) / float64(r.baseline)
		target := "—"
		if r.target > 0 {
			verdict := "met"
			if ratio > r.target {
				verdict = "**missed**"
			}
			target = fmt.Sprintf("≤ %.1f (%s)", r.target, verdict)
		}
		cpu := r.cpu
		if cpu == "" {
			cpu = "—"
		}
		calls := r.calls
		if !r.callsAtBound {
			calls += " (**above the lower bound**)"
		}
		fmt.Printf("| %s | %s | %s: %s | %.2f | %s | %s | %s |\n", r.name, r.provider.Round(10*time.Millisecond),
			r.baselineName, r.baseline.Round(10*time.Millisecond), ratio, target, cpu, calls)
	}
}
