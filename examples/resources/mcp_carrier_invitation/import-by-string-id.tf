# Adopt an invitation sent outside Terraform (in the MCP portal, or by an
# earlier tool): importing records it and sends nothing.
import {
  to = mcp_carrier_invitation.example
  id = "23868/MC113843/dispatch@carrier.com"
}
