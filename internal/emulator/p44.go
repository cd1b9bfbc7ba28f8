package emulator

import (
	"net/http"
)

// wrapP44 is the embedded project44 emulator's Options.Wrap: MCP's
// statistics, faults and latency around each project44 operation, as
// around MCP's own.
func (s *Server) wrapP44(name string, w http.ResponseWriter, r *http.Request, serve http.HandlerFunc) {
	op := lookupOperation(name)
	s.stats.requests[op.id].Add(1)
	fault := s.faults.decide(op)
	if !sleep(r.Context(), s.opts.Latency+fault.latency) {
		return
	}
	if fault.fail && !fault.after {
		s.stats.faults[op.id].Add(1)
		fault.write(w, true)
		return
	}
	if !fault.fail {
		serve(w, r)
		return
	}
	serve(discard{header: http.Header{}}, r)
	s.stats.faults[op.id].Add(1)
	fault.write(w, true)
}

// discard is a ResponseWriter that throws the answer away: a request a
// fault lets run before it fails.
type discard struct{ header http.Header }

func (d discard) Header() http.Header         { return d.header }
func (d discard) Write(b []byte) (int, error) { return len(b), nil }
func (d discard) WriteHeader(int)             {}
