package mcp

import "github.com/carrierstate/terraform-provider-mcp/internal/retry"

// RetryPolicy bounds how the client retries a failed request (see
// retry.Policy). Whether an operation may be retried at all after MCP may
// have received it is decided per operation, not here (see opKind).
type RetryPolicy = retry.Policy

// DefaultRetryPolicy suits an unattended terraform apply.
func DefaultRetryPolicy() RetryPolicy { return retry.DefaultPolicy() }

// Logger receives the client's diagnostics. Fields never carry secrets.
type Logger = retry.Logger
