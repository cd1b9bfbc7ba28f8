package p44emulator

import (
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/variant"
)

// Operation names: how Stats, the MCP emulator's faults and its Recorder
// name project44's operations.
const (
	OpToken            = "P44Token"
	OpCreateInvitation = "CreateInvitation"
	OpListInvitations  = "ListInvitations"
	OpTrackingMethods  = "TrackingMethods"
)

// Paths of the routes served.
const (
	TokenPath           = "/api/v4/oauth2/token"
	InvitationsPath     = "/services/invitation/v1/invitations"
	TrackingMethodsPath = "/api/v4/tl/shipments/trackingmethods"
	// AdminPrefix roots the emulator's own routes (see "Admin routes").
	AdminPrefix = "/_emulator/p44/"
)

// Prefixes are the path prefixes this emulator answers for, unknown paths
// under them included.
var Prefixes = []string{"/api/v4/", "/services/", AdminPrefix}

// Serves reports whether path belongs to this emulator (matched
// case-sensitively, as project44's Java services match paths).
func Serves(path string) bool {
	for _, p := range Prefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// Operations lists the operation names, in the order of the routes.
func Operations() []string {
	return []string{OpToken, OpCreateInvitation, OpListInvitations, OpTrackingMethods}
}

// route is one API route: its path, method and operation.
type route struct {
	path, method, op string
	handle           func(*Server, *call) (any, int, *apiError)
}

var routes = []route{
	{TokenPath, http.MethodPost, OpToken, nil},
	{InvitationsPath, http.MethodPost, OpCreateInvitation, (*Server).createInvitation},
	{InvitationsPath, http.MethodGet, OpListInvitations, (*Server).listInvitations},
	{TrackingMethodsPath, http.MethodGet, OpTrackingMethods, (*Server).trackingMethods},
}

// OperationName names the operation a request reaches ("" for an admin
// route, an unknown path, or a known path with the wrong method).
func OperationName(r *http.Request) string {
	for _, rt := range routes {
		if r.URL.Path == rt.path && r.Method == rt.method {
			return rt.op
		}
	}
	return ""
}

// Server is the project44 emulator: an http.Handler serving the token
// endpoint, the invitation API, the tracking-methods lookup and the
// /_emulator/p44/ admin routes over in-memory state. It is safe for
// concurrent use.
type Server struct {
	opts     Options
	adminMux *http.ServeMux

	mu          sync.Mutex // guards what follows
	tokens      map[string]token
	minted      map[string][]time.Time // client id → issue times in the last minute
	invitations []*Invitation
	methods     map[Identifier][]string // tracking-method overrides
	forbidden   bool

	requests           map[string]*atomic.Int64
	tokensIssued       atomic.Int64
	invitationsCreated atomic.Int64

	vset *variant.Holder[variantSet] // the variants in effect; Reset restores Options.Variants
}

// New builds a server; zero Options fields get their defaults. It panics on
// invalid Variants, a programming error in the caller.
func New(opts Options) *Server {
	opts = opts.withDefaults()
	vset, err := variantCatalogue.NewHolder(opts.Variants, nil)
	if err != nil {
		panic(err)
	}
	s := &Server{opts: opts, vset: vset, tokens: map[string]token{}, requests: map[string]*atomic.Int64{}}
	for _, op := range Operations() {
		s.requests[op] = new(atomic.Int64)
	}
	s.resetState()
	s.adminMux = s.adminRoutes()
	return s
}

// now is the clock at the millisecond resolution of the times written, so
// that a time read from an answer compares equal with the one stored.
func (s *Server) now() time.Time { return s.opts.Now().UTC().Truncate(time.Millisecond) }

// Credentials returns the client id and secret the token endpoint accepts.
func (s *Server) Credentials() (clientID, clientSecret string) {
	return s.opts.ClientID, s.opts.ClientSecret
}

// call is one authorised API request.
type call struct {
	r   *http.Request
	now time.Time
	vs  variantSet
}

// ServeHTTP routes a request: the admin routes, the four operations (each
// through Options.Wrap when set), or project44's 404.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, AdminPrefix) {
		s.adminMux.ServeHTTP(w, r)
		return
	}
	var allowed []string
	for _, rt := range routes {
		if r.URL.Path != rt.path {
			continue
		}
		if r.Method != rt.method {
			allowed = append(allowed, rt.method)
			continue
		}
		s.requests[rt.op].Add(1)
		serve := func(w http.ResponseWriter, r *http.Request) { s.serve(w, r, rt) }
		if s.opts.Wrap != nil {
			s.opts.Wrap(rt.op, w, r, serve)
		} else {
			serve(w, r)
		}
		return
	}
	if allowed != nil {
		e := errorf(http.StatusMethodNotAllowed, "Request method '%s' is not supported", r.Method)
		e.header = http.Header{"Allow": {strings.Join(allowed, ", ")}}
		e.write(w)
		return
	}
	errorf(http.StatusNotFound, "No resource found at %s", r.URL.Path).write(w)
}

// serve answers one operation: the token endpoint, or an API call after
// the bearer token and the permission switch are checked.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, rt route) {
	vs := s.vset.Load()
	if rt.handle == nil {
		s.token(w, r, vs)
		return
	}
	now := s.now()
	if !s.authorized(r.Header.Get("Authorization"), now) {
		w.Header().Set("WWW-Authenticate", "Bearer")
		if vs.has(vGateway401Empty) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		errorf(http.StatusUnauthorized, "Invalid or missing credentials").write(w)
		return
	}
	s.mu.Lock()
	forbidden := s.forbidden
	s.mu.Unlock()
	if forbidden {
		errorf(http.StatusForbidden, "User not authorized to perform this operation").write(w)
		return
	}
	body, status, err := rt.handle(s, &call{r: r, now: now, vs: vs})
	if err != nil {
		err.write(w)
		return
	}
	writeJSON(w, status, body)
}

// SetForbidden turns the "no permission" switch on or off: while it is on,
// every API call with a valid token is answered 403 (the token endpoint
// still works), as for a client application without the role.
func (s *Server) SetForbidden(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forbidden = on
}

// Stats are request counts since New or the last Reset.
type Stats struct {
	// Requests per operation (OpToken, ...) that reached one, refused and
	// failed requests included; operations without requests are left out.
	Requests map[string]int `json:"requests"`
	// TokensIssued counts tokens minted.
	TokensIssued int `json:"tokens_issued"`
	// InvitationsCreated counts invitations created (not those refused).
	InvitationsCreated int `json:"invitations_created"`
}

// Stats returns the request statistics.
func (s *Server) Stats() Stats {
	st := Stats{Requests: map[string]int{}, TokensIssued: int(s.tokensIssued.Load()), InvitationsCreated: int(s.invitationsCreated.Load())}
	for op, n := range s.requests {
		if v := n.Load(); v > 0 {
			st.Requests[op] = int(v)
		}
	}
	return st
}

// Reset returns the emulator to its state right after New: no
// invitations, tracking-method overrides, rate-limit history or
// statistics, the permission switch off, and the variants of
// Options.Variants. Issued tokens stay valid, so clients need not log in
// again.
func (s *Server) Reset() {
	s.resetState()
	for _, n := range s.requests {
		n.Store(0)
	}
	s.tokensIssued.Store(0)
	s.invitationsCreated.Store(0)
	s.vset.Reset()
}

func (s *Server) resetState() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.minted = map[string][]time.Time{}
	s.invitations = nil
	s.methods = map[Identifier][]string{}
	s.forbidden = false
}
