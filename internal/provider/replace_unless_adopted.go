package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// adoptedKey marks, in private state, a resource that was imported rather
// than created: arguments MCP cannot report are null in its state.
const adoptedKey = "adopted"

// privateSetter is the private state of a response (import, create, update).
type privateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// markAdopted records that the resource was imported.
func markAdopted(ctx context.Context, p privateSetter) diag.Diagnostics {
	return p.SetKey(ctx, adoptedKey, []byte("true"))
}

type privateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// replaceUnlessAdopted is RequiresReplace for an argument that MCP cannot
// report back, except when the resource was imported and the argument is
// still null in state: the configuration then only fills in what the import
// could not know, and the resource is updated in place. Without this, the
// first plan after importing an invitation would send it again.
type replaceUnlessAdopted struct{}

var (
	_ planmodifier.String = replaceUnlessAdopted{}
	_ planmodifier.Bool   = replaceUnlessAdopted{}
	_ planmodifier.List   = replaceUnlessAdopted{}
	_ planmodifier.Map    = replaceUnlessAdopted{}
)

func (replaceUnlessAdopted) Description(context.Context) string {
	return "Changing the value replaces the resource, except when filling in a value an import could not read."
}

func (m replaceUnlessAdopted) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

// decide is the rule shared by every attribute type.
func (replaceUnlessAdopted) decide(ctx context.Context, creatingOrDestroying, equal, stateNull bool, private privateGetter) (bool, diag.Diagnostics) {
	if creatingOrDestroying || equal {
		return false, nil
	}
	if stateNull { // GetKey is nil-safe
		v, diags := private.GetKey(ctx, adoptedKey)
		if diags.HasError() {
			return false, diags
		}
		if string(v) == "true" {
			return false, nil
		}
	}
	return true, nil
}

func (m replaceUnlessAdopted) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.decide(ctx, req.State.Raw.IsNull() || req.Plan.Raw.IsNull(),
		req.PlanValue.Equal(req.StateValue), req.StateValue.IsNull(), req.Private)
}

func (m replaceUnlessAdopted) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.decide(ctx, req.State.Raw.IsNull() || req.Plan.Raw.IsNull(),
		req.PlanValue.Equal(req.StateValue), req.StateValue.IsNull(), req.Private)
}

func (m replaceUnlessAdopted) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.decide(ctx, req.State.Raw.IsNull() || req.Plan.Raw.IsNull(),
		sameList(req.PlanValue, req.StateValue), req.StateValue.IsNull(), req.Private)
}

// sameList counts an empty list and null as equal: both ask MCP for
// nothing, so changing one for the other must not send anything again.
func sameList(a, b types.List) bool {
	none := func(l types.List) bool { return !l.IsUnknown() && len(l.Elements()) == 0 }
	return a.Equal(b) || none(a) && none(b)
}

func (m replaceUnlessAdopted) PlanModifyMap(ctx context.Context, req planmodifier.MapRequest, resp *planmodifier.MapResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.decide(ctx, req.State.Raw.IsNull() || req.Plan.Raw.IsNull(),
		req.PlanValue.Equal(req.StateValue), req.StateValue.IsNull(), req.Private)
}
