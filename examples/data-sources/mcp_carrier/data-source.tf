terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Vet a carrier before onboarding it.
data "mcp_carrier" "candidate" {
  dot_number    = "23868"
  docket_number = "MC113843"
}

output "risk_summary" {
  value = {
    carrier          = data.mcp_carrier.candidate.legal_name
    overall          = data.mcp_carrier.candidate.risk_assessment.overall
    authority        = data.mcp_carrier.candidate.risk_assessment.authority
    insurance        = data.mcp_carrier.candidate.risk_assessment.insurance
    safety           = data.mcp_carrier.candidate.risk_assessment.safety
    total_points     = data.mcp_carrier.candidate.risk_assessment.total_points
    possible_fraud   = data.mcp_carrier.candidate.fraud_signals.possible_fraud
    freight_validate = data.mcp_carrier.candidate.fraud_signals.freight_validate_status
  }
}

# Monitor the carrier only while its insurance is current and its auto
# liability is at least $1,000,000. Comparing with false also refuses a
# carrier whose expiration dates MCP cannot tell (null).
resource "mcp_monitored_carrier" "candidate" {
  dot_number    = data.mcp_carrier.candidate.dot_number
  docket_number = data.mcp_carrier.candidate.docket_number

  lifecycle {
    precondition {
      condition     = data.mcp_carrier.candidate.insurance_expired == false
      error_message = "${data.mcp_carrier.candidate.legal_name} has lapsed insurance."
    }
    precondition {
      condition = anytrue(flatten([
        for cert in data.mcp_carrier.candidate.insurance.certificates : [
          for c in cert.coverages : c.type == "Auto" && c.expired == false && coalesce(c.limit_amount, 0) >= 1000000
        ]
      ]))
      error_message = "${data.mcp_carrier.candidate.legal_name} has no current auto liability coverage of $1,000,000."
    }
  }
}

# With the packet: the signed W-9 and agreement, ready for mcp_document.
data "mcp_carrier" "onboarded" {
  dot_number     = "23868"
  include_packet = true
}

output "packet_documents" {
  value = data.mcp_carrier.onboarded.packet.completed ? data.mcp_carrier.onboarded.packet.documents : null
}

# The address to send a packet invitation to, as MCP ranks them: an MCP
# user of the carrier first, else its company's, else its FMCSA census e-mail.
output "invitation_email" {
  value = data.mcp_carrier.candidate.recommended_email
}
