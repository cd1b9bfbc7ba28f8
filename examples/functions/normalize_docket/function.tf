terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Docket numbers from another system, written in several ways.
variable "tms_dockets" {
  type    = list(string)
  default = ["mc 113843", "MC-120001", " ff#4512 "]
}

output "dockets" {
  value = [for d in var.tms_dockets : provider::mcp::normalize_docket(d)]
}
