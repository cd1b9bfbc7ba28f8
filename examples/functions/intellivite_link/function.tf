terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# An Intellivite link that pre-fills the carrier and ties the invitation to
# an MCP user; the ID is the customer GUID on MCP's Integration Tools page.
output "invite_link" {
  value = provider::mcp::intellivite_link("ea72823e-1506-4b72-a3b0-a488e1ba2f1e", "brenda", "23868", "MC113843")
}

# The basic link, with nothing pre-filled.
output "basic_invite_link" {
  value = provider::mcp::intellivite_link("ea72823e-1506-4b72-a3b0-a488e1ba2f1e")
}
