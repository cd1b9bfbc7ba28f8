package emulator

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/universe"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/variant"
	"github.com/carrierstate/terraform-provider-mcp/internal/p44emulator"
)

// Server is the MCP emulator: an http.Handler serving the API, /token and
// the /_emulator/ admin routes over in-memory state. It is safe for
// concurrent use.
type Server struct {
	opts Options
	now  func() time.Time
	u    *universe.Universe

	mu sync.Mutex // guards st
	st *state

	auth     *tokenStore
	p44      *p44emulator.Server
	faults   *faultInjector
	stats    counters
	adminMux *http.ServeMux

	vset *variant.Holder[variantSet] // the variants in effect; Reset restores Options.Variants
}

// New builds a server; zero Options fields get their defaults. It panics on
// invalid Faults or Variants, a programming error in the caller.
func New(opts Options) *Server {
	opts = opts.withDefaults()
	// MCP's clock ticks in 100 ns (.NET ticks), which is also the precision
	// of its date-times on the wire: a time read from a response and sent
	// back in a window must compare equal.
	s := &Server{opts: opts, now: func() time.Time { return opts.Now().UTC().Truncate(universe.Tick) }}
	s.stats.requests = make([]atomic.Int64, len(allOperations))
	s.stats.faults = make([]atomic.Int64, len(allOperations))
	s.u = universe.New(opts.Carriers, opts.Seed, s.now())
	s.st = newState(opts.Carriers)
	s.auth = newTokenStore(opts)
	s.faults = newFaultInjector(opts.Seed)
	if err := s.faults.set(opts.Faults); err != nil {
		panic(err)
	}
	vset, err := variantCatalogue.NewHolder(opts.Variants, s.applyVariants)
	if err != nil {
		panic(err)
	}
	s.vset = vset
	s.adminMux = s.adminRoutes()
	p44 := opts.Project44
	if p44.Now == nil {
		p44.Now = opts.Now
	}
	p44.Wrap = s.wrapP44
	s.p44 = p44emulator.New(p44)
	return s
}

// P44 returns the project44 emulator served on the same listener, under
// /api/v4/, /services/ and /_emulator/p44/ (see package p44emulator).
func (s *Server) P44() *p44emulator.Server { return s.p44 }

// Credentials returns the integration username and password /token accepts.
func (s *Server) Credentials() (username, password string) {
	return s.opts.Username, s.opts.Password
}

// operation is one API operation: a Carrier action, or the token endpoint.
type operation struct {
	id       int
	name     string // MCP's name, e.g. "MonitoredCarriers"
	write    bool   // changes state or e-mails/texts someone
	p44      bool   // a project44 operation, served by the embedded p44emulator.Server
	required []string
	handle   func(*Server, *call) (reply, error)
}

// call is one authorised API request.
type call struct {
	r    *http.Request
	p    params
	now  time.Time
	user string     // the integration user the token was issued to
	vs   variantSet // the variants in effect
}

const carrierPrefix = "/api/v1/carrier/"

