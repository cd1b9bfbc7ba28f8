// Command docschema writes the provider's schema JSON for tfplugindocs:
// what `terraform providers schema -json` of the pinned Terraform 1.8.5
// reports (functions included), plus the resource identity schemas that
// only Terraform 1.12 and later report, read from the provider itself.
// tfplugindocs v0.25.0 refuses an import-by-identity example for a resource
// whose schema has no identity, and no Terraform 1.12 builds here.
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
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"

	"github.com/carrierstate/terraform-provider-mcp/internal/provider"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// docsAddress is where tfplugindocs looks for the schema of --provider-name mcp.
const docsAddress = "registry.terraform.io/hashicorp/mcp"

func main() {
	terraform := flag.String("terraform", "", "the Terraform CLI whose schema JSON to start from (1.8 or newer, for functions)")
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
	if schema.ResourceIdentitySchemas, err = identitySchemas(ctx); err != nil {
		return err
	}
	schemas.Schemas = map[string]*tfjson.ProviderSchema{docsAddress: schema}
	b, err := json.MarshalIndent(schemas, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o600)
}

// identitySchemas asks the provider, in process, for its identity schemas.
func identitySchemas(ctx context.Context) (map[string]*tfjson.IdentitySchema, error) {
	server := providerserver.NewProtocol6(provider.New("docs")())()
	resp, err := server.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		return nil, err
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return nil, fmt.Errorf("%s: %s", d.Summary, d.Detail)
		}
	}
	out := make(map[string]*tfjson.IdentitySchema, len(resp.IdentitySchemas))
	for name, s := range resp.IdentitySchemas {
		attrs := make(map[string]*tfjson.IdentityAttribute, len(s.IdentityAttributes))
		for _, a := range s.IdentityAttributes {
			t, err := ctyType(a.Type)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", name, a.Name, err)
			}
			attrs[a.Name] = &tfjson.IdentityAttribute{IdentityType: t, Description: a.Description,
				RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport}
		}
		out[name] = &tfjson.IdentitySchema{Version: uint64(s.Version), Attributes: attrs} //nolint:gosec // schema versions are small and not negative
	}
	return out, nil
}

// ctyType maps the primitive types identity attributes may have.
func ctyType(t tftypes.Type) (cty.Type, error) {
	switch {
	case t.Is(tftypes.String):
		return cty.String, nil
	case t.Is(tftypes.Number):
		return cty.Number, nil
	case t.Is(tftypes.Bool):
		return cty.Bool, nil
	}
	return cty.NilType, fmt.Errorf("identity attribute of type %s is not supported", t)
}
