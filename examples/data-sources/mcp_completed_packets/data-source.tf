terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# Carriers that completed the broker's packet in the last seven days.
data "mcp_completed_packets" "last_week" {
  from = timeadd(plantimestamp(), "-168h")
}

output "new_carriers" {
  value = [
    for c in data.mcp_completed_packets.last_week.carriers :
    "${c.legal_name} (DOT ${c.dot_number}) completed the packet at ${c.completed_at}"
  ]
}

# Start monitoring every carrier that completed the packet in October.
data "mcp_completed_packets" "october" {
  from = "2026-10-01T00:00:00-05:00"
  to   = "2026-10-31T23:59:59-05:00"
}

resource "mcp_monitored_carrier" "onboarded" {
  for_each = { for c in data.mcp_completed_packets.october.carriers : c.dot_number => c }

  dot_number    = each.value.dot_number
  docket_number = each.value.docket_number
}
