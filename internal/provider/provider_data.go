package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierstate/terraform-provider-mcp/internal/completions"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
	"github.com/carrierstate/terraform-provider-mcp/internal/p44"
)

// providerData is what Configure hands to every resource and data source:
// the one MCP client of this provider run.
type providerData struct {
	client *mcp.Client
	// mcpAt says where MCP is and where that came from, and maxRetries how
	// often a failed request is repeated, for the messages of failed reads.
	mcpAt      string
	maxRetries int
	// The run's shared views of the two carrier lists: loaded once however
	// many resources read them.
	monitored *membership.List
	blocked   *membership.List
	// Packet completions, fetched once for every invitation that asks.
	completions *completions.Window
	// How many carriers a list resource adds or removes at once.
	listWriteConcurrency int
	overlaps             *overlaps
	now                  func() time.Time
	// project44, when the provider block or the environment configures it;
	// nil otherwise. trackingInvitations is its run's shared invitation list.
	p44                 *p44.Client
	trackingInvitations *trackingIndex
}

func newProviderData(client *mcp.Client, listWriteConcurrency int) *providerData {
	return &providerData{
		client:               client,
		monitored:            membership.Monitored(client),
		blocked:              membership.Blocked(client),
		completions:          completions.New(client.Invitations.CompletedPackets, time.Now),
		listWriteConcurrency: listWriteConcurrency,
		overlaps:             newOverlaps(),
		now:                  time.Now,
	}
}

// providerDataFrom casts the ProviderData of a resource or data source
// Configure call. A nil value means the provider is not configured yet
// (Terraform validates before it configures) and is not an error.
func providerDataFrom(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is always a bug in the provider; please report it.", data))
		return nil
	}
	return pd
}

// tflogger sends the MCP client's diagnostics to Terraform's log.
type tflogger struct{}

func (tflogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(ctx, msg, fields)
}

func (tflogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.Warn(ctx, msg, fields)
}
