// Package tfcli runs a real Terraform or OpenTofu CLI against a local build
// of the provider, for the demo, the benchmarks and the reliability tests:
// a working directory whose CLI configuration points the provider's address
// at the build through a dev override, so nothing comes from a registry.
package tfcli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Source is the provider's address in configurations.
const Source = "carrierstate/mcp"

// Workdir is one Terraform working directory.
type Workdir struct {
	Dir       string
	Terraform string   // the CLI binary
	Env       []string // added to the process environment
	// Stream, when set, receives the command's output as it runs (the demo);
	// otherwise output is only captured.
	Stream io.Writer
}

// New makes dir a working directory whose CLI configuration serves the
// provider from providerDir, under both registry hosts (Terraform's and
// OpenTofu's).
func New(dir, terraform, providerDir string, env ...string) (*Workdir, error) {
	return NewWith(dir, terraform, map[string]string{Source: providerDir}, env...)
}

// NewWith is New for any set of local builds: providers maps each source
// address ("carrierstate/mcp") to the directory holding its build.
func NewWith(dir, terraform string, providers map[string]string, env ...string) (*Workdir, error) {
	var err error
	// Commands run in dir, so relative paths would no longer resolve.
	if terraform, err = filepath.Abs(terraform); err != nil {
		return nil, err
	}
	overrides := make(map[string]string, len(providers))
	for source, providerDir := range providers {
		if overrides[source], err = filepath.Abs(providerDir); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	rc := filepath.Join(dir, ".terraformrc")
	if err := writeCLIConfig(rc, overrides); err != nil {
		return nil, err
	}
	return &Workdir{Dir: dir, Terraform: terraform,
		Env: append([]string{"TF_CLI_CONFIG_FILE=" + rc, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1"}, env...)}, nil
}

// WriteCLIConfig writes a CLI configuration file that serves the provider
// from providerDir, under both registry hosts: each CLI resolves the short
// address against its own (registry.terraform.io, registry.opentofu.org) and
// ignores the other entry.
func WriteCLIConfig(path, providerDir string) error {
	return writeCLIConfig(path, map[string]string{Source: providerDir})
}

func writeCLIConfig(path string, overrides map[string]string) error {
	sources := slices.Sorted(maps.Keys(overrides))
	var b strings.Builder
	b.WriteString("provider_installation {\n  dev_overrides {\n")
	for _, source := range sources {
		for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
			fmt.Fprintf(&b, "    %q = %q\n", host+"/"+source, overrides[source])
		}
	}
	b.WriteString("  }\n  direct {}\n}\n")
	return os.WriteFile(path, []byte(b.String()), 0o600)
}

// RequiredProviders is the terraform block a configuration needs to use the
// provider under its address.
const RequiredProviders = "terraform {\n  required_providers {\n    mcp = {\n      source = \"" + Source + "\"\n    }\n  }\n}\n"

// WriteConfig writes main.tf.
func (w *Workdir) WriteConfig(config string) error {
	return os.WriteFile(filepath.Join(w.Dir, "main.tf"), []byte(config), 0o600)
}

// Result is a finished command.
type Result struct {
	Code   int
	Output []byte // stdout and stderr, interleaved
}

// Start starts a command without waiting, for tests that interrupt it.
func (w *Workdir) Start(ctx context.Context, out io.Writer, args ...string) (*exec.Cmd, error) {
	cmd := exec.CommandContext(ctx, w.Terraform, args...)
	cmd.Dir = w.Dir
	cmd.Env = append(os.Environ(), w.Env...)
	cmd.Stdout, cmd.Stderr = out, out
	return cmd, cmd.Start()
}

// Run runs a command to the end. A non-zero exit is a Result, not an error;
// the error is for a CLI that could not run.
func (w *Workdir) Run(ctx context.Context, args ...string) (Result, error) {
	var buf bytes.Buffer
	out := io.Writer(&buf)
	if w.Stream != nil {
		out = io.MultiWriter(&buf, w.Stream)
	}
	cmd, err := w.Start(ctx, out, args...)
	if err != nil {
		return Result{}, err
	}
	err = cmd.Wait()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return Result{}, err
	}
	return Result{Code: cmd.ProcessState.ExitCode(), Output: buf.Bytes()}, nil
}

// Must runs a command and fails unless it exits with want.
func (w *Workdir) Must(ctx context.Context, want int, args ...string) (Result, error) {
	res, err := w.Run(ctx, args...)
	if err != nil {
		return res, err
	}
	if res.Code != want {
		return res, fmt.Errorf("%s %s exited with %d, want %d:\n%s", filepath.Base(w.Terraform), strings.Join(args, " "), res.Code, want, Tail(res.Output, 40))
	}
	return res, nil
}

// BuildProvider builds the provider in moduleDir into outDir.
func BuildProvider(ctx context.Context, moduleDir, outDir string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", filepath.Join(outDir, "terraform-provider-mcp"), ".")
	cmd.Dir = moduleDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the provider: %w\n%s", err, out)
	}
	return nil
}

// Tail is the last n lines of output, for error messages.
func Tail(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// Stdout runs a command that must succeed and returns its standard output
// alone (warnings go to standard error), e.g. `providers schema -json`.
func (w *Workdir) Stdout(ctx context.Context, args ...string) ([]byte, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, w.Terraform, args...)
	cmd.Dir = w.Dir
	cmd.Env = append(os.Environ(), w.Env...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s %s: %w\n%s", filepath.Base(w.Terraform), strings.Join(args, " "), err, Tail(stderr.Bytes(), 40))
	}
	return stdout.Bytes(), nil
}
