package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

const completedPacketsAddress = "data.mcp_completed_packets.test"

// wholeSecondRFC3339 is a timestamp as the window data sources write one.
var wholeSecondRFC3339 = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

func testAccCompletedPacketsConfig(em *emulator.Instance, args string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf("\ndata \"mcp_completed_packets\" \"test\" {\n%s\n}\n", args)
}

// expectCompletedPackets checks the data source against what MCP serves, in
// completion order (then by DOT number).
func expectCompletedPackets(served []mcp.CompletedPacket) []statecheck.StateCheck {
	sorted := slices.Clone(served)
	slices.SortStableFunc(sorted, func(a, b mcp.CompletedPacket) int {
		if c := a.CompletedDate.Compare(b.CompletedDate.Time); c != 0 {
			return c
		}
		return a.DOTNumber - b.DOTNumber
	})
	carriers := make([]knownvalue.Check, len(sorted))
	for i, p := range sorted {
		carriers[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"dot_number":    knownvalue.StringExact(strconv.Itoa(p.DOTNumber)),
			"docket_number": stringOrNull(p.DocketNumber),
			"legal_name":    stringOrNull(p.LegalName),
			"completed_at":  timeOrNull(p.CompletedDate),
		})
	}
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(int64(len(sorted)))),
		statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("carriers"), knownvalue.ListExact(carriers)),
	}
}

// Every carrier that completed the packet in a window given at both ends:
// the emulator's history and two completions in the portal just now.
func TestAccCompletedPacketsDataSource_window(t *testing.T) {
	em := acctest.Emulator(t)
	now := time.Now().UTC()
	for _, c := range acctest.Carriers(t, em, emulator.KindIntrastate, 1) {
		if err := em.CompletePacket(c.DOTNumber); err != nil {
			t.Fatal(err)
		}
	}
	if err := em.CompletePacket(emulator.SampleDOTNumber); err != nil {
		t.Fatal(err)
	}
	from := now.Add(-100 * 24 * time.Hour).Format(time.RFC3339)
	to := now.Add(time.Hour).Format(time.RFC3339)
	fromTime, _ := time.Parse(time.RFC3339, from)
	toTime, _ := time.Parse(time.RFC3339, to)
	served, err := acctest.Client(t, em).Invitations.CompletedPackets(context.Background(), fromTime, toTime)
	if err != nil {
		t.Fatal(err)
	}
	if len(served) < 10 || !slices.ContainsFunc(served, func(p mcp.CompletedPacket) bool { return p.DOTNumber == emulator.SampleDOTNumber }) {
		t.Fatalf("MCP serves %d completed packets, without the sample carrier's", len(served))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccCompletedPacketsConfig(em, fmt.Sprintf("from = %q\nto = %q", from, to)),
			ConfigStateChecks: append(expectCompletedPackets(served),
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("from"), knownvalue.StringExact(from)),
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("to"), knownvalue.StringExact(to)),
			),
		}},
	})
}

// Without to, the window ends now, and to shows when that was. A window
// given with an offset works the same.
func TestAccCompletedPacketsDataSource_untilNow(t *testing.T) {
	em := acctest.Emulator(t)
	carrier := acctest.Carrier(t, em, emulator.KindMC)
	start := time.Now().UTC().Add(-time.Minute).Truncate(time.Second)
	if err := em.CompletePacket(carrier.DOTNumber); err != nil {
		t.Fatal(err)
	}
	served, err := acctest.Client(t, em).Invitations.CompletedPackets(context.Background(), start, time.Now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(served) != 1 || served[0].DOTNumber != carrier.DOTNumber {
		t.Fatalf("MCP serves %+v, want only DOT %d", served, carrier.DOTNumber)
	}
	from := start.In(time.FixedZone("CST", -6*3600)).Format(time.RFC3339)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccCompletedPacketsConfig(em, fmt.Sprintf("from = %q", from)),
			ConfigStateChecks: append(expectCompletedPackets(served),
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("from"), knownvalue.StringExact(from)),
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("to"), knownvalue.StringFunc(func(v string) error {
					to, err := time.Parse(time.RFC3339, v)
					switch {
					case err != nil || !wholeSecondRFC3339.MatchString(v):
						return fmt.Errorf("to = %q, want an RFC 3339 UTC time in whole seconds", v)
					case to.Before(start) || to.After(time.Now().Add(2*time.Second)):
						return fmt.Errorf("to = %s, want the time of the read", v)
					}
					return nil
				})),
			),
		}},
	})
}

