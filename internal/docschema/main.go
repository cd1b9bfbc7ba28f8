// Command docschema writes the provider's schema JSON for tfplugindocs: what
// `terraform providers schema -json` of the pinned current Terraform reports
// for a local build, under the address tfplugindocs looks for. It checks
// that the CLI reported functions (Terraform 1.8) and resource identity
// (1.12): tfplugindocs would otherwise drop the function pages and refuse
// the import-by-identity examples.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// docsAddress is where tfplugindocs looks for the schema of --provider-name mcp.
const docsAddress = "registry.terraform.io/hashicorp/mcp"

func main() {
	terraform := flag.String("terraform", "", "the Terraform CLI that reports the schema JSON (1.12 or newer, for functions and identity)")
	out := flag.String("out", "", "where to write the schema JSON")
	flag.Parse()
	if err := run(context.Background(), *terraform, *out); err != nil {
		fmt.Fprintln(os.Stderr, "docschema:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, terraform, out string) error {
	if terraform == "" || out == "" {
		return errors.New("-terraform and -out are required")
	}
	work, err := os.MkdirTemp("", "mcp-docschema-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := tfcli.BuildProvider(ctx, ".", filepath.Join(work, "provider")); err != nil {
		return err
	}
	w, err := tfcli.New(filepath.Join(work, "config"), terraform, filepath.Join(work, "provider"))
	if err != nil {
		return err
	}
	if err := w.WriteConfig(tfcli.RequiredProviders); err != nil {
		return err
	}
	raw, err := w.Stdout(ctx, "providers", "schema", "-json")
	if err != nil {
		return err
	}
	var schemas tfjson.ProviderSchemas
	if err := json.Unmarshal(raw, &schemas); err != nil {
		return fmt.Errorf("reading the schema JSON: %w", err)
	}
	if len(schemas.Schemas) != 1 {
		return fmt.Errorf("the schema JSON describes %d providers, want 1", len(schemas.Schemas))
	}
	var schema *tfjson.ProviderSchema
	for _, s := range schemas.Schemas {
		schema = s
	}
	if len(schema.Functions) == 0 {
		return errors.New("the schema JSON has no functions: the CLI is older than Terraform 1.8")
	}
	if len(schema.ResourceIdentitySchemas) == 0 {
		return errors.New("the schema JSON has no resource identity schemas: the CLI is older than Terraform 1.12")
	}
	schemas.Schemas = map[string]*tfjson.ProviderSchema{docsAddress: schema}
	b, err := json.MarshalIndent(schemas, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o600)
}
