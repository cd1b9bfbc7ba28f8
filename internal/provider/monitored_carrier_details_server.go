package provider

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"reflect"
	"slices"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"
)

// mcp_monitored_carrier_details holds a whole portfolio, up to tens of
// thousands of carriers of some hundred values each. After a data source's
// Read the framework walks the state value by value, looking each one's
// type up in the schema by its path (ReifyNullCollectionBlocks, then the
// conversion to the protocol): 40 s of the provider's 55 s for 50,000
// carriers. The server reads it itself instead, through the same read as
// the framework's Read, and marshals the value it builds as it is.
// TestMonitoredCarrierDetailsServerMatchesFramework holds the answer to
// the framework's. The value is encoded for the protocol by encodeMsgPack.

const portfolioTypeName = "mcp_monitored_carrier_details"

// portfolioSchemaType is the data source's state type, from its schema.
var portfolioSchemaType = sync.OnceValue(func() tftypes.Object {
	ctx := context.Background()
	var resp datasource.SchemaResponse
	NewMonitoredCarrierDetailsDataSource().Schema(ctx, datasource.SchemaRequest{}, &resp)
	return resp.Schema.Type().TerraformType(ctx).(tftypes.Object) //nolint:forcetypeassert // a schema's type is an object
})

// ReadDataSource reads mcp_monitored_carrier_details itself and hands every
// other data source to the framework.
func (s *listServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	data := s.provider.data.Load()
	if req.TypeName != portfolioTypeName || req.Config == nil || data == nil {
		return s.frameworkServer.ReadDataSource(ctx, req)
	}
	schemaType := portfolioSchemaType()
	include, since, err := portfolioArguments(ctx, schemaType, req.Config)
	if err != nil {
		return portfolioFailure("Unable to read the configuration", err), nil
	}
	value, diags := (&monitoredCarrierDetailsDataSource{data: data}).read(ctx, schemaType, include, since)
	resp := &tfprotov6.ReadDataSourceResponse{Diagnostics: protoDiagnostics(diags)}
	if diags.HasError() {
		resp.State = req.Config // as the framework answers: the state it started from
		return resp, nil
	}
	state, err := encodeMsgPack(schemaType, value)
	if err != nil {
		return portfolioFailure("Unable to encode the state", err), nil
	}
	resp.State = &tfprotov6.DynamicValue{MsgPack: state}
	return resp, nil
}

