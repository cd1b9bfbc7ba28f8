# Onboard carriers in MCP and invite them to project44 tracking, from one
# list: each carrier is monitored in MCP (Assure Advantage), and invited to
# connect to the broker's project44 account for asset-based tracking at the
# e-mail address MCP recommends for it. Carriers project44 can already track
# need no invitation. The outputs say who has accepted; every plan refreshes
# them.
#
# Credentials come from the environment: MCP_USERNAME and MCP_PASSWORD (an
# MCP integration user), PROJECT44_CLIENT_ID and PROJECT44_CLIENT_SECRET (a
# project44 client application).

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

provider "mcp" {}

variable "carriers" {
  description = "Carriers to onboard: DOT number to docket number (\"\" for none)."
  type        = map(string)
  default = {
    "23868"   = "MC113843"
    "1000043" = ""
    "1000097" = "MC120037"
  }
}

# Monitor every carrier in MCP.
resource "mcp_monitored_carrier" "carrier" {
  for_each      = var.carriers
  dot_number    = each.key
  docket_number = each.value == "" ? null : each.value
}

# What MCP knows of each carrier: its legal name and the e-mail addresses
# it approves for reaching the carrier.
data "mcp_carrier" "carrier" {
  for_each   = var.carriers
  dot_number = each.key
}

# Whether project44 can already track each carrier's trucks.
data "mcp_tracking_methods" "carrier" {
  for_each         = var.carriers
  identifier_value = each.key
}

locals {
  # The address MCP recommends: a carrier user authorised for packets
  # first, then the company's, then the FMCSA census address.
  contact = { for dot, c in data.mcp_carrier.carrier : dot => c.recommended_email }

  # Carriers to invite: those project44 cannot track by asset yet.
  to_invite = {
    for dot, m in data.mcp_tracking_methods.carrier : dot => dot if !m.asset_tracking
  }
}

resource "mcp_tracking_invitation" "carrier" {
  for_each = local.to_invite

  identifiers       = { DOT_NUMBER = each.key }
  organization_name = data.mcp_carrier.carrier[each.key].legal_name
  contacts = [{
    email      = local.contact[each.key]
    given_name = "Dispatch"
    locale     = "en-US"
  }]

  # An invitation that expires is sent again on the next apply; the plan
  # names each carrier it invites again. A declined one is left alone.
  reinvite_when = ["EXPIRED"]

  lifecycle {
    precondition {
      condition     = local.contact[each.key] != null
      error_message = "MCP knows no e-mail address for DOT ${each.key} to send a tracking invitation to."
    }
  }

  depends_on = [mcp_monitored_carrier.carrier]
}

output "tracking_accepted" {
  description = "Carriers that accepted the tracking invitation, or that project44 could already track."
  value = sort(concat(
    [for dot, inv in mcp_tracking_invitation.carrier : dot if inv.status == "ACCEPTED"],
    [for dot, m in data.mcp_tracking_methods.carrier : dot if m.asset_tracking],
  ))
}

output "tracking_pending" {
  description = "Carriers whose invitation is still open, by status."
  value       = { for dot, inv in mcp_tracking_invitation.carrier : dot => inv.status if inv.status != "ACCEPTED" }
}
