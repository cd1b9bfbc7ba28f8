# Vetting carriers with the provider's data sources, and acting on the
# result:
#
# - a packet invitation goes only to a carrier whose insurance is current
#   and sufficient, whose MCP risk assessment is acceptable, that is not
#   blocked and that shares neither its e-mail address nor a fraud ring's
#   phone number: `precondition` blocks stop the plan with the reason;
# - every carrier that shares a phone number with a known bad actor is
#   blocked;
# - `check` blocks warn, without stopping anything, about what deserves a
#   look: a moderate risk, fraud reports, a fraud-ring carrier still
#   monitored.
#
# Preconditions are checked on every plan, not only the first: a carrier
# invited earlier whose insurance has since lapsed stops the plan too, which
# is when to decide whether to keep it in var.candidates.

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

provider "mcp" {}

variable "candidates" {
  description = "Carriers to onboard, by DOT number: the docket number (null for an intrastate-only carrier) and the address the packet invitation goes to."
  type = map(object({
    docket_number = optional(string)
    email         = string
  }))
  default = {
    "23868" = { docket_number = "MC113843", email = "dispatch@sampletrucking.example" }
  }
}

variable "bad_actor_phones" {
  description = "Phone numbers of known bad actors, from the broker's own cases or incident reports. Every carrier that shares one is blocked."
  type        = set(string)
  default     = ["(713) 786-7455"]
}

variable "minimum_auto_liability" {
  description = "The smallest current auto liability limit accepted, in dollars."
  type        = number
  default     = 1000000
}

variable "minimum_cargo" {
  description = "The smallest current cargo limit accepted, in dollars."
  type        = number
  default     = 100000
}

# Identity, insurance, fraud signals and whether the broker already blocks
# the carrier.
data "mcp_carrier" "candidate" {
  for_each = var.candidates

  dot_number    = each.key
  docket_number = each.value.docket_number
}

# MCP's risk assessment, with every rule that fired.
data "mcp_carrier_risk_assessment" "candidate" {
  for_each = var.candidates

  dot_number    = each.key
  docket_number = each.value.docket_number
}

# Other carriers that use the address the invitation would go to.
data "mcp_associated_carriers" "candidate_email" {
  for_each = var.candidates

  email = each.value.email
}

# Fraud rings: every carrier that shares a phone number with a bad actor.
data "mcp_associated_carriers" "bad_actor" {
  for_each = var.bad_actor_phones

  phone = each.value
}

locals {
  # Fraud-ring carriers, by DOT number.
  ring = merge([
    for found in data.mcp_associated_carriers.bad_actor : {
      for c in found.carriers : c.dot_number => c
    }
  ]...)

  # The largest current limit of each kind of coverage, by DOT number; 0
  # when the carrier has none.
  current_limits = {
    for dot, carrier in data.mcp_carrier.candidate : dot => {
      auto = max(0, flatten([
        for cert in carrier.insurance.certificates : [
          for c in cert.coverages : coalesce(c.limit_amount, 0) if c.type == "Auto" && c.expired == false
        ]
      ])...)
      cargo = max(0, flatten([
        for cert in carrier.insurance.certificates : [
          for c in cert.coverages : coalesce(c.limit_amount, 0) if startswith(c.type, "Cargo") && c.expired == false
        ]
      ])...)
    }
  }

  # Carriers other than the candidate that use the candidate's address.
  email_shared_with = {
    for dot, found in data.mcp_associated_carriers.candidate_email :
    dot => [for c in found.carriers : c.dot_number if c.dot_number != dot]
  }
}

