terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# The carrier's packet, payment and tax details included, read at every
# plan and apply and stored neither in state nor in the plan file.
ephemeral "mcp_carrier_packet" "candidate" {
  dot_number    = "23868"
  docket_number = "MC113843"
}

locals {
  # The factoring companies your finance team pays.
  approved_factoring_companies = ["RTS Financial", "Triumph Business Capital"]
  factoring_company            = try(ephemeral.mcp_carrier_packet.candidate.payment.factoring.company_name, null)
}

# Monitor the carrier only once it has completed your packet, and only if
# it is paid directly or through a factoring company you pay.
resource "mcp_monitored_carrier" "candidate" {
  dot_number    = "23868"
  docket_number = "MC113843"

  lifecycle {
    precondition {
      condition     = ephemeral.mcp_carrier_packet.candidate.completed
      error_message = "The carrier has not completed your packet."
    }
    precondition {
      condition     = local.factoring_company == null || contains(local.approved_factoring_companies, local.factoring_company)
      error_message = "The carrier factors its invoices through a company finance has not approved."
    }
  }
}

# Warn, without stopping the plan, when MCP could not match the carrier's
# taxpayer ID with IRS records.
check "tin_matches_irs" {
  assert {
    condition = alltrue([
      for m in coalesce(ephemeral.mcp_carrier_packet.candidate.tin_matching, []) : strcontains(m.result, "matches IRS records")
    ])
    error_message = "MCP could not match the carrier's taxpayer ID and name with IRS records."
  }
}
