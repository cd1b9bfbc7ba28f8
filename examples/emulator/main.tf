terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Try the provider against the MCP emulator, without an MCP account. From a
# clone of https://github.com/carrierstate/terraform-provider-mcp:
#
#   go run ./internal/emulator/cmd/mcp-emulator
#   export MCP_USERNAME=demo MCP_PASSWORD=demo

variable "mcp_base_url" {
  description = "The emulator's address, as its -listen flag sets it."
  type        = string
  default     = "http://127.0.0.1:8089"
}

provider "mcp" {
  base_url = var.mcp_base_url
}

# The sample carrier: the same in every emulator universe.
data "mcp_carrier" "sample" {
  dot_number = "23868"
}

resource "mcp_monitored_carrier" "sample" {
  dot_number    = data.mcp_carrier.sample.dot_number
  docket_number = data.mcp_carrier.sample.docket_number
}

# Two carriers of one of the emulator's fraud rings, which share an e-mail
# address. A carrier blocked in the portal that is not named here fails the
# plan (unmanaged_carriers = "fail", the default).
resource "mcp_block_list" "this" {
  carriers = {
    "1013015" = "MC125609"
    "1033070" = "MC134024"
  }
}

output "sample_carrier" {
  value = {
    legal_name = data.mcp_carrier.sample.legal_name
    risk       = data.mcp_carrier.sample.risk_assessment.overall
  }
}
