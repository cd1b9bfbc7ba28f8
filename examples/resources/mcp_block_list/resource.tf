terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# The broker's whole block list: these carriers are blocked. A carrier
# someone unblocks in the MCP portal is named in the next plan, which blocks
# it again; `terraform plan -detailed-exitcode` then exits 2, which fails a
# CI pipeline. Declare one mcp_block_list per MCP account.
resource "mcp_block_list" "example" {
  carriers = {
    # DOT number = docket number, or intrastate number, or "".
    "1013015" = "MC125609"
    "1033070" = "MC134024"
    "1001960" = "CA100060"
  }

  # A carrier blocked in the portal that carriers does not name fails the
  # plan, which names it and gives the line to add here (the default).
  # "remove" would unblock it; "keep" would leave it blocked, unmanaged.
  unmanaged_carriers = "fail"
}
