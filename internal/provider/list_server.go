package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierstate/terraform-provider-mcp/internal/listwire"
)

// listServer delegates everything but the hot paths of list resources.
type listServer struct {
	frameworkServer
	provider *mcpProvider
	stop     context.CancelFunc // cancels provider.stopped

	once  sync.Once
	kinds map[string]listKind // list resource type -> kind
}

// StopProvider is Terraform stopping the provider (on an interrupt).
// terraform-plugin-go cancels the calls in flight; the provider's MCP
// client also starts no request after it, for calls Terraform makes after
// the stop arrive with contexts of their own.
func (s *listServer) StopProvider(ctx context.Context, req *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	if s.stop != nil {
		s.stop()
	}
	return s.frameworkServer.StopProvider(ctx, req)
}

// list is the kind of a list resource type, if it is one.
func (s *listServer) list(ctx context.Context, typeName string) (listKind, bool) {
	s.once.Do(func() {
		s.kinds = map[string]listKind{}
		for _, newResource := range s.provider.Resources(ctx) {
			if r, ok := newResource().(*carrierListResource); ok {
				s.kinds["mcp_"+r.kind.typeName] = r.kind
			}
		}
	})
	kind, ok := s.kinds[typeName]
	return kind, ok
}

// resource is the list resource of a kind, configured as the framework
// configures its resources.
func (s *listServer) resource(kind listKind) *carrierListResource {
	return &carrierListResource{kind: kind, data: s.provider.data.Load()}
}

// ValidateResourceConfig checks each entry of carriers, selected_carriers
// and reasons with the same validators the schema declares, then lets the
// framework validate the rest of the configuration with those maps emptied.
func (s *listServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	if _, ok := s.list(ctx, req.TypeName); !ok || req.Config == nil || req.Config.MsgPack == nil {
		return s.frameworkServer.ValidateResourceConfig(ctx, req)
	}
	config, err := listwire.DecodeMsgPack(req.Config.MsgPack)
	if err != nil || config.Null || config.Carriers.Elems == nil {
		return s.frameworkServer.ValidateResourceConfig(ctx, req)
	}
	diags := validateCarriers(ctx, "carriers", config.Carriers)
	diags.Append(validateCarriers(ctx, "selected_carriers", config.Selected)...)
	diags.Append(validateReasons(ctx, config.Reasons)...)
	for _, m := range []*listwire.Map{&config.Carriers, &config.Selected, &config.Reasons} {
		if m.Elems != nil {
			m.Elems = map[string]listwire.String{}
		}
	}
	rest, err := config.MsgPack()
	if err != nil {
		return nil, err
	}
	resp, err := s.frameworkServer.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{
		TypeName: req.TypeName, Config: &tfprotov6.DynamicValue{MsgPack: rest}, ClientCapabilities: req.ClientCapabilities,
	})
	if err != nil {
		return nil, err
	}
	resp.Diagnostics = append(protoDiagnostics(diags), resp.Diagnostics...)
	return resp, nil
}

// validateCarriers runs the validators of carriers (or selected_carriers,
// which has the same) on each entry, as mapvalidator.KeysAre and
// ValueStringsAre would.
func validateCarriers(ctx context.Context, attribute string, m listwire.Map) diag.Diagnostics {
	var diags diag.Diagnostics
	root := path.Root(attribute)
	for k, v := range m.Elems {
		p := root.AtMapKey(k)
		diags.Append(checkString(ctx, dotNumberValidator, p, listwire.Known(k))...)
		diags.Append(checkString(ctx, listValueValidator, p, v)...)
	}
	return diags
}

// validateReasons runs the validator of reasons' keys.
func validateReasons(ctx context.Context, m listwire.Map) diag.Diagnostics {
	var diags diag.Diagnostics
	for k := range m.Elems {
		diags.Append(checkString(ctx, dotNumberValidator, path.Root("reasons").AtMapKey(k), listwire.Known(k))...)
	}
	return diags
}

// checkString runs one string validator on a known value.
func checkString(ctx context.Context, v validator.String, p path.Path, s listwire.String) diag.Diagnostics {
	if s.Null || s.Unknown {
		return nil
	}
	req := validator.StringRequest{Path: p, PathExpression: p.Expression(), ConfigValue: types.StringValue(s.Value)}
	var resp validator.StringResponse
	v.ValidateString(ctx, req, &resp)
	return resp.Diagnostics
}

// UpgradeResourceState reads a list resource's state from its JSON; the
// schema has one version, so there is nothing to change.
func (s *listServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	if _, ok := s.list(ctx, req.TypeName); !ok || req.Version != 0 || req.RawState == nil || req.RawState.JSON == nil {
		return s.frameworkServer.UpgradeResourceState(ctx, req)
	}
	state, err := listwire.DecodeJSON(req.RawState.JSON)
	if err != nil {
		// Not this schema's shape: the framework reports it.
		return s.frameworkServer.UpgradeResourceState(ctx, req)
	}
	b, err := state.MsgPack()
	if err != nil {
		return nil, err
	}
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &tfprotov6.DynamicValue{MsgPack: b}}, nil
}

