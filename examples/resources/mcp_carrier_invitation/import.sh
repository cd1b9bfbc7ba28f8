terraform import mcp_carrier_invitation.example 23868/MC113843/dispatch@carrier.com
