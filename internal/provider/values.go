package provider

import (
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// How MCP's answers become attribute values. MCP writes "none" as empty
// text, a zero time or number, or a missing field; the state shows null.

// optionalString maps MCP's empty text to null.
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// rawOptionalString is optionalString as a terraform-plugin-go value.
func rawOptionalString(s string) tftypes.Value {
	if s == "" {
		return nullStringValue
	}
	return tftypes.NewValue(tftypes.String, s)
}

// optionalTime formats an MCP time as RFC 3339 in UTC, or null.
func optionalTime(t time.Time) types.String {
	if t.IsZero() {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}

// rawOptionalTime is optionalTime as a terraform-plugin-go value.
func rawOptionalTime(t time.Time) tftypes.Value {
	if t.IsZero() {
		return tftypes.NewValue(tftypes.String, nil)
	}
	return tftypes.NewValue(tftypes.String, t.UTC().Format(time.RFC3339))
}

// fmcsaNoDate is how FMCSA data writes a date that is not there.
const fmcsaNoDate = "0000-00-00"

// optionalDate keeps a date as MCP writes it; fmcsaNoDate is null.
func optionalDate(s string) types.String {
	if s == fmcsaNoDate {
		return types.StringNull()
	}
	return optionalString(s)
}

// dotValue is a DOT number as the string attributes hold it; zero (MCP
// sent none) is null.
func dotValue(n int) types.String {
	if n == 0 {
		return types.StringNull()
	}
	return types.StringValue(strconv.Itoa(n))
}

// stringPointerValue is optionalString of a field MCP may leave out.
func stringPointerValue(s *string) types.String {
	if s == nil {
		return types.StringNull()
	}
	return optionalString(*s)
}

// int64PointerValue is a number MCP may leave out; zero stays zero.
func int64PointerValue(n *int) types.Int64 {
	if n == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*n))
}

// orZero is what p points to, or the zero value (empty text, mapped to
// null) for a part MCP left out.
func orZero[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// mapSlice maps a list MCP sent to a list attribute that is never null: a
// missing list is an empty one.
func mapSlice[T, M any](in []T, fn func(T) M) []M {
	out := make([]M, 0, len(in))
	for _, v := range in {
		out = append(out, fn(v))
	}
	return out
}

// planned is a planned value in a warning: unknown values are written as
// the CLI writes them.
func planned(v types.String) string {
	if v.IsUnknown() {
		return "(known after apply)"
	}
	return v.ValueString()
}
