package tfcli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
)

// Release is a CLI as its own version commands describe it.
type Release struct {
	Name     string // "terraform" or "tofu"
	OpenTofu bool
	Version  string // such as "1.8.5"
	major    int
	minor    int
}

// Identify asks the CLI at path which product and version it is. env is
// added to the process environment (a CLI configuration file, say).
func Identify(ctx context.Context, path string, env ...string) (Release, error) {
	run := func(args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, path, args...)
		cmd.Env = append(os.Environ(), append(env, "CHECKPOINT_DISABLE=1")...)
		out, err := cmd.Output()
		if err != nil {
			return out, fmt.Errorf("%s %v: %w", path, args, err)
		}
		return out, nil
	}
	v := Release{Name: "terraform"}
	out, err := run("version", "-json")
	if err != nil {
		return v, err
	}
	var doc struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return v, fmt.Errorf("%s version -json: %w\n%s", path, err, out)
	}
	v.Version = doc.Version
	if _, err := fmt.Sscanf(doc.Version, "%d.%d", &v.major, &v.minor); err != nil {
		return v, fmt.Errorf("%s reports version %q: %w", path, doc.Version, err)
	}
	// Both CLIs report terraform_version; only the text output names OpenTofu.
	text, err := run("version")
	if err != nil {
		return v, err
	}
	if bytes.HasPrefix(bytes.TrimSpace(text), []byte("OpenTofu")) {
		v.OpenTofu, v.Name = true, "tofu"
	}
	return v, nil
}

// AtLeast compares the version with the first release of a feature in
// Terraform or in OpenTofu, whose version numbers do not line up. A zero
// OpenTofu version is a feature no OpenTofu release has.
func (v Release) AtLeast(terraform, openTofu [2]int) bool {
	want := terraform
	if v.OpenTofu {
		if openTofu == [2]int{} {
			return false
		}
		want = openTofu
	}
	return v.major > want[0] || (v.major == want[0] && v.minor >= want[1])
}
