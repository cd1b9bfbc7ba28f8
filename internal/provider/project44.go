package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44"
)

// Environment variables that stand in for the project44 block's arguments.
const (
	envP44ClientID     = "PROJECT44_CLIENT_ID"
	envP44ClientSecret = "PROJECT44_CLIENT_SECRET"
	envP44BaseURL      = "PROJECT44_BASE_URL"
	envP44Region       = "PROJECT44_REGION"
)

// p44Regions are project44's hosts, by the region a tenant was created in.
var p44Regions = map[string]string{
	"na":      p44.NABaseURL,
	"eu":      p44.EUBaseURL,
	"sandbox": p44.SandboxBaseURL,
}

var p44Service = service{"project44", p44.NABaseURL, "the project44 block's client_id and client_secret"}

// project44Model is the provider's optional project44 block.
type project44Model struct {
	ClientID     types.String `tfsdk:"client_id"`
	ClientSecret types.String `tfsdk:"client_secret"`
	BaseURL      types.String `tfsdk:"base_url"`
	Region       types.String `tfsdk:"region"`
}

func project44Block() schema.Block {
	return schema.SingleNestedBlock{
		MarkdownDescription: "project44, for inviting carriers to asset-based tracking (`mcp_tracking_invitation`, " +
			"`mcp_tracking_invitations`, `mcp_tracking_methods`). Optional: a configuration that uses none of them needs nothing here. " +
			"Each argument falls back to an environment variable, so the block may be left out and the credentials set in the environment. " +
			"The retry and timeout arguments of the provider apply to project44 as to MCP.",
		Attributes: map[string]schema.Attribute{
			"client_id": schema.StringAttribute{
				MarkdownDescription: "Client ID of a project44 client application (OAuth 2.0 client credentials). " +
					"Falls back to `" + envP44ClientID + "`.",
				Optional:  true,
				Sensitive: true,
			},
			"client_secret": schema.StringAttribute{
				MarkdownDescription: "Secret of the client application. Falls back to `" + envP44ClientSecret + "`. " +
					"It is sent only to project44's token endpoint and never logged or stored in state.",
				Optional:  true,
				Sensitive: true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "The region the project44 tenant was created in: `na` (`" + p44.NABaseURL + "`, the default), " +
					"`eu` (`" + p44.EUBaseURL + "`) or `sandbox` (`" + p44.SandboxBaseURL + "`). Falls back to `" + envP44Region + "`.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf("na", "eu", "sandbox")},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Base URL of the project44 API, instead of the region's, for example the MCP emulator's " +
					"(`http://127.0.0.1:8089`), which serves project44's routes too. Falls back to `" + envP44BaseURL + "`. " +
					"It must use `https://`, except for a loopback host.",
				Optional:   true,
				Validators: []validator.String{stringCheck{description: "an https:// URL, or http:// to a loopback host", check: checkP44BaseURL}},
			},
		},
	}
}

func checkP44BaseURL(raw string) error { return checkServiceURL(raw, p44Service) }

// p44Settings is the project44 configuration after environment fallbacks.
// An empty clientID means project44 is not configured.
type p44Settings struct {
	clientID, clientSecret, baseURL string
}

// resolveP44 reads the project44 block and its environment variables. It is
// not configured when neither names a credential; half a pair is an error.
func resolveP44(m *project44Model, getenv func(string) string) (p44Settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	if m == nil {
		m = &project44Model{ClientID: types.StringNull(), ClientSecret: types.StringNull(), BaseURL: types.StringNull(), Region: types.StringNull()}
	}
	r := resolver{getenv: getenv, diags: &diags, block: "project44", service: "project44"}
	at := r.path
	s := p44Settings{
		clientID:     r.str(m.ClientID, "client_id", envP44ClientID, ""),
		clientSecret: r.str(m.ClientSecret, "client_secret", envP44ClientSecret, ""),
	}
	switch {
	case s.clientID == "" && s.clientSecret == "":
		return p44Settings{}, diags
	case s.clientID == "":
		diags.AddAttributeError(at("client_id"), "Missing project44 client_id",
			fmt.Sprintf("project44's client_secret is set (from %s) but not its client_id. Set client_id in the provider's project44 block or the %s environment variable.",
				source(m.ClientSecret, envP44ClientSecret), envP44ClientID))
	case s.clientSecret == "":
		diags.AddAttributeError(at("client_secret"), "Missing project44 client_secret",
			fmt.Sprintf("project44's client_id is set (from %s) but not its client_secret. Set client_secret in the provider's project44 block or the %s environment variable.",
				source(m.ClientID, envP44ClientID), envP44ClientSecret))
	}
	region := strings.ToLower(r.str(m.Region, "region", envP44Region, "na"))
	s.baseURL = r.str(m.BaseURL, "base_url", envP44BaseURL, "")
	if s.baseURL == "" {
		host, ok := p44Regions[region]
		if !ok {
			diags.AddAttributeError(at("region"), "Invalid project44 region",
				fmt.Sprintf("region (from %s) is %q; it must be na, eu or sandbox.", source(m.Region, envP44Region), region))
		}
		s.baseURL = host
	} else if err := checkP44BaseURL(s.baseURL); err != nil {
		diags.AddAttributeError(at("base_url"), "Invalid project44 base_url",
			fmt.Sprintf("base_url (from %s): %s", source(m.BaseURL, envP44BaseURL), err))
	}
	return s, diags
}

// errP44NotConfigured is what a project44 resource or data source says when
// the provider has no project44 credentials.
const errP44NotConfigured = "This needs project44 client credentials, and the provider has none. Set client_id and client_secret " +
	"in the provider's project44 block, or the " + envP44ClientID + " and " + envP44ClientSecret + " environment variables " +
	"(a project44 client application's, from project44's Movement UI). Nothing was sent."

// project44 returns the run's project44 client, or records why there is none.
func (d *providerData) project44(diags *diag.Diagnostics, what string) (*p44.Client, bool) {
	if d.p44 == nil {
		diags.AddError("project44 is not configured", what+": "+errP44NotConfigured)
		return nil, false
	}
	return d.p44, true
}

// explainP44 turns a project44 client error into the detail of a diagnostic.
func explainP44(err error) string {
	var (
		rateErr *p44.RateLimitError
		apiErr  *p44.APIError
	)
	switch {
	case p44.IsUncertain(err):
		return fmt.Sprintf("%v.\n\nThe request may have reached project44, so the provider did not repeat it: repeating it could "+
			"e-mail the carrier twice.", err)
	case errors.Is(err, context.Canceled):
		return "The operation was cancelled before project44 answered."
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("project44 did not answer in time (%v). Raise request_timeout if project44 is slow.", err)
	case errors.As(err, &rateErr):
		return fmt.Sprintf("project44 is throttling requests (%v). The provider waited and retried as configured by max_retries; "+
			"try again later, or lower Terraform's -parallelism.", err)
	case p44.IsAuthError(err):
		return fmt.Sprintf("%v. Check client_id and client_secret (the project44 block, or %s and %s), and that the client "+
			"application still exists in project44's Movement UI.", err, envP44ClientID, envP44ClientSecret)
	case errors.As(err, &apiErr) && apiErr.StatusCode == 403:
		return fmt.Sprintf("%v. The client application lacks a role or access group it needs: grant it in project44's Movement UI.", err)
	}
	return err.Error()
}
