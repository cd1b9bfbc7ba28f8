package provider

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/carrierstate/terraform-provider-mcp/internal/httpcall"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// A failed reading of a list is reported once in full, by the first of its
// readers; the others say nothing if they can keep what they have, and
// point at it otherwise.
func TestAddListError(t *testing.T) {
	t.Parallel()
	pd := &providerData{mcpAt: "http://127.0.0.1:18090 (base_url, from the MCP_BASE_URL environment variable)", maxRetries: 5}
	refused := &httpcall.ConnectionError{Err: errors.New("dial tcp 127.0.0.1:18090: connect: connection refused")}
	err := &membership.LoadError{List: "monitored list", Err: fmt.Errorf("MCP MonitoredCarriers: %w", refused)}

	var first, quiet, pointer diag.Diagnostics
	pd.addListError(&first, "Unable to read the monitored list", err, true)
	pd.addListError(&quiet, "Unable to read the monitored list", err, true)
	pd.addListError(&pointer, "Unable to read the monitored list", err, false)
	want := `MCP could not be reached at http://127.0.0.1:18090 (base_url, from the MCP_BASE_URL environment variable): ` +
		`reading the monitored list: MCP MonitoredCarriers: dial tcp 127.0.0.1:18090: connect: connection refused.` +
		"\n\nThe provider retried the request 5 times (max_retries) before giving up, and changed nothing in MCP. " +
		"Check base_url (or the MCP_BASE_URL environment variable) and that this machine can reach MCP: network, proxy, firewall."
	if len(first) != 1 || first[0].Summary() != "Unable to read the monitored list" || first[0].Detail() != want {
		t.Errorf("the first reader reports %v, want\n%s", first, want)
	}
	if len(quiet) != 0 {
		t.Errorf("a later reader that keeps its state reports %v", quiet)
	}
	if len(pointer) != 1 || pointer[0].Detail() != "Reading the monitored list failed, and the error reported for it once, "+
		"for the first resource or data source that needed it, says why. Nothing was sent to MCP for this one." {
		t.Errorf("a later reader that cannot go on reports %v", pointer)
	}
}

func TestExplainRead(t *testing.T) {
	t.Parallel()
	pd := &providerData{mcpAt: "https://api.mycarrierpackets.com (the default base_url)", maxRetries: 1}
	for _, tc := range []struct {
		name string
		err  error
		want []string // in order; nil: as explain says it
	}{
		{"server errors", &mcp.APIError{Operation: "BlockedCarriers", StatusCode: 503},
			[]string{"MCP at https://api.mycarrierpackets.com (the default base_url) answered with a server error each time: " +
				"MCP BlockedCarriers: HTTP 503 Service Unavailable.\n\nThe provider retried the request once (max_retries) before giving up, " +
				"and changed nothing in MCP."}},
		{"not found is not retried", &mcp.APIError{Operation: "BlockedCarriers", StatusCode: 404}, nil},
		{"throttled", &mcp.RateLimitError{APIError: mcp.APIError{Operation: "BlockedCarriers", StatusCode: 429}}, nil},
	} {
		got := pd.explainRead(tc.err)
		if tc.want == nil {
			tc.want = []string{explain(tc.err)}
		}
		rest := got
		for _, w := range tc.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s: %q\ndoes not hold %q", tc.name, got, w)
				break
			}
			rest = rest[i+len(w):]
		}
	}
}
