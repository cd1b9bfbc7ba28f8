package mcp

import (
	"context"
	"net/http"
	"net/url"
	"testing"
)

// TestBlocking_resultFalse: Result=false is an *OperationError returned
// together with the output.
func TestBlocking_resultFalse(t *testing.T) {
	t.Parallel()
	ref := CarrierRef{DOTNumber: 1234567, DocketNumber: "MC123456"}
	query := url.Values{"DOTNumber": {"1234567"}, "DocketNumber": {"MC123456"}}
	const msg = "Carrier DOT1234567/MC123456 is already on your blocked carrier list."
	tests := []struct {
		op   string
		call func(context.Context, *Client) (string, error)
	}{
		{"BlockCarrier", func(ctx context.Context, c *Client) (string, error) {
			out, err := c.Blocking.Block(ctx, ref)
			if out == nil {
				return "<nil output>", err
			}
			return out.Message, err
		}},
		{"UnblockCarrier", func(ctx context.Context, c *Client) (string, error) {
			out, err := c.Blocking.Unblock(ctx, ref)
			if out == nil {
				return "<nil output>", err
			}
			return out.Message, err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			calls := serveOnce(t, mux, tt.op, query, http.StatusOK, jsonType, `{"$id":"1","Result":false,"Message":"`+msg+`"}`)
			gotMsg, err := tt.call(context.Background(), client)
			opErr := errorsAs[*OperationError](t, err)
			if opErr.Operation != tt.op || opErr.Message != msg || gotMsg != msg {
				t.Errorf("OperationError = %+v, output message %q", opErr, gotMsg)
			}
			if calls.Load() != 1 {
				t.Errorf("requests = %d, want 1 (a false Result is not retried)", calls.Load())
			}
		})
	}
}
