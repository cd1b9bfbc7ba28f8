package provider

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// TestFlatModelMatchesFramework: flat models read and write exactly what
// the framework's State.Get and State.Set do, for the models that use them.
func TestFlatModelMatchesFramework(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	r := NewMonitoredCarrierResource()
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	withIdentity, ok := r.(resource.ResourceWithIdentity)
	if !ok {
		t.Fatal("mcp_monitored_carrier has no identity")
	}
	var ir resource.IdentitySchemaResponse
	withIdentity.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &ir)

	at := time.Date(2026, 11, 2, 3, 4, 5, 0, time.UTC)
	for name, e := range map[string]membership.Entry{
		"docket":     {Key: carrierid.Key{DOT: 23868, Docket: "MC113843"}, CreatedAt: at, CreatedBy: "integration", LastModifiedAt: at, LastModifiedBy: "portal"},
		"intrastate": {Key: carrierid.Key{DOT: 7, Intrastate: "TX1"}},
	} {
		t.Run(name, func(t *testing.T) {
			model := membershipModel(e)
			framework := tfsdk.State{Schema: sr.Schema}
			if d := framework.Set(ctx, model); d.HasError() {
				t.Fatal(d)
			}
			ours, err := flatValue(ctx, framework.Raw.Type(), model)
			if err != nil || !ours.Equal(framework.Raw) {
				t.Fatalf("flatValue = %v, %v; State.Set wrote %v", ours, err, framework.Raw)
			}
			var viaFramework, viaFlat carrierMembershipModel
			if d := framework.Get(ctx, &viaFramework); d.HasError() {
				t.Fatal(d)
			}
			if err := getFlat(ctx, ours, &viaFlat); err != nil || viaFlat != viaFramework {
				t.Errorf("getFlat = %+v, %v; State.Get read %+v", viaFlat, err, viaFramework)
			}

			identity := tfsdk.ResourceIdentity{Schema: ir.IdentitySchema}
			if d := identity.Set(ctx, membershipIdentity(e.Key)); d.HasError() {
				t.Fatal(d)
			}
			ourIdentity, err := flatValue(ctx, identity.Raw.Type(), membershipIdentity(e.Key))
			if err != nil || !ourIdentity.Equal(identity.Raw) {
				t.Errorf("identity: flatValue = %v, %v; Set wrote %v", ourIdentity, err, identity.Raw)
			}
		})
	}

	// A model that does not cover the type is an error, not a panic.
	type partial struct {
		ID types.String `tfsdk:"id"`
	}
	if _, err := flatValue(ctx, sr.Schema.Type().TerraformType(ctx), partial{types.StringValue("x")}); err == nil {
		t.Error("flatValue accepted a model without most of the schema's attributes")
	}
}
