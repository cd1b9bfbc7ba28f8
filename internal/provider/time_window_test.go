package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
)

func TestParseTimestamp(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2026-11-01T00:00:00Z":           "2026-11-01T00:00:00Z",
		"2026-11-01T00:00:00-05:00":      "2026-11-01T05:00:00Z",
		"2026-11-01T23:30:00+02:00":      "2026-11-01T21:30:00Z",
		"2026-11-01T00:00:00.123456789Z": "2026-11-01T00:00:00.123456789Z",
		"0001-01-01T00:00:00Z":           "0001-01-01T00:00:00Z",
		// What timeadd(plantimestamp(), "-24h") is while Terraform validates.
		"0000-12-31T00:00:00Z": "0000-12-31T00:00:00Z",
	} {
		got, err := parseTimestamp(in)
		if err != nil || got.Format(time.RFC3339Nano) != want || got.Location() != time.UTC {
			t.Errorf("parseTimestamp(%q) = %v, %v; want %s in UTC", in, got, err, want)
		}
	}
	for _, in := range []string{
		"", "yesterday", "2026-11-01", "2026-11-01T00:00:00", "2026-11-01 00:00:00Z", "2026-13-01T00:00:00Z",
		"2026-11-01T00:00:00z0",
	} {
		if _, err := parseTimestamp(in); err == nil {
			t.Errorf("parseTimestamp(%q) accepted", in)
		} else if !strings.Contains(err.Error(), fmt.Sprintf("%q", in)) {
			t.Errorf("parseTimestamp(%q): error %q does not name the value", in, err)
		}
	}
}

func TestReadTimeWindow(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 5, 10, 20, 30, 400, time.UTC)
	str := types.StringValue
	for name, tc := range map[string]struct {
		from, to         types.String
		wantFrom, wantTo string
		wantToValue      string
		wantErr          string
	}{
		"both": {from: str("2026-11-01T00:00:00Z"), to: str("2026-11-02T00:00:00-05:00"),
			wantFrom: "2026-11-01T00:00:00Z", wantTo: "2026-11-02T05:00:00Z", wantToValue: "2026-11-02T00:00:00-05:00"},
		"equal ends": {from: str("2026-11-01T00:00:00Z"), to: str("2026-10-31T19:00:00-05:00"),
			wantFrom: "2026-11-01T00:00:00Z", wantTo: "2026-11-01T00:00:00Z", wantToValue: "2026-10-31T19:00:00-05:00"},
		"to is now, to the second": {from: str("2026-11-01T00:00:00Z"), to: types.StringNull(),
			wantFrom: "2026-11-01T00:00:00Z", wantTo: "2026-11-05T10:20:31Z", wantToValue: "2026-11-05T10:20:31Z"},
		"fractions widen the window": {from: str("2026-11-01T00:00:00.9Z"), to: str("2026-11-02T00:00:00.1Z"),
			wantFrom: "2026-11-01T00:00:00Z", wantTo: "2026-11-02T00:00:01Z", wantToValue: "2026-11-02T00:00:00.1Z"},
		"reversed":             {from: str("2026-11-02T00:00:00Z"), to: str("2026-11-01T00:00:00Z"), wantErr: "is after to"},
		"from in the future":   {from: str("2026-11-06T00:00:00Z"), to: types.StringNull(), wantErr: "is in the future"},
		"malformed from":       {from: str("2026-11-01"), to: types.StringNull(), wantErr: "not an RFC 3339 timestamp"},
		"malformed to":         {from: str("2026-11-01T00:00:00Z"), to: str("now"), wantErr: "not an RFC 3339 timestamp"},
		"from before year 1":   {from: str("0000-12-31T00:00:00Z"), to: types.StringNull(), wantErr: "outside the years 0001 to 9999"},
		"to after year 9999":   {from: str("2026-11-01T00:00:00Z"), to: str("9999-12-31T23:59:59-01:00"), wantErr: "outside the years 0001 to 9999"},
		"unknown to means now": {from: str("2026-11-01T00:00:00Z"), to: types.StringUnknown(), wantFrom: "2026-11-01T00:00:00Z", wantTo: "2026-11-05T10:20:31Z", wantToValue: "2026-11-05T10:20:31Z"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			w, diags := readTimeWindow(tc.from, tc.to, now)
			if tc.wantErr != "" {
				if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), tc.wantErr) {
					t.Fatalf("diagnostics %v, want an error with %q", diags, tc.wantErr)
				}
				return
			}
			if diags.HasError() {
				t.Fatal(diags)
			}
			if got := w.From.Format(time.RFC3339Nano); got != tc.wantFrom {
				t.Errorf("from = %s, want %s", got, tc.wantFrom)
			}
			if got := w.To.Format(time.RFC3339Nano); got != tc.wantTo {
				t.Errorf("to = %s, want %s", got, tc.wantTo)
			}
			if got := w.ToValue.ValueString(); got != tc.wantToValue {
				t.Errorf("to in state = %s, want %s", got, tc.wantToValue)
			}
		})
	}
}

// testAccTimeWindowValidation checks, at plan time, the window arguments
// of a windowed data source: the format of each bound, their order, a
// missing from, and a from in the future without a to. None of them reaches
// MCP's operation op.
func testAccTimeWindowValidation(t *testing.T, dataSource, op string) {
	em := acctest.Emulator(t)
	config := func(args string) string {
		return acctest.ProviderBlock(em) + fmt.Sprintf("\ndata %q \"test\" {\n%s\n}\n", dataSource, args)
	}
	future := time.Now().UTC().Add(48 * time.Hour).Format(time.RFC3339)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config(`from = "2026-11-01"`),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching("Invalid from", `"2026-11-01" is not an RFC 3339 timestamp`, "2026-11-01T00:00:00Z"),
			},
			{
				Config:      config(`from = "2026-11-01T00:00:00Z"` + "\n" + `to = "November 2"`),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching("Invalid to", `"November 2" is not an RFC 3339 timestamp`, "2026-11-01T00:00:00Z"),
			},
			{
				Config:      config(`from = "2026-11-02T00:00:00Z"` + "\n" + `to = "2026-11-01T00:00:00Z"`),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching("Invalid time window", "from (2026-11-02T00:00:00Z) is after to (2026-11-01T00:00:00Z)"),
			},
			{
				Config:      config(`to = "2026-11-01T00:00:00Z"`),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`The argument "from" is required`),
			},
			{
				Config:      config(fmt.Sprintf("from = %q", future)),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching("Invalid from", "("+future+") is in the future, and to is left out"),
			},
		},
	})
	if n := acctest.Requests(em, op); n != 0 {
		t.Errorf("invalid windows made %d %s requests, want none", n, op)
	}
}
