package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewServer is the provider's protocol 6 server: the framework's, except
// that it validates, upgrades, reads and plans the list resources itself,
// and reads mcp_monitored_carrier_details itself
// (monitored_carrier_details_server.go).
//
// A list resource holds up to tens of thousands of carriers. For each call
// terraform-plugin-go decodes the value into a tree of tftypes.Value, and
// the framework converts it again, walks it (NullifyCollectionBlocks,
// semantic equality, path-by-path validation) and reflects it into the
// resource's model. At 50,000 carriers that is 9 s of CPU for the four
// calls of a plan with no changes (validate 0.7 s, upgrade 0.6 s, read
// 3.3 s, plan 4.6 s); listServer reads the value with listwire in one pass
// and makes the same four calls in 0.75 s (BenchmarkListServer).
// TestListServerMatchesFramework holds each call to the framework's result.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		stopped, stop := context.WithCancel(context.Background())
		p := &mcpProvider{version: version, stopped: stopped}
		fw := providerserver.NewProtocol6(p)().(frameworkServer) //nolint:forcetypeassert // the framework implements all three (TestServerExposesQueryAndActions)
		return &listServer{frameworkServer: fw, provider: p, stop: stop}
	}
}

// frameworkServer is what the framework's server implements. listServer
// embeds all of it: terraform-plugin-go finds list resources (terraform
// query) and actions by asserting these interfaces on the server it is
// given, and a wrapper that embedded only ProviderServer would hide them
// (Terraform 1.14+ would be told they are unimplemented).
type frameworkServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
}
