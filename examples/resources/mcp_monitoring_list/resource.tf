terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# The whole monitored list: these carriers are monitored. A carrier someone
# adds or cancels in the MCP portal is named in the next plan, and the apply
# after it puts the list back as declared. Declare one mcp_monitoring_list
# per MCP account.
resource "mcp_monitoring_list" "example" {
  carriers = {
    # Keyed by DOT number; the value is the docket number,
    "23868" = "MC113843"
    # the intrastate number of an intrastate-only carrier,
    "1000875" = "TX100030"
    # or "" to name the carrier by its DOT number alone.
    "1000043" = ""
  }

  # A carrier on the list that carriers does not name is taken off it (the
  # default); "keep" would leave it monitored, listed in unmanaged, and
  # "fail" would fail the plan until it is added here.
  unmanaged_carriers = "remove"

  # Destroying the resource leaves the list as it is (the default); "clear"
  # would cancel the monitoring of the carriers it manages.
  on_destroy = "keep"
}
