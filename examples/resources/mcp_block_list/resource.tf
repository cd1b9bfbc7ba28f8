# The broker's whole block list: exactly these carriers are blocked. A
# carrier someone blocks or unblocks in the MCP portal shows up in the next
# plan; `terraform plan -detailed-exitcode` then exits 2, which fails a CI
# pipeline. Declare one mcp_block_list per MCP account.
resource "mcp_block_list" "example" {
  carriers = {
    # DOT number = docket number, or intrastate number, or "".
    "1013015" = "MC125609"
    "1033070" = "MC134024"
    "1001960" = "CA100060"
  }
}
