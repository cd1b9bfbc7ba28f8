package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// reply is what an operation answers. Operations return replies instead of
// writing them, so that a fault injected after processing can discard one.
type reply struct {
	status int
	body   any    // encoded as JSON with Json.NET's "$id" members
	raw    []byte // sent as is instead of body (GetDocument)
	ctype  string // Content-Type of raw
	header http.Header
	vs     variantSet // the variants in effect for the request
	failed bool       // a write refused in a 200 answer (write-failure-200)
}

func ok(body any) reply { return reply{status: http.StatusOK, body: body} }

// apiError is an ASP.NET Web API error answer: {"Message": ..., "MessageDetail": ...}.
type apiError struct {
	status  int
	message string
	detail  string
	// binding marks ASP.NET's own "The request is invalid.", answered
	// before the action runs; write-failure-200 leaves it alone.
	binding bool
	// repeat marks repeat-write-400's refusals, which write-failure-200
	// leaves alone too: the default answers those writes with 200.
	repeat bool
}

func (e *apiError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.status, e.message) }

// httpError is the body ASP.NET Web API writes for an error (its HttpError).
type httpError struct {
	Message       string `json:"Message"`
	MessageDetail string `json:"MessageDetail,omitempty"`
}

func errorf(status int, format string, args ...any) *apiError {
	return &apiError{status: status, message: fmt.Sprintf(format, args...)}
}

// errInvalid is what ASP.NET answers when a parameter does not bind.
func errInvalid() *apiError {
	e := errorf(http.StatusBadRequest, "The request is invalid.")
	e.binding = true
	return e
}

// errNoResource is ASP.NET's 404 for a URI that selects no action.
func errNoResource(r *http.Request, detail string) *apiError {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return &apiError{
		status:  http.StatusNotFound,
		message: fmt.Sprintf("No HTTP resource was found that matches the request URI '%s://%s%s'.", scheme, r.Host, r.URL.RequestURI()),
		detail:  detail,
	}
}

func (e *apiError) reply() reply {
	return reply{status: e.status, body: httpError{Message: e.message, MessageDetail: e.detail}}
}

// setNoCache sets the headers every captured MCP answer carried.
func setNoCache(h http.Header) {
	h.Set("Cache-Control", "no-cache")
	h.Set("Pragma", "no-cache")
	h.Set("Expires", "-1")
}

// write sends the reply.
func (rp reply) write(w http.ResponseWriter) {
	h := w.Header()
	for k, vs := range rp.header {
		h[k] = vs
	}
	setNoCache(h)
	data, ctype := rp.raw, rp.ctype
	if rp.raw == nil {
		var err error
		data, err = rp.vs.encode(rp.body)
		if err != nil {
			rp.status = http.StatusInternalServerError
			data, _ = encodeJSON(httpError{Message: "An error has occurred."})
		}
		ctype = "application/json; charset=utf-8"
	}
	h.Set("Content-Type", ctype)
	w.WriteHeader(rp.status)
	_, _ = w.Write(data)
}

// encodeJSON encodes v as Json.NET would with reference preservation on:
// every object gets a "$id" member, and <, > and & are not escaped.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return insertIDs(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// insertIDs adds "$id":"N" as the first member of every JSON object, N
// counting objects in document order from 1, as Json.NET's
// PreserveReferencesHandling.Objects does. Arrays get none. It scans the
// encoded bytes, tracking strings and escapes so that braces inside string
// values are left alone.
func insertIDs(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/4+16)
	n := 0
	inString, escaped := false, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		out = append(out, c)
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{':
			n++
			out = append(out, `"$id":"`...)
			out = strconv.AppendInt(out, int64(n), 10)
			out = append(out, '"')
			if next := nextSignificant(src, i+1); next != '}' && next != 0 {
				out = append(out, ',')
			}
		}
	}
	return out
}

// nextSignificant returns the first byte from i on that is not JSON
// whitespace, or 0 at the end.
func nextSignificant(src []byte, i int) byte {
	for ; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return src[i]
		}
	}
	return 0
}
