terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Step 3: back to one resource per carrier. Terraform 1.7 or later, OpenTofu
# 1.10 or later (removed blocks with a lifecycle block, import blocks with
# for_each).

provider "mcp" {}

locals {
  # DOT number => docket number, as in steps 1 and 2.
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

# The list resources leave the state; MCP's lists stay as they are.
removed {
  from = mcp_monitoring_list.this

  lifecycle {
    destroy = false
  }
}

removed {
  from = mcp_block_list.this

  lifecycle {
    destroy = false
  }
}

# Each carrier is imported by its ID, <dot>/<docket>
# (<dot>/intrastate/<number> for an intrastate-only carrier).
import {
  for_each = local.monitored

  to = mcp_monitored_carrier.fleet[each.key]
  id = "${each.key}/${each.value}"
}

import {
  for_each = local.blocked

  to = mcp_blocked_carrier.flagged[each.key]
  id = "${each.key}/${each.value}"
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
