package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	aschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
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
// identity), data source, function and action, and fails on anything undescribed.
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
