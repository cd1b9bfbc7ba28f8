terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

data "mcp_carrier_incident_reports" "carrier" {
  docket_number = "MC113843"
}

# A carrier without reports reads as report_count 0.
check "no_incidents" {
  assert {
    condition     = data.mcp_carrier_incident_reports.carrier.report_count == 0
    error_message = "Incident reports on file: ${join("; ", [for r in data.mcp_carrier_incident_reports.carrier.reports : "${r.incident_date} ${join(", ", r.incident_types)} (${r.reported_by_company})"])}."
  }
}

output "incident_types" {
  value = distinct(flatten(data.mcp_carrier_incident_reports.carrier.reports[*].incident_types))
}
