# Import the list before the first apply to see, carrier by carrier, what
# the configuration would add to it and take off it.
import {
  to = mcp_monitoring_list.example
  id = "monitoring_list"
}
