package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
)

// listAttrs are the attributes of a list resource value. Map values are
// a string, nil for null, or tftypes.UnknownValue; a nil map is null, and
// so is a nil string attribute.
type listAttrs struct {
	id, onDestroy, policy                  any
	carriers, unmanaged, selected, reasons map[string]any
}

func (a listAttrs) value(typ tftypes.Type) tftypes.Value {
	mapType := tftypes.Map{ElementType: tftypes.String}
	toMap := func(m map[string]any) tftypes.Value {
		if m == nil {
			return tftypes.NewValue(mapType, nil)
		}
		elems := map[string]tftypes.Value{}
		for k, v := range m {
			elems[k] = tftypes.NewValue(tftypes.String, v)
		}
		return tftypes.NewValue(mapType, elems)
	}
	return tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":                 tftypes.NewValue(tftypes.String, a.id),
		"on_destroy":         tftypes.NewValue(tftypes.String, a.onDestroy),
		"carriers":           toMap(a.carriers),
		"unmanaged":          toMap(a.unmanaged),
		"unmanaged_carriers": tftypes.NewValue(tftypes.String, a.policy),
		"selected_carriers":  toMap(a.selected),
		"reasons":            toMap(a.reasons),
	})
}

// listValue is a list resource value with unmanaged and unmanaged_carriers
// null.
func listValue(typ tftypes.Type, id, onDestroy any, carriers map[string]any) tftypes.Value {
	return listAttrs{id: id, onDestroy: onDestroy, carriers: carriers}.value(typ)
}

// servers are the framework's own server and ours, each configured against
// the emulator when em is not nil.
func servers(t testing.TB, em *emulator.Instance) (framework, ours tfprotov6.ProviderServer) {
	t.Helper()
	framework, ours = providerserver.NewProtocol6(New("test")())(), NewServer("test")()
	if em == nil {
		return framework, ours
	}
	ctx := context.Background()
	user, pass := em.Credentials()
	for _, s := range []tfprotov6.ProviderServer{framework, ours} {
		schema, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil {
			t.Fatal(err)
		}
		typ := schema.Provider.ValueType()
		attrs := map[string]tftypes.Value{}
		for name, at := range typ.(tftypes.Object).AttributeTypes { //nolint:forcetypeassert // a schema's type is an object
			attrs[name] = tftypes.NewValue(at, nil)
		}
		attrs["base_url"] = tftypes.NewValue(tftypes.String, em.URL)
		attrs["username"] = tftypes.NewValue(tftypes.String, user)
		attrs["password"] = tftypes.NewValue(tftypes.String, pass)
		resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: dynamic(t, typ, tftypes.NewValue(typ, attrs))})
		if err != nil || len(resp.Diagnostics) > 0 {
			t.Fatal(err, resp.Diagnostics)
		}
	}
	return framework, ours
}

func listType(t testing.TB, s tfprotov6.ProviderServer, typeName string) tftypes.Type {
	t.Helper()
	schema, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	return schema.ResourceSchemas[typeName].ValueType()
}

// sameValue fails unless two encoded values are equal.
func sameValue(t *testing.T, typ tftypes.Type, framework, ours *tfprotov6.DynamicValue) {
	t.Helper()
	want, err := framework.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ours.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if !want.Equal(got) {
		t.Errorf("values differ:\nframework %s\nours      %s", want, got)
	}
}

// sameIdentity fails unless two list resource identities are equal.
func sameIdentity(t *testing.T, framework, ours *tfprotov6.ResourceIdentityData) {
	t.Helper()
	if framework == nil || ours == nil {
		if framework != ours {
			t.Errorf("identity: framework %v, ours %v", framework, ours)
		}
		return
	}
	sameValue(t, listIdentityType, framework.IdentityData, ours.IdentityData)
}

// sameDiagnostics fails unless two responses carry the same diagnostics, in
// any order.
func sameDiagnostics(t *testing.T, framework, ours []*tfprotov6.Diagnostic) {
	t.Helper()
	if want, got := text(framework), text(ours); !slices.Equal(want, got) {
		t.Errorf("diagnostics differ:\nframework %q\nours      %q", want, got)
	}
}

