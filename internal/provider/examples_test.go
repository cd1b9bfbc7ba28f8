package provider

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// The examples under examples/ are what users copy and what the registry
// pages show (tfplugindocs embeds them in docs/), so they are tested like
// code: every example is formatted, and validates with every CLI that
// supports its features against the provider as built from this tree.

// examplesRoot is examples/, relative to this package.
const examplesRoot = "../../examples"

// devOverridesWarning is the warning every CLI gives when a dev override is
// in effect, as it is for these tests.
const devOverridesWarning = "Provider development overrides are in effect"

// identityImportFile is tfplugindocs' name for an import block by identity.
const identityImportFile = "import-by-identity.tf"

// Every resource, data source, function, list resource and action has an example, and every
// importable resource shows both ways to import it: the CLI command
// (import.sh) and an import block (import-by-string-id.tf).
func TestExamples_importExamples(t *testing.T) {
	ctx := t.Context()
	p := New("test")()
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)

	known := map[string][]string{} // examples/ subdirectory -> the names it may hold
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var m resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
		known["resources"] = append(known["resources"], m.TypeName)
		dir := filepath.Join(examplesRoot, "resources", m.TypeName)
		requireExample(t, dir, "resource*.tf")
		if _, ok := r.(resource.ResourceWithImportState); ok {
			checkImportExamples(t, dir, m.TypeName)
		}
	}
	for _, name := range dataSourceTypeNames(t, p, meta.TypeName) {
		known["data-sources"] = append(known["data-sources"], name)
		requireExample(t, filepath.Join(examplesRoot, "data-sources", name), "data-source*.tf")
	}
	for _, name := range functionNames(t, p) {
		known["functions"] = append(known["functions"], name)
		requireExample(t, filepath.Join(examplesRoot, "functions", name), "function*.tf")
	}
	for _, newList := range p.(provider.ProviderWithListResources).ListResources(ctx) { //nolint:forcetypeassert // the provider has list resources
		var m resource.MetadataResponse
		newList().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
		known["list-resources"] = append(known["list-resources"], m.TypeName)
		requireExample(t, filepath.Join(examplesRoot, "list-resources", m.TypeName), "list-resource*.tfquery.hcl")
	}
	for _, name := range actionTypeNames(t, p, meta.TypeName) {
		known["actions"] = append(known["actions"], name)
		requireExample(t, filepath.Join(examplesRoot, "actions", name), "action*.tf")
	}
	for _, newEphemeral := range p.(provider.ProviderWithEphemeralResources).EphemeralResources(ctx) { //nolint:forcetypeassert // the provider has ephemeral resources
		var m ephemeral.MetadataResponse
		newEphemeral().Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: meta.TypeName}, &m)
		known["ephemeral-resources"] = append(known["ephemeral-resources"], m.TypeName)
		requireExample(t, filepath.Join(examplesRoot, "ephemeral-resources", m.TypeName), "ephemeral-resource*.tf")
	}
	if len(known["resources"]) == 0 || len(known["data-sources"]) == 0 || len(known["functions"]) == 0 {
		t.Fatalf("found %d resources, %d data sources and %d functions; the provider has all three kinds",
			len(known["resources"]), len(known["data-sources"]), len(known["functions"]))
	}

	// An example of something the provider no longer has would still be
	// published next to the real ones.
	for sub, names := range known {
		entries, err := os.ReadDir(filepath.Join(examplesRoot, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() && !slices.Contains(names, e.Name()) {
				t.Errorf("examples/%s/%s names no %s of the provider (it has %s)", sub, e.Name(), strings.TrimSuffix(sub, "s"), strings.Join(names, ", "))
			}
		}
	}
	requireExample(t, filepath.Join(examplesRoot, "provider"), "provider.tf")
}

// requireExample fails unless dir holds a file matching pattern.
func requireExample(t *testing.T, dir, pattern string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Errorf("%s has no %s: the registry page would have no example", dir, pattern)
	}
}

var (
	importCommand = regexp.MustCompile(`^terraform import (\S+)\.(\S+) (\S+)$`)
	importBlockTo = regexp.MustCompile(`(?m)^\s*to\s*=\s*(\S+)\.(\S+)\s*$`)
	importBlockID = regexp.MustCompile(`(?m)^\s*id\s*=\s*("(?:[^"\\]|\\.)*")\s*$`)
)

