package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Builders of the data sources' computed attributes: what MCP answers, each
// with its description and nothing to configure.

func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

// sensitiveString is a computed string Terraform hides in plans and output.
func sensitiveString(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true, Sensitive: true}
}

func computedInt64(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: desc, Computed: true}
}

func computedFloat64(desc string) schema.Float64Attribute {
	return schema.Float64Attribute{MarkdownDescription: desc, Computed: true}
}

func computedBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
}

// computedStrings is a list of strings.
func computedStrings(desc string) schema.ListAttribute {
	return schema.ListAttribute{MarkdownDescription: desc, Computed: true, ElementType: types.StringType}
}

// computedStringMap is a map of strings: at list scale, per-carrier facts
// are maps keyed by DOT number rather than objects, which Terraform
// converts in quadratic time (63 s for 50,000, against 2.4 s for strings).
func computedStringMap(desc string) schema.MapAttribute {
	return schema.MapAttribute{MarkdownDescription: desc, Computed: true, ElementType: types.StringType}
}

// computedObject is one nested object.
func computedObject(desc string, attrs map[string]schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{MarkdownDescription: desc, Computed: true, Attributes: attrs}
}

// computedObjects is a list of nested objects.
func computedObjects(desc string, attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{MarkdownDescription: desc, Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: attrs}}
}

// sensitiveNote ends the description of a sensitive nested attribute.
const sensitiveNote = " Sensitive, with everything in it: Terraform hides it in plans and output."

// sensitiveObject is a nested object Terraform hides in plans and output.
func sensitiveObject(desc string, attrs map[string]schema.Attribute) schema.SingleNestedAttribute {
	a := computedObject(desc+sensitiveNote, attrs)
	a.Sensitive = true
	return a
}

// sensitiveObjects is a list of nested objects Terraform hides in plans
// and output.
func sensitiveObjects(desc string, attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	a := computedObjects(desc+sensitiveNote, attrs)
	a.Sensitive = true
	return a
}
