// Package listwire reads and writes the value of a list resource
// (mcp_monitoring_list, mcp_block_list) as Terraform exchanges it with the
// provider: MessagePack for configurations, plans and state, and JSON for
// state read back from disk.
//
// terraform-plugin-go decodes such a value into a tree of tftypes.Value, and
// the framework then converts it again into its own types: at 50,000
// carriers that costs seconds per call. The list resources' value has a
// fixed shape, {carriers = map(string), id = string, on_destroy = string,
// reasons = map(string), selected_carriers = map(string), unmanaged =
// map(string), unmanaged_carriers = string}, so it is read straight into Go
// maps here, in a single pass. The tests hold every encoding to what
// terraform-plugin-go reads and writes.
package listwire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/vmihailenco/msgpack/v5"
	"github.com/vmihailenco/msgpack/v5/msgpcode"
)

// String is a string that may be null or not yet known.
type String struct {
	Value         string
	Null, Unknown bool
}

// Known is a known, non-null string.
func Known(s string) String { return String{Value: s} }

// Map is a map of strings that may be null or not yet known. Elems is nil
// when the map is null or unknown.
type Map struct {
	Elems         map[string]String
	Null, Unknown bool
}

// FullyKnown reports whether the map and every element are known.
func (m Map) FullyKnown() bool {
	if m.Unknown {
		return false
	}
	for _, v := range m.Elems {
		if v.Unknown {
			return false
		}
	}
	return true
}

// Has reports whether the map holds the key.
func (m Map) Has(k string) bool {
	_, ok := m.Elems[k]
	return ok
}

// Value is a list resource's whole value. A null Value (no resource) has
// Null set and nothing else.
type Value struct {
	Null              bool
	Carriers          Map
	ID                String
	OnDestroy         String
	Reasons           Map
	Selected          Map // selected_carriers
	Unmanaged         Map
	UnmanagedCarriers String
}

// Names reports whether carriers or selected_carriers holds the key: the
// carriers the value puts on the list.
func (v Value) Names(k string) bool { return v.Carriers.Has(k) || v.Selected.Has(k) }

// Attribute names, in the order MessagePack objects list them (sorted).
const (
	attrCarriers  = "carriers"
	attrID        = "id"
	attrOnDestroy = "on_destroy"
	attrReasons   = "reasons"
	attrSelected  = "selected_carriers"
	attrUnmanaged = "unmanaged"
	attrPolicy    = "unmanaged_carriers"
	attributes    = 7
)

// unknown is how Terraform encodes an unknown value: an extension (any
// extension reads as unknown, as in go-cty and terraform-plugin-go).
var unknown = []byte{0xd4, 0, 0}

// DecodeMsgPack reads a value encoded as Terraform sends it.
func DecodeMsgPack(b []byte) (Value, error) {
	d := msgpack.NewDecoder(bytes.NewReader(b))
	switch null, unknown, err := skipAbsent(d); {
	case err != nil:
		return Value{}, err
	case null:
		return Value{Null: true}, nil
	case unknown:
		return Value{}, errors.New("the whole value is unknown")
	}
	n, err := d.DecodeMapLen()
	if err != nil {
		return Value{}, err
	}
	var v Value
	seen := 0
	for range n {
		name, err := d.DecodeString()
		if err != nil {
			return Value{}, err
		}
		switch name {
		case attrCarriers:
			v.Carriers, err = decodeMap(d)
		case attrID:
			v.ID, err = decodeString(d)
		case attrOnDestroy:
			v.OnDestroy, err = decodeString(d)
		case attrReasons:
			v.Reasons, err = decodeMap(d)
		case attrSelected:
			v.Selected, err = decodeMap(d)
		case attrUnmanaged:
			v.Unmanaged, err = decodeMap(d)
		case attrPolicy:
			v.UnmanagedCarriers, err = decodeString(d)
		default:
			return Value{}, fmt.Errorf("unexpected attribute %q", name)
		}
		if err != nil {
			return Value{}, fmt.Errorf("%s: %w", name, err)
		}
		seen++
	}
	if seen != attributes {
		return Value{}, fmt.Errorf("expected %d attributes, got %d", attributes, seen)
	}
	return v, nil
}

// skipAbsent reads a null or unknown value, if the next one is, and says
// which it was; otherwise it reads nothing.
func skipAbsent(d *msgpack.Decoder) (null, unknown bool, err error) {
	code, err := d.PeekCode()
	if err != nil {
		return false, false, err
	}
	null, unknown = code == msgpcode.Nil, msgpcode.IsExt(code)
	if null || unknown {
		err = d.Skip()
	}
	return null, unknown, err
}

