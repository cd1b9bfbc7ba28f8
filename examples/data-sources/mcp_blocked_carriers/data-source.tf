terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

data "mcp_blocked_carriers" "all" {}

variable "carrier" {
  type = object({
    dot_number    = string
    docket_number = string
    email         = string
  })
  default = {
    dot_number    = "23868"
    docket_number = "MC113843"
    email         = "dispatch@sampletrucking.example"
  }
}

# Never invite a carrier the broker has blocked.
resource "mcp_carrier_invitation" "carrier" {
  dot_number    = var.carrier.dot_number
  docket_number = var.carrier.docket_number
  carrier_email = var.carrier.email

  lifecycle {
    precondition {
      condition     = !contains(data.mcp_blocked_carriers.all.dot_numbers, var.carrier.dot_number)
      error_message = "Carrier DOT ${var.carrier.dot_number} is on the blocked list."
    }
  }
}
