package provider

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
)

// queryResult is one result of a list resource, decoded.
type queryResult struct {
	display  string
	identity map[string]tftypes.Value
	resource map[string]tftypes.Value // nil unless asked for
	diags    []*tfprotov6.Diagnostic
}

// query runs a list resource on the provider's server, as terraform query
// does, with the list block's attributes (nil for null).
func query(t *testing.T, s tfprotov6.ProviderServer, typeName string, config map[string]any, include bool, limit int64) []queryResult {
	t.Helper()
	ctx := context.Background()
	schema, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	configType := schema.ListResourceSchemas[typeName].ValueType()
	resourceType := schema.ResourceSchemas[typeName].ValueType()
	identities, err := s.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	identityType := identities.IdentitySchemas[typeName].ValueType()
	attrs := map[string]tftypes.Value{}
	for name, at := range configType.(tftypes.Object).AttributeTypes { //nolint:forcetypeassert // a schema's type is an object
		attrs[name] = tftypes.NewValue(at, config[name])
	}
	stream, err := s.(tfprotov6.ListResourceServer).ListResource(ctx, &tfprotov6.ListResourceRequest{ //nolint:forcetypeassert // TestServerExposesQueryAndActions
		TypeName: typeName, Config: dynamic(t, configType, tftypes.NewValue(configType, attrs)), IncludeResource: include, Limit: limit,
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []queryResult
	for r := range stream.Results {
		res := queryResult{display: r.DisplayName, diags: r.Diagnostics}
		if r.Identity != nil {
			res.identity = objectAttrs(t, identityType, r.Identity.IdentityData)
		}
		if r.Resource != nil {
			res.resource = objectAttrs(t, resourceType, r.Resource)
		}
		out = append(out, res)
	}
	return out
}

func objectAttrs(t *testing.T, typ tftypes.Type, d *tfprotov6.DynamicValue) map[string]tftypes.Value {
	t.Helper()
	v, err := d.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if v.IsNull() {
		return nil
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	return attrs
}

// str is a string attribute, "<null>" for null.
func str(t *testing.T, v tftypes.Value) string {
	t.Helper()
	if v.IsNull() {
		return "<null>"
	}
	var s string
	if err := v.As(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// listedEmulator is an emulator of 3,000 carriers with 1,200 monitored and
// 700 blocked (200 of them both), and the provider's server configured
// against it.
func listedEmulator(t *testing.T) (*emulator.Instance, tfprotov6.ProviderServer) {
	t.Helper()
	em := emulatortest.Start(t, emulator.Options{Carriers: 3000, Seed: 16})
	putOnLists(t, em, [2]int{0, 1200}, [2]int{1000, 1700})
	_, s := servers(t, em)
	return em, s
}

// putOnLists puts the carriers of the universe in the given index ranges
// (in DOT order) on the monitored and the blocked list, and returns the
// universe.
func putOnLists(t *testing.T, em *emulator.Instance, monitored, blocked [2]int) []emulator.CarrierInfo {
	t.Helper()
	all, err := em.Carriers(emulator.CarrierFilter{})
	if err != nil {
		t.Fatal(err)
	}
	dots := make([]int, len(all))
	for i, c := range all {
		dots[i] = c.DOTNumber
	}
	if err := em.Monitor(dots[monitored[0]:monitored[1]]...); err != nil {
		t.Fatal(err)
	}
	if err := em.Block(dots[blocked[0]:blocked[1]]...); err != nil {
		t.Fatal(err)
	}
	return all
}

// TestMembershipQuery runs terraform query's call on both per-carrier list
// resources: every carrier once, in DOT order, the filters, the limit, the
// resource objects, and one list page however many queries.
func TestMembershipQuery(t *testing.T) {
	t.Parallel()
	em, s := listedEmulator(t)
	for typeName, kind := range map[string]string{"mcp_monitored_carrier": emulator.KindMonitored, "mcp_blocked_carrier": emulator.KindBlocked} {
		t.Run(typeName, func(t *testing.T) {
			carriers, err := em.Carriers(emulator.CarrierFilter{Kind: kind})
			if err != nil {
				t.Fatal(err)
			}
			// want is the DOT numbers a filter should return, in DOT order.
			want := func(keep func(emulator.CarrierInfo) bool) []string {
				var out []string
				for _, c := range carriers {
					if keep(c) {
						out = append(out, strconv.Itoa(c.DOTNumber))
					}
				}
				return out
			}
			prefix := func(p string) func(emulator.CarrierInfo) bool {
				return func(c emulator.CarrierInfo) bool { return strings.HasPrefix(c.DocketNumber, p) }
			}
			lo, hi := carriers[len(carriers)/4].DOTNumber, carriers[len(carriers)/2].DOTNumber
			for name, tc := range map[string]struct {
				config map[string]any
				want   []string
			}{
				"all":        {nil, want(func(emulator.CarrierInfo) bool { return true })},
				"MC":         {map[string]any{"number_type": "MC"}, want(prefix("MC"))},
				"FF":         {map[string]any{"number_type": "FF"}, want(prefix("FF"))},
				"MX":         {map[string]any{"number_type": "MX"}, want(prefix("MX"))},
				"intrastate": {map[string]any{"number_type": "intrastate"}, want(func(c emulator.CarrierInfo) bool { return c.IntrastateNumber != "" })},
				"DOT range": {map[string]any{"dot_number_min": lo, "dot_number_max": hi},
					want(func(c emulator.CarrierInfo) bool { return c.DOTNumber >= lo && c.DOTNumber <= hi })},
			} {
				results := query(t, s, typeName, tc.config, false, 0)
				var got []string
				for _, r := range results {
					if len(r.diags) > 0 || r.resource != nil {
						t.Errorf("%s: result %q has diagnostics %v or an unasked-for resource", name, r.display, r.diags)
					}
					dot := str(t, r.identity["dot_number"])
					if !strings.HasPrefix(r.display, "DOT "+dot) {
						t.Errorf("%s: display name %q does not name DOT %s", name, r.display, dot)
					}
					got = append(got, dot)
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("%s: got %d carriers %v, want %d %v", name, len(got), got, len(tc.want), tc.want)
				}
			}

			// include_resource: the objects an import would record; limit.
			results := query(t, s, typeName, nil, true, 5)
			if len(results) != 5 {
				t.Fatalf("limit 5: %d results", len(results))
			}
			for i, r := range results {
				c := carriers[i]
				id := str(t, r.resource["id"])
				if str(t, r.resource["dot_number"]) != strconv.Itoa(c.DOTNumber) || !strings.HasPrefix(id, strconv.Itoa(c.DOTNumber)) ||
					str(t, r.resource["created_at"]) == "<null>" {
					t.Errorf("result %d: resource %v does not record carrier %+v", i, r.resource, c)
				}
				if c.DocketNumber != "" && str(t, r.identity["docket_number"]) != c.DocketNumber {
					t.Errorf("result %d: identity %v, want docket %s", i, r.identity, c.DocketNumber)
				}
			}
		})
	}
	// Twelve queries over two lists of under 5,000 carriers: one page each.
	stats := em.Stats().Requests
	if got := [2]int{stats["MonitoredCarriers"], stats["BlockedCarriers"]}; got != [2]int{1, 1} {
		t.Errorf("MonitoredCarriers and BlockedCarriers pages read: %v, want one each", got)
	}
}
