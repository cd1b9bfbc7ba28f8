package emulator

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
)

// getDocument serves a blob as a PDF; under document-json or document-html
// a blob that exists is answered 200 with a JSON error object or an HTML
// sign-in page instead.
func (s *Server) getDocument(c *call) (reply, error) {
	name, hasName := c.p.str("name")
	if !hasName {
		return reply{}, errInvalid()
	}
	title, lines, found := s.u.Document(name, s.viewOf)
	if !found {
		return reply{}, errorf(http.StatusNotFound, "Document '%s' was not found.", name)
	}
	switch {
	case c.vs.has(vDocumentJSON):
		return ok(httpError{Message: "The document '" + name + "' could not be retrieved."}), nil
	case c.vs.has(vDocumentHTML):
		return reply{status: http.StatusOK, raw: []byte(signInPage), ctype: "text/html; charset=utf-8"}, nil
	}
	return reply{status: http.StatusOK, raw: minimalPDF(title, lines), ctype: "application/pdf"}, nil
}

// minimalPDF renders a one-page PDF 1.4 document with a title and lines of
// text in Helvetica, with a correct cross-reference table.
func minimalPDF(title string, lines []string) []byte {
	var content bytes.Buffer
	fmt.Fprintf(&content, "BT /F1 18 Tf 72 720 Td (%s) Tj ET\n", pdfEscape(title))
	for k, l := range lines {
		fmt.Fprintf(&content, "BT /F1 11 Tf 72 %d Td (%s) Tj ET\n", 690-18*k, pdfEscape(l))
	}
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for k, obj := range objects {
		offsets[k] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", k+1, obj)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

func pdfEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}
