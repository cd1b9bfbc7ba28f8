terraform {
  required_providers {
    mcp = {
      source = "carrierstate/mcp"
    }
  }
}

# The credentials are those of an MCP integration user, from MCP's
# Integration Tools page (https://mycarrierpackets.com/IntegrationTools).
# Keep them out of the configuration: set MCP_USERNAME and MCP_PASSWORD in
# the environment. Every argument is optional; these are the defaults.
provider "mcp" {
  base_url               = "https://api.mycarrierpackets.com"
  request_timeout        = "1m"
  max_retries            = 5
  retry_wait_min         = "500ms"
  retry_wait_max         = "30s"
  list_write_concurrency = 10
}
