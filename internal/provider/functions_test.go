package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const testIntelliviteID = "ea72823e-1506-4b72-a3b0-a488e1ba2f1e"

// runFunction calls a provider function the way the framework does.
func runFunction(t *testing.T, f function.Function, args ...attr.Value) (string, *function.FuncError) {
	t.Helper()
	resp := &function.RunResponse{Result: function.NewResultData(types.StringUnknown())}
	f.Run(context.Background(), function.RunRequest{Arguments: function.NewArgumentsData(args)}, resp)
	if resp.Error != nil {
		return "", resp.Error
	}
	v, ok := resp.Result.Value().(types.String)
	if !ok {
		t.Fatalf("result is %T", resp.Result.Value())
	}
	return v.ValueString(), nil
}

func strs(values ...string) types.Tuple {
	types_ := make([]attr.Type, len(values))
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		types_[i], elems[i] = types.StringType, types.StringValue(v)
	}
	return types.TupleValueMust(types_, elems)
}

func TestIntelliviteLinkFunction(t *testing.T) {
	t.Parallel()
	f := NewIntelliviteLinkFunction()
	id := types.StringValue(testIntelliviteID)
	for name, tc := range map[string]struct {
		args    []attr.Value
		want    string
		wantErr string
	}{
		"full": {args: []attr.Value{id, strs("brenda", "23868", "MC113843")},
			want: "https://mycarrierpackets.com/" + testIntelliviteID + "/Carrier/Intellivite/brenda/23868/MC113843"},
		"dot only": {args: []attr.Value{id, strs("brenda", "23868")},
			want: "https://mycarrierpackets.com/" + testIntelliviteID + "/Carrier/Intellivite/brenda/23868"},
		"basic": {args: []attr.Value{id, strs()},
			want: "https://mycarrierpackets.com/" + testIntelliviteID + "/Carrier/Intellivite"},
		"user only": {args: []attr.Value{id, strs("brenda smith")},
			want: "https://mycarrierpackets.com/" + testIntelliviteID + "/Carrier/Intellivite/brenda%20smith"},
		"bad id":          {args: []attr.Value{types.StringValue("brenda"), strs()}, wantErr: "not an Intellivite ID"},
		"empty user":      {args: []attr.Value{id, strs("", "23868")}, wantErr: "user name must not be empty"},
		"bad dot":         {args: []attr.Value{id, strs("b", "0")}, wantErr: "not a USDOT number"},
		"bad docket":      {args: []attr.Value{id, strs("b", "23868", "mc113843")}, wantErr: "not a docket number"},
		"too many values": {args: []attr.Value{id, strs("b", "23868", "MC1", "x")}, wantErr: "at most"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := runFunction(t, f, tc.args...)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Text, tc.wantErr) {
					t.Fatalf("got %q, %v; want error containing %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestCarrierPortalURLFunction(t *testing.T) {
	t.Parallel()
	f := NewCarrierPortalURLFunction()
	dot := types.StringValue("23868")
	for name, tc := range map[string]struct {
		args    []attr.Value
		want    string
		wantErr string
	}{
		"interstate":     {args: []attr.Value{dot, types.StringValue("MC113843"), types.BoolValue(false)}, want: "https://mycarrierpackets.com/CarrierInformation/DOTNumber/23868/DocketNumber/MC113843"},
		"intrastate":     {args: []attr.Value{dot, types.StringNull(), types.BoolNull()}, want: "https://mycarrierpackets.com/CarrierInformation/DOTNumber/23868"},
		"with insurance": {args: []attr.Value{dot, types.StringValue("MC113843"), types.BoolValue(true)}, want: "https://mycarrierpackets.com/CarrierInformation/DOTNumber/23868/DocketNumber/MC113843?requestInsurance=true"},
		"bad dot":        {args: []attr.Value{types.StringValue("-1"), types.StringNull(), types.BoolNull()}, wantErr: "not a USDOT number"},
		"bad docket":     {args: []attr.Value{dot, types.StringValue("XX1"), types.BoolNull()}, wantErr: "not a docket number"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := runFunction(t, f, tc.args...)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Text, tc.wantErr) {
					t.Fatalf("got %q, %v; want error containing %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestNormalizeDocketFunction(t *testing.T) {
	t.Parallel()
	f := NewNormalizeDocketFunction()
	if got, err := runFunction(t, f, types.StringValue("mc 113843")); err != nil || got != "MC113843" {
		t.Errorf("normalize_docket(\"mc 113843\") = %q, %v", got, err)
	}
	if _, err := runFunction(t, f, types.StringValue("113843")); err == nil || !strings.Contains(err.Text, "not a docket number") {
		t.Errorf("normalize_docket(\"113843\") error = %v", err)
	}
}
