# The whole monitored list: exactly these carriers are monitored. A carrier
# someone adds or cancels in the MCP portal shows up in the next plan, and
# the apply after it puts the list back as declared. Declare one
# mcp_monitoring_list per MCP account.
resource "mcp_monitoring_list" "example" {
  carriers = {
    # Keyed by DOT number; the value is the docket number,
    "23868" = "MC113843"
    # the intrastate number of an intrastate-only carrier,
    "1000875" = "TX100030"
    # or "" to name the carrier by its DOT number alone.
    "1000043" = ""
  }

  # Destroying the resource leaves the list as it is (the default); "clear"
  # would cancel the monitoring of every carrier on it.
  on_destroy = "keep"
}
