# The latest packet invitation of each monitored carrier that the MCP user
# "dispatch.lead" sent. Importing them records them as sent: applying the
# generated configuration e-mails nobody.
list "mcp_carrier_invitation" "sent_by_dispatch" {
  provider = mcp
  limit    = 50000

  config {
    invited_by = "dispatch.lead"
  }
}
