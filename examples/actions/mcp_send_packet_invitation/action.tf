terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Send a carrier an invitation to complete the broker's packet, now:
#   terraform apply -invoke=action.mcp_send_packet_invitation.reminder
# Every invocation sends one e-mail; nothing is recorded in state.
action "mcp_send_packet_invitation" "reminder" {
  config {
    dot_number    = "23868"
    docket_number = "MC113843"
    carrier_email = "dispatch@carrier.com"

    # Tie the invitation to the broker's MCP user, and copy the carrier rep.
    user_name           = "brenda"
    notification_emails = ["carrier-sales@broker.example"]
  }
}

# Invite a carrier when it is first monitored: the action runs once, after
# the resource is created, and not on later applies.
resource "mcp_monitored_carrier" "new" {
  dot_number    = "1000043"
  docket_number = "MC120016"

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.mcp_send_packet_invitation.new]
    }
  }
}

action "mcp_send_packet_invitation" "new" {
  config {
    dot_number    = mcp_monitored_carrier.new.dot_number
    docket_number = mcp_monitored_carrier.new.docket_number
    carrier_email = "dispatch@carrier1000043.example"
  }
}
