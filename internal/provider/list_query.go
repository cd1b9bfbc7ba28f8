package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/listwire"
)

var _ list.ListResourceWithConfigure = (*carrierListQuery)(nil)

// carrierListQuery is the list resource (terraform query, Terraform 1.14+)
// of mcp_monitoring_list or mcp_block_list: one result, the whole list, as
// importing it would record it. -generate-config-out writes one resource
// whose carriers map holds every carrier on the list, which plans with no
// changes.
type carrierListQuery struct {
	kind listKind
	data *providerData
}

// NewMonitoringListQuery is the list resource of mcp_monitoring_list.
func NewMonitoringListQuery() list.ListResource { return &carrierListQuery{kind: monitoringList} }

// NewBlockListQuery is the list resource of mcp_block_list.
func NewBlockListQuery() list.ListResource { return &carrierListQuery{kind: blockList} }

func (q *carrierListQuery) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + q.kind.typeName
}

func (q *carrierListQuery) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "MCP's " + q.kind.listName + " as a whole, for `terraform query` (Terraform 1.14+): one result, " +
			"the `mcp_" + q.kind.typeName + "` that importing `" + q.kind.id + "` records. With `-generate-config-out` it writes " +
			"an import block and a resource whose `carriers` map holds every carrier on the list, which plans with no changes. " +
			"There are no filters: a list resource owns the whole list. To adopt part of it carrier by carrier, query `mcp_" +
			q.kind.perCarrier + "` instead.",
	}
}

func (q *carrierListQuery) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	q.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (q *carrierListQuery) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	if q.data == nil {
		var diags diag.Diagnostics
		diags.AddError("Provider not configured", "The mcp provider block must be configured before "+q.kind.typeName+" can be listed.")
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	r := &carrierListResource{kind: q.kind, data: q.data}
	v, _, diags := r.read(ctx, r.imported())
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	result := req.NewListResult(ctx)
	result.DisplayName = fmt.Sprintf("MCP's %s (%d carrier(s))", q.kind.listName, len(v.Carriers.Elems))
	result.Diagnostics = diags
	result.Diagnostics.Append(result.Identity.Set(ctx, r.identity())...)
	if req.IncludeResource {
		result.Diagnostics.Append(result.Resource.Set(ctx, listModel(v))...)
	}
	stream.Results = func(push func(list.ListResult) bool) { push(result) }
}

// imported is what an import records before the first read: every carrier
// on the list is then managed.
func (r *carrierListResource) imported() listwire.Value {
	return listwire.Value{
		ID:                listwire.Known(r.kind.id),
		Carriers:          listwire.Map{Null: true},
		OnDestroy:         listwire.Known(onDestroyKeep),
		Reasons:           listwire.Map{Null: true},
		Selected:          listwire.Map{Null: true},
		Unmanaged:         listwire.Map{Null: true},
		UnmanagedCarriers: listwire.Known(r.kind.defaultPolicy),
	}
}
