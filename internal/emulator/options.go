package emulator

import (
	"fmt"
	"slices"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44emulator"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultCarriers = 10000
	DefaultSeed     = 1
	DefaultUsername = "demo"
	DefaultPassword = "demo"
	// DefaultTokenTTL is the access-token lifetime MCP reports (expires_in).
	DefaultTokenTTL = 1209599 * time.Second
	// MaxCarriers bounds Options.Carriers: every carrier owns eight slots of
	// a seven-digit phone-number space (see universe/identity.go).
	MaxCarriers = 1_000_000
)

// Options configure a Server. Zero fields get the defaults above.
type Options struct {
	// Carriers is the size of the synthetic universe, the sample carrier
	// (DOT 23868) included.
	Carriers int
	// Seed makes the universe, and the fault decisions, reproducible.
	Seed int64
	// Username and Password are the integration credentials /token accepts.
	Username, Password string
	// TokenTTL is the access-token lifetime; refresh tokens live twice as long.
	TokenTTL time.Duration
	// Latency is added to every API request (never to /_emulator/ routes).
	Latency time.Duration
	// Faults are injected from the start; SetFaults replaces them.
	Faults Faults
	// Variants are switched on from the start (names as in VariantNames,
	// or "all"); SetVariants replaces them and Reset restores these. None
	// means the documented default behaviour.
	Variants []string
	// Now is the emulator's clock (token expiry, timestamps, expired
	// insurance, date windows); time.Now when nil. It is read in UTC at
	// 100 ns resolution, MCP's, so that every time a response shows can be
	// sent back in a window and compare equal.
	Now func() time.Time
	// Project44 configures the project44 emulator served beside MCP on
	// the same listener (see P44). Its clock defaults to Now; its Wrap is
	// the MCP emulator's (faults and latency), whatever is set here.
	Project44 p44emulator.Options
}

// Faults describes injected failures. They apply to API operations only,
// never to /_emulator/ routes.
type Faults struct {
	// Rate is the share (0 to 1) of matching requests that fail.
	Rate float64
	// Statuses are picked from at random for each failure: 429, 500, 503,
	// or 0 to drop the connection without an answer. Empty means 429, 500
	// and 503.
	Statuses []int
	// RetryAfter, rounded up to whole seconds, is sent as Retry-After with
	// 429 and 503 answers when positive.
	RetryAfter time.Duration
	// Latency is added to every request of the matching operations, failed
	// or not, on top of Options.Latency.
	Latency time.Duration
	// Operations limits faults to these operations, by MCP's name
	// ("MonitoredCarriers", "Token", ...; case-insensitive). Empty means
	// every API operation and the token endpoint.
	Operations []string
	// After lets the request run (and change state) before it fails: the
	// answer is replaced by the fault, as if the response were lost.
	// Otherwise the request fails before it is processed.
	After bool
}

var faultStatuses = []int{0, 429, 500, 503}

// normalize validates f and returns it with canonical operation names.
func (f Faults) normalize() (Faults, error) {
	if f.Rate < 0 || f.Rate > 1 || f.Rate != f.Rate {
		return Faults{}, fmt.Errorf("emulator: fault rate %v is not between 0 and 1", f.Rate)
	}
	if f.RetryAfter < 0 || f.Latency < 0 {
		return Faults{}, fmt.Errorf("emulator: fault durations must not be negative")
	}
	for _, s := range f.Statuses {
		if !slices.Contains(faultStatuses, s) {
			return Faults{}, fmt.Errorf("emulator: fault status %d is not one of 0 (drop), 429, 500, 503", s)
		}
	}
	out := f
	out.Statuses = slices.Clone(f.Statuses)
	out.Operations = nil
	for _, name := range f.Operations {
		op := lookupOperation(name)
		if op == nil {
			return Faults{}, fmt.Errorf("emulator: unknown operation %q in faults", name)
		}
		out.Operations = append(out.Operations, op.name)
	}
	return out, nil
}

func (o Options) withDefaults() Options {
	if o.Carriers <= 0 {
		o.Carriers = DefaultCarriers
	}
	o.Carriers = min(o.Carriers, MaxCarriers)
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.Username == "" {
		o.Username = DefaultUsername
	}
	if o.Password == "" {
		o.Password = DefaultPassword
	}
	if o.TokenTTL <= 0 {
		o.TokenTTL = DefaultTokenTTL
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}
