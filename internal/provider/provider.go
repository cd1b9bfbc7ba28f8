// Package provider is the Terraform side of terraform-provider-mcp: the
// provider, its resources, data sources and functions. Everything that talks
// to MCP goes through internal/mcp.
package provider

import (
	"context"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ provider.Provider                       = (*mcpProvider)(nil)
	_ provider.ProviderWithFunctions          = (*mcpProvider)(nil)
	_ provider.ProviderWithListResources      = (*mcpProvider)(nil)
	_ provider.ProviderWithActions            = (*mcpProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*mcpProvider)(nil)
)

// New returns the provider factory; version is "dev", "test" or the release.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &mcpProvider{version: version, stopped: context.Background()} }
}

type mcpProvider struct {
	version string
	// stopped is done once Terraform has stopped the provider (see
	// listServer.StopProvider); the MCP client then starts no request.
	stopped context.Context
	// data is what Configure built, for the parts of the server that plan
	// outside the framework (listServer).
	data atomic.Pointer[providerData]
}

// providerModel is the provider block.
type providerModel struct {
	Username       types.String `tfsdk:"username"`
	Password       types.String `tfsdk:"password"`
	BaseURL        types.String `tfsdk:"base_url"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RetryWaitMin   types.String `tfsdk:"retry_wait_min"`
	RetryWaitMax   types.String `tfsdk:"retry_wait_max"`

	ListWriteConcurrency types.Int64  `tfsdk:"list_write_concurrency"`
	TimeZone             types.String `tfsdk:"time_zone"`

	Project44 *project44Model `tfsdk:"project44"`
}

func (p *mcpProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "mcp"
	resp.Version = p.version
}

func (p *mcpProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages a freight broker's carriers in [MyCarrierPackets](https://mycarrierpackets.com) (MCP): " +
			"which carriers are under Assure Advantage monitoring, which are blocked, and packet invitations; " +
			"and reads carrier data, risk assessments and associated carriers for vetting.",
		Attributes: map[string]schema.Attribute{
			"username": schema.StringAttribute{
				MarkdownDescription: "User name of an MCP integration user, from MCP's Integration Tools page. " +
					"Falls back to the `" + envUsername + "` environment variable.",
				Optional:  true,
				Sensitive: true,
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "Password of the MCP integration user. Falls back to the `" + envPassword + "` environment variable. " +
					"It is sent only to the token endpoint and never logged or stored in state.",
				Optional:  true,
				Sensitive: true,
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Base URL of the MCP API. Falls back to the `" + envBaseURL + "` environment variable, then `" + mcp.DefaultBaseURL + "`. " +
					"It must use `https://`, except for a loopback host such as the local MCP emulator (`http://127.0.0.1:8089`).",
				Optional:   true,
				Validators: []validator.String{baseURLValidator},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "How long one HTTP request to MCP may take, as a Go duration such as `30s` or `2m`; " +
					"a retried request gets this much time per attempt. Falls back to `" + envRequestTimeout + "`, then `1m`.",
				Optional:   true,
				Validators: []validator.String{durationBetween(minRequestTimeout, maxRequestTimeout)},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a failed request is repeated: on HTTP 429 (after the `Retry-After` MCP asks for), " +
					"5xx and connection failures. Requests that e-mail or text a carrier are never repeated once MCP may have received them. " +
					"Falls back to `" + envMaxRetries + "`, then `5`. Zero disables retries.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, maxRetriesLimit)},
			},
			"retry_wait_min": schema.StringAttribute{
				MarkdownDescription: "Shortest wait before a retry, as a Go duration; waits double from here with random jitter. " +
					"Falls back to `" + envRetryWaitMin + "`, then `" + mcp.DefaultRetryPolicy().WaitMin.String() + "`.",
				Optional:   true,
				Validators: []validator.String{durationBetween(0, maxRetryWait)},
			},
			"retry_wait_max": schema.StringAttribute{
				MarkdownDescription: "Longest wait before a retry, as a Go duration. " +
					"Falls back to `" + envRetryWaitMax + "`, then `" + mcp.DefaultRetryPolicy().WaitMax.String() + "`.",
				Optional:   true,
				Validators: []validator.String{durationBetween(0, maxRetryWait)},
			},
			"list_write_concurrency": schema.Int64Attribute{
				MarkdownDescription: "How many carriers `mcp_monitoring_list` and `mcp_block_list` add or remove at the same time. " +
					"Falls back to `" + envListWrites + "`, then `10`.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(1, maxListWrites)},
			},
			"time_zone": schema.StringAttribute{
				MarkdownDescription: "The zone MCP writes its date-times in, as an IANA name such as `America/Chicago`. " +
					"MCP's date-times carry no offset and its documentation does not say which zone they are in, except for fields " +
					"named `…Utc`. The provider reads them, and writes the bounds of time windows (`mcp_completed_packets`, " +
					"`mcp_carrier_changes`, `mcp_factoring_companies`), in this zone. Falls back to `" + envTimeZone + "`, then `UTC`. " +
					"Whether an invitation's packet is completed does not depend on it: that compares MCP's times with each other.",
				Optional:   true,
				Validators: []validator.String{timeZoneName},
			},
		},
		Blocks: map[string]schema.Block{"project44": project44Block()},
	}
}

func (p *mcpProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewMonitoredCarrierResource,
		NewBlockedCarrierResource,
		NewCarrierInvitationResource,
		NewMonitoringListResource,
		NewBlockListResource,
		NewTrackingInvitationResource,
	}
}

// ListResources are the list resources of terraform query (Terraform
// 1.14+), named as the resource types they list. Other CLIs never ask.
func (p *mcpProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewMonitoredCarrierQuery,
		NewBlockedCarrierQuery,
		NewMonitoringListQuery,
		NewBlockListQuery,
		NewCarrierInvitationQuery,
	}
}

func (p *mcpProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		// carrier vetting
		NewCarrierDataSource,
		NewCarrierRiskAssessmentDataSource, NewAssociatedCarriersDataSource, NewCarrierContactsDataSource,
		NewCarrierIncidentReportsDataSource, NewCarrierVINVerificationsDataSource,
		// lists and windows
		NewMonitoredCarriersDataSource, NewBlockedCarriersDataSource, NewCompletedPacketsDataSource,
		NewCarrierChangesDataSource, NewFactoringCompaniesDataSource, NewDocumentDataSource, NewMonitoredCarrierDetailsDataSource,
		// project44 tracking
		NewTrackingInvitationsDataSource, NewTrackingMethodsDataSource,
	}
}

// EphemeralResources are read whenever Terraform needs them and never
// stored (Terraform 1.10+, OpenTofu 1.11+; other CLIs never ask for them).
func (p *mcpProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		NewCarrierPacketEphemeralResource,
	}
}

func (p *mcpProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewIntelliviteLinkFunction,
		NewCarrierPortalURLFunction,
		NewNormalizeDocketFunction,
	}
}

// Actions send now, once per invocation (Terraform 1.14+; other CLIs never
// ask for them): see sendAction.
func (p *mcpProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{
		NewSendPacketInvitationAction,
		NewRequestUserVerificationAction,
		NewRequestVINVerificationAction,
	}
}
