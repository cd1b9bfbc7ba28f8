# The broker's block list as policy as code: carriers blocked by hand, kept
# in hand-kept.csv, and every monitored carrier that the rule below selects
# from MCP's Assure Advantage data. Both are reviewed in pull requests: the
# plan names each carrier the rule blocks or releases, and why.
#
# Credentials come from MCP_USERNAME and MCP_PASSWORD (an integration user,
# from MCP's Integration Tools page), kept as CI secrets.

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }

  # CI and people must share one state: configure a backend here, for
  # example "s3", "azurerm", "gcs" or HCP Terraform.
}

provider "mcp" {}

variable "min_auto_liability" {
  description = "The least auto liability coverage, in dollars, that the broker accepts."
  type        = number
  default     = 1000000
}

# Every monitored carrier, keyed by DOT number: one bulk read, 500 carriers a
# page. The rule needs no contacts, so only carrier_data is read.
data "mcp_monitored_carrier_details" "portfolio" {
  include = ["carrier_data"]
}

locals {
  portfolio = data.mcp_monitored_carrier_details.portfolio.carriers

  # The rule: every reason a carrier must not be used. A condition MCP
  # cannot judge (null) does not match; `== true` says so.
  why = {
    for dot, c in local.portfolio : dot => compact([
      c.authority_revoked == true ? "operating authority revoked" : "",
      c.out_of_service == true ? "out of service since ${coalesce(c.out_of_service_since, "an unknown date")}" : "",
      c.insurance_expired == true ? "insurance expired or cancelled" : "",
      try(anytrue([for cv in c.coverages : cv.type == "Auto" && cv.limit < var.min_auto_liability]), false) ? "auto liability below ${var.min_auto_liability}" : "",
      try(c.risk.overall, "") == "UnacceptableReview" ? "MCP risk assessment unacceptable (${c.risk.points} points)" : "",
    ])
  }
  selected = { for dot, reasons in local.why : dot => join("; ", reasons) if length(reasons) > 0 }

  hand_kept = { for row in csvdecode(file("${path.module}/hand-kept.csv")) : row.dot_number => row }
}

resource "mcp_block_list" "this" {
  # Blocked by hand: taking a row out of hand-kept.csv unblocks the carrier.
  # The rule never releases these.
  carriers = { for dot, row in local.hand_kept : dot => row.docket_number }

  # Blocked by the rule, each named by its DOT number alone. MCP may list an
  # intrastate-only carrier without its DOT number; the provider can then
  # find it only by its intrastate number, so block such a carrier by hand,
  # in hand-kept.csv with that number as its docket_number.
  selected_carriers = { for dot, _ in local.selected : dot => "" }

  # Shown in the plan beside each carrier; kept in state, never sent to MCP.
  reasons = merge(local.selected, { for dot, row in local.hand_kept : dot => row.reason })

  # The list is hand-kept.csv plus what the rule selects, and nothing else:
  # a carrier the rule no longer selects (its insurance renewed, say) is
  # unblocked, and so is one blocked in the MCP portal. The plan names each
  # one before the apply. "keep" would leave both blocked, listed in
  # `unmanaged`; "fail" would stop the plan until someone decides.
  unmanaged_carriers = "remove"

  lifecycle {
    # Destroying this configuration must not unblock anyone.
    prevent_destroy = true
  }
}

# Conditions that call for a look, not a block: a failed check is a warning
# in the plan, and the pipeline goes on.
check "moderate_risk" {
  assert {
    condition     = length([for dot, c in local.portfolio : dot if try(c.risk.overall, "") == "Moderate"]) == 0
    error_message = "Monitored carriers rated Moderate by MCP's risk assessment: ${join(", ", [for dot, c in local.portfolio : "${dot} (${c.legal_name})" if try(c.risk.overall, "") == "Moderate"])}."
  }
}

check "insurance_expiring_soon" {
  assert {
    condition = length([
      for dot, c in local.portfolio : dot
      if c.insurance_expired == false && c.insurance_expires_on != null && timecmp("${coalesce(c.insurance_expires_on, "9999-12-31")}T00:00:00Z", timeadd(plantimestamp(), "720h")) < 0
    ]) == 0
    error_message = "Monitored carriers whose insurance expires within 30 days: ${join(", ", [
      for dot, c in local.portfolio : "${dot} (${c.insurance_expires_on})"
      if c.insurance_expired == false && c.insurance_expires_on != null && timecmp("${coalesce(c.insurance_expires_on, "9999-12-31")}T00:00:00Z", timeadd(plantimestamp(), "720h")) < 0
    ])}."
  }
}

output "blocked_by_rule" {
  description = "How many carriers the rule blocks."
  value       = length(local.selected)
}
