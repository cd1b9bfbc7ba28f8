package provider

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/p44"
)

// Environment variables that stand in for provider arguments.
const (
	envUsername       = "MCP_USERNAME"
	envPassword       = "MCP_PASSWORD"
	envBaseURL        = "MCP_BASE_URL"
	envRequestTimeout = "MCP_REQUEST_TIMEOUT"
	envMaxRetries     = "MCP_MAX_RETRIES"
	envRetryWaitMin   = "MCP_RETRY_WAIT_MIN"
	envRetryWaitMax   = "MCP_RETRY_WAIT_MAX"
	envListWrites     = "MCP_LIST_WRITE_CONCURRENCY"
	envTimeZone       = "MCP_TIME_ZONE"
)

const (
	defaultRequestTimeout = time.Minute
	minRequestTimeout     = time.Second
	maxRequestTimeout     = 30 * time.Minute
	maxRetryWait          = 10 * time.Minute
	maxRetriesLimit       = 20
	defaultListWrites     = 10
	maxListWrites         = 64
	integrationToolsURL   = "https://mycarrierpackets.com/IntegrationTools"
)

// settings is the provider configuration after environment fallbacks and
// defaults, validated.
type settings struct {
	username, password, baseURL string
	timeout                     time.Duration
	retry                       mcp.RetryPolicy
	listWrites                  int
	zone                        *time.Location
}

// resolveSettings applies config > environment > default to every argument
// and reports each problem on the attribute it concerns.
func resolveSettings(m providerModel, getenv func(string) string) (settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	r := resolver{getenv: getenv, diags: &diags}
	s := settings{retry: mcp.DefaultRetryPolicy()}

	s.username = r.required(m.Username, "username", envUsername, "user name")
	s.password = r.required(m.Password, "password", envPassword, "password")

	s.baseURL = r.str(m.BaseURL, "base_url", envBaseURL, mcp.DefaultBaseURL)
	if err := checkBaseURL(s.baseURL); err != nil {
		diags.AddAttributeError(path.Root("base_url"), "Invalid MCP base_url", fmt.Sprintf("base_url (from %s): %s", source(m.BaseURL, envBaseURL), err))
	}

	s.timeout = r.duration(m.RequestTimeout, "request_timeout", envRequestTimeout, defaultRequestTimeout, minRequestTimeout, maxRequestTimeout)
	s.retry.WaitMin = r.duration(m.RetryWaitMin, "retry_wait_min", envRetryWaitMin, s.retry.WaitMin, 0, maxRetryWait)
	s.retry.WaitMax = r.duration(m.RetryWaitMax, "retry_wait_max", envRetryWaitMax, s.retry.WaitMax, 0, maxRetryWait)
	if s.retry.WaitMin > s.retry.WaitMax {
		diags.AddAttributeError(path.Root("retry_wait_min"), "Invalid retry waits",
			fmt.Sprintf("retry_wait_min (%s) must not be longer than retry_wait_max (%s).", s.retry.WaitMin, s.retry.WaitMax))
	}
	s.retry.MaxRetries = r.integer(m.MaxRetries, "max_retries", envMaxRetries, s.retry.MaxRetries, 0, maxRetriesLimit)
	s.listWrites = r.integer(m.ListWriteConcurrency, "list_write_concurrency", envListWrites, defaultListWrites, 1, maxListWrites)
	zone, err := loadZone(r.str(m.TimeZone, "time_zone", envTimeZone, "UTC"))
	if err != nil {
		diags.AddAttributeError(path.Root("time_zone"), "Invalid MCP time_zone", fmt.Sprintf("time_zone (from %s): %s", source(m.TimeZone, envTimeZone), err))
	}
	s.zone = zone
	return s, diags
}

// resolver reads one argument at a time, recording diagnostics.
type resolver struct {
	getenv func(string) string
	diags  *diag.Diagnostics
	// block is the nested block the arguments are in ("" for the provider
	// block's own), and service the API they configure ("" for MCP).
	block, service string
}

func (r resolver) path(attr string) path.Path {
	if r.block == "" {
		return path.Root(attr)
	}
	return path.Root(r.block).AtName(attr)
}

func (r resolver) serviceName() string {
	if r.service == "" {
		return "MCP"
	}
	return r.service
}

// known reports whether v can be used now, and records an error when the
// value will only be known during apply: the client must exist before then.
func (r resolver) known(v interface{ IsUnknown() bool }, attr, env string) bool {
	if !v.IsUnknown() {
		return true
	}
	r.diags.AddAttributeError(r.path(attr), "Unknown "+r.serviceName()+" "+attr,
		fmt.Sprintf("The provider cannot connect to %s because %s is not known until apply. "+
			"Set it to a value known at plan time, or leave it out and set the %s environment variable.", r.serviceName(), attr, env))
	return false
}

func (r resolver) str(v types.String, attr, env, def string) string {
	if !r.known(v, attr, env) {
		return ""
	}
	if !v.IsNull() {
		return v.ValueString()
	}
	if e := r.getenv(env); e != "" {
		return e
	}
	return def
}

func (r resolver) required(v types.String, attr, env, what string) string {
	if v.IsUnknown() {
		r.known(v, attr, env)
		return ""
	}
	s := r.str(v, attr, env, "")
	if s == "" {
		r.diags.AddAttributeError(path.Root(attr), "Missing MCP "+attr,
			fmt.Sprintf("The provider needs the MCP integration %s. Set %s in the provider block or the %s environment variable. "+
				"Integration credentials are managed on MCP's Integration Tools page (%s).", what, attr, env, integrationToolsURL))
	}
	return s
}