// A window in which nobody completed the packet is an answer, not an error.
func TestAccCompletedPacketsDataSource_none(t *testing.T) {
	em := acctest.Emulator(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccCompletedPacketsConfig(em, `
  from = "2001-01-01T00:00:00Z"
  to   = "2001-12-31T23:59:59Z"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("carriers"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccCompletedPacketsDataSource_validation(t *testing.T) {
	testAccTimeWindowValidation(t, "mcp_completed_packets", "CompletedPackets")
}

// The rolling window the documentation suggests, from plantimestamp() and
// without to: Terraform validates it with a placeholder time in year 0, and
// plans it with the real one. (plantimestamp() has whole seconds, so as to
// it would leave out a packet completed in the plan's own second.)
func TestAccCompletedPacketsDataSource_rollingWindow(t *testing.T) {
	em := acctest.Emulator(t)
	carrier := acctest.Carrier(t, em, emulator.KindMC)
	if err := em.CompletePacket(carrier.DOTNumber); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: testAccCompletedPacketsConfig(em, `from = timeadd(plantimestamp(), "-1h")`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("carriers").AtSliceIndex(0).AtMapKey("dot_number"),
					knownvalue.StringExact(strconv.Itoa(carrier.DOTNumber))),
			},
		}, {
			// A fixed start and plantimestamp() as the end: validated with
			// the placeholder, the window would look reversed.
			Config: testAccCompletedPacketsConfig(em, fmt.Sprintf("from = %q\nto = plantimestamp()",
				time.Now().UTC().Add(-time.Hour).Format(time.RFC3339))),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("to"), knownvalue.StringRegexp(wholeSecondRFC3339)),
			},
		}},
	})
}

func TestCompletedPacketsFromAPI(t *testing.T) {
	t.Parallel()
	at := func(s string) mcp.Time { tm, _ := mcp.ParseTime(s); return tm }
	got := completedPacketsFromAPI([]mcp.CompletedPacket{
		{DOTNumber: 30, DocketNumber: "MC3", LegalName: "C", CompletedDate: at("2026-11-02T10:00:00.5")},
		{DOTNumber: 20, LegalName: "B", CompletedDate: at("2026-11-01T10:00:00")},
		{DOTNumber: 10, DocketNumber: "MC1", LegalName: "A", CompletedDate: at("2026-11-02T10:00:00.5")},
	})
	var order []string
	for _, p := range got {
		order = append(order, p.DOTNumber.ValueString()+"@"+p.CompletedAt.ValueString())
	}
	want := []string{"20@2026-11-01T10:00:00Z", "10@2026-11-02T10:00:00Z", "30@2026-11-02T10:00:00Z"}
	if !slices.Equal(order, want) {
		t.Errorf("order %q, want %q", order, want)
	}
	if !got[0].DocketNumber.IsNull() {
		t.Errorf("an intrastate carrier's docket is %s, want null", got[0].DocketNumber)
	}
	if got := completedPacketsFromAPI(nil); got == nil || len(got) != 0 {
		t.Errorf("no packets map to %#v, want an empty list", got)
	}
}

// MCP writing, and reading, its date-times in US Central time (emulator
// variant local-times): with time_zone naming that zone, the last hour's
// window holds the packet completed a moment ago, at the instant it was
// completed. Read as UTC, the window would sit six hours away from it.
func TestAccCompletedPacketsDataSource_mcpTimeZone(t *testing.T) {
	em := emulatortest.Start(t, emulator.Options{Carriers: acctest.UniverseSize, Variants: []string{emulator.VariantLocalTimes}})
	carrier := acctest.Carrier(t, em, emulator.KindMC)
	completed := time.Now()
	if err := em.CompletePacket(carrier.DOTNumber); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlockWith(em, `time_zone = "America/Chicago"`) +
				"\ndata \"mcp_completed_packets\" \"test\" {\n  from = timeadd(plantimestamp(), \"-1h\")\n}\n",
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("carrier_count"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue(completedPacketsAddress, tfjsonpath.New("carriers").AtSliceIndex(0).AtMapKey("completed_at"),
					knownvalue.StringFunc(func(v string) error {
						at, err := time.Parse(time.RFC3339, v)
						if err != nil || at.Sub(completed).Abs() > time.Minute {
							return fmt.Errorf("completed_at = %q, want about %s", v, completed.UTC().Format(time.RFC3339))
						}
						return nil
					})),
			},
		}},
	})
}
