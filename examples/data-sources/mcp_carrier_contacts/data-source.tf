terraform {
  required_providers {
    mcp = {
      source  = "carrierstate/mcp"
      version = "~> 0.1"
    }
  }
}

data "mcp_carrier_contacts" "carrier" {
  dot_number = "23868"
}

# The people who may sign the carrier's packets.
output "packet_signers" {
  value = [
    for c in data.mcp_carrier_contacts.carrier.contacts :
    "${c.first_name} ${c.last_name} <${c.email}>" if c.authorized_for_packets
  ]
}

# Is the caller on the phone one of the carrier's verified contacts?
variable "caller_email" {
  type    = string
  default = "dispatch@sampletrucking.example"
}

check "caller_is_verified" {
  assert {
    condition = anytrue([
      for c in data.mcp_carrier_contacts.carrier.contacts :
      lower(coalesce(c.email, "")) == lower(var.caller_email) && c.verification_status == "Verified"
    ])
    error_message = "${var.caller_email} is not a verified contact of DOT ${data.mcp_carrier_contacts.carrier.dot_number}."
  }
}
