package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// mcp_monitored_carrier_details holds a whole portfolio, up to tens of
// thousands of carriers of some hundred values each. After a data source's
// Read the framework walks the state value by value, looking each one's
// type up in the schema by its path (ReifyNullCollectionBlocks, then the
// conversion to the protocol): 40 s of the provider's 55 s for 50,000
// carriers. The server reads it itself instead, through the same read as
// the framework's Read, and marshals the value it builds as it is.
// TestMonitoredCarrierDetailsServerMatchesFramework holds the answer to
// the framework's.

const portfolioTypeName = "mcp_monitored_carrier_details"

// portfolioSchemaType is the data source's state type, from its schema.
var portfolioSchemaType = sync.OnceValue(func() tftypes.Object {
	ctx := context.Background()
	var resp datasource.SchemaResponse
	NewMonitoredCarrierDetailsDataSource().Schema(ctx, datasource.SchemaRequest{}, &resp)
	return resp.Schema.Type().TerraformType(ctx).(tftypes.Object) //nolint:forcetypeassert // a schema's type is an object
})

// ReadDataSource reads mcp_monitored_carrier_details itself and hands every
// other data source to the framework.
func (s *listServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	data := s.provider.data.Load()
	if req.TypeName != portfolioTypeName || req.Config == nil || data == nil {
		return s.frameworkServer.ReadDataSource(ctx, req)
	}
	schemaType := portfolioSchemaType()
	include, since, err := portfolioArguments(ctx, schemaType, req.Config)
	if err != nil {
		return portfolioFailure("Unable to read the configuration", err), nil
	}
	value, diags := (&monitoredCarrierDetailsDataSource{data: data}).read(ctx, schemaType, include, since)
	resp := &tfprotov6.ReadDataSourceResponse{Diagnostics: protoDiagnostics(diags)}
	if diags.HasError() {
		resp.State = req.Config // as the framework answers: the state it started from
		return resp, nil
	}
	state, err := tfprotov6.NewDynamicValue(schemaType, value)
	if err != nil {
		return portfolioFailure("Unable to encode the state", err), nil
	}
	resp.State = &state
	return resp, nil
}

// portfolioArguments are include and changes_since as configured.
func portfolioArguments(ctx context.Context, schemaType tftypes.Object, config *tfprotov6.DynamicValue) (types.Set, types.String, error) {
	raw, err := config.Unmarshal(schemaType)
	if err != nil {
		return types.Set{}, types.String{}, err
	}
	var attrs map[string]tftypes.Value
	if err := raw.As(&attrs); err != nil {
		return types.Set{}, types.String{}, err
	}
	include, err := types.SetType{ElemType: types.StringType}.ValueFromTerraform(ctx, attrs["include"])
	if err != nil {
		return types.Set{}, types.String{}, err
	}
	since, err := types.StringType.ValueFromTerraform(ctx, attrs["changes_since"])
	if err != nil {
		return types.Set{}, types.String{}, err
	}
	includeSet, ok1 := include.(basetypes.SetValue)
	sinceString, ok2 := since.(basetypes.StringValue)
	if !ok1 || !ok2 {
		return types.Set{}, types.String{}, fmt.Errorf("unexpected argument types %T and %T", include, since)
	}
	return includeSet, sinceString, nil
}

func portfolioFailure(summary string, err error) *tfprotov6.ReadDataSourceResponse {
	return &tfprotov6.ReadDataSourceResponse{Diagnostics: []*tfprotov6.Diagnostic{{
		Severity: tfprotov6.DiagnosticSeverityError,
		Summary:  summary,
		Detail:   "This is always a bug in the provider: " + err.Error(),
	}}}
}