resource "mcp_carrier_invitation" "candidate" {
  for_each = var.candidates

  dot_number    = each.key
  docket_number = each.value.docket_number
  carrier_email = each.value.email

  lifecycle {
    # insurance_expired is null when MCP cannot tell: comparing with false
    # refuses that carrier too.
    precondition {
      condition     = data.mcp_carrier.candidate[each.key].insurance_expired == false
      error_message = "${data.mcp_carrier.candidate[each.key].legal_name} (DOT ${each.key}) has lapsed insurance, or MCP cannot tell."
    }
    precondition {
      condition = local.current_limits[each.key].auto >= var.minimum_auto_liability
      error_message = format(
        "%s (DOT %s) has $%d of current auto liability, less than $%d.",
        data.mcp_carrier.candidate[each.key].legal_name, each.key, local.current_limits[each.key].auto, var.minimum_auto_liability,
      )
    }
    precondition {
      condition = local.current_limits[each.key].cargo >= var.minimum_cargo
      error_message = format(
        "%s (DOT %s) has $%d of current cargo coverage, less than $%d.",
        data.mcp_carrier.candidate[each.key].legal_name, each.key, local.current_limits[each.key].cargo, var.minimum_cargo,
      )
    }
    precondition {
      condition     = data.mcp_carrier_risk_assessment.candidate[each.key].overall_rating != "UnacceptableReview"
      error_message = "MCP rates DOT ${each.key} UnacceptableReview (${data.mcp_carrier_risk_assessment.candidate[each.key].total_points} points)."
    }
    precondition {
      condition     = !data.mcp_carrier.candidate[each.key].blocked
      error_message = "DOT ${each.key} is on the broker's block list."
    }
    precondition {
      condition     = !contains(keys(local.ring), each.key)
      error_message = "DOT ${each.key} shares a phone number with a known bad actor."
    }
    precondition {
      condition     = length(local.email_shared_with[each.key]) == 0
      error_message = "${each.value.email} is also used by DOT ${join(", ", local.email_shared_with[each.key])}."
    }
  }
}

# Block the whole ring. If the block list is owned by mcp_block_list (see
# examples/ci-block-list), add these carriers to that list instead: the two
# must not manage the same list.
resource "mcp_blocked_carrier" "ring" {
  for_each = local.ring

  dot_number    = each.key
  docket_number = each.value.docket_number
}

check "risk_is_acceptable" {
  assert {
    condition = alltrue([
      for r in data.mcp_carrier_risk_assessment.candidate : r.overall_rating == "Acceptable"
    ])
    error_message = "Review before booking: ${join("; ", [
      for dot, r in data.mcp_carrier_risk_assessment.candidate :
      "DOT ${dot} is ${r.overall_rating} (${join(", ", flatten([
        for category in [r.authority, r.insurance, r.safety, r.operation, r.other] : category.infractions[*].rule_text
      ]))})" if r.overall_rating != "Acceptable"
    ])}."
  }
}

check "no_fraud_reports" {
  assert {
    condition = alltrue([
      for c in data.mcp_carrier.candidate : coalesce(c.fraud_signals.incident_reports_with_fraud, 0) == 0
    ])
    error_message = "Incident reports alleging fraud: ${join(", ", [
      for dot, c in data.mcp_carrier.candidate : "DOT ${dot} (${c.fraud_signals.incident_reports_with_fraud})"
      if coalesce(c.fraud_signals.incident_reports_with_fraud, 0) != 0
    ])}."
  }
}

# A check can read data of its own: here, whether any ring carrier is still
# under monitoring, which costs money and suggests the ring was onboarded.
check "ring_not_monitored" {
  data "mcp_monitored_carriers" "all" {}

  assert {
    condition     = length(setintersection(keys(local.ring), data.mcp_monitored_carriers.all.dot_numbers)) == 0
    error_message = "Monitored carriers in a fraud ring: DOT ${join(", ", setintersection(keys(local.ring), data.mcp_monitored_carriers.all.dot_numbers))}."
  }
}

output "invited" {
  description = "Each invited carrier, and whether it has completed the packet."
  value       = { for dot, inv in mcp_carrier_invitation.candidate : dot => inv.packet_completed }
}

output "blocked_ring" {
  description = "Carriers blocked for sharing a phone number with a known bad actor."
  value       = { for dot, c in local.ring : dot => c.company_name }
}