// operations are the 23 Carrier actions of the spec, then the token
// endpoint. required lists the spec's "required": true parameters: without
// them ASP.NET selects no action.
var operations = []*operation{
	{name: "PreviewCarrier", handle: (*Server).previewCarrier},
	{name: "GetCarrierData", handle: (*Server).getCarrierData},
	{name: "GetCarrierContacts", handle: (*Server).getCarrierContacts},
	{name: "FindAssociatedCarriers", handle: (*Server).findAssociatedCarriers},
	{name: "GetCarrierIncidentReports", handle: (*Server).getCarrierIncidentReports},
	{name: "GetCarrierVINVerifications", handle: (*Server).getCarrierVINVerifications},
	{name: "GetMonitoredCarrierContactsData", handle: (*Server).getMonitoredCarrierContactsData},
	{name: "GetDocument", required: []string{"name"}, handle: (*Server).getDocument},
	{name: "EmailPacketInvitation", write: true, required: []string{"carrierEmail"}, handle: (*Server).emailPacketInvitation},
	{name: "RequestUserVerification", write: true, required: []string{"userVerificationEmail"}, handle: (*Server).requestUserVerification},
	{name: "RequestVINVerification", write: true, required: []string{"deliveryOption"}, handle: (*Server).requestVINVerification},
	{name: "CompletedPackets", required: []string{"fromDate", "toDate"}, handle: (*Server).completedPackets},
	{name: "CarriersChanges", required: []string{"fromDate", "toDate"}, handle: (*Server).carriersChanges},
	{name: "RequestMonitoring", write: true, handle: (*Server).requestMonitoring},
	{name: "CancelMonitoring", write: true, handle: (*Server).cancelMonitoring},
	{name: "BlockCarrier", write: true, handle: (*Server).blockCarrier},
	{name: "UnblockCarrier", write: true, handle: (*Server).unblockCarrier},
	{name: "GetUpdatedFactoringCompanies", required: []string{"fromDate"}, handle: (*Server).getUpdatedFactoringCompanies},
	{name: "GetCarrierRiskAssessment", handle: (*Server).getCarrierRiskAssessment},
	{name: "GetMonitoredCarriersRiskAssessment", handle: (*Server).getMonitoredCarriersRiskAssessment},
	{name: "MonitoredCarriers", handle: (*Server).monitoredCarriers},
	{name: "MonitoredCarrierData", handle: (*Server).monitoredCarrierData},
	{name: "BlockedCarriers", handle: (*Server).blockedCarriers},
	tokenOperation,
}

// tokenOperation is POST /token; its name is how Stats counts it.
var tokenOperation = &operation{name: "Token"}

// p44Operations are project44's operations (p44emulator.Operations), which
// the embedded project44 emulator serves; they are here so that faults,
// Stats and the Recorder name them like MCP's.
var p44Operations = func() []*operation {
	var out []*operation
	for _, name := range p44emulator.Operations() {
		out = append(out, &operation{name: name, p44: true})
	}
	return out
}()

// allOperations are MCP's operations, then project44's.
var allOperations = append(slices.Clip(operations), p44Operations...)

var operationsByName = func() map[string]*operation {
	m := map[string]*operation{}
	for id, op := range allOperations {
		op.id = id
		m[strings.ToLower(op.name)] = op
	}
	return m
}()

// lookupOperation finds an operation by name, case-insensitively.
func lookupOperation(name string) *operation { return operationsByName[strings.ToLower(name)] }

// ServeHTTP routes a request: project44's paths (p44emulator.Serves:
// /api/v4/, /services/, /_emulator/p44/) to the embedded project44
// emulator, /_emulator/ to the admin routes, /token and the Carrier actions
// (paths matched case-insensitively, as ASP.NET does) to the API, anything
// else to ASP.NET's 404.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if p44emulator.Serves(r.URL.Path) {
		s.p44.ServeHTTP(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, adminPrefix) {
		s.admin(w, r)
		return
	}
	op, err := route(r)
	if err != nil {
		err.reply().write(w)
		return
	}
	s.stats.requests[op.id].Add(1)
	if op != tokenOperation && r.Method != http.MethodPost {
		errorf(http.StatusMethodNotAllowed, "The requested resource does not support http method '%s'.", r.Method).reply().write(w)
		return
	}
	s.underFaults(op, w, r, func(w http.ResponseWriter, r *http.Request) {
		s.process(r, op, s.vset.Load()).write(w)
	})
}

// route maps a path to its operation, or to the 404 ASP.NET would answer.
func route(r *http.Request) (*operation, *apiError) {
	path := strings.TrimSuffix(r.URL.Path, "/")
	lower := strings.ToLower(path)
	switch {
	case lower == "/token":
		return tokenOperation, nil
	case strings.HasPrefix(lower, carrierPrefix):
		action := path[len(carrierPrefix):]
		if op := lookupOperation(action); op != nil && op != tokenOperation && !op.p44 {
			return op, nil
		}
		if strings.Contains(action, "/") {
			return nil, errNoResource(r, "")
		}
		return nil, errNoResource(r, "No action was found on the controller 'Carrier' that matches the name '"+action+"'.")
	case lower == strings.TrimSuffix(carrierPrefix, "/"):
		return nil, errNoResource(r, "No action was found on the controller 'Carrier' that matches the request.")
	case strings.HasPrefix(lower, "/api/v1/"):
		controller, _, _ := strings.Cut(path[len("/api/v1/"):], "/")
		return nil, errNoResource(r, "No type was found that matches the controller named '"+controller+"'.")
	}
	return nil, errNoResource(r, "")
}

