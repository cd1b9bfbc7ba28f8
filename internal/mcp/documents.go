package mcp

import (
	"context"
	"encoding/json"
	"mime"
	"net/url"
	"strings"
)

// DocumentsService downloads stored documents.
type DocumentsService struct{ client *Client }

var opGetDocument = carrierOp("GetDocument", opRead)

// Document is a file MCP stores for a carrier: a certificate of insurance, a
// W-9 or a signed agreement.
type Document struct {
	Name        string
	ContentType string
	Content     []byte
}

// Get downloads a document by the blob name GetCarrierData reports:
// POST /api/v1/Carrier/GetDocument. The body is the file itself; a 200 whose
// body is JSON or HTML is not, and is a *NotDocumentError.
func (s *DocumentsService) Get(ctx context.Context, name string) (*Document, error) {
	resp, err := s.client.call(ctx, opGetDocument, url.Values{"name": {name}}, nil)
	if err != nil {
		return nil, err
	}
	contentType := resp.Header.Get("Content-Type")
	if err := notDocument(name, contentType, resp.Body); err != nil {
		return nil, err
	}
	return &Document{Name: name, ContentType: contentType, Content: resp.Body}, nil
}

// notDocument recognises an answer that stands in for the document: an
// error object (JSON) from MCP, or a page (HTML) from a proxy or sign-in
// gateway between the client and MCP. Stored documents are PDFs and images,
// never either.
func notDocument(name, contentType string, body []byte) *NotDocumentError {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	isJSON := mediaType == "application/json" || mediaType == "text/json" || strings.HasSuffix(mediaType, "+json")
	isHTML := mediaType == "text/html" || mediaType == "application/xhtml+xml"
	if !isJSON && !isHTML {
		return nil
	}
	e := &NotDocumentError{Name: name, ContentType: truncate(contentType, 100)}
	if isJSON {
		var msg struct {
			Message string `json:"Message"` // also matches the envelopes' "message"
		}
		if json.Unmarshal(body, &msg) == nil {
			e.Message = truncate(strings.Join(strings.Fields(msg.Message), " "), maxDocumentMessage)
		}
	}
	return e
}

// maxDocumentMessage bounds the JSON message quoted in a NotDocumentError.
const maxDocumentMessage = 200
