package provider

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// ciExample is the block list run from CI: its scripts are the recipe both
// pipelines call.
const ciExample = "ci-block-list"

// ciMirrorVersion is the version the local build is served as: one the
// example's version constraint accepts.
const ciMirrorVersion = "0.1.0"

// TestAccExamples_ciBlockList runs examples/ci-block-list's scripts as a
// pipeline would, against the emulator through the CLI under test: plan.sh
// saves a plan and summarises it carrier by carrier, without a write;
// apply.sh, in another checkout given the plan job's artifact, applies
// exactly that plan; check-drift.sh passes, then fails
// naming the carrier someone unblocked in the portal. A change to the file
// is planned as an unblock and applied the same way.
func TestAccExamples_ciBlockList(t *testing.T) {
	t.Parallel()
	cli := acctest.CLIInfo(t)
	em := acctest.Emulator(t)
	// The scripts run `terraform init`, which installs the provider as a
	// pipeline would, here from a mirror of the local build.
	rc := filepath.Join(t.TempDir(), "mirror.tfrc")
	if err := tfcli.WriteMirrorConfig(rc, t.TempDir(), acctest.ProviderBuild(t), ciMirrorVersion); err != nil {
		t.Fatal(err)
	}
	user, pass := em.Credentials()
	env := []string{"TF_CLI_CONFIG_FILE=" + rc, "CHECKPOINT_DISABLE=1", "TERRAFORM=" + cli.Path,
		"MCP_BASE_URL=" + em.URL, "MCP_USERNAME=" + user, "MCP_PASSWORD=" + pass}
	carriers := acctest.Carriers(t, em, emulator.KindMC, 2)
	// Where MCP lists an intrastate-only carrier without its DOT number, the
	// file cannot name it by DOT number (see policyPortfolio).
	if !acctest.VariantOn(em, emulator.VariantListNoDOTIntrastate) {
		carriers = append(carriers, acctest.Carrier(t, em, emulator.KindIntrastate))
	}
	dots := dotsOf(carriers)

	// Each job runs in a checkout of its own, as on a CI runner, with
	// blocked-carriers.csv naming the given carriers; the jobs share one
	// state, through a backend the example asks its users to configure.
	state := filepath.Join(t.TempDir(), "terraform.tfstate")
	checkout := func(blocked []emulator.CarrierInfo) string {
		t.Helper()
		dir := t.TempDir()
		for _, name := range []string{"main.tf", "lib.sh", "plan.sh", "apply.sh", "check-drift.sh"} {
			copyExampleFile(t, filepath.Join(examplesRoot, ciExample, name), filepath.Join(dir, name))
		}
		backend := fmt.Sprintf("terraform {\n  backend \"local\" {\n    path = %q\n  }\n}\n", state)
		if err := os.WriteFile(filepath.Join(dir, "backend_override.tf"), []byte(backend), 0o600); err != nil {
			t.Fatal(err)
		}
		writeBlockedCSV(t, dir, blocked)
		return dir
	}
	// handOn copies the plan job's artifact into the apply job's checkout.
	handOn := func(planDir, applyDir string) {
		t.Helper()
		for _, name := range []string{"block-list.tfplan", ".terraform.lock.hcl"} {
			copyExampleFile(t, filepath.Join(planDir, name), filepath.Join(applyDir, name))
		}
	}
	run := func(want int, dir, script string, extra ...string) string {
		t.Helper()
		cmd := exec.CommandContext(t.Context(), filepath.Join(dir, script))
		cmd.Env = append(append(os.Environ(), env...), extra...)
		out, err := cmd.CombinedOutput()
		var exitErr *exec.ExitError
		if err != nil && !errors.As(err, &exitErr) {
			t.Fatalf("%s: %v", script, err)
		}
		if code := cmd.ProcessState.ExitCode(); code != want {
			t.Fatalf("%s exited with %d, want %d:\n%s", script, code, want, out)
		}
		return string(out)
	}
	// expectSummary checks that the plan job's summary counts and lists
	// exactly the carriers to block and to unblock.
	expectSummary := func(dir string, block, unblock []emulator.CarrierInfo) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, "block-list-plan.md"))
		if err != nil {
			t.Fatal(err)
		}
		got := string(b)
		if want := fmt.Sprintf("The apply blocks %d and unblocks %d carrier(s).", len(block), len(unblock)); !strings.Contains(got, want) {
			t.Errorf("the plan summary does not say %q:\n%s", want, got)
		}
		listed := summaryLists(got)
		for heading, cs := range map[string][]emulator.CarrierInfo{"To block": block, "To unblock": unblock} {
			var want []string
			for _, c := range cs {
				want = append(want, fmt.Sprintf("- DOT %d (%s)", c.DOTNumber, c.DocketNumber+c.IntrastateNumber))
			}
			slices.Sort(want)
			if got := slices.Sorted(slices.Values(listed[heading])); !slices.Equal(got, want) {
				t.Errorf("the plan summary lists %q under %q, want %q:\n%s", got, heading, want, b)
			}
		}
	}

	// Secrets come from the environment or the scripts stop, naming them.
	if out := run(1, checkout(carriers), "plan.sh", "MCP_PASSWORD="); !strings.Contains(out, "MCP_PASSWORD is not set") {
		t.Errorf("plan.sh without MCP_PASSWORD does not say so:\n%s", out)
	}

	planned := checkout(carriers)
	run(0, planned, "plan.sh")
	expectSummary(planned, carriers, nil)
	if err := acctest.ExpectNoWrites(em)(); err != nil {
		t.Errorf("planning wrote to MCP: %v", err)
	}
	// The saved plan travels between jobs as an artifact: the credentials,
	// from the environment, are not in it.
	expectNotInPlan(t, filepath.Join(planned, "block-list.tfplan"), pass)
	applied := checkout(carriers)
	handOn(planned, applied)
	run(0, applied, "apply.sh")
	if err := acctest.ExpectListed(em, emulator.BlockedList, dots...)(); err != nil {
		t.Fatalf("after apply.sh: %v", err)
	}
	if out := run(0, checkout(carriers), "check-drift.sh"); !strings.Contains(out, "OK: MCP's block list matches blocked-carriers.csv.") {
		t.Errorf("check-drift.sh found no drift but did not say so:\n%s", out)
	}

	// Someone unblocks a carrier in the portal: the drift check fails and
	// names it, and writes nothing back.
	unblocked := carriers[1]
	if err := em.Unblock(unblocked.DOTNumber); err != nil {
		t.Fatal(err)
	}
	writes := em.Writes()
	out := run(2, checkout(carriers), "check-drift.sh")
	if !strings.Contains(out, fmt.Sprintf("DOT %d", unblocked.DOTNumber)) || !strings.Contains(out, "DRIFT: MCP's block list differs") {
		t.Errorf("check-drift.sh does not name DOT %d as drifted:\n%s", unblocked.DOTNumber, out)
	}
	if err := acctest.ExpectWritesSince(em, &writes, 0)(); err != nil {
		t.Errorf("check-drift.sh wrote to MCP: %v", err)
	}

	// The next pipeline blocks it again and unblocks the carrier whose row
	// was taken out of the file, from the plan it saved.
	dropped := carriers[0]
	planned = checkout(carriers[1:])
	run(0, planned, "plan.sh")
	expectSummary(planned, []emulator.CarrierInfo{unblocked}, []emulator.CarrierInfo{dropped})
	applied = checkout(carriers[1:])
	handOn(planned, applied)
	run(0, applied, "apply.sh")
	if err := acctest.ExpectListed(em, emulator.BlockedList, dots[1:]...)(); err != nil {
		t.Fatalf("after the second apply.sh: %v", err)
	}
	run(0, checkout(carriers[1:]), "check-drift.sh")
	// That plan is now applied: Terraform refuses to apply it again.
	if out := run(1, applied, "apply.sh"); !strings.Contains(out, "Saved plan is stale") {
		t.Errorf("apply.sh applied a plan twice:\n%s", out)
	}
}

