package provider

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

// unreachableConfig is three monitored and two blocked carriers, and a data
// source over each list: two shared reads, one per list.
const unreachableConfig = `
resource "mcp_monitored_carrier" "c" {
  for_each   = toset(%[1]s)
  dot_number = each.value
}

resource "mcp_blocked_carrier" "c" {
  for_each   = toset(%[2]s)
  dot_number = each.value
}

data "mcp_monitored_carriers" "all" {}

data "mcp_blocked_carriers" "all" {}
`

// retriedAdvice is what every report of an unreachable MCP ends with, for
// the provider blocks below (max_retries = 2).
const retriedAdvice = "The provider retried the request 2 times (max_retries) before giving up, and changed nothing in MCP. " +
	"Check base_url (or the MCP_BASE_URL environment variable) and that this machine can reach MCP: network, proxy, firewall."

// When MCP stops answering after the provider has authenticated, each
// list is read once for every resource and data source that needs it, and
// its failure is reported once, by its first reader, in full; the other
// resources keep their state and say nothing. A data source cannot keep
// anything, so one that was not first points at that report. Nothing in
// state changes.
func TestAccMembership_unreachableReportsOncePerList(t *testing.T) {
	t.Parallel()
	em := acctest.Emulator(t)
	monitored := acctest.Carriers(t, em, emulator.KindMC, 5)
	dots := func(cs []emulator.CarrierInfo) string {
		var q []string
		for _, c := range cs {
			q = append(q, `"`+strconv.Itoa(c.DOTNumber)+`"`)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	d := newCLIDir(t, acctest.ProviderBlockWith(em, "max_retries = 2")+
		fmt.Sprintf(unreachableConfig, dots(monitored[:3]), dots(monitored[3:])))
	d.run(0, "apply", "-auto-approve")
	statePath := filepath.Join(d.Dir, "terraform.tfstate")
	before, err := os.ReadFile(statePath)
	if err != nil {
		t.Fatal(err)
	}

	if err := em.SetFaults(emulator.Faults{Rate: 1, Statuses: []int{0}, Operations: []string{"MonitoredCarriers", "BlockedCarriers"}}); err != nil {
		t.Fatal(err)
	}
	reads := map[string]int{"MonitoredCarriers": acctest.Requests(em, "MonitoredCarriers"), "BlockedCarriers": acctest.Requests(em, "BlockedCarriers")}
	for _, args := range [][]string{{"plan"}, {"apply", "-refresh-only", "-auto-approve"}} {
		out := d.run(1, args...)
		for op, list := range map[string]string{"MonitoredCarriers": "monitored list", "BlockedCarriers": "blocked list"} {
			full := acctest.ErrorMatching("Error: Unable to read the "+list,
				"MCP could not be reached at "+em.URL+" (base_url, from the provider block): reading the "+list+": MCP "+op,
				retriedAdvice)
			pointer := acctest.ErrorMatching("Error: Unable to read the "+list,
				"Reading the "+list+" failed, and the error reported for it once, for the first resource or data source that needed it, "+
					"says why. Nothing was sent to MCP for this one.")
			nFull, nPointer := countErrors(out, full), countErrors(out, pointer)
			if nFull != 1 || nPointer > 1 {
				t.Errorf("%s: the %s's failure is reported %d times in full and pointed at %d times, want once and at most once (by the data source):\n%s",
					args[0], list, nFull, nPointer, out)
			}
			// One reading, retried twice: three requests.
			if got := acctest.Requests(em, op) - reads[op]; got != 3 {
				t.Errorf("%s: %s reached the emulator %d times, want 3 (one reading, retried twice)", args[0], op, got)
			}
			reads[op] = acctest.Requests(em, op)
		}
		if n := strings.Count(out, "Error: "); n > 4 {
			t.Errorf("%s: %d errors, want one per list and at most one more per data source:\n%s", args[0], n, out)
		}
		if strings.Contains(out, "has been deleted") || strings.Contains(out, "will be created") {
			t.Errorf("%s: a resource lost its state:\n%s", args[0], out)
		}
	}
	if after, err := os.ReadFile(statePath); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the state changed (%v):\n%s", err, after)
	}
}

// With MCP unreachable from the start, the provider's own authentication
// fails, once, saying what was tried and what to check; no resource or data
// source reports anything.
func TestAccProvider_unreachableReportsOnce(t *testing.T) {
	t.Parallel()
	em := acctest.Emulator(t)
	closed := strings.Replace(acctest.ProviderBlockWith(em, "max_retries = 2"), em.URL, "http://127.0.0.1:1", 1)
	d := newCLIDir(t, closed+fmt.Sprintf(unreachableConfig, `["23868"]`, `["23868"]`))
	out := d.run(1, "plan")
	want := acctest.ErrorMatching("Error: Unable to reach MCP", "MCP could not be reached at http://127.0.0.1:1 (base_url, from the provider block): "+
		"requesting an MCP access token: MCP Token: dial tcp 127.0.0.1:1: connect: connection refused.", retriedAdvice)
	if n := strings.Count(out, "Error: "); n != 1 || !want.MatchString(out) {
		t.Errorf("%d errors, want exactly one quoting %s:\n%s", n, want, out)
	}
}

// countErrors counts the diagnostics in a CLI's output that match re.
func countErrors(out string, re *regexp.Regexp) int {
	n := 0
	for _, block := range strings.Split(out, "Error: ")[1:] {
		if re.MatchString("Error: " + block) {
			n++
		}
	}
	return n
}