func decodeString(d *msgpack.Decoder) (String, error) {
	null, unknown, err := skipAbsent(d)
	if err != nil || null || unknown {
		return String{Null: null, Unknown: unknown}, err
	}
	s, err := d.DecodeString()
	return String{Value: s}, err
}

func decodeMap(d *msgpack.Decoder) (Map, error) {
	null, unknown, err := skipAbsent(d)
	if err != nil || null || unknown {
		return Map{Null: null, Unknown: unknown}, err
	}
	n, err := d.DecodeMapLen()
	if err != nil {
		return Map{}, err
	}
	m := Map{Elems: make(map[string]String, n)}
	for range n {
		k, err := d.DecodeString()
		if err != nil {
			return Map{}, err
		}
		if m.Elems[k], err = decodeString(d); err != nil {
			return Map{}, fmt.Errorf("[%q]: %w", k, err)
		}
	}
	return m, nil
}

// MsgPack encodes the value as Terraform reads it. Map keys are written in
// sorted order, so the same value always has the same encoding.
func (v Value) MsgPack() ([]byte, error) {
	var buf bytes.Buffer
	e := msgpack.NewEncoder(&buf)
	if v.Null {
		err := e.EncodeNil()
		return buf.Bytes(), err
	}
	err := errors.Join(
		e.EncodeMapLen(attributes),
		e.EncodeString(attrCarriers), encodeMap(e, &buf, v.Carriers),
		e.EncodeString(attrID), encodeString(e, &buf, v.ID),
		e.EncodeString(attrOnDestroy), encodeString(e, &buf, v.OnDestroy),
		e.EncodeString(attrReasons), encodeMap(e, &buf, v.Reasons),
		e.EncodeString(attrSelected), encodeMap(e, &buf, v.Selected),
		e.EncodeString(attrUnmanaged), encodeMap(e, &buf, v.Unmanaged),
		e.EncodeString(attrPolicy), encodeString(e, &buf, v.UnmanagedCarriers),
	)
	return buf.Bytes(), err
}

func encodeString(e *msgpack.Encoder, buf *bytes.Buffer, s String) error {
	switch {
	case s.Unknown:
		_, err := buf.Write(unknown)
		return err
	case s.Null:
		return e.EncodeNil()
	}
	return e.EncodeString(s.Value)
}

func encodeMap(e *msgpack.Encoder, buf *bytes.Buffer, m Map) error {
	switch {
	case m.Unknown:
		_, err := buf.Write(unknown)
		return err
	case m.Null:
		return e.EncodeNil()
	}
	keys := make([]string, 0, len(m.Elems))
	for k := range m.Elems {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if err := e.EncodeMapLen(len(keys)); err != nil {
		return err
	}
	for _, k := range keys {
		if err := errors.Join(e.EncodeString(k), encodeString(e, buf, m.Elems[k])); err != nil {
			return err
		}
	}
	return nil
}

// DecodeJSON reads a value from state as Terraform stores it. Attributes
// the schema no longer has are ignored, as terraform-plugin-go ignores them;
// a carriers value of another shape (an earlier schema's objects) is an
// error.
func DecodeJSON(b []byte) (Value, error) {
	var raw struct {
		Carriers          *map[string]*string `json:"carriers"`
		ID                *string             `json:"id"`
		OnDestroy         *string             `json:"on_destroy"`
		Reasons           *map[string]*string `json:"reasons"`
		Selected          *map[string]*string `json:"selected_carriers"`
		Unmanaged         *map[string]*string `json:"unmanaged"`
		UnmanagedCarriers *string             `json:"unmanaged_carriers"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return Value{}, err
	}
	return Value{
		Carriers:          mapFromJSON(raw.Carriers),
		ID:                fromPointer(raw.ID),
		OnDestroy:         fromPointer(raw.OnDestroy),
		Reasons:           mapFromJSON(raw.Reasons),
		Selected:          mapFromJSON(raw.Selected),
		Unmanaged:         mapFromJSON(raw.Unmanaged),
		UnmanagedCarriers: fromPointer(raw.UnmanagedCarriers),
	}, nil
}

func mapFromJSON(raw *map[string]*string) Map {
	if raw == nil || *raw == nil {
		return Map{Null: true}
	}
	m := Map{Elems: make(map[string]String, len(*raw))}
	for k, s := range *raw {
		m.Elems[k] = fromPointer(s)
	}
	return m
}

func fromPointer(s *string) String {
	if s == nil {
		return String{Null: true}
	}
	return String{Value: *s}
}
