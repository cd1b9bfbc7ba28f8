terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

# A document by the blob name mcp_carrier reports, such as a certificate of
# insurance.
data "mcp_document" "certificate" {
  name = "certificate-image/5d8f0a3e-2b7c-4e19-9a64-c1f0e8b23868.pdf"
}

check "certificate_is_a_pdf" {
  assert {
    condition     = data.mcp_document.certificate.content_type == "application/pdf"
    error_message = "MCP sent ${data.mcp_document.certificate.content_type}, not a PDF."
  }
}

output "certificate" {
  value = {
    size   = data.mcp_document.certificate.size
    sha256 = data.mcp_document.certificate.sha256
  }
}

# The new certificates of monitored carriers whose insurance changed today,
# ready to store with, for example, local_file's content_base64.
data "mcp_carrier_changes" "today" {
  from = timeadd(plantimestamp(), "-24h")
}

data "mcp_document" "changed_certificates" {
  for_each = toset(flatten([
    for c in data.mcp_carrier_changes.today.carriers : c.certificate_document_names
    if contains(c.change_categories, "Insurance")
  ]))

  name = each.value
}

output "changed_certificate_digests" {
  value = { for name, doc in data.mcp_document.changed_certificates : name => doc.sha256 }
}
