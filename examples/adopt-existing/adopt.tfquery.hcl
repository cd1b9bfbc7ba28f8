# What `terraform query` looks for. Each list block returns what MCP holds
# now; -generate-config-out turns the results into import blocks and
# resources.

# Every monitored carrier, one mcp_monitored_carrier each. terraform query
# stops at 100 results per block unless limit is raised.
list "mcp_monitored_carrier" "all" {
  provider = mcp
  limit    = 50000
}

# The block list as one mcp_block_list, whose carriers map holds every
# blocked carrier: plans then name any carrier someone blocks or unblocks
# in the MCP portal.
list "mcp_block_list" "all" {
  provider = mcp
}

# The packet invitations MCP reports for monitored carriers. Importing
# records them as sent, so nothing is e-mailed again.
list "mcp_carrier_invitation" "all" {
  provider = mcp
  limit    = 50000
}
