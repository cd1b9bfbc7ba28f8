terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Text a carrier's driver a link asking for a photo of the truck's VIN:
#   terraform apply -invoke=action.mcp_request_vin_verification.truck
# MCP sends VIN verification requests by text message only.
action "mcp_request_vin_verification" "truck" {
  config {
    dot_number    = "23868"
    docket_number = "MC113843"
    phone_number  = "(555) 010-0199"
    user_name     = "brenda"
  }
}

# MCP's findings, once the carrier has answered.
data "mcp_carrier_vin_verifications" "truck" {
  dot_number = "23868"
}
