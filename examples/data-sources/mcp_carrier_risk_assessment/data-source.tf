terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Vet a carrier before monitoring it: refuse one MCP rates UnacceptableReview.
data "mcp_carrier_risk_assessment" "candidate" {
  dot_number    = "23868"
  docket_number = "MC113843"
}

resource "mcp_monitored_carrier" "candidate" {
  dot_number    = data.mcp_carrier_risk_assessment.candidate.dot_number
  docket_number = data.mcp_carrier_risk_assessment.candidate.docket_number

  lifecycle {
    precondition {
      condition     = data.mcp_carrier_risk_assessment.candidate.overall_rating != "UnacceptableReview"
      error_message = "MCP rates this carrier UnacceptableReview (${data.mcp_carrier_risk_assessment.candidate.total_points} points)."
    }
  }
}

# Every rule that fired, across the five categories.
output "risk_findings" {
  value = flatten([
    for category in ["authority", "insurance", "safety", "operation", "other"] : [
      for infraction in data.mcp_carrier_risk_assessment.candidate[category].infractions :
      "${category}: ${infraction.rule_text} (${infraction.points} points)"
    ]
  ])
}
