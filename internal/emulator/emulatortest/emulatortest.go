// Package emulatortest starts MCP emulators for tests, on loopback, for the
// life of a test. It is apart from package emulator so that the emulator's
// command does not link package testing.
package emulatortest

import (
	"net/http/httptest"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

// Start serves a new emulator on loopback (httptest) until the test ends.
func Start(t testing.TB, opts emulator.Options) *emulator.Instance {
	t.Helper()
	s := emulator.New(opts)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return &emulator.Instance{Server: s, URL: ts.URL}
}

// StartRecorded is Start with a Recorder in front of the emulator.
func StartRecorded(t testing.TB, opts emulator.Options) (*emulator.Instance, *emulator.Recorder) {
	t.Helper()
	s := emulator.New(opts)
	rec := emulator.NewRecorder(s)
	ts := httptest.NewServer(rec)
	t.Cleanup(ts.Close)
	return &emulator.Instance{Server: s, URL: ts.URL}, rec
}
