package provider

import (
	"context"
	"fmt"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
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

// keyer is a model whose arguments name a carrier (and for an invitation,
// an address).
type keyer[K any] interface{ key() (K, error) }

// keyOf reads the key of a plan or a state. Its arguments were validated
// at plan time, so a failure means a plan or state this provider did not
// write; it is reported on dot_number, naming where it came from.
func keyOf[K any](m keyer[K], from string, diags *diag.Diagnostics) (K, bool) {
	k, err := m.key()
	if err != nil {
		diags.AddAttributeError(path.Root("dot_number"), "Invalid dot_number in "+from, err.Error())
		return k, false
	}
	return k, true
}

// identityKeyer is a resource identity model that names a key.
type identityKeyer[K any] interface{ key() (K, *identityError) }

// importedKey reads the key an import names: an import block's identity
// (Terraform 1.12+, OpenTofu 1.12+), checked as an import ID is and
// reported on the attribute at fault against format, or an import ID,
// read by parseID.
func importedKey[K any, I identityKeyer[K]](ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics,
	parseID func(string) (K, error), format string) (K, bool) {
	var k K
	if importingByIdentity(req) {
		var identity I
		diags.Append(req.Identity.Get(ctx, &identity)...)
		if diags.HasError() {
			return k, false
		}
		k, ierr := identity.key()
		if ierr != nil {
			ierr.report(diags, format)
			return k, false
		}
		return k, true
	}
	k, err := parseID(req.ID)
	if err != nil {
		diags.AddError("Invalid import ID", err.Error())
		return k, false
	}
	return k, true
}

// identityCarrier reads the DOT number and the optional docket number of an
// import identity, with the checks an import ID gets.
func identityCarrier(dot, docket types.String) (int, string, *identityError) {
	n, err := carrierid.ParseDOT(dot.ValueString())
	if err != nil {
		return 0, "", &identityError{"dot_number", err}
	}
	if docket.IsNull() {
		return n, "", nil
	}
	if err := carrierid.CheckDocket(docket.ValueString()); err != nil {
		return 0, "", &identityError{"docket_number", err}
	}
	return n, docket.ValueString(), nil
}
