// Command tfbuild builds a Terraform release from the Go module proxy, where
// `go install github.com/hashicorp/terraform@v1.15.9` refuses: its go.mod
// replaces nested modules (nine remote-state backends and internal/legacy)
// with local folders that the module zip does not hold. tfbuild builds a
// writable copy without them, takes the backends out of the one file that
// registers them, and checks that the binary reports the version asked for.
//
// It derives what to drop from go.mod and fails, naming the file, when a
// release needs a step it does not know: a local replacement that is not a
// missing nested module, another file importing one, or a registration it
// cannot read. Local state, dev_overrides and the plugin protocols, all
// that acceptance tests use, are untouched.
//
// A binary already at -out that reports the version is left alone.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// module is Terraform's module path.
const module = "github.com/hashicorp/terraform"

func main() {
	version := flag.String("version", "", "the Terraform version to build, such as 1.15.9")
	out := flag.String("out", "", "where to write the terraform binary")
	flag.Parse()
	if err := run(context.Background(), *version, *out); err != nil {
		fmt.Fprintln(os.Stderr, "tfbuild:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, version, out string) error {
	if version == "" || out == "" {
		return errors.New("-version and -out are required")
	}
	out, err := filepath.Abs(out) // the build runs in the module copy
	if err != nil {
		return err
	}
	if verify(ctx, out, version) == nil {
		fmt.Printf("tfbuild: %s is Terraform v%s already\n", out, version)
		return nil
	}
	src, err := download(ctx, version)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	// The copy sits beside the output, not in /tmp: 47 MB of source on a
	// small tmpfs. -trimpath keeps the build cache warm across copies.
	work, err := os.MkdirTemp(filepath.Dir(out), ".tfbuild-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := copyTree(src, work); err != nil {
		return err
	}
	if err := prepare(ctx, work, version); err != nil {
		return err
	}
	tmp := filepath.Join(work, "terraform.out")
	if err := build(ctx, work, tmp); err != nil {
		return err
	}
	if err := verify(ctx, tmp, version); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

// prepare turns the module copy at dir into one that builds offline.
func prepare(ctx context.Context, dir, version string) error {
	got, err := os.ReadFile(filepath.Join(dir, "version", "VERSION"))
	if err != nil {
		return err
	}
	if strings.TrimSpace(string(got)) != version {
		return fmt.Errorf("the module for v%s says version/VERSION %q", version, bytes.TrimSpace(got))
	}
	gomod, err := goCmd(ctx, dir, "mod", "edit", "-json")
	if err != nil {
		return err
	}
	dropped, err := missingNested(gomod, dir)
	if err != nil {
		return err
	}
	if len(dropped) == 0 {
		return nil
	}
	args := []string{"mod", "edit"}
	for _, m := range dropped {
		args = append(args, "-dropreplace="+m, "-droprequire="+m)
	}
	if _, err := goCmd(ctx, dir, args...); err != nil {
		return err
	}
	initGo := filepath.Join(dir, filepath.FromSlash(backendInit))
	text, err := os.ReadFile(initGo)
	if err != nil {
		return err
	}
	edited, removed, err := unregister(text, dropped)
	if err != nil {
		return fmt.Errorf("%s: %w", backendInit, err)
	}
	if err := os.WriteFile(initGo, edited, 0o644); err != nil {
		return err
	}
	short := make([]string, len(dropped))
	for k, m := range dropped {
		short[k] = strings.TrimPrefix(m, module+"/")
	}
	fmt.Printf("tfbuild: Terraform v%s without the nested modules %s, so without the backends %s\n",
		version, strings.Join(short, ", "), strings.Join(removed, ", "))
	return importersOutside(dir, dropped, backendInit)
}

// goMod is the part of `go mod edit -json` that tfbuild reads.
type goMod struct {
	Replace []struct {
		Old struct{ Path string }
		New struct{ Path, Version string }
	}
}

// missingNested returns the modules that go.mod replaces with a local
// folder. Each must be a nested module of Terraform's own, which the zip
// leaves out; anything else is a step tfbuild does not know.
func missingNested(gomodJSON []byte, dir string) ([]string, error) {
	var gm goMod
	if err := json.Unmarshal(gomodJSON, &gm); err != nil {
		return nil, fmt.Errorf("reading go.mod: %w", err)
	}
	var dropped []string
	for _, r := range gm.Replace {
		if r.New.Version != "" {
			continue // a replacement by another module version builds as it is
		}
		local := strings.TrimPrefix(r.Old.Path, module+"/")
		if local == r.Old.Path || r.New.Path != "./"+local {
			return nil, fmt.Errorf("go.mod replaces %s with %s: only nested modules of %s are known", r.Old.Path, r.New.Path, module)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(local), "go.mod")); err == nil {
			return nil, fmt.Errorf("go.mod replaces %s with %s, which the module zip holds: not a step tfbuild knows", r.Old.Path, r.New.Path)
		}
		dropped = append(dropped, r.Old.Path)
	}
	return dropped, nil
}

// importersOutside fails when a non-test Go file other than allowed imports
// a dropped module: the build would fail, and tfbuild does not know what
// removing that import would cost.
func importersOutside(dir string, dropped []string, allowed string) error {
	var found []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" || d.Name() == "vendor" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		if filepath.ToSlash(rel) == allowed {
			return nil
		}
		imports, err := importsOf(path)
		if err != nil {
			return err
		}
		for _, imp := range imports {
			if matchesAny(imp, dropped) {
				found = append(found, fmt.Sprintf("%s imports %s", filepath.ToSlash(rel), imp))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(found) > 0 {
		return fmt.Errorf("files import modules this build drops, and tfbuild only knows how to edit %s:\n  %s", allowed, strings.Join(found, "\n  "))
	}
	return nil
}

// matchesAny: path is one of the modules or a package inside one.
func matchesAny(path string, modules []string) bool {
	for _, m := range modules {
		if path == m || strings.HasPrefix(path, m+"/") {
			return true
		}
	}
	return false
}

// download fetches the module through the proxy and returns its folder in
// the (read-only) module cache.
func download(ctx context.Context, version string) (string, error) {
	raw, err := goCmd(ctx, "", "mod", "download", "-json", module+"@v"+version)
	if err != nil {
		return "", err
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal(raw, &m); err != nil {
		return "", err
	}
	if m.Error != "" {
		return "", errors.New(m.Error)
	}
	return m.Dir, nil
}

// copyTree copies the module folder with write permission, which the module
// cache withholds and `go mod edit` needs.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// build compiles the edited module as a release build: no -dev suffix, and
// nothing the edited go.mod does not already name.
func build(ctx context.Context, dir, out string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath",
		"-ldflags", "-s -w -X "+module+"/version.dev=no", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=-mod=readonly", "GOWORK=off")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	return nil
}

// verify checks that bin runs and reports exactly Terraform v<version>.
func verify(ctx context.Context, bin, version string) error {
	if _, err := os.Stat(bin); err != nil {
		return err
	}
	raw, err := exec.CommandContext(ctx, bin, "version").Output()
	if err != nil {
		return fmt.Errorf("%s version: %w", bin, err)
	}
	first, _, _ := strings.Cut(string(raw), "\n")
	if want := "Terraform v" + version; first != want {
		return fmt.Errorf("%s version prints %q, want %q", bin, first, want)
	}
	return nil
}

// goCmd runs the go command in dir (or here) and returns its stdout.
func goCmd(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w: %s", strings.Join(args, " "), err, bytes.TrimSpace(stderr.Bytes()))
	}
	return out, nil
}
