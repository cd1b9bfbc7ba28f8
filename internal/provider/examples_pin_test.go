package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// examplesVersion is the version constraint every example pins the
// provider to, so that a configuration copied from the registry keeps
// working when a new major version is published.
const examplesVersion = "~> 0.1"

// TestExamples_pinProvider: every example is self-contained and pins the
// provider. Each .tf file under examples/ begins (after its comments) with a
// terraform block requiring mcp from tfcli.Source at examplesVersion, so the
// registry page shows it first; import-by-*.tf files only join their
// resource.tf, which declares it. A directory of .tfquery.hcl files, which
// cannot hold a terraform block, needs a .tf file that does.
func TestExamples_pinProvider(t *testing.T) {
	configs := exampleConfigs(t)
	if len(configs) < 30 {
		t.Fatalf("found only %d example configurations under %s", len(configs), examplesRoot)
	}
	for _, c := range configs {
		if c.identity {
			continue // the same directory as another configuration
		}
		pinned := false
		for _, f := range c.files {
			if strings.HasPrefix(filepath.Base(f), "import") {
				continue
			}
			if problem := pinProblem(t, f); problem != "" {
				t.Errorf("%s: %s; begin it with\n%s", f, problem, pinnedBlock)
			}
			pinned = true
		}
		if !pinned {
			t.Errorf("%s has no .tf file to declare the provider in; add main.tf holding\n%s", c.dir, pinnedBlock)
		}
	}
}

// pinnedBlock is the terraform block the examples begin with.
var pinnedBlock = "terraform {\n  required_providers {\n    mcp = {\n      source  = \"" + tfcli.Source +
	"\"\n      version = \"" + examplesVersion + "\"\n    }\n  }\n}"

// pinProblem says what keeps the file from beginning with the pinned
// terraform block, or returns "".
func pinProblem(t *testing.T, path string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	file, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		return diags.Error()
	}
	body := file.Body.(*hclsyntax.Body) //nolint:forcetypeassert // hclsyntax always parses into its own Body
	if len(body.Blocks) == 0 || body.Blocks[0].Type != "terraform" {
		return "the first block is not a terraform block"
	}
	for _, b := range body.Blocks[0].Body.Blocks {
		if b.Type != "required_providers" {
			continue
		}
		attr, ok := b.Body.Attributes["mcp"]
		if !ok {
			break
		}
		v, diags := attr.Expr.Value(nil)
		if diags.HasErrors() || !v.Type().IsObjectType() {
			return "required_providers.mcp is not an object of constant strings"
		}
		for name, want := range map[string]string{"source": tfcli.Source, "version": examplesVersion} {
			if !v.Type().HasAttribute(name) || !v.GetAttr(name).Type().Equals(cty.String) || v.GetAttr(name).IsNull() {
				return "required_providers.mcp sets no " + name
			}
			if got := v.GetAttr(name).AsString(); got != want {
				return "required_providers.mcp has " + name + " = \"" + got + "\", not \"" + want + "\""
			}
		}
		return ""
	}
	return "the terraform block has no required_providers entry for mcp"
}
