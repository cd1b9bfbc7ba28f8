// Command noop is a plugin's physical floor for the benchmarks: a
// terraform-plugin-framework provider, served like terraform-provider-mcp,
// whose noop_monitored_carrier has mcp_monitored_carrier's schema and
// nothing behind it. Read keeps the state as it is; create and update
// record the plan. The difference between the two providers over the same
// configuration is the MCP provider's own work.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	mcp "github.com/carrierstate/terraform-provider-mcp/internal/provider"
)

func main() {
	// As terraform-provider-mcp does, keep the SDK's unread logs off.
	mcp.QuietUnreadSDKLogs()
	if err := providerserver.Serve(context.Background(), func() provider.Provider { return noopProvider{} },
		providerserver.ServeOpts{Address: "registry.terraform.io/carrierstate/noop", ProtocolVersion: 6}); err != nil {
		log.Fatal(err)
	}
}

type noopProvider struct{}

func (noopProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "noop"
}

func (noopProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (noopProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (noopProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return monitoredCarrier{mcp.NewMonitoredCarrierResource()} }}
}

func (noopProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// monitoredCarrier borrows the MCP resource's schema and nothing else.
type monitoredCarrier struct{ shape resource.Resource }

func (r monitoredCarrier) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "noop_monitored_carrier"
}

func (r monitoredCarrier) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	r.shape.Schema(ctx, req, resp)
}

func (monitoredCarrier) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = known(req.Plan.Raw)
}

func (monitoredCarrier) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (monitoredCarrier) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = known(req.Plan.Raw)
}

func (monitoredCarrier) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// known is a planned value with whatever was left to the provider null.
func known(v tftypes.Value) tftypes.Value {
	out, _ := tftypes.Transform(v, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	return out
}
