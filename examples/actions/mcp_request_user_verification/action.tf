terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Ask a carrier's user to verify their identity when the carrier is first
# monitored: the action runs once, after the resource is created.
resource "mcp_monitored_carrier" "new" {
  dot_number    = "23868"
  docket_number = "MC113843"

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.mcp_request_user_verification.dispatch]
    }
  }
}

# Or at any time, by hand:
#   terraform apply -invoke=action.mcp_request_user_verification.dispatch
action "mcp_request_user_verification" "dispatch" {
  config {
    dot_number    = mcp_monitored_carrier.new.dot_number
    docket_number = mcp_monitored_carrier.new.docket_number
    email         = "dispatch@carrier.com"
    user_name     = "brenda"
  }
}

# The outcome shows later in the carrier's contacts.
data "mcp_carrier_contacts" "new" {
  dot_number = mcp_monitored_carrier.new.dot_number
}

output "verification_status" {
  value = { for c in data.mcp_carrier_contacts.new.contacts : c.email => c.verification_status }
}
