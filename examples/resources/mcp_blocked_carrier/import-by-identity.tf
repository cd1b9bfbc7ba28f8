# Adopt a carrier already blocked, by its resource identity (Terraform 1.12
# or later, OpenTofu 1.12 or later). docket_number is optional: MCP finds
# the carrier by its DOT number. For an intrastate-only carrier give
# intrastate_number instead, such as "TX123456".
import {
  to = mcp_blocked_carrier.example
  identity = {
    dot_number    = "23868"
    docket_number = "MC113843"
  }
}
