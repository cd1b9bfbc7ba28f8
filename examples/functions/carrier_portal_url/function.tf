terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# The carrier's page in the MCP portal, opening MCP's request for a
# certificate of insurance.
output "carrier_page" {
  value = provider::mcp::carrier_portal_url("23868", "MC113843", true)
}

# An intrastate carrier has no docket number.
output "intrastate_carrier_page" {
  value = provider::mcp::carrier_portal_url("1000003", "", false)
}
