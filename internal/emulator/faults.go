package emulator

import (
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44emulator"
)

// faultInjector decides, request by request, whether to inject a fault. Its
// random source is seeded from Options.Seed and re-seeded by every
// SetFaults, so a sequential run fails the same requests every time.
type faultInjector struct {
	seed uint64
	mu   sync.Mutex
	f    Faults
	rand *rand.Rand
}

func newFaultInjector(seed int64) *faultInjector {
	return &faultInjector{seed: uint64(seed)}
}

func (fi *faultInjector) set(f Faults) error {
	f, err := f.normalize()
	if err != nil {
		return err
	}
	fi.mu.Lock()
	defer fi.mu.Unlock()
	fi.f = f
	fi.rand = rand.New(rand.NewPCG(fi.seed, 0x6661756c7473))
	return nil
}

func (fi *faultInjector) get() Faults {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	f := fi.f
	f.Statuses = slices.Clone(f.Statuses)
	f.Operations = slices.Clone(f.Operations)
	return f
}

// faultDecision is what happens to one request.
type faultDecision struct {
	latency    time.Duration
	fail       bool
	after      bool
	status     int // 0 drops the connection
	retryAfter time.Duration
}

func (fi *faultInjector) decide(op *operation) faultDecision {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	f := fi.f
	if len(f.Operations) > 0 && !slices.Contains(f.Operations, op.name) {
		return faultDecision{}
	}
	d := faultDecision{latency: f.Latency, after: f.After, retryAfter: f.RetryAfter}
	if f.Rate > 0 && fi.rand.Float64() < f.Rate {
		statuses := f.Statuses
		if len(statuses) == 0 {
			statuses = []int{429, 500, 503}
		}
		d.fail, d.status = true, statuses[fi.rand.IntN(len(statuses))]
	}
	return d
}

var faultMessages = map[int]string{
	http.StatusTooManyRequests:     "Rate limit exceeded. Try again later.",
	http.StatusInternalServerError: "An error has occurred.",
	http.StatusServiceUnavailable:  "The service is unavailable.",
}

// write sends the fault: an ASP.NET error body (project44's envelope on a
// project44 operation), or nothing at all.
func (d faultDecision) write(w http.ResponseWriter, p44 bool) {
	if d.status == 0 {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // net/http closes the connection silently
	}
	var header http.Header
	if d.retryAfter > 0 && (d.status == http.StatusTooManyRequests || d.status == http.StatusServiceUnavailable) {
		secs := int64((d.retryAfter + time.Second - 1) / time.Second)
		header = http.Header{"Retry-After": {strconv.FormatInt(secs, 10)}}
	}
	if p44 {
		for k, v := range header {
			w.Header()[k] = v
		}
		p44emulator.WriteError(w, d.status, faultMessages[d.status])
		return
	}
	rp := errorf(d.status, "%s", faultMessages[d.status]).reply()
	rp.header = header
	rp.write(w)
}

// SetFaults replaces the injected faults; the zero Faults turns them off.
func (s *Server) SetFaults(f Faults) error { return s.faults.set(f) }

// Faults returns the faults in effect.
func (s *Server) Faults() Faults { return s.faults.get() }

// underFaults serves one API request of op, MCP's or project44's, under the
// latency and the faults in effect: after the latency, a fault either
// answers instead of serve or, with Faults.After, lets serve run (and
// change state) and replaces its answer, as if the response were lost.
func (s *Server) underFaults(op *operation, w http.ResponseWriter, r *http.Request, serve http.HandlerFunc) {
	fault := s.faults.decide(op)
	if !sleep(r.Context(), s.opts.Latency+fault.latency) {
		return
	}
	if !fault.fail {
		serve(w, r)
		return
	}
	if fault.after {
		serve(discard{header: http.Header{}}, r)
	}
	s.stats.faults[op.id].Add(1)
	fault.write(w, op.p44)
}

// discard is a ResponseWriter that throws the answer away: a request a
// fault lets run before it fails (Faults.After).
type discard struct{ header http.Header }

func (d discard) Header() http.Header         { return d.header }
func (d discard) Write(b []byte) (int, error) { return len(b), nil }
func (d discard) WriteHeader(int)             {}
