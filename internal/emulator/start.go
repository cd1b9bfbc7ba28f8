package emulator

import (
	"net/http/httptest"
	"testing"
)

// Instance is an emulator serving on a loopback port for one test.
type Instance struct {
	*Server
	URL string // base URL, such as http://127.0.0.1:41234
}

// Start serves a new emulator on loopback (httptest) until the test ends.
func Start(t testing.TB, opts Options) *Instance {
	t.Helper()
	s := New(opts)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return &Instance{Server: s, URL: ts.URL}
}
