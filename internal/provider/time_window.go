package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The time window of mcp_completed_packets, mcp_carrier_changes and
// mcp_factoring_companies: `from` (required) and `to` (optional, meaning
// now), RFC 3339 timestamps, parsed and checked here only.
//
// MCP takes window bounds in whole seconds and includes both ends. A bound
// with a fraction widens the window to the whole seconds around it: `from`
// is rounded down and `to` up, so nothing the configuration asks for is
// left out. MCP documents no maximum window (its guidance is about how
// often to poll, not how far back), so none is imposed.

// timestampExample is the example every timestamp message shows.
const timestampExample = "2026-11-01T00:00:00Z"

// parseTimestamp reads an RFC 3339 timestamp, in UTC.
func parseTimestamp(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 timestamp: expected a date and time with a time zone, such as %s "+
			"or 2026-11-01T00:00:00-05:00 (Terraform's timestamp(), plantimestamp() and timeadd() write this form)", s, timestampExample)
	}
	return t.UTC(), nil
}

// parseWindowBound reads a bound at read time: a timestamp whose instant
// falls in the years 0001 to 9999 in UTC, which is what MCP's query format
// can carry. (The range is not checked at plan time: Terraform validates
// with plantimestamp() at year 1, so timeadd(plantimestamp(), "-24h") is in
// year 0 until the real plan.)
func parseWindowBound(s string) (time.Time, error) {
	t, err := parseTimestamp(s)
	if err != nil {
		return time.Time{}, err
	}
	if y := t.Year(); y < 1 || y > 9999 {
		return time.Time{}, fmt.Errorf("%q is outside the years 0001 to 9999 (UTC)", s)
	}
	return t, nil
}

// timestampValidator checks `from` and `to` at plan time.
var timestampValidator = stringCheck{
	description: "an RFC 3339 timestamp such as " + timestampExample,
	check:       func(s string) error { _, err := parseTimestamp(s); return err },
}

// timeWindowAttributes are the `from` and `to` arguments; fromText and
// toText say, for the data source at hand, what the bounds select.
func timeWindowAttributes(fromText, toText string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"from": schema.StringAttribute{
			MarkdownDescription: fromText + " An RFC 3339 timestamp such as `" + timestampExample + "`; " +
				"`timeadd(plantimestamp(), \"-24h\")` gives a rolling window that is known when Terraform plans. " +
				"MCP counts whole seconds and includes both ends of the window.",
			Required:   true,
			Validators: []validator.String{timestampValidator},
		},
		"to": schema.StringAttribute{
			MarkdownDescription: toText + " An RFC 3339 timestamp such as `" + timestampExample + "`, not before `from`. " +
				"Leave it out to mean now: the attribute then shows the time used, to the second. " +
				"(Leaving it out is better than `plantimestamp()`, which is rounded down to the second.)",
			Optional:   true,
			Computed:   true,
			Validators: []validator.String{timestampValidator},
		},
	}
}

// timeWindow is a parsed window, in UTC, widened to whole seconds.
type timeWindow struct {
	From, To time.Time
	// FromValue and ToValue are the state values of `from` and `to`: as
	// configured, and for a `to` left out, the end used.
	FromValue, ToValue types.String
}

// String names the window in messages.
func (w timeWindow) String() string {
	return fmt.Sprintf("the window %s to %s", w.From.Format(time.RFC3339), w.To.Format(time.RFC3339))
}

// windowArguments reads `from` and `to` from a data source's configuration.
func windowArguments(ctx context.Context, cfg tfsdk.Config) (from, to types.String, diags diag.Diagnostics) {
	diags = cfg.GetAttribute(ctx, path.Root("from"), &from)
	diags.Append(cfg.GetAttribute(ctx, path.Root("to"), &to)...)
	return from, to, diags
}

// readConfiguredWindow reads and parses the window of a data source's
// configuration at read time.
func readConfiguredWindow(ctx context.Context, cfg tfsdk.Config, now time.Time) (timeWindow, diag.Diagnostics) {
	from, to, diags := windowArguments(ctx, cfg)
	if diags.HasError() {
		return timeWindow{}, diags
	}
	w, parseDiags := readTimeWindow(from, to, now)
	diags.Append(parseDiags...)
	return w, diags
}

// readTimeWindow parses the configured window at read time; an absent `to`
// is now. Validation has already checked the format and the order of two
// configured bounds; a `from` later than now is found here.
func readTimeWindow(from, to types.String, now time.Time) (timeWindow, diag.Diagnostics) {
	var diags diag.Diagnostics
	start, err := parseWindowBound(from.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("from"), "Invalid from", err.Error())
		return timeWindow{}, diags
	}
	w := timeWindow{From: start.Truncate(time.Second), FromValue: from, ToValue: to}
	if to.IsNull() || to.IsUnknown() {
		w.To = ceilSecond(now.UTC())
		w.ToValue = types.StringValue(w.To.Format(time.RFC3339))
		if start.After(w.To) {
			diags.AddAttributeError(path.Root("from"), "Invalid from",
				fmt.Sprintf("from (%s) is in the future, and to is left out, which means now (%s). Set to, or move from back.",
					from.ValueString(), w.ToValue.ValueString()))
		}
		return w, diags
	}
	end, err := parseWindowBound(to.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("to"), "Invalid to", err.Error())
		return timeWindow{}, diags
	}
	if start.After(end) {
		diags.Append(reversedWindow(from.ValueString(), to.ValueString()))
		return timeWindow{}, diags
	}
	w.To = ceilSecond(end)
	return w, diags
}

// ceilSecond rounds a time up to a whole second.
func ceilSecond(t time.Time) time.Time {
	if s := t.Truncate(time.Second); !s.Equal(t) {
		return s.Add(time.Second)
	}
	return t
}

func reversedWindow(from, to string) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root("from"), "Invalid time window",
		fmt.Sprintf("from (%s) is after to (%s): the window must not end before it starts. Swap them, or move from back.", from, to))
}

// timeWindowValidator rejects, at plan time, a window whose configured
// bounds are in the wrong order.
type timeWindowValidator struct{}

var _ datasource.ConfigValidator = timeWindowValidator{}

func (timeWindowValidator) Description(context.Context) string {
	return "from must not be after to"
}

func (v timeWindowValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (timeWindowValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	from, to, diags := windowArguments(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || from.IsNull() || from.IsUnknown() || to.IsNull() || to.IsUnknown() {
		return
	}
	start, err1 := parseTimestamp(from.ValueString())
	end, err2 := parseTimestamp(to.ValueString())
	if err1 != nil || err2 != nil {
		return // the attribute validators report these
	}
	// Terraform validates with plantimestamp() at its zero time,
	// 0001-01-01T00:00:00Z, so a bound computed from it is meaningless
	// until the plan; Read checks the order with the real values.
	if start.Year() < 2 || end.Year() < 2 {
		return
	}
	if start.After(end) {
		resp.Diagnostics.Append(reversedWindow(from.ValueString(), to.ValueString()))
	}
}
