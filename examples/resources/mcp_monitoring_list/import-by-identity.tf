# Adopt the monitored list by its resource identity (Terraform 1.12 or later,
# OpenTofu 1.12 or later): the fixed ID of the one monitored list per account.
import {
  to = mcp_monitoring_list.example
  identity = {
    id = "monitoring_list"
  }
}
