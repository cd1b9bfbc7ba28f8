terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Monitored carriers whose insurance, authority or risk changed in the
# last day.
data "mcp_carrier_changes" "last_day" {
  from = timeadd(plantimestamp(), "-24h")
}

locals {
  # Carriers whose insurance changed and that now have a cancelled coverage.
  cancelled = [
    for c in data.mcp_carrier_changes.last_day.carriers : c
    if contains(c.change_categories, "Insurance") && c.insurance_cancellation_date != null
  ]
}

check "no_cancelled_insurance" {
  assert {
    condition     = length(local.cancelled) == 0
    error_message = "Insurance cancelled: ${join(", ", [for c in local.cancelled : "${c.legal_name} (DOT ${c.dot_number}) on ${c.insurance_cancellation_date}"])}."
  }
}

check "no_unacceptable_risk" {
  assert {
    condition     = alltrue([for c in data.mcp_carrier_changes.last_day.carriers : c.risk_overall_rating != "UnacceptableReview"])
    error_message = "MCP advises a review of: ${join(", ", [for c in data.mcp_carrier_changes.last_day.carriers : c.dot_number if c.risk_overall_rating == "UnacceptableReview"])}."
  }
}

output "change_summary" {
  value = {
    carriers        = data.mcp_carrier_changes.last_day.carrier_count
    insurance       = data.mcp_carrier_changes.last_day.insurance_change_count
    fmcsa           = data.mcp_carrier_changes.last_day.fmcsa_change_count
    risk_assessment = data.mcp_carrier_changes.last_day.risk_assessment_change_count
  }
}
