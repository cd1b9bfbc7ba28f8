package mcp

import "context"

// BlockingService manages the caller's blocked-carrier list.
type BlockingService struct{ client *Client }

var (
	opBlockCarrier    = carrierOp("BlockCarrier", opIdempotentWrite)
	opUnblockCarrier  = carrierOp("UnblockCarrier", opIdempotentWrite)
	opBlockedCarriers = carrierOp("BlockedCarriers", opRead)
)

// Block adds a carrier to the blocked list: POST /api/v1/Carrier/BlockCarrier.
// A false Result comes back as an *OperationError together with the output;
// whether the carrier is blocked is for the list to say, not the message.
func (s *BlockingService) Block(ctx context.Context, r CarrierRef) (*BlockCarrierOutput, error) {
	var out BlockCarrierOutput
	if _, err := s.client.call(ctx, opBlockCarrier, r.query(), &out); err != nil {
		return nil, err
	}
	if !out.Result {
		return &out, &OperationError{Operation: opBlockCarrier.name, Message: out.Message}
	}
	return &out, nil
}

// Unblock removes a carrier from the blocked list:
// POST /api/v1/Carrier/UnblockCarrier. A false Result is an *OperationError,
// as for Block.
func (s *BlockingService) Unblock(ctx context.Context, r CarrierRef) (*UnblockCarrierOutput, error) {
	var out UnblockCarrierOutput
	if _, err := s.client.call(ctx, opUnblockCarrier, r.query(), &out); err != nil {
		return nil, err
	}
	if !out.Result {
		return &out, &OperationError{Operation: opUnblockCarrier.name, Message: out.Message}
	}
	return &out, nil
}

// List returns one page of the blocked list and its X-Pagination:
// POST /api/v1/Carrier/BlockedCarriers. A nil opts asks for the whole list.
func (s *BlockingService) List(ctx context.Context, opts *ListOptions) ([]BlockedCarrier, *Pagination, error) {
	return headerPage[BlockedCarrier](ctx, s.client, opBlockedCarriers, opts)
}

// ListAll returns the whole blocked list, every page, following full pages
// when MCP sends no X-Pagination (see walkUnpaged).
func (s *BlockingService) ListAll(ctx context.Context) ([]BlockedCarrier, error) {
	return headerPaged[BlockedCarrier](ctx, s.client, opBlockedCarriers, listPageSize)
}
