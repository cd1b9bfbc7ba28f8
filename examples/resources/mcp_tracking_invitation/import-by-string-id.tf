# Adopt an invitation sent outside Terraform (in project44's Movement UI):
# importing records the latest invitation for the carrier and sends nothing.
import {
  to = mcp_tracking_invitation.example
  id = "DOT_NUMBER:1234567"
}