// checkImportExamples checks that import.sh is one `terraform import` line
// and import-by-string-id.tf one import block, that both import the same ID
// into a resource of the right type, and that resource.tf declares it.
func checkImportExamples(t *testing.T, dir, typeName string) {
	t.Helper()
	declared := declaredResources(t, dir)

	sh, err := os.ReadFile(filepath.Join(dir, "import.sh"))
	if err != nil {
		t.Errorf("%s is importable, but %s/import.sh is missing: %v", typeName, dir, err)
	}
	var shID string
	if err == nil {
		var commands []string
		for line := range strings.Lines(string(sh)) {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				commands = append(commands, line)
			}
		}
		m := importCommand.FindStringSubmatch(strings.Join(commands, "\n"))
		switch {
		case m == nil:
			t.Errorf("%s/import.sh must hold one line `terraform import %s.<name> <id>`, not %q", dir, typeName, commands)
		case m[1] != typeName:
			t.Errorf("%s/import.sh imports into %s, not %s", dir, m[1], typeName)
		case !declared[m[1]+"."+m[2]]:
			t.Errorf("%s/import.sh imports into %s.%s, which the resource examples do not declare", dir, m[1], m[2])
		default:
			shID = m[3]
		}
	}

	tf, err := os.ReadFile(filepath.Join(dir, "import-by-string-id.tf"))
	if err != nil {
		t.Errorf("%s is importable, but %s/import-by-string-id.tf is missing: %v", typeName, dir, err)
		return
	}
	to, id := importBlockTo.FindAllStringSubmatch(string(tf), -1), importBlockID.FindAllStringSubmatch(string(tf), -1)
	if strings.Count(string(tf), "import {") != 1 || len(to) != 1 || len(id) != 1 {
		t.Errorf("%s/import-by-string-id.tf must hold one import block with `to` and `id`", dir)
		return
	}
	blockID, err := strconv.Unquote(id[0][1])
	switch {
	case err != nil:
		t.Errorf("%s/import-by-string-id.tf: id %s: %v", dir, id[0][1], err)
	case to[0][1] != typeName:
		t.Errorf("%s/import-by-string-id.tf imports into %s, not %s", dir, to[0][1], typeName)
	case !declared[to[0][1]+"."+to[0][2]]:
		t.Errorf("%s/import-by-string-id.tf imports into %s.%s, which the resource examples do not declare", dir, to[0][1], to[0][2])
	case shID != "" && blockID != shID:
		t.Errorf("%s: import.sh imports %q but import-by-string-id.tf imports %q; show one ID", dir, shID, blockID)
	default:
		checkIdentityExample(t, dir, declared, blockID)
	}
}

var (
	identityBlock = regexp.MustCompile(`(?s)identity\s*=\s*\{(.*?)\}`)
	identityValue = regexp.MustCompile(`(?m)^\s*(\w+)\s*=\s*("(?:[^"\\]|\\.)*")\s*$`)
)

// checkIdentityExample checks import-by-identity.tf, where there is one,
// against the import ID the other import examples show: it imports into a
// declared resource, and each of its values is part of that ID, so that the
// three ways to import on the registry page name the same carrier.
func checkIdentityExample(t *testing.T, dir string, declared map[string]bool, id string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, identityImportFile))
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	to, block := importBlockTo.FindAllStringSubmatch(string(b), -1), identityBlock.FindStringSubmatch(string(b))
	if len(to) != 1 || block == nil {
		t.Errorf("%s/%s must hold one import block with `to` and `identity`", dir, identityImportFile)
		return
	}
	if !declared[to[0][1]+"."+to[0][2]] {
		t.Errorf("%s/%s imports into %s.%s, which the resource examples do not declare", dir, identityImportFile, to[0][1], to[0][2])
	}
	parts := strings.Split(id, "/")
	for _, m := range identityValue.FindAllStringSubmatch(block[1], -1) {
		v, err := strconv.Unquote(m[2])
		if err != nil || !slices.Contains(parts, v) {
			t.Errorf("%s/%s: %s = %s is not part of the import ID %q the other import examples show", dir, identityImportFile, m[1], m[2], id)
		}
	}
}

var resourceBlock = regexp.MustCompile(`(?m)^resource\s+"([^"]+)"\s+"([^"]+)"`)

// declaredResources lists the resource addresses the resource examples of
// dir declare.
func declaredResources(t *testing.T, dir string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "resource*.tf"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range resourceBlock.FindAllStringSubmatch(string(b), -1) {
			out[m[1]+"."+m[2]] = true
		}
	}
	return out
}

func dataSourceTypeNames(t *testing.T, p provider.Provider, providerType string) []string {
	t.Helper()
	ctx := t.Context()
	var names []string
	for _, newDataSource := range p.DataSources(ctx) {
		var m datasource.MetadataResponse
		newDataSource().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: providerType}, &m)
		names = append(names, m.TypeName)
	}
	return names
}

