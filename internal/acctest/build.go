package acctest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// build is the provider binary that tests running a CLI themselves share
// (see ProviderBuild): built once, and removed when the last test using it
// ends.
var build struct {
	mu    sync.Mutex
	dir   string
	users int
}

// ProviderBuild returns a directory holding the provider built from this
// tree, for a test that runs a CLI itself through tfcli (the CLI commands
// terraform-plugin-testing cannot run, such as apply -invoke). Concurrent
// tests share one build.
func ProviderBuild(t *testing.T) string {
	t.Helper()
	build.mu.Lock()
	defer build.mu.Unlock()
	if build.dir == "" {
		module, err := moduleRoot()
		if err != nil {
			t.Fatal(err)
		}
		dir, err := os.MkdirTemp("", "mcp-provider-build-") //nolint:usetesting // outlives the test that builds it: see build
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		if err := tfcli.BuildProvider(ctx, module, dir); err != nil {
			_ = os.RemoveAll(dir)
			t.Fatal(err)
		}
		build.dir = dir
	}
	build.users++
	dir := build.dir
	t.Cleanup(func() {
		build.mu.Lock()
		defer build.mu.Unlock()
		if build.users--; build.users == 0 {
			_ = os.RemoveAll(build.dir)
			build.dir = ""
		}
	})
	return dir
}

// moduleRoot is the directory of go.mod, above the test's package.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
