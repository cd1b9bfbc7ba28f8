package acctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// CLI is the CLI under test, as its own version command describes it: the
// one way tests learn which CLI, and which version, they run.
type CLI struct {
	Path     string
	Name     string // "terraform" or "tofu"
	OpenTofu bool
	Version  string // such as "1.8.5"
	major    int
	minor    int
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
	c := &CLI{Path: path, Name: "terraform"}
	out, err := c.Run(t, t.TempDir(), nil, "version", "-json")
	if err != nil {
		t.Fatalf("%s version: %v\n%s", path, err, out)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s version -json: %v\n%s", path, err, out)
	}
	c.Version = v.Version
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &c.major, &c.minor); err != nil {
		t.Fatalf("%s reports version %q: %v", path, v.Version, err)
	}
	// Both CLIs report terraform_version; only the text output names OpenTofu.
	text, err := c.Run(t, t.TempDir(), nil, "version")
	if err != nil {
		t.Fatalf("%s version: %v\n%s", path, err, text)
	}
	if bytes.HasPrefix(bytes.TrimSpace(text), []byte("OpenTofu")) {
		c.OpenTofu, c.Name = true, "tofu"
	}
	clis.Store(path, c)
	return c
}

// AtLeast compares the CLI's version with the first release of a feature in
// Terraform or in OpenTofu, whose version numbers do not line up.
func (c *CLI) AtLeast(terraform, openTofu [2]int) bool {
	want := terraform
	if c.OpenTofu {
		want = openTofu
	}
	return c.major > want[0] || (c.major == want[0] && c.minor >= want[1])
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
// OpenTofu {0, 0} means no OpenTofu release has it.
type Feature struct {
	What                string
	Terraform, OpenTofu [2]int
}

// The features tests check for.
var (
	Functions = Feature{What: "provider functions", Terraform: [2]int{1, 8}, OpenTofu: [2]int{1, 7}}
	Identity  = Feature{What: "resource identity and import by identity", Terraform: [2]int{1, 12}, OpenTofu: [2]int{1, 12}}
	Actions   = Feature{What: "actions (-invoke, action_trigger)", Terraform: [2]int{1, 14}}
)

// Lacks says why the CLI does not have the feature, or "" when it has it.
func (c *CLI) Lacks(f Feature) string {
	has := c.AtLeast(f.Terraform, f.OpenTofu)
	tofu := fmt.Sprintf(" or OpenTofu %d.%d", f.OpenTofu[0], f.OpenTofu[1])
	if f.OpenTofu == [2]int{} {
		has = has && !c.OpenTofu
		tofu = " (no OpenTofu release has it)"
	}
	if has {
		return ""
	}
	return fmt.Sprintf("%s: Terraform %d.%d%s", f.What, f.Terraform[0], f.Terraform[1], tofu)
}

// SkipWithout skips the test on a CLI that does not have the feature.
func SkipWithout(t *testing.T, f Feature) {
	t.Helper()
	c := CLIInfo(t)
	if reason := c.Lacks(f); reason != "" {
		t.Skipf("%s %s lacks %s", c.Name, c.Version, reason)
	}
}
