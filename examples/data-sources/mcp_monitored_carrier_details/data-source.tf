terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Every monitored carrier, with its contacts and what changed in the last
# day, as rules a policy can test.
data "mcp_monitored_carrier_details" "portfolio" {
  include       = ["carrier_data", "contacts"]
  changes_since = timeadd(plantimestamp(), "-24h")
}

locals {
  carriers = data.mcp_monitored_carrier_details.portfolio.carriers

  # Carriers no load may be tendered to, and why.
  must_block = merge(
    { for dot, c in local.carriers : dot => "insurance expired" if c.insurance_expired == true },
    { for dot, c in local.carriers : dot => "authority revoked" if c.authority_revoked == true },
    { for dot, c in local.carriers : dot => "out of service since ${c.out_of_service_since}" if c.out_of_service == true },
    { for dot, c in local.carriers : dot => "MCP advises a review" if try(c.risk.overall, null) == "UnacceptableReview" },
  )

  # Carriers whose liability cover is below what the broker requires.
  underinsured = [for dot, c in local.carriers : dot if coalesce(c.liability_on_file, 0) < 1000000]

  # Carriers whose insurance changed in the last day.
  insurance_changed = [for dot, c in local.carriers : dot if contains(coalesce(c.change_categories, []), "Insurance")]
}

check "portfolio_policy" {
  assert {
    condition     = length(local.must_block) == 0
    error_message = "Carriers to block: ${join(", ", [for dot, why in local.must_block : "DOT ${dot} (${why})"])}."
  }
}

output "portfolio_summary" {
  value = {
    carriers          = data.mcp_monitored_carrier_details.portfolio.carrier_count
    must_block        = length(local.must_block)
    underinsured      = length(local.underinsured)
    insurance_changed = local.insurance_changed
  }
}