// ReadResource refreshes a list resource: what MCP's list holds now.
func (s *listServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	kind, ok := s.list(ctx, req.TypeName)
	if !ok || req.CurrentState == nil || req.CurrentState.MsgPack == nil {
		return s.frameworkServer.ReadResource(ctx, req)
	}
	current, err := listwire.DecodeMsgPack(req.CurrentState.MsgPack)
	if err != nil || current.Null {
		return s.frameworkServer.ReadResource(ctx, req)
	}
	r := s.resource(kind)
	if r.data == nil {
		return s.frameworkServer.ReadResource(ctx, req) // unconfigured: the framework says so
	}
	state, drift, diags := r.read(ctx, current)
	resp := &tfprotov6.ReadResourceResponse{NewState: req.CurrentState, Private: req.Private, Diagnostics: protoDiagnostics(diags)}
	if diags.HasError() {
		return resp, nil
	}
	b, err := state.MsgPack()
	if err != nil {
		return nil, err
	}
	resp.NewState = &tfprotov6.DynamicValue{MsgPack: b}
	resp.Private = withPrivateKey(req.Private, privateDrift, drift.encode())
	resp.NewIdentity, err = listIdentity(kind.id)
	return resp, err
}

// listIdentityType is the type of a list resource's identity.
var listIdentityType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}

// listIdentity is a list resource's identity with the given id, or null
// for "".
func listIdentity(id string) (*tfprotov6.ResourceIdentityData, error) {
	v := tftypes.NewValue(listIdentityType, nil)
	if id != "" {
		v = tftypes.NewValue(listIdentityType, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, id)})
	}
	d, err := tfprotov6.NewDynamicValue(listIdentityType, v)
	if err != nil {
		return nil, err
	}
	return &tfprotov6.ResourceIdentityData{IdentityData: &d}, nil
}

// PlanResourceChange plans a list resource as the framework would from its
// schema: carriers as configured (a required map of strings); id kept from
// state (UseStateForUnknown) or unknown; on_destroy and unmanaged_carriers
// defaulting; then plan completes it, as ModifyPlan does on the
// framework's path. A destroy, or a map not known yet, goes to the
// framework.
func (s *listServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	kind, ok := s.list(ctx, req.TypeName)
	if !ok || req.Config == nil || req.Config.MsgPack == nil || req.ProposedNewState == nil || req.ProposedNewState.MsgPack == nil {
		return s.frameworkServer.PlanResourceChange(ctx, req)
	}
	proposed, err := listwire.DecodeMsgPack(req.ProposedNewState.MsgPack)
	if err != nil || proposed.Null || !proposed.Carriers.FullyKnown() || !proposed.Selected.FullyKnown() || !proposed.Reasons.FullyKnown() {
		return s.frameworkServer.PlanResourceChange(ctx, req)
	}
	config, err := listwire.DecodeMsgPack(req.Config.MsgPack)
	if err != nil {
		return nil, fmt.Errorf("reading the configuration: %w", err)
	}
	prior := listwire.Value{Null: true}
	if req.PriorState != nil && req.PriorState.MsgPack != nil {
		if prior, err = listwire.DecodeMsgPack(req.PriorState.MsgPack); err != nil {
			return nil, fmt.Errorf("reading the prior state: %w", err)
		}
	}
	r := s.resource(kind)
	drift := decodeDrift(privateKey(req.PriorPrivate, privateDrift))
	planned, removal, diags := r.plan(ctx, prior, planList(kind, prior, proposed, config), drift)
	b, err := planned.MsgPack()
	if err != nil {
		return nil, err
	}
	private := withPrivateKey(req.PriorPrivate, privateDrift, nil)
	// The planned identity is the prior one, as the framework plans it.
	identity := req.PriorIdentity
	if identity == nil {
		if identity, err = listIdentity(""); err != nil {
			return nil, err
		}
	}
	return &tfprotov6.PlanResourceChangeResponse{
		PlannedState:    &tfprotov6.DynamicValue{MsgPack: b},
		PlannedPrivate:  withPrivateKey(private, privateRemoval, encodeRemoval(removal)),
		PlannedIdentity: identity,
		Diagnostics:     protoDiagnostics(diags),
	}, nil
}

// planList is the planned value of a list resource before plan completes
// it: what the framework makes of the schema.
func planList(kind listKind, prior, proposed, config listwire.Value) listwire.Value {
	plan := proposed
	plan.ID = listwire.String{Unknown: true}
	if !prior.Null {
		plan.ID = prior.ID
	}
	if config.OnDestroy.Null {
		plan.OnDestroy = listwire.Known(onDestroyKeep)
	}
	if config.UnmanagedCarriers.Null {
		plan.UnmanagedCarriers = listwire.Known(kind.defaultPolicy)
	}
	return plan
}

// ApplyResourceChange hands the framework's Create the carriers its plan
// takes off the list, which the framework does not pass a create.
func (s *listServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	if _, ok := s.list(ctx, req.TypeName); ok {
		ctx = withPlannedRemoval(ctx, req.PlannedPrivate)
	}
	return s.frameworkServer.ApplyResourceChange(ctx, req)
}

// protoDiagnostics converts framework diagnostics for a protocol response.
func protoDiagnostics(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		p := &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityWarning, Summary: d.Summary(), Detail: d.Detail()}
		if d.Severity() == diag.SeverityError {
			p.Severity = tfprotov6.DiagnosticSeverityError
		}
		if withPath, ok := d.(diag.DiagnosticWithPath); ok {
			p.Attribute = attributePath(withPath.Path())
		}
		out = append(out, p)
	}
	return out
}

// attributePath converts the paths list resources report: an attribute,
// or an element of carriers.
func attributePath(p path.Path) *tftypes.AttributePath {
	var out *tftypes.AttributePath
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			out = tftypes.NewAttributePath().WithAttributeName(string(s))
		case path.PathStepElementKeyString:
			if out == nil {
				return nil
			}
			out = out.WithElementKeyString(string(s))
		default:
			return out
		}
	}
	return out
}
