package listwire

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var (
	carriersType = tftypes.Map{ElementType: tftypes.String}
	valueType    = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"carriers": carriersType, "id": tftypes.String, "on_destroy": tftypes.String,
		"reasons": carriersType, "selected_carriers": carriersType, "unmanaged": carriersType, "unmanaged_carriers": tftypes.String,
	}}
)

// tf is the terraform-plugin-go value that v stands for.
func tf(v Value) tftypes.Value {
	if v.Null {
		return tftypes.NewValue(valueType, nil)
	}
	str := func(s String) tftypes.Value {
		switch {
		case s.Unknown:
			return tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
		case s.Null:
			return tftypes.NewValue(tftypes.String, nil)
		}
		return tftypes.NewValue(tftypes.String, s.Value)
	}
	strMap := func(m Map) tftypes.Value {
		switch {
		case m.Unknown:
			return tftypes.NewValue(carriersType, tftypes.UnknownValue)
		case m.Null:
			return tftypes.NewValue(carriersType, nil)
		}
		elems := map[string]tftypes.Value{}
		for k, s := range m.Elems {
			elems[k] = str(s)
		}
		return tftypes.NewValue(carriersType, elems)
	}
	return tftypes.NewValue(valueType, map[string]tftypes.Value{
		"carriers": strMap(v.Carriers), "id": str(v.ID), "on_destroy": str(v.OnDestroy),
		"reasons": strMap(v.Reasons), "selected_carriers": strMap(v.Selected), "unmanaged": strMap(v.Unmanaged), "unmanaged_carriers": str(v.UnmanagedCarriers),
	})
}

var (
	none     = Map{Elems: map[string]String{}}
	nullMap  = Map{Null: true}
	keep     = Known("keep")
	nullText = String{Null: true}
)

var cases = map[string]Value{
	"null": {Null: true},
	"create": {Carriers: Map{Elems: map[string]String{"23868": Known("MC113843"), "7": Known(""), "8": {Null: true}, "9": Known("TX1")}},
		ID: String{Unknown: true}, OnDestroy: keep, Unmanaged: Map{Unknown: true}, UnmanagedCarriers: Known("fail"), Reasons: nullMap, Selected: nullMap},
	"empty":       {Reasons: nullMap, Selected: none, Carriers: none, ID: Known("block_list"), OnDestroy: Known("clear"), Unmanaged: Map{Elems: map[string]String{"5": Known("MC5")}}, UnmanagedCarriers: keep},
	"imported":    {Reasons: nullMap, Selected: nullMap, Carriers: nullMap, ID: Known("block_list"), OnDestroy: nullText, Unmanaged: nullMap, UnmanagedCarriers: nullText},
	"unknown map": {Reasons: Map{Unknown: true}, Selected: Map{Unknown: true}, Carriers: Map{Unknown: true}, ID: Known("x"), OnDestroy: keep, Unmanaged: none, UnmanagedCarriers: Known("remove")},
	"selected": {Carriers: none, ID: Known("block_list"), OnDestroy: keep, Unmanaged: none, UnmanagedCarriers: Known("remove"),
		Selected: Map{Elems: map[string]String{"23868": Known("MC113843"), "7": Known("")}},
		Reasons:  Map{Elems: map[string]String{"23868": Known("insurance expired"), "7": {Null: true}}}},
	"unknown element": {Reasons: nullMap, Selected: Map{Elems: map[string]String{"3": {Unknown: true}}}, Carriers: Map{Elems: map[string]String{"1": {Unknown: true}, "2": Known("MC2")}}, ID: Known("x"), OnDestroy: keep,
		Unmanaged: none, UnmanagedCarriers: Known("remove")},
}

