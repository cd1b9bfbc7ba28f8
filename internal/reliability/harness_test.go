package reliability

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// providerDir holds the provider build every test's CLI runs; TestMain
// builds it once, and only when TF_ACC asks for CLI tests.
var providerDir string

func TestMain(m *testing.M) { os.Exit(runTests(m)) }

func runTests(m *testing.M) int {
	if os.Getenv("TF_ACC") != "" {
		dir, err := os.MkdirTemp("", "mcp-reliability-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		module, err := filepath.Abs(filepath.Join("..", ".."))
		if err == nil {
			err = tfcli.BuildProvider(ctx, module, dir)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		providerDir = dir
	}
	return m.Run()
}

// workdir is a Terraform working directory for one test.
type workdir struct {
	*tfcli.Workdir
	t *testing.T
}

// newWorkdir makes a working directory that runs the provider build. The
// caller's MCP_* and TF_LOG* variables are cleared, so only what a test
// sets reaches the CLI.
func newWorkdir(t *testing.T, cli string, env ...string) *workdir {
	t.Helper()
	base := []string{"MCP_BASE_URL=", "MCP_USERNAME=", "MCP_PASSWORD=", "TF_LOG=", "TF_LOG_PATH=", "TF_LOG_PROVIDER=", "TF_LOG_CORE="}
	w, err := tfcli.New(t.TempDir(), cli, providerDir, append(base, env...)...)
	if err != nil {
		t.Fatal(err)
	}
	return &workdir{Workdir: w, t: t}
}

// writeConfig writes main.tf: the required_providers block and config.
func (w *workdir) writeConfig(config string) {
	w.t.Helper()
	if err := w.WriteConfig(tfcli.RequiredProviders + "\n" + config); err != nil {
		w.t.Fatal(err)
	}
}

// run runs a command to its end; only a CLI that cannot run fails the test.
func (w *workdir) run(ctx context.Context, args ...string) tfcli.Result {
	w.t.Helper()
	res, err := w.Run(ctx, args...)
	if err != nil {
		w.t.Fatalf("%s %s: %v", filepath.Base(w.Terraform), strings.Join(args, " "), err)
	}
	return res
}

// must runs a command and fails the test unless it succeeds (exit 0).
func (w *workdir) must(ctx context.Context, args ...string) tfcli.Result {
	w.t.Helper()
	res, err := w.Must(ctx, 0, args...)
	if err != nil {
		w.t.Fatal(err)
	}
	return res
}

// syncBuffer collects a command's output from the goroutines exec copies it with.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}

// interrupted is a command stopped with SIGINT.
type interrupted struct {
	tfcli.Result
	Signalled  bool      // false when the command ended before the condition held
	SignalAt   time.Time // when SIGINT was sent
	ExitedAt   time.Time
	SecondSent bool // the CLI did not stop gracefully in time and got a second SIGINT
}

// gracefulStop is how long a CLI may take to stop after SIGINT before it
// gets a second one, which forces it.
const gracefulStop = 2 * time.Minute

// interrupt starts a command, sends it SIGINT (as Ctrl-C would) as soon as
// when() holds, and waits for it to exit: the first SIGINT asks the CLI to
// stop gracefully; a second one, after gracefulStop, forces it.
func (w *workdir) interrupt(ctx context.Context, when func() bool, args ...string) interrupted {
	w.t.Helper()
	var out syncBuffer
	cmd, err := w.Start(ctx, &out, args...)
	if err != nil {
		w.t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	var res interrupted
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
poll:
	for {
		select {
		case <-done:
			break poll
		case <-tick.C:
			if when() {
				res.SignalAt = time.Now()
				res.Signalled = cmd.Process.Signal(os.Interrupt) == nil
				break poll
			}
		}
	}
	select {
	case <-done:
	case <-time.After(gracefulStop):
		res.SecondSent = true
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(time.Minute):
			_ = cmd.Process.Kill()
			<-done
		}
	}
	res.ExitedAt = time.Now()
	res.Code, res.Output = cmd.ProcessState.ExitCode(), out.Bytes()
	return res
}

// Configuration.

// carrier is a carrier of the emulator's universe as a configuration names it.
type carrier struct {
	DOT                int
	Docket, Intrastate string
	Email              string
}

// universe returns n carriers in DOT order, never the guide's sample carrier.
func universe(t *testing.T, em *emulator.Instance, n int) []carrier {
	t.Helper()
	all, err := em.Carriers(emulator.CarrierFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]carrier, 0, n)
	for _, c := range all {
		if len(out) == n {
			break
		}
		if c.DOTNumber == emulator.SampleDOTNumber || carrierid.CheckEmail(c.Email) != nil {
			continue
		}
		out = append(out, carrier{DOT: c.DOTNumber, Docket: c.DocketNumber, Intrastate: c.IntrastateNumber, Email: c.Email})
	}
	if len(out) < n {
		t.Fatalf("the emulator's universe has %d usable carriers, want %d", len(out), n)
	}
	return out
}

// identLines are a carrier's docket_number or intrastate_number arguments.
func (c carrier) identLines(indent string) string {
	switch {
	case c.Docket != "":
		return fmt.Sprintf("%sdocket_number = %q\n", indent, c.Docket)
	case c.Intrastate != "":
		return fmt.Sprintf("%sintrastate_number = %q\n", indent, c.Intrastate)
	}
	return ""
}

// membershipBlock is one mcp_monitored_carrier or mcp_blocked_carrier.
func membershipBlock(typ string, c carrier) string {
	return fmt.Sprintf("resource %q \"c%d\" {\n  dot_number = \"%d\"\n%s}\n", typ, c.DOT, c.DOT, c.identLines("  "))
}

// invitationBlock is one mcp_carrier_invitation, to the carrier's own
// e-mail, with its docket number if it has one.
func invitationBlock(c carrier) string {
	docket := ""
	if c.Docket != "" {
		docket = fmt.Sprintf("  docket_number = %q\n", c.Docket)
	}
	return fmt.Sprintf("resource \"mcp_carrier_invitation\" \"c%d\" {\n  dot_number    = \"%d\"\n%s  carrier_email = %q\n}\n",
		c.DOT, c.DOT, docket, c.Email)
}

// blockListBlock is mcp_block_list.all of these carriers.
func blockListBlock(cs []carrier) string {
	var b strings.Builder
	b.WriteString("resource \"mcp_block_list\" \"all\" {\n  carriers = {\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "    \"%d\" = %q\n", c.DOT, carrierid.Key{Docket: c.Docket, Intrastate: c.Intrastate}.ListValue())
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// providerBlock points the provider at the emulator, with short backoff (a
// Retry-After is honoured whatever the backoff).
func providerBlock(em *emulator.Instance, extra string) string {
	return acctest.ProviderBlockWith(em, extra)
}

// State, as the CLI shows it.

// ident is how a carrier is named on a list.
type ident struct{ Docket, Intrastate string }

// invitation is one invitation: recorded in state or received by MCP.
type invitation struct {
	DOT           int
	Docket, Email string
}

func (i invitation) String() string { return fmt.Sprintf("DOT %d/%s/%s", i.DOT, i.Docket, i.Email) }

// recorded is what the state holds, by resource type.
type recorded struct {
	Monitored, Blocked map[int]ident // per-carrier resources
	Lists              map[string]map[int]ident
	Invitations        []invitation
	// Unconfirmed are the invitations recorded with send_confirmed = false:
	// MCP's answer was lost, so MCP may or may not have received them.
	Unconfirmed map[invitation]bool
	Resources   int // resource instances, data sources excluded
}

// showState reads the state with `show -json`.
func (w *workdir) showState(ctx context.Context) recorded {
	w.t.Helper()
	res := w.must(ctx, "show", "-json", "-no-color")
	var doc struct {
		Values *struct {
			RootModule struct {
				Resources []struct {
					Mode   string         `json:"mode"`
					Type   string         `json:"type"`
					Values map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(jsonPart(res.Output), &doc); err != nil {
		w.t.Fatalf("show -json: %v\n%s", err, tfcli.Tail(res.Output, 20))
	}
	rec := recorded{Monitored: map[int]ident{}, Blocked: map[int]ident{}, Lists: map[string]map[int]ident{}, Unconfirmed: map[invitation]bool{}}
	if doc.Values == nil {
		return rec
	}
	str := func(v map[string]any, k string) string { s, _ := v[k].(string); return s }
	dot := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			w.t.Fatalf("state holds DOT number %q", s)
		}
		return n
	}
	for _, r := range doc.Values.RootModule.Resources {
		if r.Mode != "managed" {
			continue
		}
		rec.Resources++
		v := r.Values
		switch r.Type {
		case "mcp_monitored_carrier":
			rec.Monitored[dot(str(v, "dot_number"))] = ident{str(v, "docket_number"), str(v, "intrastate_number")}
		case "mcp_blocked_carrier":
			rec.Blocked[dot(str(v, "dot_number"))] = ident{str(v, "docket_number"), str(v, "intrastate_number")}
		case "mcp_monitoring_list", "mcp_block_list":
			list := map[int]ident{}
			carriers, _ := v["carriers"].(map[string]any)
			for k, e := range carriers {
				value, _ := e.(string)
				key, err := carrierid.ParseListValue(dot(k), value)
				if err != nil {
					w.t.Fatalf("state holds %s = %q: %v", k, value, err)
				}
				list[key.DOT] = ident{key.Docket, key.Intrastate}
			}
			rec.Lists[r.Type] = list
		case "mcp_carrier_invitation":
			inv := invitation{dot(str(v, "dot_number")), str(v, "docket_number"), str(v, "carrier_email")}
			rec.Invitations = append(rec.Invitations, inv)
			if confirmed, ok := v["send_confirmed"].(bool); ok && !confirmed {
				rec.Unconfirmed[inv] = true
			}
		}
	}
	return rec
}

// jsonPart drops what a CLI prints before a JSON document (OpenTofu and
// Terraform may warn about dev overrides on stderr, which tfcli interleaves).
func jsonPart(b []byte) []byte {
	if i := bytes.IndexByte(b, '{'); i > 0 {
		b = b[i:]
	}
	if i := bytes.LastIndexByte(b, '}'); i >= 0 {
		b = b[:i+1]
	}
	return b
}

// What MCP holds.

type mcpView struct {
	Monitored, Blocked map[int]ident
	Invitations        []invitation
}

func viewOf(em *emulator.Instance) mcpView {
	snap := em.Snapshot()
	v := mcpView{Monitored: map[int]ident{}, Blocked: map[int]ident{}}
	for _, e := range snap.Monitored {
		v.Monitored[e.DOTNumber] = ident{e.DocketNumber, e.IntrastateNumber}
	}
	for _, e := range snap.Blocked {
		v.Blocked[e.DOTNumber] = ident{e.DocketNumber, e.IntrastateNumber}
	}
	for _, i := range snap.Invitations {
		v.Invitations = append(v.Invitations, invitation{i.DOTNumber, i.DocketNumber, i.CarrierEmail})
	}
	return v
}

// Comparisons. Each returns the differences, at most a few of them.

func want(cs []carrier) map[int]ident {
	m := make(map[int]ident, len(cs))
	for _, c := range cs {
		m[c.DOT] = ident{c.Docket, c.Intrastate}
	}
	return m
}

// diffLists describes how got differs from want.
func diffLists(name string, got, want map[int]ident) []string {
	var out []string
	for dot, w := range want {
		if g, ok := got[dot]; !ok {
			out = append(out, fmt.Sprintf("%s lacks DOT %d", name, dot))
		} else if g != w {
			out = append(out, fmt.Sprintf("%s names DOT %d as %+v, want %+v", name, dot, g, w))
		}
	}
	for dot := range got {
		if _, ok := want[dot]; !ok {
			out = append(out, fmt.Sprintf("%s holds DOT %d, which it should not", name, dot))
		}
	}
	sort.Strings(out)
	return out
}

// subset describes the entries of sub missing from, or different in, super.
func subset(name string, sub, super map[int]ident) []string {
	var out []string
	for dot, s := range sub {
		if g, ok := super[dot]; !ok {
			out = append(out, fmt.Sprintf("%s: DOT %d is recorded but not on MCP's list", name, dot))
		} else if (s.Docket != "" && s.Docket != g.Docket) || (s.Intrastate != "" && s.Intrastate != g.Intrastate) {
			out = append(out, fmt.Sprintf("%s: DOT %d is recorded as %+v but MCP lists %+v", name, dot, s, g))
		}
	}
	sort.Strings(out)
	return out
}

// countInvitations counts invitations by (DOT, docket, e-mail).
func countInvitations(list []invitation) map[invitation]int {
	m := map[invitation]int{}
	for _, i := range list {
		m[i]++
	}
	return m
}

// failIf fails the test with at most ten of the problems.
func failIf(t *testing.T, what string, problems []string) {
	t.Helper()
	if len(problems) == 0 {
		return
	}
	shown := problems
	if len(shown) > 10 {
		shown = append(slices.Clone(shown[:10]), fmt.Sprintf("… and %d more", len(problems)-10))
	}
	t.Errorf("%s:\n  %s", what, strings.Join(shown, "\n  "))
}

// errorSummaries counts the diagnostics' summaries in a command's output,
// grouping per-carrier ones ("Unable to invite carrier DOT 123 (x@y)").
func errorSummaries(out []byte) map[string]int {
	m := map[string]int{}
	for _, match := range errorLine.FindAllSubmatch(out, -1) {
		m[carrierInSummary.ReplaceAllString(string(match[1]), "DOT …")]++
	}
	return m
}

var (
	errorLine        = regexp.MustCompile(`(?m)^[│ ]*Error: (.*)$`)
	carrierInSummary = regexp.MustCompile(`DOT \d+.*`)
)

// Requests, as the emulator saw them.

// window returns the requests that started in [from, to).
func window(reqs []emulator.RequestRecord, from, to time.Time) []emulator.RequestRecord {
	var out []emulator.RequestRecord
	for _, r := range reqs {
		if !r.Started.Before(from) && r.Started.Before(to) {
			out = append(out, r)
		}
	}
	return out
}

// maxInFlight is the most requests the emulator was serving at once.
func maxInFlight(reqs []emulator.RequestRecord) int {
	type event struct {
		at    time.Time
		delta int
	}
	events := make([]event, 0, 2*len(reqs))
	for _, r := range reqs {
		events = append(events, event{r.Started, 1}, event{r.Finished, -1})
	}
	sort.Slice(events, func(i, j int) bool {
		if events[i].at.Equal(events[j].at) {
			return events[i].delta < events[j].delta
		}
		return events[i].at.Before(events[j].at)
	})
	n, peak := 0, 0
	for _, e := range events {
		n += e.delta
		peak = max(peak, n)
	}
	return peak
}

// statusCounts counts requests by status (0: dropped or abandoned).
func statusCounts(reqs []emulator.RequestRecord) map[int]int {
	m := map[int]int{}
	for _, r := range reqs {
		m[r.Status]++
	}
	return m
}

// scale reads a size multiplier from the environment (make soak sets it).
func scale(t *testing.T, env string) int {
	t.Helper()
	s := os.Getenv(env)
	if s == "" {
		return 1
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 100 {
		t.Fatalf("%s=%q: want a whole number from 1 to 100", env, s)
	}
	return n
}
