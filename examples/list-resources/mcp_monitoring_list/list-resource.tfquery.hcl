# The whole monitored list as one mcp_monitoring_list: with
# -generate-config-out, one resource whose carriers map holds every
# monitored carrier.
list "mcp_monitoring_list" "all" {
  provider         = mcp
  include_resource = true
}
