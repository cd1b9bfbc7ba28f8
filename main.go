// Command terraform-provider-mcp is the Terraform provider for
// MyCarrierPackets (MCP): monitored carriers, block lists and packet
// invitations, declared in HCL.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/carrierstate/terraform-provider-mcp/internal/provider"
)

// version is set by the release build (goreleaser's -X main.version=...).
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address:         "registry.terraform.io/carrierstate/mcp",
		Debug:           debug,
		ProtocolVersion: 6,
	})
	if err != nil {
		log.Fatal(err)
	}
}
