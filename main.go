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

	quietUnreadFrameworkLogs()

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

// quietUnreadFrameworkLogs turns terraform-plugin-framework's own log
// subsystem off when no TF_LOG variable asks for logs, so nobody would read
// them. Left unset, the subsystem counts as tracing, and the framework's
// pass over a resource's state for write-only attributes (every read,
// create, update and import) adds a context layer per value that each trace
// check then walks: quadratic in the state's size, minutes for a list of
// 50,000 carriers. With any TF_LOG variable set, logging stays as asked.
func quietUnreadFrameworkLogs() {
	for _, name := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK"} {
		if os.Getenv(name) != "" {
			return
		}
	}
	_ = os.Setenv("TF_LOG_SDK_FRAMEWORK", "off")
}
