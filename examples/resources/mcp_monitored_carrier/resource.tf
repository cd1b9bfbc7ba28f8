terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Monitor one carrier, named by its DOT and docket numbers.
resource "mcp_monitored_carrier" "example" {
  dot_number    = "23868"
  docket_number = "MC113843"
}

# An intrastate-only carrier has no docket number: give its state-issued
# number instead.
resource "mcp_monitored_carrier" "intrastate" {
  dot_number        = "1000875"
  intrastate_number = "TX100030"
}

# Many carriers, one resource each. Adding a carrier to the map or taking
# one out touches only that carrier; carriers monitored outside Terraform
# are left alone.
variable "monitored_carriers" {
  description = "Carriers to monitor: DOT number => docket number."
  type        = map(string)
  default = {
    "1000043" = "MC120016"
    "1000097" = "MC120037"
  }
}

resource "mcp_monitored_carrier" "fleet" {
  for_each = var.monitored_carriers

  dot_number    = each.key
  docket_number = each.value
}
