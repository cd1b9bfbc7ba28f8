// Command mcp-emulator serves the MyCarrierPackets API emulator on a
// loopback address, for demos and for trying the provider without MCP
// credentials:
//
//	go run ./internal/emulator/cmd/mcp-emulator -carriers 60000 -fault-rate 0.05
//
// The same address serves project44's carrier-invitation API (package
// p44emulator; -p44-client-id and -p44-client-secret, both "demo" by
// default). See package emulator for the flags, behaviour and admin
// routes.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := emulator.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
