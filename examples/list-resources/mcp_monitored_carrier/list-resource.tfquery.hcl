# Every monitored carrier, one result each. terraform query shows 100
# results per list block unless limit says otherwise.
list "mcp_monitored_carrier" "all" {
  provider = mcp
  limit    = 50000
}

# Only the freight forwarders (FF dockets) in a DOT range.
list "mcp_monitored_carrier" "forwarders" {
  provider = mcp
  limit    = 50000

  config {
    number_type    = "FF"
    dot_number_min = 1000000
    dot_number_max = 1999999
  }
}
