# Adopt what MCP already holds: the monitored carriers one by one, and the
# block list as a whole. Terraform 1.14 or later (terraform query).
#
# Set MCP_USERNAME and MCP_PASSWORD to an integration user's credentials
# (MCP's Integration Tools page); MCP_BASE_URL points at the emulator for a
# trial run. README.md gives the steps.

terraform {
  required_version = ">= 1.14.0"
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

provider "mcp" {}
