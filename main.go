// Command terraform-provider-mcp is the Terraform provider for
// MyCarrierPackets (MCP): monitored carriers, block lists and packet
// invitations, declared in HCL.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

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

	quietUnreadSDKLogs()

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

// quietUnreadSDKLogs turns the plugin SDK's own logs (terraform-plugin-go's
// protocol logs and terraform-plugin-framework's) off when no TF_LOG
// variable asks for logs, so that Terraform would discard them. Left unset,
// they count as tracing: every RPC formats and writes lines nobody reads
// (a sixth of the provider's CPU time over 2,000 resources), and the
// framework's pass over a resource's state for write-only attributes adds a
// context layer per value that each trace check then walks, quadratic in
// the state's size (minutes for a list of 50,000 carriers). With any TF_LOG
// variable set, logging stays as asked. The provider's own tflog lines are
// not affected.
func quietUnreadSDKLogs() {
	for _, name := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		if os.Getenv(name) != "" {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		_ = os.Setenv(name, "off")
	}
}
