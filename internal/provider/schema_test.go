package provider

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	aschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	eschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// describedAttribute is what every schema attribute of the framework offers.
type describedAttribute interface {
	GetMarkdownDescription() string
}

// nested reaches the attributes below a nested attribute, of any schema kind.
func nested(a any) map[string]describedAttribute {
	out := map[string]describedAttribute{}
	add := func(attrs map[string]describedAttribute) {
		for k, v := range attrs {
			out[k] = v
		}
	}
	switch n := a.(type) {
	case rschema.SingleNestedAttribute:
		add(described(n.Attributes))
	case rschema.ListNestedAttribute:
		add(described(n.NestedObject.Attributes))
	case rschema.MapNestedAttribute:
		add(described(n.NestedObject.Attributes))
	case rschema.SetNestedAttribute:
		add(described(n.NestedObject.Attributes))
	case dschema.SingleNestedAttribute:
		add(described(n.Attributes))
	case dschema.ListNestedAttribute:
		add(described(n.NestedObject.Attributes))
	case dschema.MapNestedAttribute:
		add(described(n.NestedObject.Attributes))
	case dschema.SetNestedAttribute:
		add(described(n.NestedObject.Attributes))
	case eschema.SingleNestedAttribute:
		add(described(n.Attributes))
	case eschema.ListNestedAttribute:
		add(described(n.NestedObject.Attributes))
	}
	return out
}

func described[A any](attrs map[string]A) map[string]describedAttribute {
	out := make(map[string]describedAttribute, len(attrs))
	for k, v := range attrs {
		if d, ok := any(v).(describedAttribute); ok {
			out[k] = d
		}
	}
	return out
}

// checkDescribed fails for every attribute, at any depth, without a
// description: the registry docs are generated from them.
func checkDescribed(t *testing.T, where string, attrs map[string]describedAttribute) {
	t.Helper()
	for name, a := range attrs {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s: attribute %q has no description", where, name)
		}
		checkDescribed(t, where+"."+name, nested(a))
	}
}

// TestSchemasAreDescribed walks the provider, every resource (and its
// identity), data source, ephemeral resource, function and action, and fails on anything undescribed.
func TestSchemasAreDescribed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p := New("test")()

	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	if ps.Schema.MarkdownDescription == "" {
		t.Error("the provider has no description")
	}
	checkDescribed(t, "provider", described[pschema.Attribute](ps.Schema.Attributes))

	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "mcp"}, &md)
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		if s.Schema.MarkdownDescription == "" {
			t.Errorf("resource %s has no description", md.TypeName)
		}
		checkDescribed(t, md.TypeName, described[rschema.Attribute](s.Schema.Attributes))
		if ri, ok := r.(resource.ResourceWithIdentity); ok {
			var is resource.IdentitySchemaResponse
			ri.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &is)
			checkDescribed(t, md.TypeName+" identity", described[identityschema.Attribute](is.IdentitySchema.Attributes))
		}
	}
	for _, newDataSource := range p.DataSources(ctx) {
		d := newDataSource()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "mcp"}, &md)
		var s datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &s)
		if s.Schema.MarkdownDescription == "" {
			t.Errorf("data source %s has no description", md.TypeName)
		}
		checkDescribed(t, md.TypeName, described[dschema.Attribute](s.Schema.Attributes))
	}
	for _, newEphemeral := range p.(provider.ProviderWithEphemeralResources).EphemeralResources(ctx) { //nolint:forcetypeassert // the provider has ephemeral resources
		e := newEphemeral()
		var md ephemeral.MetadataResponse
		e.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "mcp"}, &md)
		var s ephemeral.SchemaResponse
		e.Schema(ctx, ephemeral.SchemaRequest{}, &s)
		if s.Schema.MarkdownDescription == "" {
			t.Errorf("ephemeral resource %s has no description", md.TypeName)
		}
		checkDescribed(t, md.TypeName, described[eschema.Attribute](s.Schema.Attributes))
	}
	pf, ok := p.(provider.ProviderWithFunctions)
	if !ok {
		t.Fatal("the provider offers no functions")
	}
	for _, newFunction := range pf.Functions(ctx) {
		f := newFunction()
		var md function.MetadataResponse
		f.Metadata(ctx, function.MetadataRequest{}, &md)
		var d function.DefinitionResponse
		f.Definition(ctx, function.DefinitionRequest{}, &d)
		if d.Definition.Summary == "" || d.Definition.MarkdownDescription == "" {
			t.Errorf("function %s lacks a summary or description", md.Name)
		}
		params := d.Definition.Parameters
		if d.Definition.VariadicParameter != nil {
			params = append(params, d.Definition.VariadicParameter)
		}
		for _, param := range params {
			if param.GetMarkdownDescription() == "" {
				t.Errorf("function %s: parameter %q has no description", md.Name, param.GetName())
			}
		}
	}
	checkActionsDescribed(t, p)
}