// process runs an operation in ASP.NET's order: action selection (the
// required parameters), then authorization, then parameter binding and the
// action itself.
func (s *Server) process(r *http.Request, op *operation, vs variantSet) reply {
	if op == tokenOperation {
		return s.token(r, vs)
	}
	p := newParams(r.URL.RawQuery)
	if vs.has(vLocalTimes) {
		p.loc = central()
	}
	for _, name := range op.required {
		if !p.has(name) {
			return errNoResource(r, "No action was found on the controller 'Carrier' that matches the request.").reply()
		}
	}
	now := s.now()
	user, ok := s.auth.authorize(r.Header.Get("Authorization"), now)
	if !ok {
		rp := errorf(http.StatusUnauthorized, "Authorization has been denied for this request.").reply()
		rp.header = http.Header{"Www-Authenticate": {"Bearer"}}
		return rp
	}
	rp, err := op.handle(s, &call{r: r, p: p, now: now, user: user, vs: vs})
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			ae = errorf(http.StatusInternalServerError, "An error has occurred.")
		}
		if vs.has(vWriteFailure200) && ae.status >= 400 && ae.status < 500 && !ae.binding && !ae.repeat {
			if body, ok := failureBody(op, ae.message); ok {
				return reply{status: http.StatusOK, body: body, vs: vs, failed: true}
			}
		}
		return ae.reply()
	}
	if op.write && rp.status < 300 && !rp.failed {
		s.stats.writes.Add(1)
	}
	if vs.has(vNoPagination) {
		delete(rp.header, "X-Pagination")
	}
	rp.vs = vs
	return rp
}

// sleep waits d unless the request is cancelled first; it reports whether
// the request is still wanted.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// counters are the request statistics, kept with atomics so that counting
// never contends with the state lock.
type counters struct {
	requests, faults []atomic.Int64 // by operation id
	tokens, writes   atomic.Int64
}

// Stats are request counts since New or the last Reset.
type Stats struct {
	// Requests per operation (MCP's name, "Token" for /token; project44's
	// as p44emulator names them, "P44Token", "CreateInvitation", ...) that
	// reached one: faulted, refused and failed requests included.
	Requests map[string]int `json:"requests"`
	// Faults injected per operation.
	Faults map[string]int `json:"faults"`
	// TokensIssued by password and refresh grants.
	TokensIssued int `json:"tokens_issued"`
	// Writes is Writes().
	Writes int `json:"writes"`
}

// Stats returns the request statistics; operations without requests are
// left out of the maps.
func (s *Server) Stats() Stats {
	st := Stats{Requests: map[string]int{}, Faults: map[string]int{}, TokensIssued: int(s.stats.tokens.Load()), Writes: s.Writes()}
	for _, op := range allOperations {
		if n := s.stats.requests[op.id].Load(); n > 0 {
			st.Requests[op.name] = int(n)
		}
		if n := s.stats.faults[op.id].Load(); n > 0 {
			st.Faults[op.name] = int(n)
		}
	}
	return st
}

// Writes counts the write operations (EmailPacketInvitation,
// RequestUserVerification, RequestVINVerification, RequestMonitoring,
// CancelMonitoring, BlockCarrier, UnblockCarrier) that ran and answered 2xx,
// including those whose answer a fault then replaced.
func (s *Server) Writes() int { return int(s.stats.writes.Load()) }

// Reset returns the emulator to its state right after New: lists, overlays,
// recorded requests, statistics, faults (back to Options.Faults), variants
// (back to Options.Variants) and the project44 emulator
// (p44emulator.Server.Reset). The universe is unchanged and issued tokens
// stay valid, so clients need not log in again.
func (s *Server) Reset() {
	s.mu.Lock()
	s.st = newState(s.opts.Carriers)
	s.mu.Unlock()
	for k := range s.stats.requests {
		s.stats.requests[k].Store(0)
		s.stats.faults[k].Store(0)
	}
	s.stats.tokens.Store(0)
	s.stats.writes.Store(0)
	_ = s.faults.set(s.opts.Faults)
	s.vset.Reset()
	s.p44.Reset()
}
