terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# A known bad actor's phone number. Every carrier that shares it goes on
# the blocked list.
variable "bad_actor_phone" {
  type    = string
  default = "(555) 010-0199"
}

data "mcp_associated_carriers" "ring" {
  phone = var.bad_actor_phone
}

resource "mcp_blocked_carrier" "ring" {
  for_each = { for c in data.mcp_associated_carriers.ring.carriers : c.dot_number => c }

  dot_number    = each.value.dot_number
  docket_number = each.value.docket_number
}

# Before onboarding a carrier, check that its e-mail address belongs to no
# other carrier.
data "mcp_associated_carriers" "candidate_email" {
  email = "dispatch@sampletrucking.example"
}

check "email_not_shared" {
  assert {
    condition     = data.mcp_associated_carriers.candidate_email.carrier_count <= 1
    error_message = "The e-mail address is shared by DOT ${join(", ", data.mcp_associated_carriers.candidate_email.carriers[*].dot_number)}."
  }
}
