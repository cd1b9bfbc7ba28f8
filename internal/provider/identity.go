package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Resource identity (Terraform 1.12+, OpenTofu 1.12+), shared by the
// per-carrier resources and mcp_carrier_invitation.

// importingByIdentity reports whether an import block named the resource by
// its identity rather than by an import ID.
func importingByIdentity(req resource.ImportStateRequest) bool {
	return req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull()
}

// identityError is an import identity attribute that names no carrier.
type identityError struct {
	attribute string
	err       error
}

// report adds the error, naming the attribute and the accepted form.
func (e *identityError) report(diags *diag.Diagnostics, format string) {
	diags.AddError(fmt.Sprintf("Invalid %s in import identity", e.attribute),
		fmt.Sprintf("The identity attribute %s is not valid: %v.\n\nExpected %s.", e.attribute, e.err, format))
}

// setIdentity records the identity, replacing any: after Create, and after
// an import, whose identity may leave out what MCP fills in.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, v any) diag.Diagnostics {
	if identity == nil { // only when called outside the framework
		return nil
	}
	return identity.Set(ctx, v)
}

// keepIdentity records the identity after Read and Update unless another is
// stored: an identity never changes for the life of a resource (the
// framework refuses a change as a provider bug). MCP could come to list a
// carrier under another docket, or an addition could be recorded before MCP
// confirmed the docket; the id then follows MCP and the identity, which
// still names the same DOT number, stays as it was.
func keepIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, v any) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	// Called once per carrier in a refresh: a flat model, not reflection.
	next, err := flatValue(ctx, identity.Schema.Type().TerraformType(ctx), v)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to record the resource identity", err.Error()+"\n\nThis is always a bug in the provider.")
		return diags
	}
	if !identity.Raw.IsFullyNull() && !identity.Raw.Equal(next) {
		tflog.Warn(ctx, "keeping the resource identity stored when the resource was created or imported", map[string]any{
			"stored": identity.Raw.String(), "now": next.String(),
		})
		return nil
	}
	identity.Raw = next
	return nil
}