// encodeMsgPack encodes a known value of typ as tfprotov6.NewDynamicValue
// does (but for the order of map entries, which carries no meaning),
// without the attribute path tftypes builds for each value in case of an
// error: for 50,000 carriers that path took 2 GB of allocations and most
// of the 4 s NewDynamicValue took (BenchmarkMonitoredCarrierDetailsState).
func encodeMsgPack(typ tftypes.Type, v tftypes.Value) ([]byte, error) {
	var buf bytes.Buffer
	w := msgpackWriter{enc: msgpack.NewEncoder(&buf), keys: map[uintptr][]string{}}
	if err := w.value(typ, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type msgpackWriter struct {
	enc  *msgpack.Encoder
	keys map[uintptr][]string // the sorted attribute names of each object type, by its map
	// Targets for tftypes.Value.As: As takes an interface, so a pointer to
	// a local variable would be allocated for every value.
	s     string
	b     bool
	n     big.Float
	attrs map[string]tftypes.Value
	elems []tftypes.Value
}

// The primitive types as interface values, so that comparing with them
// allocates nothing.
var (
	stringType tftypes.Type = tftypes.String
	boolType   tftypes.Type = tftypes.Bool
	numberType tftypes.Type = tftypes.Number
)

func (w *msgpackWriter) value(typ tftypes.Type, v tftypes.Value) error {
	if !v.IsKnown() {
		return errors.New("a value is unknown") // never in the state of a read
	}
	if v.IsNull() {
		return w.enc.EncodeNil()
	}
	switch t := typ.(type) {
	case tftypes.Object:
		if err := v.As(&w.attrs); err != nil {
			return err
		}
		attrs, keys := w.attrs, w.sortedKeys(t.AttributeTypes)
		if err := w.enc.EncodeMapLen(len(keys)); err != nil {
			return err
		}
		for _, k := range keys {
			a, ok := attrs[k]
			if !ok {
				return fmt.Errorf("attribute %q has no value", k)
			}
			if err := w.enc.EncodeString(k); err != nil {
				return err
			}
			if err := w.value(t.AttributeTypes[k], a); err != nil {
				return err
			}
		}
		return nil
	case tftypes.Map:
		if err := v.As(&w.attrs); err != nil {
			return err
		}
		elems := w.attrs
		if err := w.enc.EncodeMapLen(len(elems)); err != nil {
			return err
		}
		for k, e := range elems {
			if err := w.enc.EncodeString(k); err != nil {
				return err
			}
			if err := w.value(t.ElementType, e); err != nil {
				return err
			}
		}
		return nil
	case tftypes.List:
		return w.array(t.ElementType, v)
	case tftypes.Set:
		return w.array(t.ElementType, v)
	}
	switch {
	case typ.Is(stringType):
		if err := v.As(&w.s); err != nil {
			return err
		}
		return w.enc.EncodeString(w.s)
	case typ.Is(boolType):
		if err := v.As(&w.b); err != nil {
			return err
		}
		return w.enc.EncodeBool(w.b)
	case typ.Is(numberType):
		if err := v.As(&w.n); err != nil {
			return err
		}
		if i, acc := w.n.Int64(); acc == big.Exact {
			return w.enc.EncodeInt(i)
		}
		return w.enc.EncodeString(w.n.Text('f', -1)) // no number here is not a whole one
	}
	return fmt.Errorf("cannot encode a value of type %s", typ)
}

// array writes a list or a set.
func (w *msgpackWriter) array(elemType tftypes.Type, v tftypes.Value) error {
	if err := v.As(&w.elems); err != nil {
		return err
	}
	elems := w.elems
	if err := w.enc.EncodeArrayLen(len(elems)); err != nil {
		return err
	}
	for _, e := range elems {
		if err := w.value(elemType, e); err != nil {
			return err
		}
	}
	return nil
}

// sortedKeys are an object type's attribute names in the order tftypes
// writes them, sorted once per type.
func (w *msgpackWriter) sortedKeys(attrs map[string]tftypes.Type) []string {
	id := reflect.ValueOf(attrs).Pointer()
	keys, ok := w.keys[id]
	if !ok {
		keys = slices.Sorted(maps.Keys(attrs))
		w.keys[id] = keys
	}
	return keys
}

// portfolioArguments are include and changes_since as configured.
func portfolioArguments(ctx context.Context, schemaType tftypes.Object, config *tfprotov6.DynamicValue) (types.Set, types.String, error) {
	raw, err := config.Unmarshal(schemaType)
	if err != nil {
		return types.Set{}, types.String{}, err
	}
	var attrs map[string]tftypes.Value
	if err := raw.As(&attrs); err != nil {
		return types.Set{}, types.String{}, err
	}
	include, err := types.SetType{ElemType: types.StringType}.ValueFromTerraform(ctx, attrs["include"])
	if err != nil {
		return types.Set{}, types.String{}, err
	}
	since, err := types.StringType.ValueFromTerraform(ctx, attrs["changes_since"])
	if err != nil {
		return types.Set{}, types.String{}, err
	}
	includeSet, ok1 := include.(basetypes.SetValue)
	sinceString, ok2 := since.(basetypes.StringValue)
	if !ok1 || !ok2 {
		return types.Set{}, types.String{}, fmt.Errorf("unexpected argument types %T and %T", include, since)
	}
	return includeSet, sinceString, nil
}

func portfolioFailure(summary string, err error) *tfprotov6.ReadDataSourceResponse {
	return &tfprotov6.ReadDataSourceResponse{Diagnostics: []*tfprotov6.Diagnostic{{
		Severity: tfprotov6.DiagnosticSeverityError,
		Summary:  summary,
		Detail:   "This is always a bug in the provider: " + err.Error(),
	}}}
}
