terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Whether project44 can already track a carrier's trucks: a carrier with
# asset-based tracking needs no invitation e-mail.
data "mcp_tracking_methods" "carrier" {
  identifier_type  = "DOT_NUMBER"
  identifier_value = "1234567"
}

output "asset_tracking" {
  value = data.mcp_tracking_methods.carrier.asset_tracking
}

output "equipment_identifier_types" {
  value = [for m in data.mcp_tracking_methods.carrier.methods : m.equipment_identifier_type]
}