// summaryLists reads plan.sh's summary: the carrier lines under each
// heading ("To block", "To unblock").
func summaryLists(summary string) map[string][]string {
	lists := map[string][]string{}
	heading := ""
	for line := range strings.Lines(summary) {
		line = strings.TrimSpace(line)
		if h, _, ok := strings.Cut(line, " (`mcp_block_list.this`):"); ok {
			heading = h
		} else if strings.HasPrefix(line, "- DOT ") {
			lists[heading] = append(lists[heading], line)
		}
	}
	return lists
}

// expectNotInPlan fails if a saved plan (a zip archive) holds secret in
// any of its files.
func expectNotInPlan(t *testing.T, plan, secret string) {
	t.Helper()
	r, err := zip.OpenReader(plan)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("the saved plan's %s holds the MCP password", f.Name)
		}
	}
}

// copyExampleFile copies a file of an example, keeping a script executable.
func copyExampleFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, info.Mode().Perm()); err != nil {
		t.Fatal(err)
	}
}

// writeBlockedCSV writes blocked-carriers.csv, in the example's columns.
func writeBlockedCSV(t *testing.T, dir string, carriers []emulator.CarrierInfo) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("dot_number,docket_number,intrastate_number,reason\n")
	for _, c := range carriers {
		fmt.Fprintf(&b, "%d,%s,%s,test\n", c.DOTNumber, c.DocketNumber, c.IntrastateNumber)
	}
	if err := os.WriteFile(filepath.Join(dir, "blocked-carriers.csv"), b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestExamples_ciPipelines: the GitHub workflow and the GitLab pipeline of
// examples/ci-block-list call the tested scripts, and only those, for each
// of their jobs: plan on pull and merge requests and on main, apply from the
// plan job's saved plan behind an environment, the drift check on a
// schedule; every action is pinned to a commit.
func TestExamples_ciPipelines(t *testing.T) {
	dir := filepath.Join(examplesRoot, ciExample)
	readYAML := func(name string, v any) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	jobs := map[string]string{"plan": "./plan.sh", "apply": "./apply.sh", "drift": "./check-drift.sh"}

	var gh struct {
		On   map[string]any `yaml:"on"`
		Jobs map[string]struct {
			If          string   `yaml:"if"`
			Needs       any      `yaml:"needs"`
			Environment string   `yaml:"environment"`
			Steps       []ghStep `yaml:"steps"`
		} `yaml:"jobs"`
	}
	readYAML(".github/workflows/block-list.yml", &gh)
	for _, event := range []string{"pull_request", "push", "schedule"} {
		if _, ok := gh.On[event]; !ok {
			t.Errorf("block-list.yml does not run on %s", event)
		}
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40}$`)
	for name, script := range jobs {
		job, ok := gh.Jobs[name]
		if !ok {
			t.Errorf("block-list.yml has no job %q", name)
			continue
		}
		var runs []string
		for _, s := range job.Steps {
			if s.Uses != "" && !pinned.MatchString(s.Uses) {
				t.Errorf("block-list.yml job %s uses %s, not pinned to a commit", name, s.Uses)
			}
			if strings.HasPrefix(s.Uses, "hashicorp/setup-terraform@") && (s.With["terraform_version"] != "1.15.9" || s.With["terraform_wrapper"] != "false") {
				t.Errorf("block-list.yml job %s sets up Terraform with %v, want 1.15.9 without the wrapper (it hides exit codes)", name, s.With)
			}
			if strings.HasPrefix(strings.TrimSpace(s.Run), "./") {
				runs = append(runs, strings.TrimSpace(s.Run))
			}
		}
		if !slices.Equal(runs, []string{script}) {
			t.Errorf("block-list.yml job %s runs %v, want %s", name, runs, script)
		}
	}
	if a := gh.Jobs["apply"]; a.Needs != "plan" || a.Environment == "" || !strings.Contains(a.If, "'push'") ||
		!slices.ContainsFunc(a.Steps, func(s ghStep) bool { return strings.HasPrefix(s.Uses, "actions/download-artifact@") }) {
		t.Errorf("block-list.yml's apply job must need plan, download its saved plan, run on push and name an environment: %+v", a)
	}
	upload := slices.IndexFunc(gh.Jobs["plan"].Steps, func(s ghStep) bool { return strings.HasPrefix(s.Uses, "actions/upload-artifact@") })
	if upload < 0 {
		t.Error("block-list.yml's plan job uploads no saved plan")
	} else if with := gh.Jobs["plan"].Steps[upload].With; !strings.Contains(with["path"], "block-list.tfplan") ||
		!strings.Contains(with["path"], ".terraform.lock.hcl") || with["include-hidden-files"] != "true" {
		t.Errorf("block-list.yml's plan job does not upload the saved plan and the lock file it was made with: %v", with)
	}
	if d := gh.Jobs["drift"]; !strings.Contains(d.If, "'schedule'") {
		t.Errorf("block-list.yml's drift job does not run on the schedule: if %q", d.If)
	}

	type glJob struct {
		Script      []string          `yaml:"script"`
		Needs       []string          `yaml:"needs"`
		Environment map[string]string `yaml:"environment"`
		Artifacts   struct {
			Paths []string `yaml:"paths"`
		} `yaml:"artifacts"`
		Rules []struct {
			If   string `yaml:"if"`
			When string `yaml:"when"`
		} `yaml:"rules"`
	}
	var glFile map[string]yaml.Node // jobs, and keys such as stages
	readYAML(".gitlab-ci.yml", &glFile)
	gl := map[string]glJob{}
	for name := range jobs {
		var job glJob
		if node, ok := glFile[name]; !ok {
			t.Errorf(".gitlab-ci.yml has no job %q", name)
		} else if err := node.Decode(&job); err != nil {
			t.Errorf(".gitlab-ci.yml job %s: %v", name, err)
		}
		gl[name] = job
	}
	for name, script := range jobs {
		job := gl[name]
		if len(job.Script) == 0 || job.Script[0] != script {
			t.Errorf(".gitlab-ci.yml job %s runs %v first, want %s", name, job.Script, script)
		}
		for _, line := range job.Script[1:] {
			if strings.Contains(line, "terraform ") {
				t.Errorf(".gitlab-ci.yml job %s runs terraform outside the scripts: %s", name, line)
			}
		}
	}
	if paths := gl["plan"].Artifacts.Paths; !slices.Contains(paths, "block-list.tfplan") || !slices.Contains(paths, ".terraform.lock.hcl") {
		t.Errorf(".gitlab-ci.yml's plan job does not keep the saved plan and the lock file it was made with: %v", paths)
	}
	if a := gl["apply"]; !slices.Equal(a.Needs, []string{"plan"}) || a.Environment["name"] == "" || len(a.Rules) != 1 || a.Rules[0].When != "manual" {
		t.Errorf(".gitlab-ci.yml's apply job must need plan, name an environment and wait to be started: %+v", a)
	}
	if d := gl["drift"]; len(d.Rules) != 1 || !strings.Contains(d.Rules[0].If, `"schedule"`) {
		t.Errorf(".gitlab-ci.yml's drift job does not run on a schedule alone: %+v", d.Rules)
	}
}

// ghStep is a step of a GitHub Actions job.
type ghStep struct {
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
}
