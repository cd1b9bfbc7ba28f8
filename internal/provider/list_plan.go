package provider

import (
	"context"
	"fmt"
	"maps"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// NewServer is the provider's protocol 6 server: the framework's, except
// that it plans the list resources itself.
//
// terraform-plugin-framework v1.19 plans a map nested attribute in
// quadratic time: for every element it copies the whole map twice
// (fwserver's mapElemObject calls MapValue.Elements()), so planning an
// mcp_monitoring_list of 50,000 carriers takes about 17 minutes however
// little changed. The plan of a list resource is simple enough to compute
// directly, in linear time: TestListPlanMatchesFramework checks it is
// exactly what the framework would plan.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		p := &mcpProvider{version: version}
		return &listPlanServer{ProviderServer: providerserver.NewProtocol6(p)(), provider: p}
	}
}

// listPlanServer delegates everything but the plans of list resources.
type listPlanServer struct {
	tfprotov6.ProviderServer
	provider *mcpProvider

	once  sync.Once
	kinds map[string]listKind     // list resource type -> kind
	types map[string]tftypes.Type // list resource type -> value type
	err   error
}

// lists learns the list resources and their value types once.
func (s *listPlanServer) lists(ctx context.Context) error {
	s.once.Do(func() {
		s.kinds, s.types = map[string]listKind{}, map[string]tftypes.Type{}
		for _, newResource := range s.provider.Resources(ctx) {
			if r, ok := newResource().(*carrierListResource); ok {
				s.kinds["mcp_"+r.kind.typeName] = r.kind
			}
		}
		resp, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil {
			s.err = err
			return
		}
		for name := range s.kinds {
			s.types[name] = resp.ResourceSchemas[name].ValueType()
		}
	})
	return s.err
}

func (s *listPlanServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	if err := s.lists(ctx); err != nil {
		return nil, err
	}
	kind, ok := s.kinds[req.TypeName]
	if !ok {
		return s.ProviderServer.PlanResourceChange(ctx, req)
	}
	typ := s.types[req.TypeName]
	proposed, err := req.ProposedNewState.Unmarshal(typ)
	if err != nil {
		return nil, err
	}
	config, err := req.Config.Unmarshal(typ)
	if err != nil {
		return nil, err
	}
	var configAttrs map[string]tftypes.Value
	if proposed.IsNull() || config.As(&configAttrs) != nil || !configAttrs["carriers"].IsFullyKnown() {
		// Destroying, or a map that is not known yet: nothing for the
		// framework to walk element by element.
		return s.ProviderServer.PlanResourceChange(ctx, req)
	}
	prior := tftypes.NewValue(typ, nil)
	if req.PriorState != nil {
		if prior, err = req.PriorState.Unmarshal(typ); err != nil {
			return nil, err
		}
	}
	planned, plannedKeys, err := planList(typ, prior, proposed, config)
	if err != nil {
		return nil, err
	}
	state, err := tfprotov6.NewDynamicValue(typ, planned)
	if err != nil {
		return nil, err
	}
	r := &carrierListResource{kind: kind, data: s.provider.data.Load()}
	return &tfprotov6.PlanResourceChangeResponse{
		PlannedState:   &state,
		PlannedPrivate: req.PriorPrivate,
		Diagnostics:    protoDiagnostics(r.planWarnings(ctx, plannedKeys, prior.IsNull())),
	}, nil
}

// planList is the plan of a list resource, as the framework computes it
// from the schema: id kept from state (UseStateForUnknown) or unknown;
// on_destroy defaulting to "keep"; and for each carrier, a docket or
// intrastate number the configuration leaves out is what MCP lists for a
// carrier already on the list (keepListedValue), or unknown for one being
// added. It returns the planned value and its carriers' keys.
func planList(typ tftypes.Type, prior, proposed, config tftypes.Value) (tftypes.Value, map[string]bool, error) {
	var plan, cfg, old map[string]tftypes.Value
	if err := proposed.As(&plan); err != nil {
		return tftypes.Value{}, nil, err
	}
	if err := config.As(&cfg); err != nil {
		return tftypes.Value{}, nil, err
	}
	if !prior.IsNull() {
		if err := prior.As(&old); err != nil {
			return tftypes.Value{}, nil, err
		}
	}
	plan = maps.Clone(plan)

	if old != nil {
		plan["id"] = old["id"]
	} else {
		plan["id"] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	}
	if cfg["on_destroy"].IsNull() {
		plan["on_destroy"] = tftypes.NewValue(tftypes.String, onDestroyKeep)
	}

	var proposedCarriers, configCarriers, priorCarriers map[string]tftypes.Value
	if err := plan["carriers"].As(&proposedCarriers); err != nil {
		return tftypes.Value{}, nil, err
	}
	if err := cfg["carriers"].As(&configCarriers); err != nil {
		return tftypes.Value{}, nil, err
	}
	if old != nil && !old["carriers"].IsNull() {
		if err := old["carriers"].As(&priorCarriers); err != nil {
			return tftypes.Value{}, nil, err
		}
	}
	mapType, ok := plan["carriers"].Type().(tftypes.Map)
	if !ok {
		return tftypes.Value{}, nil, fmt.Errorf("carriers is a %s, not a map", plan["carriers"].Type())
	}
	keys := make(map[string]bool, len(proposedCarriers))
	carriers := make(map[string]tftypes.Value, len(proposedCarriers))
	for key, elem := range proposedCarriers {
		keys[key] = true
		var attrs, configured, listed map[string]tftypes.Value
		if err := elem.As(&attrs); err != nil {
			return tftypes.Value{}, nil, err
		}
		if err := configCarriers[key].As(&configured); err != nil {
			return tftypes.Value{}, nil, err
		}
		if p, ok := priorCarriers[key]; ok && !p.IsNull() {
			if err := p.As(&listed); err != nil {
				return tftypes.Value{}, nil, err
			}
		}
		attrs = maps.Clone(attrs)
		for name, value := range configured {
			switch {
			case !value.IsNull():
				attrs[name] = value
			case listed != nil:
				attrs[name] = listed[name]
			default:
				attrs[name] = tftypes.NewValue(value.Type(), tftypes.UnknownValue)
			}
		}
		carriers[key] = tftypes.NewValue(mapType.ElementType, attrs)
	}
	plan["carriers"] = tftypes.NewValue(mapType, carriers)
	return tftypes.NewValue(typ, plan), keys, nil
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

// attributePath converts a top-level attribute path; list resources report
// nothing deeper.
func attributePath(p path.Path) *tftypes.AttributePath {
	steps := p.Steps()
	if len(steps) == 0 {
		return nil
	}
	name, ok := steps[0].(path.PathStepAttributeName)
	if !ok {
		return nil
	}
	return tftypes.NewAttributePath().WithAttributeName(string(name))
}