func (r resolver) duration(v types.String, attr, env string, def, lo, hi time.Duration) time.Duration {
	raw := r.str(v, attr, env, "")
	if raw == "" {
		return def
	}
	d, err := parseDurationBetween(raw, lo, hi)
	if err != nil {
		r.diags.AddAttributeError(path.Root(attr), "Invalid MCP "+attr, fmt.Sprintf("%s (from %s): %s", attr, source(v, env), err))
		return def
	}
	return d
}

func (r resolver) integer(v types.Int64, attr, env string, def, lo, hi int) int {
	if !r.known(v, attr, env) {
		return def
	}
	if !v.IsNull() {
		return int(v.ValueInt64())
	}
	raw := r.getenv(env)
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		r.diags.AddAttributeError(path.Root(attr), "Invalid MCP "+attr,
			fmt.Sprintf("The %s environment variable is %q; it must be a whole number from %d to %d.", env, raw, lo, hi))
		return def
	}
	return n
}

// source names where a value came from, for error messages.
func source(v types.String, env string) string {
	if !v.IsNull() {
		return "the provider block"
	}
	return "the " + env + " environment variable"
}

// parseDurationBetween parses a Go duration and checks its range.
func parseDurationBetween(raw string, lo, hi time.Duration) (time.Duration, error) {
	d, err := time.ParseDuration(raw)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration; use a Go duration such as 30s, 2m or 1m30s", raw)
	}
	if d < lo || d > hi {
		return 0, fmt.Errorf("%q must be between %s and %s", raw, lo, hi)
	}
	return d, nil
}

// checkBaseURL accepts an absolute http(s) URL, and plain http only to a
// loopback host: the password must not cross a network in clear text.
func checkBaseURL(raw string) error { return checkServiceURL(raw, mcpService) }

// service names an API whose base URL is checked, for checkServiceURL's
// messages.
type service struct{ name, example, credentials string }

var mcpService = service{"MCP", mcp.DefaultBaseURL, "the username and password arguments"}

func checkServiceURL(raw string, svc service) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.Opaque != "" {
		return fmt.Errorf("%q is not an absolute http(s) URL such as %s%s", raw, svc.example, schemeHint(raw))
	}
	if u.User != nil {
		return fmt.Errorf("%q must not carry credentials; use %s", u.Redacted(), svc.credentials)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q must not have a query string or fragment", raw)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return fmt.Errorf("%q uses plain http:// to %s, which is not a loopback host, so the %s credentials would cross the network in clear text. "+
			"Use https://, or http:// only to localhost, 127.0.0.1 or ::1 (for example the local MCP emulator)", raw, u.Hostname(), svc.name)
	}
	return nil
}

// schemeHint suggests the URL meant by a host without a scheme, such as
// 127.0.0.1:18090: http:// for a loopback host (the emulator), else https://.
func schemeHint(raw string) string {
	if strings.Contains(raw, "://") || strings.ContainsAny(raw, " \t") {
		return ""
	}
	u, err := url.Parse("https://" + raw)
	if err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return ""
	}
	scheme := "https://"
	if isLoopback(u.Hostname()) {
		scheme = "http://"
	}
	return fmt.Sprintf("; did you mean %q?", scheme+raw)
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (p *mcpProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	s, diags := resolveSettings(m, os.Getenv)
	resp.Diagnostics.Append(diags...)
	ps, diags := resolveP44(m.Project44, os.Getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	client, err := mcp.NewClient(s.baseURL, s.username, s.password,
		mcp.WithUserAgent("terraform-provider-mcp/"+p.version),
		mcp.WithRequestTimeout(s.timeout),
		mcp.WithRetry(s.retry),
		mcp.WithLogger(tflogger{}),
		mcp.WithTimeZone(s.zone),
		mcp.WithStop(p.stopped),
	)
	if err != nil {
		resp.Diagnostics.AddError("Unable to create the MCP client", err.Error())
		return
	}
	data := newProviderData(client, s.listWrites)
	data.mcpAt = fmt.Sprintf("%s (base_url, from %s)", s.baseURL, source(m.BaseURL, envBaseURL))
	if m.BaseURL.IsNull() && os.Getenv(envBaseURL) == "" {
		data.mcpAt = s.baseURL + " (the default base_url)"
	}
	data.maxRetries = s.retry.MaxRetries
	// Authenticate now, so a wrong password is reported once, on the
	// provider, rather than by every resource.
	if err := client.Authenticate(ctx); err != nil {
		var authErr *mcp.AuthError
		if errors.As(err, &authErr) {
			resp.Diagnostics.AddAttributeError(path.Root("password"), "MCP rejected the credentials",
				fmt.Sprintf("MCP at %s did not accept the integration username and password (%s). "+
					"Check both on MCP's Integration Tools page (%s); the username came from %s and the password from %s.",
					s.baseURL, err, integrationToolsURL, source(m.Username, envUsername), source(m.Password, envPassword)))
			return
		}
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Unable to reach MCP", data.explainRead(err))
		return
	}
	if ps.clientID != "" {
		// No token is asked for until a project44 resource needs one:
		// project44 mints at most five a minute.
		data.p44, err = p44.NewClient(ps.baseURL, ps.clientID, ps.clientSecret,
			p44.WithUserAgent("terraform-provider-mcp/"+p.version),
			p44.WithRequestTimeout(s.timeout),
			p44.WithRetry(s.retry),
			p44.WithLogger(tflogger{}),
			p44.WithStop(p.stopped),
		)
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("project44"), "Unable to create the project44 client", err.Error())
			return
		}
		data.trackingInvitations = newTrackingIndex(data.p44)
	}
	p.data.Store(data)
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ListResourceData = data
	resp.ActionData = data
	resp.EphemeralResourceData = data
}
