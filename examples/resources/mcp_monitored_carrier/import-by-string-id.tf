import {
  to = mcp_monitored_carrier.example
  id = "23868/MC113843"
}
