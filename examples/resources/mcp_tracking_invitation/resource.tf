terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Invite a carrier to connect to the broker's project44 account for
# asset-based tracking. project44 e-mails the contact once; every later plan
# shows the invitation's status.
resource "mcp_tracking_invitation" "example" {
  identifiers = {
    DOT_NUMBER = "1234567"
  }
  organization_name = "My Trucking LLC"
  contacts = [{
    email       = "dispatch@mytrucking.example"
    given_name  = "John"
    family_name = "Nash"
    locale      = "en-US"
    phone       = "+14805550100"
  }]

  # Invite the carrier again on the next apply if the invitation expires.
  # The plan names every carrier it will invite again.
  reinvite_when = ["EXPIRED"]
}

output "tracking_status" {
  value = mcp_tracking_invitation.example.status
}
