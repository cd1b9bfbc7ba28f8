terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

data "mcp_monitored_carriers" "all" {}

# Carriers the TMS works with that MCP does not monitor yet.
variable "tms_dot_numbers" {
  type    = list(string)
  default = ["23868", "1000003"]
}

output "not_monitored" {
  value = setsubtract(var.tms_dot_numbers, data.mcp_monitored_carriers.all.dot_numbers)
}

output "monitored_count" {
  value = data.mcp_monitored_carriers.all.carrier_count
}

# Who put each carrier on the list, for an audit: a map keyed by DOT number.
output "monitored_by" {
  value = data.mcp_monitored_carriers.all.created_by
}

# Carriers MCP monitors by DOT number alone, with no docket on file.
output "without_docket" {
  value = [for dot, docket in data.mcp_monitored_carriers.all.carriers : dot if docket == ""]
}
