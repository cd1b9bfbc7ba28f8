terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Who has accepted the broker's tracking invitations.
data "mcp_tracking_invitations" "accepted" {
  statuses = ["ACCEPTED"]
}

output "tracked_dot_numbers" {
  value = sort(compact([for i in data.mcp_tracking_invitations.accepted.invitations : lookup(i.identifiers, "DOT_NUMBER", "")]))
}

# The latest status by carrier, for lookups across thousands of carriers.
data "mcp_tracking_invitations" "all" {}

output "carrier_1234567_status" {
  value = lookup(data.mcp_tracking_invitations.all.latest_status, "DOT_NUMBER:1234567", "not invited")
}
