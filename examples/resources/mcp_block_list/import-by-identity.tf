# Adopt the block list by its resource identity (Terraform 1.12 or later,
# OpenTofu 1.12 or later): the fixed ID of the one block list per account.
import {
  to = mcp_block_list.example
  identity = {
    id = "block_list"
  }
}
