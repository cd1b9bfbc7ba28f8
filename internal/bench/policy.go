package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// policyRule selects from local.portfolio the carriers to block, with
// their reasons: the same text over the data source and over the baseline's
// local map.
const policyRule = `
locals {
  selected = {
    for dot, c in local.portfolio : dot => join("; ", compact([
      c.authority_revoked == true ? "authority revoked" : "",
      c.out_of_service == true ? "out of service" : "",
      c.insurance_expired == true ? "insurance expired" : "",
      try(c.risk.overall, "") == "UnacceptableReview" ? "risk unacceptable" : "",
    ]))
    if c.authority_revoked == true || c.out_of_service == true || c.insurance_expired == true || try(c.risk.overall, "") == "UnacceptableReview"
  }
}

resource "mcp_block_list" "all" {
  carriers           = {}
  selected_carriers  = { for dot, _ in local.selected : dot => "" }
  reasons            = local.selected
  unmanaged_carriers = "fail"
}
`

// policy is benchmark 5.
func (b *bench) policy() ([]result, error) {
	const n = 50_000
	const latency = 20 * time.Millisecond
	fmt.Println("==> 5. plan with no changes, mcp_block_list driven by a rule over mcp_monitored_carrier_details of 50,000 vs the same rule over a local map:", b.terraform)
	if _, err := b.monitored(n); err != nil {
		return nil, err
	}
	portfolio, err := b.portfolioLiteral()
	if err != nil {
		return nil, err
	}
	source := "provider \"mcp\" {}\n\ndata \"mcp_monitored_carrier_details\" \"all\" {}\n\n" +
		"locals {\n  portfolio = data.mcp_monitored_carrier_details.all.carriers\n}\n" + policyRule
	base := "provider \"mcp\" {}\n\nlocals {\n  portfolio = {\n" + portfolio + "  }\n}\n" + policyRule
	m, perRun, err := b.compare("policy", []string{source, base}, nil, "plan", "-detailed-exitcode")
	if err != nil {
		return nil, err
	}
	blocked := len(b.em.Snapshot().Blocked)
	pages := (n + 499) / 500
	if _, ok := perRun["PreviewCarrier"]; !ok {
		perRun["PreviewCarrier"] = 0
	}
	atBound := perRun["Token"] == 1 && perRun["MonitoredCarrierData"] == pages && perRun["PreviewCarrier"] == 0 &&
		perRun["BlockedCarriers"] == (blocked+4999)/5000 && len(perRun) == 4

	// The read alone, behind 20 ms of latency: from the first
	// MonitoredCarrierData request to the end of the last.
	dir, err := b.dir("policy-0", source)
	if err != nil {
		return nil, err
	}
	if err := b.em.SetFaults(emulator.Faults{Latency: latency}); err != nil {
		return nil, err
	}
	var spans []measurement
	for range b.runs {
		b.rec.Reset()
		if _, err := b.terraformRun(dir, "plan", "-detailed-exitcode"); err != nil {
			return nil, err
		}
		spans = append(spans, measurement{wall: b.span("MonitoredCarrierData")})
	}
	if err := b.em.SetFaults(emulator.Faults{}); err != nil {
		return nil, err
	}
	read := median(spans)
	return []result{{
		name:     fmt.Sprintf("Plan, no changes, `mcp_block_list` a rule drives over `mcp_monitored_carrier_details` of 50,000 (%d blocked)", blocked),
		provider: m[0].wall, baseline: m[1].wall,
		baselineName: "the same rule over a local map of the same carriers",
		cpu:          m[0].cpu.Round(10 * time.Millisecond).String(),
		calls:        formatCalls(perRun), callsAtBound: atBound,
	}, {
		name:     "Its read of 50,000 carriers' data, 20 ms latency",
		provider: read.wall, baseline: time.Duration(pages) * latency / mcp.PageFetchConcurrency,
		baselineName: fmt.Sprintf("ideal: %d pages × 20 ms ÷ %d", pages, mcp.PageFetchConcurrency),
		calls:        fmt.Sprintf("MonitoredCarrierData %d", pages), callsAtBound: true,
	}}, nil
}

// span is the time from the start of the first logged request of an
// operation to the end of the last.
func (b *bench) span(op string) time.Duration {
	var first, last time.Time
	for _, r := range b.rec.Requests() {
		if r.Operation != op {
			continue
		}
		if first.IsZero() || r.Started.Before(first) {
			first = r.Started
		}
		if r.Finished.After(last) {
			last = r.Finished
		}
	}
	return last.Sub(first)
}

// portfolioLiteral is the body of an HCL map of the monitored carriers, each
// with the facts the rule reads, as MCP's MonitoredCarrierData and the
// emulator's judgement of expired insurance give them.
func (b *bench) portfolioLiteral() (string, error) {
	user, pass := b.em.Credentials()
	c, err := mcp.NewClient(b.url, user, pass)
	if err != nil {
		return "", err
	}
	details, err := c.Monitoring.CarrierDataAll(context.Background())
	if err != nil {
		return "", err
	}
	expired, err := b.em.Carriers(emulator.CarrierFilter{Kind: emulator.KindExpiredInsurance})
	if err != nil {
		return "", err
	}
	lapsed := make(map[string]bool, len(expired))
	for _, e := range expired {
		lapsed[strconv.Itoa(e.DOTNumber)] = true
	}
	var out strings.Builder
	for _, d := range details {
		dot := d.DotNumber.Value
		revoked, oos, risk := false, false, ""
		if a := d.Authority; a != nil {
			revoked = a.CommonAuthorityRevocation == "Yes" || a.ContractAuthorityRevocation == "Yes" || a.BrokerAuthorityRevocation == "Yes"
		}
		if op := d.Operation; op != nil {
			oos = op.OutOfService == "Yes"
		}
		if r := d.RiskAssessmentDetails; r != nil {
			risk = r.OverallRating
		}
		fmt.Fprintf(&out, "    %q = { authority_revoked = %t, out_of_service = %t, insurance_expired = %t, risk = { overall = %q } }\n",
			dot, revoked, oos, lapsed[dot], risk)
	}
	return out.String(), nil
}
