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
	s.underFaults(op, w, r, serve)
}
