terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Invite a carrier to complete the broker's packet. The e-mail goes out once,
# when the resource is created; every later plan shows whether the carrier
# has completed the packet.
resource "mcp_carrier_invitation" "example" {
  dot_number    = "23868"
  docket_number = "MC113843"
  carrier_email = "dispatch@carrier.com"

  # Tie the invitation to the broker's MCP user, and copy the carrier rep.
  user_name           = "brenda"
  notification_emails = ["carrier-sales@broker.example"]

  # Change a value to send the invitation again, for example as a reminder.
  resend_triggers = {
    round = "1"
  }
}

output "packet_completed" {
  value = mcp_carrier_invitation.example.packet_completed
}

# Invite each carrier at the address MCP recommends for it (recommended_email):
# an MCP user of the carrier authorised for packets first, else its company's
# address, else its FMCSA census address.
variable "new_carriers" {
  description = "Carriers to invite, by DOT number."
  type        = set(string)
  default     = ["1000043"]
}

data "mcp_carrier" "new" {
  for_each   = var.new_carriers
  dot_number = each.value
}

resource "mcp_carrier_invitation" "new" {
  for_each = var.new_carriers

  dot_number    = each.value
  docket_number = data.mcp_carrier.new[each.value].docket_number
  carrier_email = data.mcp_carrier.new[each.value].recommended_email
  user_name     = "brenda"

  lifecycle {
    # Preconditions are checked before the arguments above are evaluated.
    precondition {
      condition     = data.mcp_carrier.new[each.value].recommended_email != null
      error_message = "MCP knows no e-mail address for DOT ${each.value} to send an invitation to."
    }
    precondition {
      condition     = !data.mcp_carrier.new[each.value].blocked
      error_message = "DOT ${each.value} is on the broker's block list."
    }
  }
}
