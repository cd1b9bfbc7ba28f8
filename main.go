// Command terraform-provider-mcp is the Terraform provider for
// MyCarrierPackets (MCP): monitored carriers, block lists and packet
// invitations, declared in HCL.
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/carrierstate/terraform-provider-mcp/internal/provider"
)

// version is set by the release build (goreleaser's -X main.version=...).
var version = "dev"

func main() {
	var debug, showVersion bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.BoolVar(&showVersion, "version", false, "print the provider's version and exit")
	flag.Parse()
	if showVersion {
		fmt.Println("terraform-provider-mcp", version)
		return
	}

	provider.QuietUnreadSDKLogs()

	// Protocol 6, served by provider.NewServer: the framework's server with
	// the list resources' plans computed in linear time.
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve("registry.terraform.io/carrierstate/mcp", provider.NewServer(version), opts...); err != nil {
		log.Fatal(err)
	}
}