// Both directions agree with terraform-plugin-go's own MessagePack codec.
func TestMsgPackMatchesTerraformPluginGo(t *testing.T) {
	t.Parallel()
	for name, want := range cases {
		theirs, err := tf(want).MarshalMsgPack(valueType) //nolint:staticcheck // the reference encoding
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeMsgPack(theirs)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: DecodeMsgPack = %+v, %v; want %+v", name, got, err, want)
		}
		ours, err := want.MsgPack()
		if err != nil {
			t.Fatal(err)
		}
		back, err := tftypes.ValueFromMsgPack(ours, valueType) //nolint:staticcheck // the reference decoding
		if err != nil || !back.Equal(tf(want)) {
			t.Errorf("%s: terraform-plugin-go reads our encoding as %v, %v; want %v", name, back, err, tf(want))
		}
	}
}

func TestDecodeJSONMatchesTerraformPluginGo(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		json string
		want Value
	}{
		"state": {`{"carriers":{"23868":"MC113843","7":"","8":null},"id":"block_list","on_destroy":"keep","unmanaged":{"5":"MC5"},"unmanaged_carriers":"keep"}`,
			Value{Carriers: Map{Elems: map[string]String{"23868": Known("MC113843"), "7": Known(""), "8": {Null: true}}}, ID: Known("block_list"), OnDestroy: keep,
				Unmanaged: Map{Elems: map[string]String{"5": Known("MC5")}}, UnmanagedCarriers: keep, Reasons: nullMap, Selected: nullMap}},
		"selected and reasons": {`{"carriers":{},"id":"block_list","selected_carriers":{"7":""},"reasons":{"7":"insurance expired"}}`,
			Value{Carriers: none, ID: Known("block_list"), OnDestroy: nullText, Unmanaged: nullMap, UnmanagedCarriers: nullText,
				Selected: Map{Elems: map[string]String{"7": Known("")}}, Reasons: Map{Elems: map[string]String{"7": Known("insurance expired")}}}},
		"null carriers, missing attributes, removed attribute": {`{"carriers":null,"id":"x","gone":1}`,
			Value{Carriers: nullMap, ID: Known("x"), OnDestroy: nullText, Unmanaged: nullMap, UnmanagedCarriers: nullText, Reasons: nullMap, Selected: nullMap}},
	} {
		got, err := DecodeJSON([]byte(tc.json))
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: DecodeJSON = %+v, %v; want %+v", name, got, err, tc.want)
		}
		theirs, err := tftypes.ValueFromJSONWithOpts([]byte(tc.json), valueType, tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true}) //nolint:staticcheck // the reference decoding
		if err != nil || !theirs.Equal(tf(tc.want)) {
			t.Errorf("%s: terraform-plugin-go reads %v, %v; want %v", name, theirs, err, tf(tc.want))
		}
	}
	if _, err := DecodeJSON([]byte(`{"carriers":{"23868":{"docket_number":"MC113843"}},"id":"x"}`)); err == nil {
		t.Error("DecodeJSON read an earlier schema's objects as strings")
	}
}

func TestDecodeMsgPackRefusesOtherShapes(t *testing.T) {
	t.Parallel()
	other := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}
	b, err := tftypes.NewValue(other, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "x")}).MarshalMsgPack(other) //nolint:staticcheck // test input
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeMsgPack(b); err == nil {
		t.Error("DecodeMsgPack read an object without carriers and on_destroy")
	}
	if _, err := DecodeMsgPack(unknown); err == nil {
		t.Error("DecodeMsgPack read a wholly unknown value")
	}
}

func TestFullyKnown(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{"create": true, "empty": true, "imported": true, "unknown map": false, "unknown element": false} {
		if got := cases[name].Carriers.FullyKnown(); got != want {
			t.Errorf("%s: FullyKnown = %v, want %v", name, got, want)
		}
	}
}

func BenchmarkDecodeMsgPack(b *testing.B) {
	v := Value{Carriers: Map{Elems: map[string]String{}}, ID: Known("x"), OnDestroy: keep, Unmanaged: none, UnmanagedCarriers: keep}
	for i := range 50_000 {
		v.Carriers.Elems[string(rune('a'+i%26))+string(rune(i))] = Known("MC123456")
	}
	enc, _ := v.MsgPack()
	b.ResetTimer()
	for range b.N {
		if _, err := DecodeMsgPack(enc); err != nil {
			b.Fatal(err)
		}
	}
}
