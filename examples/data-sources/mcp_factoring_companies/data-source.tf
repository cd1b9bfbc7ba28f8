terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# The whole factoring-company directory: an early from reads everything.
data "mcp_factoring_companies" "all" {
  from = "2000-01-01T00:00:00Z"
}

# Look a factoring company up by the ID a carrier's payment details name.
locals {
  factoring_by_id = { for c in data.mcp_factoring_companies.all.companies : c.id => c }
}

output "factoring_company_1001" {
  value = try(local.factoring_by_id["1001"].name, null)
}

# Companies added or changed in the last 30 days, to update a TMS.
data "mcp_factoring_companies" "recent" {
  from = timeadd(plantimestamp(), "-720h")
}

output "recently_updated" {
  value = [for c in data.mcp_factoring_companies.recent.companies : "${c.id}: ${c.name}, ${c.remit_email}"]
}
