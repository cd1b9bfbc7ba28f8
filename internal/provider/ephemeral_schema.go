package provider

import (
	"fmt"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	eschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
)

// ephemeralAttributes converts data source attributes into the same
// attributes of an ephemeral resource, so that an ephemeral resource
// returning what a data source reads shares its schema rather than copying
// it. The two packages' leaf attributes have the same fields; nested ones
// differ only in the type of their children.
func ephemeralAttributes(attrs map[string]dschema.Attribute) map[string]eschema.Attribute {
	out := make(map[string]eschema.Attribute, len(attrs))
	for name, a := range attrs {
		out[name] = ephemeralAttribute(a)
	}
	return out
}

func ephemeralAttribute(a dschema.Attribute) eschema.Attribute {
	switch a := a.(type) {
	case dschema.StringAttribute:
		return eschema.StringAttribute(a)
	case dschema.BoolAttribute:
		return eschema.BoolAttribute(a)
	case dschema.Int64Attribute:
		return eschema.Int64Attribute(a)
	case dschema.Float64Attribute:
		return eschema.Float64Attribute(a)
	case dschema.ListAttribute:
		return eschema.ListAttribute(a)
	case dschema.MapAttribute:
		return eschema.MapAttribute(a)
	case dschema.SingleNestedAttribute:
		return eschema.SingleNestedAttribute{
			Attributes: ephemeralAttributes(a.Attributes), CustomType: a.CustomType,
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
			Validators: a.Validators,
		}
	case dschema.ListNestedAttribute:
		return eschema.ListNestedAttribute{
			NestedObject: eschema.NestedAttributeObject{
				Attributes: ephemeralAttributes(a.NestedObject.Attributes), CustomType: a.NestedObject.CustomType,
				Validators: a.NestedObject.Validators,
			},
			CustomType: a.CustomType,
			Required:   a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
			Validators: a.Validators,
		}
	}
	// Only a schema change can get here, and every test that asks for the
	// schema (TestSchemasAreDescribed, TestEphemeralAttributes) fails on it.
	panic(fmt.Sprintf("ephemeralAttribute: no ephemeral form of %T", a))
}