// checkActionsDescribed is TestSchemasAreDescribed for actions.
func checkActionsDescribed(t *testing.T, p provider.Provider) {
	t.Helper()
	ctx := t.Context()
	pa, ok := p.(provider.ProviderWithActions)
	if !ok {
		t.Fatal("the provider offers no actions")
	}
	for _, newAction := range pa.Actions(ctx) {
		a := newAction()
		var md action.MetadataResponse
		a.Metadata(ctx, action.MetadataRequest{ProviderTypeName: "mcp"}, &md)
		var s action.SchemaResponse
		a.Schema(ctx, action.SchemaRequest{}, &s)
		if s.Schema.MarkdownDescription == "" {
			t.Errorf("action %s has no description", md.TypeName)
		}
		checkDescribed(t, md.TypeName, described[aschema.Attribute](s.Schema.Attributes))
	}
}

// moneyName matches the names of attributes that hold payment, banking or
// tax-ID details, word by word: Terraform must hide those in plans and
// output.
var moneyName = regexp.MustCompile(`(^|_)(payment|bank|routing|account|tax|ssn|ein|tin)(_|$)`)

// notMoney are names moneyName matches that hold no such detail.
var notMoney = map[string]string{
	"capacity_provider_account_code": "project44's code for a carrier's account on its network, not a bank account",
}

// unhiddenMoney lists, by path, the attributes of a protocol schema block
// whose names match moneyName and that are not sensitive, themselves or
// through an attribute above them.
func unhiddenMoney(where string, b *tfprotov6.SchemaBlock) []string {
	var out []string
	var walk func(where string, attrs []*tfprotov6.SchemaAttribute, hidden bool)
	walk = func(where string, attrs []*tfprotov6.SchemaAttribute, hidden bool) {
		for _, a := range attrs {
			path, sensitive := where+"."+a.Name, hidden || a.Sensitive
			if _, ok := notMoney[a.Name]; !ok && moneyName.MatchString(a.Name) && !sensitive {
				out = append(out, path)
			}
			if a.NestedType != nil {
				walk(path, a.NestedType.Attributes, sensitive)
			}
		}
	}
	walk(where, b.Attributes, false)
	for _, nb := range b.BlockTypes {
		out = append(out, unhiddenMoney(where+"."+nb.TypeName, nb.Block)...)
	}
	return out
}

// Every payment, bank and tax-ID attribute is sensitive, in every schema
// the provider serves, wherever it appears.
func TestSchemasHideMoney(t *testing.T) {
	t.Parallel()
	resp, err := NewServer("test")().GetProviderSchema(t.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	schemas := map[string]*tfprotov6.Schema{"provider": resp.Provider}
	for kind, m := range map[string]map[string]*tfprotov6.Schema{
		"resource": resp.ResourceSchemas, "data source": resp.DataSourceSchemas,
		"ephemeral resource": resp.EphemeralResourceSchemas, "list resource": resp.ListResourceSchemas,
	} {
		for name, s := range m {
			schemas[kind+" "+name] = s
		}
	}
	for name, s := range resp.ActionSchemas {
		schemas["action "+name] = s.Schema
	}
	for where, s := range schemas {
		for _, path := range unhiddenMoney(where, s.Block) {
			t.Errorf("%s is not sensitive: its name says it holds payment, bank or tax-ID details", path)
		}
	}
	if _, ok := schemas["ephemeral resource mcp_carrier_packet"]; !ok {
		t.Error("the provider serves no mcp_carrier_packet")
	}

	// The walk finds such an attribute however deep, unless something above
	// it is sensitive.
	leaf := &tfprotov6.SchemaAttribute{Name: "routing_number"}
	bank := func(sensitive bool) *tfprotov6.SchemaBlock {
		return &tfprotov6.SchemaBlock{Attributes: []*tfprotov6.SchemaAttribute{{
			Name: "packet", Sensitive: sensitive,
			NestedType: &tfprotov6.SchemaObject{Attributes: []*tfprotov6.SchemaAttribute{leaf}},
		}}}
	}
	if got := unhiddenMoney("x", bank(false)); !slices.Equal(got, []string{"x.packet.routing_number"}) {
		t.Errorf("unhiddenMoney found %v in a plain nested routing_number", got)
	}
	if got := unhiddenMoney("x", bank(true)); len(got) != 0 {
		t.Errorf("unhiddenMoney found %v under a sensitive attribute", got)
	}
}
