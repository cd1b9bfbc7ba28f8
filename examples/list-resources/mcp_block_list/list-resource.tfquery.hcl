# The whole block list as one mcp_block_list: with -generate-config-out,
# one resource whose carriers map holds every blocked carrier.
list "mcp_block_list" "all" {
  provider         = mcp
  include_resource = true
}
