# Import the list before the first apply to see, carrier by carrier, what
# the configuration would block and unblock.
import {
  to = mcp_block_list.example
  id = "block_list"
}
