# Every blocked carrier with a docket number starting MC, one result each.
list "mcp_blocked_carrier" "mc" {
  provider = mcp
  limit    = 50000

  config {
    number_type = "MC"
  }
}

# The intrastate-only carriers on the block list.
list "mcp_blocked_carrier" "intrastate" {
  provider = mcp
  limit    = 50000

  config {
    number_type = "intrastate"
  }
}
