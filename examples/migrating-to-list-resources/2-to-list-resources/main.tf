terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Step 2: the same carriers, owned by one list resource per list.
# Terraform 1.7 or later, OpenTofu 1.10 or later (removed blocks with a
# lifecycle block).

provider "mcp" {}

locals {
  # DOT number => docket number, as in step 1.
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

# The per-carrier resources leave the state; their carriers stay on MCP's
# lists. Without destroy = false, taking the resource blocks out would
# cancel the monitoring and unblock the carriers.
removed {
  from = mcp_monitored_carrier.fleet

  lifecycle {
    destroy = false
  }
}

removed {
  from = mcp_blocked_carrier.flagged

  lifecycle {
    destroy = false
  }
}

# The lists are imported as MCP holds them, so the plan compares them with
# the configuration before anything is written.
import {
  to = mcp_monitoring_list.this
  id = "monitoring_list"
}

import {
  to = mcp_block_list.this
  id = "block_list"
}

# Each list resource keeps the policy the import gives it, its default:
# from the next plan on, a carrier someone adds to the monitored list in the
# MCP portal is named in the plan and taken off by the apply ("remove"); one
# someone blocks fails the plan, which names it ("fail").
resource "mcp_monitoring_list" "this" {
  carriers = local.monitored
}

resource "mcp_block_list" "this" {
  carriers = local.blocked
}