// text is diagnostics as sorted strings.
func text(diags []*tfprotov6.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%s|%s|%s|%v", d.Severity, d.Summary, d.Detail, d.Attribute))
	}
	slices.Sort(out)
	return out
}

var listTypes = []string{"mcp_monitoring_list", "mcp_block_list"}

// errorsOf is the errors among a response's diagnostics.
func errorsOf(diags []*tfprotov6.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			out = append(out, d.Summary+": "+d.Detail)
		}
	}
	return out
}

// callBoth makes the same call on the framework's server and on ours.
func callBoth[R any](t *testing.T, framework, ours tfprotov6.ProviderServer, call func(tfprotov6.ProviderServer) (R, error)) (want, got R) {
	t.Helper()
	want, err := call(framework)
	if err != nil {
		t.Fatal(err)
	}
	if got, err = call(ours); err != nil {
		t.Fatal(err)
	}
	return want, got
}

// TestListServerMatchesFramework: listServer validates, upgrades, reads and
// plans the list resources exactly as terraform-plugin-framework would.
func TestListServerMatchesFramework(t *testing.T) {
	t.Parallel()
	em := emulatortest.Start(t, emulator.Options{Carriers: 500})
	onList := []emulator.CarrierInfo{}
	for _, kind := range []string{emulator.KindMC, emulator.KindIntrastate} {
		cs, err := em.Carriers(emulator.CarrierFilter{Kind: kind, Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		onList = append(onList, cs...)
	}
	dots := make([]int, len(onList))
	for i, c := range onList {
		dots[i] = c.DOTNumber
	}
	if err := em.Monitor(dots...); err != nil {
		t.Fatal(err)
	}
	if err := em.Block(dots...); err != nil {
		t.Fatal(err)
	}
	framework, ours := servers(t, em)
	ctx := context.Background()
	unknown := tftypes.UnknownValue
	mc, mc2, intra, intra2 := onList[0], onList[1], onList[2], onList[3]
	key := func(c emulator.CarrierInfo) string { return strconv.Itoa(c.DOTNumber) }

	for _, typeName := range listTypes {
		typ := listType(t, framework, typeName)

		t.Run(typeName+"/validate", func(t *testing.T) {
			for name, config := range map[string]tftypes.Value{
				"valid":          listValue(typ, nil, nil, map[string]any{"23868": "MC113843", "7": "", "8": nil, "9": "TX-1", "10": unknown}),
				"bad keys":       listValue(typ, nil, nil, map[string]any{"abc": "", "0": "MC1", "023868": ""}),
				"bad values":     listValue(typ, nil, nil, map[string]any{"1": "mc113843", "2": "MC 1", "3": "tx1", "4": "MC1x"}),
				"bad on_destroy": listValue(typ, nil, "delete", map[string]any{"abc": ""}),
				"null carriers":  listValue(typ, nil, nil, nil),
				"bad policy":     listAttrs{policy: "ignore", carriers: map[string]any{"1": ""}}.value(typ),
				"unmanaged set":  listAttrs{carriers: map[string]any{"1": ""}, unmanaged: map[string]any{"2": ""}}.value(typ),
				"selection": listAttrs{carriers: map[string]any{"1": ""}, selected: map[string]any{"2": "MC2", "3": unknown},
					reasons: map[string]any{"2": "insurance expired", "3": unknown}}.value(typ),
				"bad selection": listAttrs{carriers: map[string]any{"1": ""}, selected: map[string]any{"x": "MC2", "3": "mc3"},
					reasons: map[string]any{"0": "why", "abc": ""}}.value(typ),
				"unknown carriers": tftypes.NewValue(typ, map[string]tftypes.Value{
					"id": tftypes.NewValue(tftypes.String, nil), "on_destroy": tftypes.NewValue(tftypes.String, "clear"),
					"carriers":          tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, unknown),
					"selected_carriers": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, unknown),
					"reasons":           tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, nil),
					"unmanaged":         tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, nil), "unmanaged_carriers": tftypes.NewValue(tftypes.String, nil)}),
			} {
				req := &tfprotov6.ValidateResourceConfigRequest{TypeName: typeName, Config: dynamic(t, typ, config)}
				want, got := callBoth(t, framework, ours, func(s tfprotov6.ProviderServer) (*tfprotov6.ValidateResourceConfigResponse, error) {
					return s.ValidateResourceConfig(ctx, req)
				})
				t.Run(name, func(t *testing.T) { sameDiagnostics(t, want.Diagnostics, got.Diagnostics) })
				if (name == "valid" || name == "selection") && len(got.Diagnostics) > 0 || name == "bad values" && len(got.Diagnostics) != 4 ||
					name == "bad selection" && len(got.Diagnostics) != 4 {
					t.Errorf("%s: %d diagnostics", name, len(got.Diagnostics))
				}
			}
		})

		t.Run(typeName+"/upgrade", func(t *testing.T) {
			for name, state := range map[string]string{
				"state":         `{"carriers":{"23868":"MC113843","7":"","8":null},"id":"x","on_destroy":"keep"}`,
				"imported":      `{"carriers":null,"id":"x","on_destroy":"keep"}`,
				"older, extras": `{"carriers":{"1":"MC1"},"id":"x","removed_attribute":true}`,
				"with policy":   `{"carriers":{"1":"MC1"},"id":"x","on_destroy":"keep","unmanaged":{"2":""},"unmanaged_carriers":"keep"}`,
				"with selection": `{"carriers":{},"id":"x","on_destroy":"keep","unmanaged":{},"unmanaged_carriers":"remove",` +
					`"selected_carriers":{"1":"MC1","2":""},"reasons":{"1":"insurance expired"}}`,
				"object values": `{"carriers":{"1":{"docket_number":"MC1"}},"id":"x","on_destroy":"keep"}`,
			} {
				req := &tfprotov6.UpgradeResourceStateRequest{TypeName: typeName, RawState: &tfprotov6.RawState{JSON: []byte(state)}}
				want, got := callBoth(t, framework, ours, func(s tfprotov6.ProviderServer) (*tfprotov6.UpgradeResourceStateResponse, error) {
					return s.UpgradeResourceState(ctx, req)
				})
				t.Run(name, func(t *testing.T) {
					sameDiagnostics(t, want.Diagnostics, got.Diagnostics)
					if want.UpgradedState != nil || got.UpgradedState != nil {
						sameValue(t, typ, want.UpgradedState, got.UpgradedState)
					}
				})
			}
		})

		t.Run(typeName+"/read", func(t *testing.T) {
			for name, prior := range map[string]tftypes.Value{
				"imported": listValue(typ, "x", nil, nil),
				"as configured": listValue(typ, "x", "keep", map[string]any{
					key(mc): mc.DocketNumber, key(mc2): "", key(intra): nil, key(intra2): ""}),
				"drifted": listValue(typ, "x", "clear", map[string]any{
					key(mc): "MC1", key(mc2): intra.IntrastateNumber, "23868": "MC113843"}),
				// intra2 is known and kept; intra is new; 23868 was taken off.
				"unmanaged": listAttrs{id: "x", onDestroy: "keep", policy: "keep",
					carriers: map[string]any{key(mc): "", key(mc2): "", "23868": ""}, unmanaged: map[string]any{key(intra2): "", "42": "MC42"}}.value(typ),
				// mc in both maps; intra selected; 23868 selected but taken off; intra2 new.
				"selected": listAttrs{id: "x", onDestroy: "keep", policy: "remove", carriers: map[string]any{key(mc): mc.DocketNumber},
					selected: map[string]any{key(mc): mc.DocketNumber, key(intra): "", "23868": "MC113843"}, unmanaged: map[string]any{key(mc2): ""},
					reasons: map[string]any{key(intra): "insurance expired"}}.value(typ),
			} {
				req := &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: dynamic(t, typ, prior), Private: []byte(`{"k":"InYi"}`)}
				want, got := callBoth(t, framework, ours, func(s tfprotov6.ProviderServer) (*tfprotov6.ReadResourceResponse, error) {
					return s.ReadResource(ctx, req)
				})
				t.Run(name, func(t *testing.T) {
					sameDiagnostics(t, want.Diagnostics, got.Diagnostics)
					sameValue(t, typ, want.NewState, got.NewState)
					if string(want.Private) != string(got.Private) {
						t.Errorf("private state: framework %q, ours %q", want.Private, got.Private)
					}
					sameIdentity(t, want.NewIdentity, got.NewIdentity)
				})
			}
		})

		t.Run(typeName+"/plan", func(t *testing.T) {
			listed := map[string]any{key(mc): mc.DocketNumber, key(mc2): "", key(intra): intra.IntrastateNumber}
			kept := map[string]any{key(mc): mc.DocketNumber, key(mc2): ""}
			unmanaged := map[string]any{key(intra): intra.IntrastateNumber, key(intra2): intra2.IntrastateNumber}
			// The refresh found intra new on the list and 23868 taken off it.
			drift := withPrivateKey([]byte(`{"k":"InYi"}`), privateDrift,
				listDrift{Added: []int{intra.DOTNumber}, Removed: map[string]string{"23868": "MC113843"}}.encode())
			// What each policy makes of intra, found new on the list, and of
			// 23868, taken off it.
			outcomes := map[string]string{
				"unmanaged, keep":     fmt.Sprintf("DOT %d / intrastate %s", intra.DOTNumber, intra.IntrastateNumber),
				"unmanaged, remove":   "will ",
				"unmanaged, fail":     "are not in the configuration",
				"unmanaged, adopted":  fmt.Sprintf("%q = %q", key(intra2), intra2.IntrastateNumber),
				"taken off, put back": "again",
				"released, remove":    "insurance expired",
				"released, keep":      "listed in unmanaged",
				"released, fail":      "no longer in selected_carriers",
				"named two ways":      "must have the same value in each",
				"reason, no carrier":  "neither carriers nor selected_carriers names",
			}
			selected := map[string]any{key(intra): intra.IntrastateNumber, key(mc): mc.DocketNumber}
			reasons := map[string]any{key(intra): "insurance expired", key(mc): "authority revoked"}
			for name, tc := range map[string]struct {
				prior                 map[string]any
				config                map[string]any
				configOnDestroy       any
				priorID, priorDestroy any
				priorUnmanaged        map[string]any
				priorPolicy, policy   any
				private               []byte
				priorSelected         map[string]any
				selected, reasons     map[string]any
			}{
				// The rule stops selecting intra and mc; mc is also hand-kept, and stays.
				"released, remove": {prior: map[string]any{key(mc): mc.DocketNumber}, config: map[string]any{key(mc): mc.DocketNumber},
					priorSelected: selected, selected: map[string]any{}, priorID: "x", priorDestroy: "keep", priorUnmanaged: map[string]any{}, policy: "remove"},
				"released, keep": {prior: map[string]any{}, config: map[string]any{}, priorSelected: selected, selected: map[string]any{},
					priorID: "x", priorDestroy: "keep", priorUnmanaged: map[string]any{}, priorPolicy: "keep", policy: "keep"},
				"released, fail": {prior: map[string]any{}, config: map[string]any{}, priorSelected: selected, selected: nil,
					priorID: "x", priorDestroy: "keep", priorUnmanaged: map[string]any{}, priorPolicy: "fail", policy: "fail"},
				"still selected": {prior: map[string]any{}, config: map[string]any{}, priorSelected: selected, selected: selected, reasons: reasons,
					priorID: "x", priorDestroy: "keep", priorUnmanaged: map[string]any{}},
				"create, selected":         {config: map[string]any{}, selected: map[string]any{key(mc): mc.DocketNumber, "700": ""}, reasons: map[string]any{"700": "why"}},
				"named two ways":           {config: map[string]any{key(mc): mc.DocketNumber}, selected: map[string]any{key(mc): ""}},
				"reason, no carrier":       {config: map[string]any{key(mc): ""}, reasons: map[string]any{"999": "why", key(mc): "why"}},
				"unknown selection":        {config: map[string]any{key(mc): ""}, selected: map[string]any{"5": unknown}, priorID: "x"},
				"create, policy default":   {config: kept},
				"create, keep":             {config: kept, policy: "keep"},
				"create, remove":           {config: kept, policy: "remove"},
				"create, fail":             {config: kept, policy: "fail"},
				"unmanaged, keep":          {prior: kept, config: kept, priorID: "x", priorDestroy: "keep", priorUnmanaged: unmanaged, priorPolicy: "keep", policy: "keep", private: drift},
				"unmanaged, remove":        {prior: kept, config: kept, priorID: "x", priorDestroy: "keep", priorUnmanaged: unmanaged, priorPolicy: "keep", policy: "remove", private: drift},
				"unmanaged, fail":          {prior: kept, config: kept, priorID: "x", priorDestroy: "keep", priorUnmanaged: unmanaged, priorPolicy: "fail", policy: "fail", private: drift},
				"unmanaged, adopted":       {prior: kept, config: listed, priorID: "x", priorDestroy: "keep", priorUnmanaged: unmanaged, priorPolicy: "fail", policy: "fail", private: drift},
				"taken off, put back":      {prior: kept, config: map[string]any{key(mc): "", key(mc2): "", "23868": "MC113843"}, priorID: "x", priorDestroy: "keep", priorUnmanaged: map[string]any{}, priorPolicy: "keep", private: drift},
				"unknown, unmanaged":       {prior: kept, config: map[string]any{key(mc): unknown}, priorID: "x", priorDestroy: "keep", priorUnmanaged: unmanaged, priorPolicy: "fail", private: drift},
				"create":                   {config: map[string]any{"100": "", "200": "MC200", "300": "TX300", "400": nil}},
				"create, clear on destroy": {config: map[string]any{"100": ""}, configOnDestroy: "clear"},
				"create, empty":            {config: map[string]any{}},
				"no change":                {prior: listed, config: listed, priorID: "x", priorDestroy: "keep"},
				"add and remove":           {prior: listed, config: map[string]any{key(mc): "", "400": "", "500": "MC500"}, priorID: "x", priorDestroy: "keep"},
				"docket changes":           {prior: listed, config: map[string]any{key(mc): "MC999", key(mc2): "MC200", key(intra): ""}, priorID: "x", priorDestroy: "keep"},
				"unknown docket":           {prior: listed, config: map[string]any{key(mc): unknown, "600": unknown}, priorID: "x", priorDestroy: "keep"},
				"on_destroy changes":       {prior: listed, config: listed, configOnDestroy: "clear", priorID: "x", priorDestroy: "keep"},
				"emptied":                  {prior: listed, config: map[string]any{}, priorID: "x", priorDestroy: "clear"},
			} {
				config := listAttrs{onDestroy: tc.configOnDestroy, policy: tc.policy, carriers: tc.config, selected: tc.selected, reasons: tc.reasons}.value(typ)
				prior := tftypes.NewValue(typ, nil)
				priorPolicy := tc.priorPolicy
				if tc.prior != nil {
					if priorPolicy == nil {
						priorPolicy = map[string]any{"mcp_block_list": "fail", "mcp_monitoring_list": "remove"}[typeName]
					}
					prior = listAttrs{id: tc.priorID, onDestroy: tc.priorDestroy, policy: priorPolicy,
						carriers: tc.prior, unmanaged: tc.priorUnmanaged, selected: tc.priorSelected, reasons: reasons}.value(typ)
				}
				// What Terraform proposes: the configuration, with the prior
				// value for each optional and computed attribute it leaves null.
				or := func(a, b any) any {
					if a == nil {
						return b
					}
					return a
				}
				proposed := listAttrs{id: tc.priorID, onDestroy: or(tc.configOnDestroy, tc.priorDestroy), policy: or(tc.policy, priorPolicy),
					carriers: tc.config, unmanaged: tc.priorUnmanaged, selected: tc.selected, reasons: tc.reasons}.value(typ)
				req := &tfprotov6.PlanResourceChangeRequest{TypeName: typeName, PriorPrivate: tc.private,
					Config: dynamic(t, typ, config), PriorState: dynamic(t, typ, prior), ProposedNewState: dynamic(t, typ, proposed)}
				want, got := callBoth(t, framework, ours, func(s tfprotov6.ProviderServer) (*tfprotov6.PlanResourceChangeResponse, error) {
					return s.PlanResourceChange(ctx, req)
				})
				t.Run(name, func(t *testing.T) {
					sameDiagnostics(t, want.Diagnostics, got.Diagnostics)
					// Carriers 100 to 600 are unknown to MCP: each one added is refused.
					if errs := errorsOf(got.Diagnostics); name == "create" && len(errs) < 4 || name == "no change" && len(errs) != 0 {
						t.Errorf("%d errors: %v", len(errs), errs)
					}
					if want, ok := outcomes[name]; ok && !strings.Contains(fmt.Sprint(text(got.Diagnostics)), want) {
						t.Errorf("diagnostics %q do not say %q", text(got.Diagnostics), want)
					}
					sameValue(t, typ, want.PlannedState, got.PlannedState)
					if string(want.PlannedPrivate) != string(got.PlannedPrivate) {
						t.Errorf("planned private state: framework %q, ours %q", want.PlannedPrivate, got.PlannedPrivate)
					}
					sameIdentity(t, want.PlannedIdentity, got.PlannedIdentity)
					if len(want.RequiresReplace) != len(got.RequiresReplace) {
						t.Errorf("requires replace: framework %v, ours %v", want.RequiresReplace, got.RequiresReplace)
					}
				})
			}
		})
	}
}

