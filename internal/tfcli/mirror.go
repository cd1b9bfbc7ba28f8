package tfcli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// WriteMirrorConfig serves the provider built in providerDir as version
// from a filesystem mirror at mirrorDir, under both registry hosts, and
// writes a CLI configuration at path that installs it from there and
// nothing from a registry. Unlike a dev override, this is a real
// installation: `terraform init` runs as users run it, offline, and writes
// the lock file (Terraform 1.5 refuses to init under a dev override).
func WriteMirrorConfig(path, mirrorDir, providerDir, version string) error {
	binary, err := os.ReadFile(filepath.Join(providerDir, "terraform-provider-mcp"))
	if err != nil {
		return err
	}
	var includes string
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		dir := filepath.Join(mirrorDir, host, Source, version, runtime.GOOS+"_"+runtime.GOARCH)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "terraform-provider-mcp_v"+version), binary, 0o755); err != nil { //nolint:gosec // an executable
			return err
		}
		includes += fmt.Sprintf("%q, ", host+"/"+Source)
	}
	config := fmt.Sprintf("provider_installation {\n  filesystem_mirror {\n    path    = %q\n    include = [%s]\n  }\n}\n", mirrorDir, includes)
	return os.WriteFile(path, []byte(config), 0o600)
}
