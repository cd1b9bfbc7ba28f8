# The whole monitored list: exactly these carriers are monitored. A carrier
# someone adds or cancels in the MCP portal shows up in the next plan, and
# the apply after it puts the list back as declared. Declare one
# mcp_monitoring_list per MCP account.
resource "mcp_monitoring_list" "example" {
  carriers = {
    "23868"   = { docket_number = "MC113843" }
    "1000875" = { intrastate_number = "TX100030" }
    # Without a number, MCP finds the carrier by its DOT number.
    "1000043" = {}
  }

  # Destroying the resource leaves the list as it is (the default); "clear"
  # would cancel the monitoring of every carrier on it.
  on_destroy = "keep"
}
