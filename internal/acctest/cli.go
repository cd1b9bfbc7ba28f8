package acctest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// CLI is the CLI under test, as its own version command describes it: the
// one way tests learn which CLI, and which version, they run.
type CLI struct {
	Path string
	tfcli.Release
}

var clis sync.Map // path -> *CLI

// CLIInfo returns the CLI TF_ACC_TERRAFORM_PATH names (see CLIUnderTest),
// asking its version once per test process.
func CLIInfo(t *testing.T) *CLI {
	t.Helper()
	path := CLIUnderTest(t)
	if c, ok := clis.Load(path); ok {
		return c.(*CLI) //nolint:forcetypeassert // only *CLI is stored
	}
	// An empty configuration file: no developer's settings, no warning
	// about a missing one.
	empty := filepath.Join(t.TempDir(), "empty.tfrc")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	v, err := tfcli.Identify(t.Context(), path, "TF_CLI_CONFIG_FILE="+empty)
	if err != nil {
		t.Fatal(err)
	}
	c := &CLI{Path: path, Release: v}
	clis.Store(path, c)
	return c
}

// Run runs the CLI in dir with a clean CLI environment: no configuration
// file but the one env gives (an empty one when env is empty), no
// checkpoint calls, no prompts.
func (c *CLI) Run(t *testing.T, dir string, env []string, args ...string) ([]byte, error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), c.Path, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name == "TF_CLI_CONFIG_FILE" || name == "TF_DATA_DIR" || name == "TF_PLUGIN_CACHE_DIR" || strings.HasPrefix(name, "TF_LOG") {
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	if len(env) == 0 {
		// The CLIs warn about a configuration file that does not exist;
		// an empty one says there is none.
		empty := filepath.Join(t.TempDir(), "empty.tfrc")
		if err := os.WriteFile(empty, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		env = []string{"TF_CLI_CONFIG_FILE=" + empty}
	}
	cmd.Env = append(cmd.Env, env...)
	cmd.Env = append(cmd.Env, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_INPUT=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil && stderr.Len() > 0 {
		err = fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), err
}

// Feature is a CLI feature some tests need, by the first Terraform and the
// first OpenTofu release that has it (their version numbers do not line up).
// A zero OpenTofu version is a feature no OpenTofu release has.
type Feature struct {
	What                string
	Terraform, OpenTofu [2]int
}

// The features tests check for.
var (
	Functions = Feature{What: "provider functions", Terraform: [2]int{1, 8}, OpenTofu: [2]int{1, 7}}
	Identity  = Feature{What: "resource identity and import by identity", Terraform: [2]int{1, 12}, OpenTofu: [2]int{1, 12}}
	// ListResources is terraform query; OpenTofu has no such command.
	ListResources = Feature{What: "list resources (terraform query)", Terraform: [2]int{1, 14}}
	Actions       = Feature{What: "actions (-invoke, action_trigger)", Terraform: [2]int{1, 14}}
	Ephemeral     = Feature{What: "ephemeral resources", Terraform: [2]int{1, 10}, OpenTofu: [2]int{1, 11}}
	// Forget is removed blocks with lifecycle { destroy = false }, which take
	// a resource out of the state without destroying it, and import blocks
	// with for_each (OpenTofu has the latter from 1.7, the former from 1.10).
	Forget = Feature{What: "removed blocks with lifecycle { destroy = false }", Terraform: [2]int{1, 7}, OpenTofu: [2]int{1, 10}}
)

// Lacks says why the CLI does not have the feature, or "" when it has it.
func (c *CLI) Lacks(f Feature) string {
	if c.AtLeast(f.Terraform, f.OpenTofu) {
		return ""
	}
	if f.OpenTofu == [2]int{} {
		return fmt.Sprintf("%s: Terraform %d.%d; no OpenTofu release has it", f.What, f.Terraform[0], f.Terraform[1])
	}
	return fmt.Sprintf("%s: Terraform %d.%d or OpenTofu %d.%d", f.What, f.Terraform[0], f.Terraform[1], f.OpenTofu[0], f.OpenTofu[1])
}

// SkipWithout skips the test on a CLI that does not have the feature.
func SkipWithout(t *testing.T, f Feature) {
	t.Helper()
	c := CLIInfo(t)
	if reason := c.Lacks(f); reason != "" {
		t.Skipf("%s %s lacks %s", c.Name, c.Version, reason)
	}
}
