package emulator

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44emulator"
)

// Observation for tests that must see what Stats cannot: when each request
// started and ended, whether its client gave up on it, and the tokens
// /token handed out. A Recorder wraps the emulator's handler and only
// watches: every request reaches the Server unchanged and every answer
// reaches the client unchanged.

// RequestRecord is one API request (an operation or /token, MCP's or
// project44's) as the emulator saw it. Admin routes (/_emulator/,
// /_emulator/p44/ included) are not recorded.
type RequestRecord struct {
	// Operation is MCP's name for it ("EmailPacketInvitation", "Token"),
	// project44's as p44emulator names it ("P44Token",
	// "CreateInvitation", ...), or the path for a route that is none.
	Operation string
	// Query is the raw query string. It names carriers and e-mail
	// addresses; credentials travel in /token's form body, never here.
	Query string
	// Started is when the request reached the emulator (its headers had
	// been read); Finished is when the emulator was done with it.
	Started, Finished time.Time
	// Status is the status answered (200 when the handler wrote a body
	// without naming one); 0 when nothing was answered: the connection was
	// dropped, or the client aborted first.
	Status int
	// Dropped is an injected fault that closed the connection unanswered.
	Dropped bool
	// Aborted means the client went away (cancelled the request) before the
	// emulator had answered; the emulator stops waiting out latency then,
	// so an aborted request usually did not run.
	Aborted bool
}

// Recorder is an http.Handler that serves an emulator and keeps a log of
// its API requests and of the tokens it issued. It is safe for concurrent
// use.
type Recorder struct {
	next http.Handler

	mu       sync.Mutex
	requests []RequestRecord
	tokens   []string
}

// NewRecorder wraps a Server (or any handler serving one).
func NewRecorder(next http.Handler) *Recorder { return &Recorder{next: next} }

// Requests returns a copy of the log, in the order requests finished.
func (rec *Recorder) Requests() []RequestRecord {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]RequestRecord(nil), rec.requests...)
}

// Tokens returns every access and refresh token MCP's /token issued, in
// order (not project44's tokens).
func (rec *Recorder) Tokens() []string {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]string(nil), rec.tokens...)
}

// Reset empties the log (not the list of tokens, which stay valid).
func (rec *Recorder) Reset() {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.requests = nil
}

func (rec *Recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, adminPrefix) {
		rec.next.ServeHTTP(w, r)
		return
	}
	entry := RequestRecord{Operation: r.URL.Path, Query: r.URL.RawQuery, Started: time.Now()}
	var op *operation
	if p44emulator.Serves(r.URL.Path) {
		if name := p44emulator.OperationName(r); name != "" {
			entry.Operation = name
		}
	} else if o, rerr := route(r); rerr == nil {
		op, entry.Operation = o, o.name
	}
	rw := &recordingWriter{ResponseWriter: w, keepBody: op == tokenOperation}
	defer func() {
		// Also when the emulator panics with http.ErrAbortHandler to drop a
		// connection it could not hijack: net/http expects that panic.
		entry.Finished = time.Now()
		entry.Status, entry.Dropped = rw.status, rw.hijacked
		if !rw.hijacked && rw.status == 0 && rw.wrote {
			entry.Status = http.StatusOK
		}
		entry.Aborted = !rw.hijacked && r.Context().Err() != nil && !rw.wrote
		rec.mu.Lock()
		rec.requests = append(rec.requests, entry)
		if rw.keepBody && entry.Status == http.StatusOK {
			var body struct {
				Access  string `json:"access_token"`
				Refresh string `json:"refresh_token"`
			}
			if json.Unmarshal(rw.body.Bytes(), &body) == nil {
				for _, tok := range []string{body.Access, body.Refresh} {
					if tok != "" {
						rec.tokens = append(rec.tokens, tok)
					}
				}
			}
		}
		rec.mu.Unlock()
	}()
	rec.next.ServeHTTP(rw, r)
}

// recordingWriter notes the status and, for /token, keeps a copy of the
// body. It passes Hijack through, so that dropped connections stay dropped.
type recordingWriter struct {
	http.ResponseWriter
	status   int
	wrote    bool
	hijacked bool
	keepBody bool
	body     bytes.Buffer
}

func (w *recordingWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.wrote = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *recordingWriter) Write(b []byte) (int, error) {
	w.wrote = true
	if w.keepBody {
		w.body.Write(b)
	}
	return w.ResponseWriter.Write(b)
}

func (w *recordingWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := w.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("emulator: the connection cannot be hijacked")
	}
	conn, buf, err := hj.Hijack()
	if err == nil {
		w.hijacked = true
	}
	return conn, buf, err
}
