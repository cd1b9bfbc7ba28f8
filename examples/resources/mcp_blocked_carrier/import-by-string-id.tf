import {
  to = mcp_blocked_carrier.example
  id = "23868/MC113843"
}
