package mcp

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestDocuments_get: the document is returned as bytes with its content type.
func TestDocuments_get(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	pdf := "%PDF-1.7\n\x00\xff binary"
	serveOnce(t, mux, "GetDocument", url.Values{"name": {"coi/12/a b+c.pdf"}}, http.StatusOK, "application/pdf", pdf)
	doc, err := client.Documents.Get(context.Background(), "coi/12/a b+c.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if string(doc.Content) != pdf || doc.ContentType != "application/pdf" || doc.Name != "coi/12/a b+c.pdf" {
		t.Errorf("Document = %+v", doc)
	}
}

// TestDocuments_notTheDocument: a 200 whose body is JSON or HTML is a
// *NotDocumentError naming the content type (and the JSON message), never
// document bytes; other types are documents.
func TestDocuments_notTheDocument(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 150) // 300 bytes: cut between runes
	tests := []struct {
		name, contentType, body string
		wantMessage             string // "-" for a document
	}{
		{"JSON error object", jsonType, `{"$id":"1","Message":"The blob does not exist.\r\n"}`, "The blob does not exist."},
		{"JSON envelope", "application/json", `{"succeeded":false,"message":"Not allowed"}`, "Not allowed"},
		{"JSON without message", "text/json", `{"error":"x"}`, ""},
		{"JSON array", "application/problem+json", `[1]`, ""},
		{"JSON long message", jsonType, `{"Message":"` + long + `"}`, strings.Repeat("é", 100) + "…"},
		{"HTML sign-in page", "text/html; charset=utf-8", `<!DOCTYPE html><html><title>Sign in</title></html>`, ""},
		{"HTML, odd case", "Text/HTML", `<html></html>`, ""},
		{"PDF", "application/pdf", "%PDF-1.7", "-"},
		{"image", "image/png", "\x89PNG", "-"},
		{"octet-stream", "application/octet-stream", `{"Message":"looks like JSON, typed as bytes"}`, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			serveOnce(t, mux, "GetDocument", url.Values{"name": {"coi/12/a.pdf"}}, http.StatusOK, tt.contentType, tt.body)
			doc, err := client.Documents.Get(context.Background(), "coi/12/a.pdf")
			if tt.wantMessage == "-" {
				if err != nil || string(doc.Content) != tt.body {
					t.Errorf("Get = %+v, %v; want the document", doc, err)
				}
				return
			}
			if doc != nil {
				t.Errorf("Get returned a document: %q", doc.Content)
			}
			e := errorsAs[*NotDocumentError](t, err)
			if e.Name != "coi/12/a.pdf" || e.ContentType != tt.contentType || e.Message != tt.wantMessage {
				t.Errorf("NotDocumentError = %+v, want message %q", e, tt.wantMessage)
			}
			want := `MCP GetDocument did not return the document "coi/12/a.pdf": the answer is ` + tt.contentType
			if tt.wantMessage != "" {
				want += ": " + tt.wantMessage
			}
			if err.Error() != want {
				t.Errorf("Error() = %q, want %q", err, want)
			}
		})
	}
}
