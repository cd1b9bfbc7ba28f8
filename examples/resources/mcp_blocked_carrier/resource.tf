terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Block one carrier, named by its DOT and docket numbers.
resource "mcp_blocked_carrier" "example" {
  dot_number    = "23868"
  docket_number = "MC113843"
}

# Without a docket number MCP finds the carrier by its DOT number, and
# docket_number then shows the docket MCP lists.
resource "mcp_blocked_carrier" "by_dot" {
  dot_number = "1033070"
}

# Carriers the broker's TMS has flagged, one resource each. Carriers
# blocked outside Terraform are left alone; to own the whole block list,
# use mcp_block_list instead.
variable "flagged_carriers" {
  description = "Carriers to block: DOT number => docket number."
  type        = map(string)
  default = {
    "1050533" = "MC141450"
  }
}

resource "mcp_blocked_carrier" "flagged" {
  for_each = var.flagged_carriers

  dot_number    = each.key
  docket_number = each.value
}
