terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Step 1: one resource per carrier. Each resource manages its own carrier;
# carriers monitored or blocked outside Terraform are left alone.

provider "mcp" {}

locals {
  # DOT number => docket number.
  monitored = {
    "23868"   = "MC113843"
    "1000043" = "MC120016"
    "1000097" = "MC120037"
  }
  blocked = {
    "1000120" = "MC120042"
    "1013015" = "MC125609"
  }
}

resource "mcp_monitored_carrier" "fleet" {
  for_each = local.monitored

  dot_number    = each.key
  docket_number = each.value
}

resource "mcp_blocked_carrier" "flagged" {
  for_each = local.blocked

  dot_number    = each.key
  docket_number = each.value
}
