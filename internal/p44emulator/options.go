package p44emulator

import (
	"net/http"
	"time"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultClientID     = "demo"
	DefaultClientSecret = "demo"
	// DefaultTokenTTL is the token lifetime project44 documents ("about 12
	// hours", S3/S4); third-party code quotes expires_in 43200.
	DefaultTokenTTL = 43200 * time.Second
	// DefaultTokensPerMinute is project44's documented token rate limit
	// per client application (S4).
	DefaultTokensPerMinute = 5
	// DefaultPageSize and MaxPageSize bound the invitation list's pages.
	DefaultPageSize = 25
	MaxPageSize     = 100
	// OffsetZone is where variant p44-time-offset writes times unless
	// Options.Zone says otherwise: project44's home, Chicago.
	OffsetZone = "America/Chicago"
)

// Options configure a Server. Zero fields get the defaults above.
type Options struct {
	// ClientID and ClientSecret are the one client application
	// POST /api/v4/oauth2/token accepts.
	ClientID, ClientSecret string
	// TokenTTL is the access-token lifetime, reported as expires_in.
	TokenTTL time.Duration
	// TokensPerMinute is how many tokens a client id may mint in any 60
	// seconds; negative means no limit.
	TokensPerMinute int
	// Variants are switched on from the start (names as in VariantNames,
	// or "all"); SetVariants replaces them and Reset restores these.
	Variants []string
	// Zone is where p44-time-offset writes times; America/Chicago when nil.
	Zone *time.Location
	// Now is the emulator's clock, read at millisecond resolution (that of
	// the times it writes); time.Now when nil.
	Now func() time.Time
	// Wrap, when set, runs every API request (the four operations, not
	// the admin routes nor unknown paths) after routing and counting:
	// it calls serve to let the request through, or answers itself. The
	// MCP emulator that embeds this server injects its faults and latency
	// here.
	Wrap func(operation string, w http.ResponseWriter, r *http.Request, serve http.HandlerFunc)
}

func (o Options) withDefaults() Options {
	if o.ClientID == "" {
		o.ClientID = DefaultClientID
	}
	if o.ClientSecret == "" {
		o.ClientSecret = DefaultClientSecret
	}
	if o.TokenTTL <= 0 {
		o.TokenTTL = DefaultTokenTTL
	}
	if o.TokensPerMinute == 0 {
		o.TokensPerMinute = DefaultTokensPerMinute
	}
	if o.Zone == nil {
		o.Zone = chicago()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}