func dynamic(t testing.TB, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	d, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// BenchmarkListServer times each call of a plan with no changes to a list
// of 50,000 carriers, as Terraform makes them, on listServer and on the
// framework's own server. The emulator serves the list in the same process:
// "load" is reading it from MCP, which a refresh does once per provider run.
func BenchmarkListServer(b *testing.B) {
	const n = 50_000
	ctx := context.Background()
	em := emulatortest.Start(b, emulator.Options{Carriers: 60_000})
	list, err := em.Carriers(emulator.CarrierFilter{Kind: emulator.KindMC, Limit: n})
	if err != nil {
		b.Fatal(err)
	}
	dots := make([]int, n)
	carriers := map[string]any{}
	for i, c := range list {
		dots[i] = c.DOTNumber
		carriers[strconv.Itoa(c.DOTNumber)] = c.DocketNumber
	}
	if err := em.Monitor(dots...); err != nil {
		b.Fatal(err)
	}
	framework, ours := servers(b, em)
	typ := listType(b, ours, "mcp_monitoring_list")
	state := dynamic(b, typ, listAttrs{id: "monitoring_list", onDestroy: "keep", policy: "remove", carriers: carriers, unmanaged: map[string]any{}}.value(typ))
	config := dynamic(b, typ, listValue(typ, nil, nil, carriers))
	rawState, err := json.Marshal(map[string]any{"id": "monitoring_list", "on_destroy": "keep", "carriers": carriers, "unmanaged": map[string]any{}, "unmanaged_carriers": "remove"})
	if err != nil {
		b.Fatal(err)
	}
	const typeName = "mcp_monitoring_list"
	for name, s := range map[string]tfprotov6.ProviderServer{"ours": ours, "framework": framework} {
		for call, do := range map[string]func() ([]*tfprotov6.Diagnostic, error){
			"validate": func() ([]*tfprotov6.Diagnostic, error) {
				resp, err := s.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: typeName, Config: config})
				return resp.Diagnostics, err
			},
			"upgrade": func() ([]*tfprotov6.Diagnostic, error) {
				resp, err := s.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: typeName, RawState: &tfprotov6.RawState{JSON: rawState}})
				return resp.Diagnostics, err
			},
			"read": func() ([]*tfprotov6.Diagnostic, error) {
				resp, err := s.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: state})
				return resp.Diagnostics, err
			},
			"plan": func() ([]*tfprotov6.Diagnostic, error) {
				resp, err := s.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: typeName, Config: config, PriorState: state, ProposedNewState: state})
				return resp.Diagnostics, err
			},
		} {
			b.Run(name+"/"+call, func(b *testing.B) {
				for range b.N {
					diags, err := do()
					if err != nil {
						b.Fatal(err)
					}
					for _, d := range diags {
						if d.Severity == tfprotov6.DiagnosticSeverityError {
							b.Fatal(d.Summary, d.Detail)
						}
					}
				}
			})
		}
	}
}
