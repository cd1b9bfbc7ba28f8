package mcp

import (
	"context"
	"time"
)

// FactoringService reads MCP's factoring-company directory.
type FactoringService struct{ client *Client }

var opGetUpdatedFactoringCompanies = carrierOp("GetUpdatedFactoringCompanies", opRead)

// Updated lists factoring companies created or changed since from, up to to
// (MCP's default end when to is zero):
// POST /api/v1/Carrier/GetUpdatedFactoringCompanies.
func (s *FactoringService) Updated(ctx context.Context, from, to time.Time) (*UpdatedFactoringCompanies, error) {
	var out UpdatedFactoringCompanies
	if _, err := s.client.call(ctx, opGetUpdatedFactoringCompanies, s.client.windowQuery(from, to), &out); err != nil {
		return nil, err
	}
	return &out, nil
}
