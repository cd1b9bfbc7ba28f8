# Adopt an invitation sent outside Terraform, by its resource identity
# (Terraform 1.12 or later, OpenTofu 1.12 or later), so that applying does
# not send it again. Give docket_number exactly as the resource block does,
# and leave it out for a carrier without one.
import {
  to = mcp_carrier_invitation.example
  identity = {
    dot_number    = "23868"
    docket_number = "MC113843"
    carrier_email = "dispatch@carrier.com"
  }
}
