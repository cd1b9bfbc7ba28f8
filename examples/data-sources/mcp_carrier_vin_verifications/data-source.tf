terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

data "mcp_carrier_vin_verifications" "carrier" {
  dot_number = "23868"
}

# VINs MCP found registered to a different carrier: a sign of a double
# broker or of borrowed equipment.
output "vins_of_other_carriers" {
  value = {
    for v in data.mcp_carrier_vin_verifications.carrier.verifications :
    v.vin => "DOT ${v.other_carrier.dot_number} ${v.other_carrier.company_name}" if v.other_carrier != null
  }
}

check "vins_belong_to_carrier" {
  assert {
    condition = alltrue([
      for v in data.mcp_carrier_vin_verifications.carrier.verifications : v.status_id != 3
    ])
    error_message = "A VIN verified for this carrier belongs to another carrier."
  }
}
