package emulator

import "net/http"

// getDocument serves a blob as a PDF; under document-json or document-html
// a blob that exists is answered 200 with a JSON error object or an HTML
// sign-in page instead.
func (s *Server) getDocument(c *call) (reply, error) {
	name, hasName := c.p.str("name")
	if !hasName {
		return reply{}, errInvalid()
	}
	title, lines, found := s.document(name)
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