func actionTypeNames(t *testing.T, p provider.Provider, providerType string) []string {
	t.Helper()
	ctx := t.Context()
	pa, ok := p.(provider.ProviderWithActions)
	if !ok {
		return nil
	}
	var names []string
	for _, newAction := range pa.Actions(ctx) {
		var m action.MetadataResponse
		newAction().Metadata(ctx, action.MetadataRequest{ProviderTypeName: providerType}, &m)
		names = append(names, m.TypeName)
	}
	return names
}

func functionNames(t *testing.T, p provider.Provider) []string {
	t.Helper()
	ctx := t.Context()
	pf, ok := p.(provider.ProviderWithFunctions)
	if !ok {
		return nil
	}
	var names []string
	for _, newFunction := range pf.Functions(ctx) {
		var m function.MetadataResponse
		newFunction().Metadata(ctx, function.MetadataRequest{}, &m)
		names = append(names, m.Name)
	}
	return names
}

// TestAccExamples_format: `terraform fmt -check -recursive examples/` passes
// with the CLI under test. `make generate` formats the examples. A CLI
// without provider functions cannot parse their calls, so there the check
// names every other file instead.
func TestAccExamples_format(t *testing.T) {
	t.Parallel()
	cli := acctest.CLIInfo(t)
	targets := []string{"."}
	if reason := lacks(cli, exampleConfig{functions: true}); reason != "" {
		targets = nil
		for _, c := range exampleConfigs(t) {
			for _, f := range c.files {
				rel, err := filepath.Rel(examplesRoot, f)
				if err != nil {
					t.Fatal(err)
				}
				if b, err := os.ReadFile(f); err != nil {
					t.Fatal(err)
				} else if functionCall.Match(b) {
					t.Logf("not checking %s: %s", rel, reason)
				} else if !slices.Contains(targets, rel) {
					targets = append(targets, rel)
				}
			}
		}
	}
	args := append([]string{"fmt", "-check", "-recursive", "-diff", "-no-color"}, targets...)
	out, err := cli.Run(t, examplesRoot, nil, args...)
	if err != nil {
		t.Fatalf("%s fmt -check found unformatted examples (make generate formats them): %v\n%s", cli.Name, err, out)
	}
}

// TestAccExamples_validate: every example configuration validates with the
// CLI under test against the provider built from this tree, through a dev
// override. An example is skipped only where the CLI lacks a feature it
// uses: provider functions (Terraform 1.8, OpenTofu 1.7), import by
// identity (Terraform 1.12, OpenTofu 1.12), actions (Terraform 1.14),
// ephemeral resources (Terraform 1.10, OpenTofu 1.11) and removed blocks that keep what they remove (Terraform 1.7, OpenTofu 1.10).
func TestAccExamples_validate(t *testing.T) {
	t.Parallel()
	cli := acctest.CLIInfo(t)
	configs := exampleConfigs(t)
	if len(configs) < 10 {
		t.Fatalf("found only %d example configurations under %s", len(configs), examplesRoot)
	}

	pluginDir := acctest.ProviderBuild(t)
	rc := filepath.Join(t.TempDir(), "dev.tfrc")
	if err := tfcli.WriteCLIConfig(rc, pluginDir); err != nil {
		t.Fatal(err)
	}

	for _, c := range configs {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if reason := lacks(cli, c); reason != "" {
				t.Skipf("%s %s: %s", cli.Name, cli.Version, reason)
			}
			dir := c.copy(t)
			args := []string{"validate", "-json", "-no-color"}
			if c.query {
				args = append(args, "-query") // the list blocks too
			}
			out, err := cli.Run(t, dir, []string{"TF_CLI_CONFIG_FILE=" + rc}, args...)
			var result struct {
				Valid       bool `json:"valid"`
				Diagnostics []struct {
					Severity string `json:"severity"`
					Summary  string `json:"summary"`
					Detail   string `json:"detail"`
					Range    *struct {
						Filename string `json:"filename"`
						Start    struct {
							Line int `json:"line"`
						} `json:"start"`
					} `json:"range"`
				} `json:"diagnostics"`
			}
			if jerr := json.Unmarshal(out, &result); jerr != nil {
				t.Fatalf("%s validate (%v) printed no JSON result: %v\n%s", cli.Name, err, jerr, out)
			}
			for _, d := range result.Diagnostics {
				if d.Severity == "warning" && d.Summary == devOverridesWarning {
					continue
				}
				where := ""
				if d.Range != nil {
					where = fmt.Sprintf("%s:%d: ", d.Range.Filename, d.Range.Start.Line)
				}
				// A warning in an example (a deprecated argument, say) is a
				// defect too: users copy what they see.
				t.Errorf("%s%s: %s\n%s", where, d.Severity, d.Summary, d.Detail)
			}
			if !result.Valid || err != nil {
				t.Errorf("%s validate of %s: valid=%t, %v", cli.Name, c.name, result.Valid, err)
			}
		})
	}
}

