package mcp

import (
	"context"
	"net/url"
	"time"
)

// DocumentsService downloads stored documents.
type DocumentsService struct{ client *Client }

var opGetDocument = carrierOp("GetDocument", true)

// Document is a file MCP stores for a carrier: a certificate of insurance, a
// W-9 or a signed agreement.
type Document struct {
	Name        string
	ContentType string
	Content     []byte
}

// Get downloads a document by the blob name GetCarrierData reports:
// POST /api/v1/Carrier/GetDocument. The body is the file itself.
func (s *DocumentsService) Get(ctx context.Context, name string) (*Document, error) {
	resp, err := s.client.call(ctx, opGetDocument, url.Values{"name": {name}}, nil)
	if err != nil {
		return nil, err
	}
	return &Document{Name: name, ContentType: resp.header.Get("Content-Type"), Content: resp.body}, nil
}

// FactoringService reads MCP's factoring-company directory.
type FactoringService struct{ client *Client }

var opGetUpdatedFactoringCompanies = carrierOp("GetUpdatedFactoringCompanies", true)

// Updated lists factoring companies created or changed since from, up to to
// (MCP's default end when to is zero):
// POST /api/v1/Carrier/GetUpdatedFactoringCompanies.
func (s *FactoringService) Updated(ctx context.Context, from, to time.Time) (*UpdatedFactoringCompanies, error) {
	var out UpdatedFactoringCompanies
	if _, err := s.client.call(ctx, opGetUpdatedFactoringCompanies, windowQuery(from, to), &out); err != nil {
		return nil, err
	}
	return &out, nil
}
