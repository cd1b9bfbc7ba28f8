terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
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

  # Optional: project44, for inviting carriers to asset-based tracking
  # (mcp_tracking_invitation). Set PROJECT44_CLIENT_ID and
  # PROJECT44_CLIENT_SECRET in the environment; the region picks the host.
  project44 {
    region = "na"
  }
}
