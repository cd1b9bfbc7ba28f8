# The broker's block list, owned by Terraform and enforced from CI.
#
# blocked-carriers.csv is the block list: compliance staff change it through
# pull requests, and every change is reviewed in `terraform plan` before it
# reaches MCP. The pipelines (.github/workflows/block-list.yml,
# .gitlab-ci.yml) post plan.sh's summary on each pull request and apply the
# saved plan after the merge with apply.sh; check-drift.sh runs on a schedule
# and fails the pipeline when MCP's block list differs from the file: the
# plan names each carrier someone unblocked or blocked in the MCP portal,
# with who blocked it and when.
#
# Credentials come from MCP_USERNAME and MCP_PASSWORD (an integration user,
# from MCP's Integration Tools page), kept as CI secrets.

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }

  # CI and people must share one state: configure a backend here, for
  # example "s3", "azurerm", "gcs" or HCP Terraform.
}

provider "mcp" {}

locals {
  # One row per blocked carrier: dot_number, then docket_number or, for an
  # intrastate-only carrier, intrastate_number; reason is for people.
  blocked = csvdecode(file("${path.module}/blocked-carriers.csv"))
}

resource "mcp_block_list" "this" {
  # A carrier the file drops is unblocked by the next apply; a carrier
  # someone unblocked in the portal is blocked again.
  carriers = {
    # The docket number, else the intrastate number, else "" (DOT alone).
    for row in local.blocked : row.dot_number => row.docket_number != "" ? row.docket_number : row.intrastate_number
  }

  # A carrier on MCP's block list that the file does not name (someone
  # blocked it in the portal, perhaps for fraud an hour ago) fails the plan,
  # and so the pipeline: the error names it, with who blocked it and when.
  # Someone must then add its row to the file, or decide otherwise here.
  # This is the default, set to be explicit: "remove" would unblock such a
  # carrier at the next apply (the plan only warns), and "keep" would leave
  # it blocked without anyone adding it to the file.
  unmanaged_carriers = "fail"

  lifecycle {
    # An empty or truncated export must not unblock every carrier.
    precondition {
      condition     = length(local.blocked) > 0
      error_message = "blocked-carriers.csv lists no carriers; refusing to empty MCP's block list."
    }
    # Destroying this configuration must not unblock anyone either.
    prevent_destroy = true
  }
}

output "blocked_count" {
  description = "How many carriers on MCP's block list the file manages."
  value       = length(mcp_block_list.this.carriers)
}
