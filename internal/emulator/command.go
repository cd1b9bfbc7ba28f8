package emulator

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44emulator"
)

// Main runs the mcp-emulator command with its arguments until ctx is done
// (the command cancels it on SIGINT or SIGTERM), and returns the exit code:
// 0 after a clean shutdown, 1 when serving fails, 2 for bad flags or a
// listen address that is not loopback.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mcp-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:8089", "loopback `address` to listen on")
	username := fs.String("username", DefaultUsername, "integration `username` /token accepts")
	password := fs.String("password", DefaultPassword, "integration `password` /token accepts")
	carriers := fs.Int("carriers", DefaultCarriers, "`number` of synthetic carriers, the sample carrier DOT 23868 included")
	seed := fs.Int64("seed", DefaultSeed, "`seed` of the synthetic universe and of fault decisions")
	ttl := fs.Duration("token-ttl", DefaultTokenTTL, "access-token `lifetime`")
	faultRate := fs.Float64("fault-rate", 0, "share (0 to 1) of API requests answered with 429 (Retry-After: 1), 500 or 503")
	latency := fs.Duration("latency", 0, "`delay` added to every API request")
	variants := fs.String("variants", "", "comma-separated `names` of variants to switch on (\"all\" for every one): "+strings.Join(VariantNames(), ", "))
	p44ID := fs.String("p44-client-id", p44emulator.DefaultClientID, "project44 client `id` /api/v4/oauth2/token accepts")
	p44Secret := fs.String("p44-client-secret", p44emulator.DefaultClientSecret, "project44 client `secret` /api/v4/oauth2/token accepts")
	p44TTL := fs.Duration("p44-token-ttl", p44emulator.DefaultTokenTTL, "project44 access-token `lifetime`")
	p44Variants := fs.String("p44-variants", "", "comma-separated `names` of project44 variants to switch on (\"all\" for every one): "+strings.Join(p44emulator.VariantNames(), ", "))
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "mcp-emulator: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if err := checkLoopback(*listen); err != nil {
		fmt.Fprintf(stderr, "mcp-emulator: %v\n", err)
		return 2
	}
	if *carriers < 1 || *carriers > MaxCarriers || *ttl <= 0 || *p44TTL <= 0 || *latency < 0 {
		fmt.Fprintf(stderr, "mcp-emulator: -carriers must be 1 to %d, -token-ttl and -p44-token-ttl positive and -latency not negative\n", MaxCarriers)
		return 2
	}
	if *p44ID == "" || *p44Secret == "" {
		fmt.Fprintf(stderr, "mcp-emulator: -p44-client-id and -p44-client-secret must not be empty\n")
		return 2
	}
	activeP44, err := p44emulator.ParseVariants(*p44Variants)
	if err != nil {
		fmt.Fprintf(stderr, "mcp-emulator: -p44-variants: %v\n", err)
		return 2
	}
	active, err := ParseVariants(*variants)
	if err != nil {
		fmt.Fprintf(stderr, "mcp-emulator: -variants: %v\n", err)
		return 2
	}
	opts := Options{Carriers: *carriers, Seed: *seed, Username: *username, Password: *password, TokenTTL: *ttl, Latency: *latency, Variants: active,
		Project44: p44emulator.Options{ClientID: *p44ID, ClientSecret: *p44Secret, TokenTTL: *p44TTL, Variants: activeP44}}
	if *faultRate != 0 {
		opts.Faults = Faults{Rate: *faultRate, Statuses: []int{429, 500, 503}, RetryAfter: time.Second}
		if _, err := opts.Faults.normalize(); err != nil {
			fmt.Fprintf(stderr, "mcp-emulator: -fault-rate: %v\n", err)
			return 2
		}
	}

	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", *listen)
	if err != nil {
		fmt.Fprintf(stderr, "mcp-emulator: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: New(opts), ReadHeaderTimeout: 10 * time.Second}
	withVariants := ""
	if len(active) > 0 {
		withVariants = ", variants " + strings.Join(active, ",")
	}
	fmt.Fprintf(stdout, "MCP emulator serving http://%s (username %q, password %q, %d carriers, seed %d%s)\n",
		ln.Addr(), opts.Username, opts.Password, opts.Carriers, opts.Seed, withVariants)
	withP44Variants := ""
	if len(activeP44) > 0 {
		withP44Variants = ", variants " + strings.Join(activeP44, ",")
	}
	fmt.Fprintf(stdout, "project44 emulator on the same address (client id %q, client secret %q%s):\n", *p44ID, *p44Secret, withP44Variants)
	for _, route := range p44Routes {
		fmt.Fprintf(stdout, "  %s\n", route)
	}

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		fmt.Fprintf(stderr, "mcp-emulator: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "mcp-emulator: shutdown: %v\n", err)
		return 1
	}
	return 0
}

// p44Routes are the project44 routes the command prints on startup.
var p44Routes = []string{
	"POST " + p44emulator.TokenPath,
	"POST " + p44emulator.InvitationsPath,
	"GET  " + p44emulator.InvitationsPath,
	"GET  " + p44emulator.TrackingMethodsPath,
	"     " + p44emulator.AdminPrefix + " (admin routes)",
}

// checkLoopback refuses listen addresses reachable from other machines:
// the emulator accepts well-known credentials.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-listen %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-listen %q is not a loopback address: the emulator accepts well-known credentials, so it only listens on 127.0.0.1, ::1 or localhost", addr)
}