// exampleConfig is one configuration to validate: a directory of examples/,
// or part of one.
type exampleConfig struct {
	name      string   // for the subtest, such as resources/mcp_block_list
	dir       string   // the directory under examples/
	files     []string // the .tf files of dir that belong to it
	functions bool     // calls provider::mcp:: functions
	actions   bool     // declares or triggers actions
	identity  bool     // imports by resource identity
	ephemeral bool     // declares ephemeral resources
	forget    bool     // has removed blocks
	query     bool     // has .tfquery.hcl files: list blocks for terraform query
}

// exampleConfigs finds every directory under examples/ with .tf files. A
// resource directory with an import by identity becomes two configurations,
// as its import blocks by ID and by identity target the same resource.
func exampleConfigs(t *testing.T) []exampleConfig {
	t.Helper()
	var configs []exampleConfig
	err := filepath.WalkDir(examplesRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && path != examplesRoot {
			return filepath.SkipDir
		}
		tf, err := filepath.Glob(filepath.Join(path, "*.tf"))
		if err != nil {
			return err
		}
		queries, err := filepath.Glob(filepath.Join(path, "*.tfquery.hcl"))
		if err != nil || len(tf)+len(queries) == 0 {
			return err
		}
		rel, err := filepath.Rel(examplesRoot, path)
		if err != nil {
			return err
		}
		var main, identity []string
		for _, f := range tf {
			if filepath.Base(f) == identityImportFile {
				identity = append(identity, f)
			} else {
				main = append(main, f)
			}
		}
		c := newExampleConfig(t, filepath.ToSlash(rel), path, main, false)
		c.query = len(queries) > 0
		configs = append(configs, c)
		if len(identity) > 0 {
			resources, err := filepath.Glob(filepath.Join(path, "resource*.tf"))
			if err != nil {
				return err
			}
			configs = append(configs, newExampleConfig(t, filepath.ToSlash(rel)+"/"+identityImportFile, path, append(resources, identity...), true))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return configs
}

var (
	functionCall   = regexp.MustCompile(`provider::[a-z0-9_]+::`)
	actionBlock    = regexp.MustCompile(`(?m)^\s*(action\s+"|action_trigger\s*\{)`)
	ephemeralBlock = regexp.MustCompile(`(?m)^\s*ephemeral\s+"`)
	removedBlock   = regexp.MustCompile(`(?m)^removed\s*\{`)
)

func newExampleConfig(t *testing.T, name, dir string, files []string, identity bool) exampleConfig {
	t.Helper()
	c := exampleConfig{name: name, dir: dir, files: files, identity: identity}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c.functions = c.functions || functionCall.Match(b)
		c.actions = c.actions || actionBlock.Match(b)
		c.ephemeral = c.ephemeral || ephemeralBlock.Match(b)
		c.forget = c.forget || removedBlock.Match(b)
	}
	return c
}

// copy makes a working copy of the configuration: its .tf files and the
// other files of its directory (data such as a CSV). Nothing is added: each
// example declares the provider itself (TestExamples_pinProvider), as what
// users copy must.
func (c exampleConfig) copy(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		src := filepath.Join(c.dir, e.Name())
		if !e.Type().IsRegular() || (filepath.Ext(e.Name()) == ".tf" && !slices.Contains(c.files, src)) {
			continue
		}
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// lacks names a feature the configuration uses that the CLI does not have.
func lacks(c *acctest.CLI, cfg exampleConfig) string {
	if reason := c.Lacks(acctest.Functions); cfg.functions && reason != "" {
		return reason
	}
	if reason := c.Lacks(acctest.ListResources); cfg.query && reason != "" {
		return reason
	}
	if reason := c.Lacks(acctest.Actions); cfg.actions && reason != "" {
		return reason
	}
	if reason := c.Lacks(acctest.Ephemeral); cfg.ephemeral && reason != "" {
		return reason
	}
	if reason := c.Lacks(acctest.Forget); cfg.forget && reason != "" {
		return reason
	}
	if cfg.identity {
		return c.Lacks(acctest.Identity)
	}
	return ""
}
