package emulatortest

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

// Command runs the mcp-emulator command, as the guides tell users to run
// it, on a free loopback port until the test ends, and returns its URL.
// args are flags other than -listen.
func Command(t testing.TB, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- emulator.Main(ctx, append([]string{"-listen", "127.0.0.1:0"}, args...), w, &stderr)
		w.Close()
	}()
	lines := bufio.NewScanner(out)
	if !lines.Scan() {
		cancel()
		<-done
		t.Fatalf("mcp-emulator %s did not start: %s", strings.Join(args, " "), stderr.String())
	}
	// "MCP emulator serving http://127.0.0.1:PORT (username ...": the port
	// is known only once it listens.
	_, url, _ := strings.Cut(lines.Text(), " serving ")
	url, _, _ = strings.Cut(url, " ")
	go func() {
		for lines.Scan() { // the rest of the banner
		}
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("mcp-emulator exited with %d: %s", code, stderr.String())
		}
	})
	return url
}
