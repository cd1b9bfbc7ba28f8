package provider

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// listCarrier is one carriers value: nil means null.
type listCarrier struct{ docket, intrastate any }

// listValue builds a list resource value; carriers nil is a null state.
func listValue(t testing.TB, typ tftypes.Type, id, onDestroy any, carriers map[string]listCarrier) tftypes.Value {
	t.Helper()
	if carriers == nil {
		return tftypes.NewValue(typ, nil)
	}
	obj, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("a list resource's type is %s, not an object", typ)
	}
	mapType, ok := obj.AttributeTypes["carriers"].(tftypes.Map)
	if !ok {
		t.Fatalf("carriers is %s, not a map", obj.AttributeTypes["carriers"])
	}
	elems := map[string]tftypes.Value{}
	for k, c := range carriers {
		elems[k] = tftypes.NewValue(mapType.ElementType, map[string]tftypes.Value{
			"docket_number":     tftypes.NewValue(tftypes.String, c.docket),
			"intrastate_number": tftypes.NewValue(tftypes.String, c.intrastate),
		})
	}
	return tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":         tftypes.NewValue(tftypes.String, id),
		"on_destroy": tftypes.NewValue(tftypes.String, onDestroy),
		"carriers":   tftypes.NewValue(mapType, elems),
	})
}

// proposedNew is what Terraform core proposes: the configuration, with the
// prior value for every optional and computed attribute it leaves null.
func proposedNew(prior map[string]listCarrier, priorID, priorOnDestroy any, config map[string]listCarrier, onDestroy any) (map[string]listCarrier, any, any) {
	out := map[string]listCarrier{}
	for k, c := range config {
		p, had := prior[k]
		if c.docket == nil && had {
			c.docket = p.docket
		}
		if c.intrastate == nil && had {
			c.intrastate = p.intrastate
		}
		out[k] = c
	}
	if onDestroy == nil {
		onDestroy = priorOnDestroy
	}
	return out, priorID, onDestroy
}

// TestListPlanMatchesFramework: the list resources' own planning produces
// exactly the plan terraform-plugin-framework would, in every kind of case.
func TestListPlanMatchesFramework(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	framework := providerserver.NewProtocol6(New("test")())()
	ours := NewServer("test")()
	schema, err := framework.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	unknown := tftypes.UnknownValue
	for _, typeName := range []string{"mcp_monitoring_list", "mcp_block_list"} {
		typ := schema.ResourceSchemas[typeName].ValueType()
		listed := map[string]listCarrier{"100": {"MC100", nil}, "200": {"MC200", nil}, "300": {nil, "TX300"}}
		for name, tc := range map[string]struct {
			prior                 map[string]listCarrier
			config                map[string]listCarrier
			configOnDestroy       any
			priorID, priorDestroy any
		}{
			"create":                   {config: map[string]listCarrier{"100": {}, "200": {"MC200", nil}, "300": {nil, "TX300"}}},
			"create, clear on destroy": {config: map[string]listCarrier{"100": {}}, configOnDestroy: "clear"},
			"create, empty":            {config: map[string]listCarrier{}},
			"no change":                {prior: listed, config: map[string]listCarrier{"100": {}, "200": {}, "300": {}}, priorID: "x", priorDestroy: "keep"},
			"no change, as listed":     {prior: listed, config: map[string]listCarrier{"100": {"MC100", nil}, "200": {}, "300": {nil, "TX300"}}, priorID: "x", priorDestroy: "keep"},
			"add and remove":           {prior: listed, config: map[string]listCarrier{"100": {}, "400": {}, "500": {"MC500", nil}}, priorID: "x", priorDestroy: "keep"},
			"docket changes":           {prior: listed, config: map[string]listCarrier{"100": {"MC999", nil}, "200": {}, "300": {}}, priorID: "x", priorDestroy: "keep"},
			"unknown docket":           {prior: listed, config: map[string]listCarrier{"100": {unknown, nil}, "600": {unknown, nil}}, priorID: "x", priorDestroy: "keep"},
			"on_destroy changes":       {prior: listed, config: map[string]listCarrier{"100": {}, "200": {}, "300": {}}, configOnDestroy: "clear", priorID: "x", priorDestroy: "keep"},
			"emptied":                  {prior: listed, config: map[string]listCarrier{}, priorID: "x", priorDestroy: "clear"},
		} {
			t.Run(typeName+"/"+name, func(t *testing.T) {
				config := listValue(t, typ, nil, tc.configOnDestroy, tc.config)
				prior := listValue(t, typ, tc.priorID, tc.priorDestroy, tc.prior)
				proposedCarriers, id, onDestroy := proposedNew(tc.prior, tc.priorID, tc.priorDestroy, tc.config, tc.configOnDestroy)
				proposed := listValue(t, typ, id, onDestroy, proposedCarriers)
				req := &tfprotov6.PlanResourceChangeRequest{TypeName: typeName,
					Config: dynamic(t, typ, config), PriorState: dynamic(t, typ, prior), ProposedNewState: dynamic(t, typ, proposed)}
				want, err := framework.PlanResourceChange(ctx, req)
				if err != nil || len(want.Diagnostics) > 0 {
					t.Fatalf("framework: %v %v", err, want.Diagnostics)
				}
				got, err := ours.PlanResourceChange(ctx, req)
				if err != nil || len(got.Diagnostics) > 0 {
					t.Fatalf("ours: %v %v", err, got.Diagnostics)
				}
				wantValue, _ := want.PlannedState.Unmarshal(typ)
				gotValue, _ := got.PlannedState.Unmarshal(typ)
				if !wantValue.Equal(gotValue) {
					t.Errorf("planned state differs:\nframework %s\nours      %s", wantValue, gotValue)
				}
				if len(want.RequiresReplace) != len(got.RequiresReplace) {
					t.Errorf("requires replace: framework %v, ours %v", want.RequiresReplace, got.RequiresReplace)
				}
			})
		}
	}
}

func dynamic(t *testing.T, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	d, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// BenchmarkListPlan plans a change to a 50,000-carrier list: one carrier
// added. The framework takes minutes for this; the server's own planning
// must stay linear.
func BenchmarkListPlan(b *testing.B) {
	ctx := context.Background()
	server := NewServer("test")()
	schema, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	typ := schema.ResourceSchemas["mcp_monitoring_list"].ValueType()
	prior, config := map[string]listCarrier{}, map[string]listCarrier{}
	for i := range 50_000 {
		k := strconv.Itoa(1_000_000 + i)
		prior[k], config[k] = listCarrier{fmt.Sprintf("MC%d", i+1), nil}, listCarrier{}
	}
	config["999"] = listCarrier{}
	carriers, id, onDestroy := proposedNew(prior, "monitoring_list", "keep", config, nil)
	req := &tfprotov6.PlanResourceChangeRequest{TypeName: "mcp_monitoring_list",
		Config:           dynamicB(b, typ, listValue(b, typ, nil, nil, config)),
		PriorState:       dynamicB(b, typ, listValue(b, typ, "monitoring_list", "keep", prior)),
		ProposedNewState: dynamicB(b, typ, listValue(b, typ, id, onDestroy, carriers))}
	b.ResetTimer()
	for range b.N {
		if resp, err := server.PlanResourceChange(ctx, req); err != nil || len(resp.Diagnostics) > 0 {
			b.Fatal(err, resp.Diagnostics)
		}
	}
}

func dynamicB(b *testing.B, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	d, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		b.Fatal(err)
	}
	return &d
}
