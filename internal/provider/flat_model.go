package provider

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Flat models: structs whose every field is an attr.Value (types.String and
// the like) tagged `tfsdk:"name"`, one per attribute, read from and written
// to a state without the framework's reflection.
//
// terraform-plugin-framework v1.19 compiles a regular expression for every
// struct field on every State.Get and State.Set (reflect.isValidFieldName),
// and Set then walks the whole value again. In a refresh of thousands of
// per-carrier resources that was most of the provider's own CPU time: a
// Read of mcp_monitored_carrier took 250 µs where the framework alone takes
// 120 µs. A flat model's fields are found once per type here, and each value
// converts itself. TestFlatModelMatchesFramework holds both ways to the same
// result.

// flatField is one attribute of a flat model.
type flatField struct {
	name  string
	index int
}

var flatFields sync.Map // reflect.Type -> []flatField

// fieldsOf lists a flat model type's attributes, once per type.
func fieldsOf(t reflect.Type) []flatField {
	if f, ok := flatFields.Load(t); ok {
		return f.([]flatField) //nolint:forcetypeassert // only fieldsOf stores
	}
	var fields []flatField
	for i := range t.NumField() {
		if name := t.Field(i).Tag.Get("tfsdk"); name != "" && name != "-" {
			fields = append(fields, flatField{name, i})
		}
	}
	flatFields.Store(t, fields)
	return fields
}

// flatValue is a flat model as a value of typ (a state's or plan's type).
func flatValue(ctx context.Context, typ tftypes.Type, model any) (tftypes.Value, error) {
	v := reflect.ValueOf(model)
	attrs := map[string]tftypes.Value{}
	for _, f := range fieldsOf(v.Type()) {
		a, ok := v.Field(f.index).Interface().(attr.Value)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("field %s of %s is not an attr.Value", f.name, v.Type())
		}
		tv, err := a.ToTerraformValue(ctx)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("%s: %w", f.name, err)
		}
		attrs[f.name] = tv
	}
	if err := tftypes.ValidateValue(typ, attrs); err != nil {
		return tftypes.Value{}, err
	}
	return tftypes.NewValue(typ, attrs), nil
}

// getFlat reads a state's or plan's value into a flat model (a pointer).
func getFlat(ctx context.Context, value tftypes.Value, model any) error {
	var attrs map[string]tftypes.Value
	if err := value.As(&attrs); err != nil {
		return err
	}
	v := reflect.ValueOf(model).Elem()
	for _, f := range fieldsOf(v.Type()) {
		field := v.Field(f.index)
		zero, ok := field.Interface().(attr.Value)
		if !ok {
			return fmt.Errorf("field %s of %s is not an attr.Value", f.name, v.Type())
		}
		a, err := zero.Type(ctx).ValueFromTerraform(ctx, attrs[f.name])
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		field.Set(reflect.ValueOf(a))
	}
	return nil
}
