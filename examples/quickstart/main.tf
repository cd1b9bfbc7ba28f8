# Quickstart: a few monitored carriers, a block list and a packet invitation.
#
# `make demo` applies this against the local MCP emulator, from a clone of
# the provider's repository:
#   git clone https://github.com/carrierstate/terraform-provider-mcp
#   cd terraform-provider-mcp && make demo
# Against MCP itself, set MCP_USERNAME and MCP_PASSWORD to an integration
# user's credentials (MCP's Integration Tools page) and leave MCP_BASE_URL
# unset.

terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

provider "mcp" {}

variable "monitored_dot_numbers" {
  description = "Carriers to keep under Assure Advantage monitoring."
  type        = set(string)
  default     = ["23868"]
}

variable "blocked_carriers" {
  description = "The block list: carriers the broker must not book, by DOT number, with their docket numbers."
  type        = map(string)
  default     = {}
}

variable "invitee" {
  description = "A carrier to invite to complete the broker's packet."
  type = object({
    dot_number    = string
    docket_number = string
    email         = string
  })
  default = {
    dot_number    = "23868"
    docket_number = "MC113843"
    email         = "dispatch@sampletrucking.example"
  }
}

resource "mcp_monitored_carrier" "this" {
  for_each   = var.monitored_dot_numbers
  dot_number = each.value
}

# The whole block list, owned by Terraform: a carrier unblocked in the MCP
# portal is named in the next plan and blocked again; one blocked there but
# not listed here fails the plan (unmanaged_carriers defaults to "fail")
# until it is added to blocked_carriers.
resource "mcp_block_list" "this" {
  carriers = var.blocked_carriers
}

resource "mcp_carrier_invitation" "this" {
  carrier_email = var.invitee.email
  dot_number    = var.invitee.dot_number
  docket_number = var.invitee.docket_number
}

output "monitored" {
  description = "Monitored carriers, with the docket MCP lists and who added them."
  value       = { for k, c in mcp_monitored_carrier.this : k => "${c.id} (added by ${c.created_by})" }
}

output "blocked" {
  description = "Blocked carriers: DOT number to docket number."
  value       = mcp_block_list.this.carriers
}

output "invitation" {
  description = "The invitation, and whether the carrier has completed the packet since."
  value = {
    sent_to          = mcp_carrier_invitation.this.carrier_email
    sent_at          = mcp_carrier_invitation.this.sent_at
    packet_completed = mcp_carrier_invitation.this.packet_completed
  }
}
