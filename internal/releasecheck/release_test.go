// Package releasecheck tests the release configuration, .goreleaser.yml,
// as the release runs it: `make release-check` signs a snapshot with a
// throwaway key and verifies the signature the registry will check.
package releasecheck

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// configPath is the project's goreleaser configuration, from this package.
const configPath = "../../.goreleaser.yml"

// goreleaserEnv names the goreleaser binary; `make release-check` sets it.
const goreleaserEnv = "GORELEASER"

// readConfig reads .goreleaser.yml as generic YAML, so that a derived
// configuration keeps every key this test does not know.
func readConfig(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(configPath)
	if err != nil {
		t.Fatal(err)
	}
	var config map[string]any
	if err := yaml.Unmarshal(b, &config); err != nil {
		t.Fatalf("%s: %v", configPath, err)
	}
	return config
}

// The registry refuses a release whose SHA256SUMS is not signed: the
// configuration signs the checksum file, and only it, with the key the
// release environment names.
func TestConfig_signsChecksums(t *testing.T) {
	signs, _ := readConfig(t)["signs"].([]any)
	if len(signs) != 1 {
		t.Fatalf("%s has %d signs entries, want 1 (the checksum file)", configPath, len(signs))
	}
	sign, _ := signs[0].(map[string]any)
	if sign["artifacts"] != "checksum" {
		t.Errorf("%s signs artifacts %q, want checksum", configPath, sign["artifacts"])
	}
	args, _ := sign["args"].([]any)
	if !slices.Contains(args, any("{{ .Env.GPG_FINGERPRINT }}")) || !slices.Contains(args, any("--detach-sign")) {
		t.Errorf("%s signs with %v: want a detached signature by the key GPG_FINGERPRINT names", configPath, args)
	}
}

// TestRelease_signedSnapshot runs the release as configured, for this
// machine's platform alone, with a key made for the test: the SHA256SUMS it
// writes is signed, gpgv verifies the signature with the public key alone,
// and refuses it once a byte of SHA256SUMS changes.
func TestRelease_signedSnapshot(t *testing.T) {
	goreleaser := os.Getenv(goreleaserEnv)
	if goreleaser == "" {
		t.Skipf("builds a release: set %s to the goreleaser binary (make release-check does)", goreleaserEnv)
	}
	for _, tool := range []string{"gpg", "gpgv"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed; the release is signed with GnuPG (Debian: apt-get install gnupg gpgv)", tool)
		}
	}
	ctx := t.Context()
	home := gnupgHome(t)
	fingerprint := generateKey(ctx, t, home)

	dist := filepath.Join(t.TempDir(), "dist")
	config := readConfig(t)
	config["dist"] = dist
	builds, _ := config["builds"].([]any)
	if len(builds) != 1 {
		t.Fatalf("%s has %d builds, want 1", configPath, len(builds))
	}
	build, _ := builds[0].(map[string]any)
	build["goos"], build["goarch"] = []string{runtime.GOOS}, []string{runtime.GOARCH}
	delete(build, "ignore")
	derived, err := yaml.Marshal(config)
	if err != nil {
		t.Fatal(err)
	}
	configFile := filepath.Join(t.TempDir(), "goreleaser.yml")
	if err := os.WriteFile(configFile, derived, 0o600); err != nil {
		t.Fatal(err)
	}

	cmd := exec.CommandContext(ctx, goreleaser, "release", "--snapshot", "--clean", "--skip=publish,announce", "--config", configFile)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GNUPGHOME="+home, "GPG_FINGERPRINT="+fingerprint, "SNAPSHOT_VERSION=0.0.0-signing-test")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("goreleaser release: %v\n%s", err, out)
	}

	sums := filepath.Join(dist, "terraform-provider-mcp_0.0.0-signing-test_SHA256SUMS")
	listed, err := os.ReadFile(sums)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"terraform-provider-mcp_0.0.0-signing-test_" + runtime.GOOS + "_" + runtime.GOARCH + ".zip", "terraform-provider-mcp_0.0.0-signing-test_manifest.json"} {
		if !bytes.Contains(listed, []byte("  "+name+"\n")) {
			t.Errorf("SHA256SUMS does not list %s:\n%s", name, listed)
		}
	}
	keyring := filepath.Join(t.TempDir(), "release.gpg")
	gpg(ctx, t, home, "--output", keyring, "--export", fingerprint)

	status, err := gpgv(ctx, keyring, sums+".sig", sums)
	if err != nil || !strings.Contains(status, "[GNUPG:] VALIDSIG "+fingerprint) {
		t.Fatalf("gpgv does not find SHA256SUMS signed by the release key %s: %v\n%s", fingerprint, err, status)
	}

	tampered := filepath.Join(t.TempDir(), "SHA256SUMS")
	listed[0] ^= 1 // another digest for the first archive
	if err := os.WriteFile(tampered, listed, 0o600); err != nil {
		t.Fatal(err)
	}
	if status, err := gpgv(ctx, keyring, sums+".sig", tampered); err == nil || !strings.Contains(status, "[GNUPG:] BADSIG") {
		t.Fatalf("gpgv accepts the signature of a changed SHA256SUMS (%v):\n%s", err, status)
	}
}

// gnupgHome is an empty GnuPG home for the test. It is short, outside
// t.TempDir(), because gpg-agent's socket path must fit a socket address;
// the agent started for it is stopped before it is removed.
func gnupgHome(t *testing.T) string {
	t.Helper()
	home, err := os.MkdirTemp("", "gpg") //nolint:usetesting // see the doc comment
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(home, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd := exec.Command("gpgconf", "--kill", "gpg-agent") //nolint:noctx // cleanup, after the test's context ends
		cmd.Env = append(os.Environ(), "GNUPGHOME="+home)
		_ = cmd.Run()
		_ = os.RemoveAll(home)
	})
	return home
}

// generateKey makes a signing key without a passphrase and returns its
// fingerprint.
func generateKey(ctx context.Context, t *testing.T, home string) string {
	t.Helper()
	gpg(ctx, t, home, "--passphrase", "", "--pinentry-mode", "loopback",
		"--quick-gen-key", "Release signing test <release-test@example.invalid>", "default", "default", "never")
	for line := range strings.Lines(gpg(ctx, t, home, "--with-colons", "--list-secret-keys")) {
		if fields := strings.Split(line, ":"); fields[0] == "fpr" && len(fields) > 9 {
			return fields[9]
		}
	}
	t.Fatal("gpg lists no fingerprint for the key it generated")
	return ""
}

// gpg runs gpg in home, failing the test if it fails, and returns its
// standard output.
func gpg(ctx context.Context, t *testing.T, home string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(ctx, "gpg", append([]string{"--batch", "--homedir", home}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gpg %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(out)
}

// gpgv verifies a detached signature with the keys of keyring alone, as a
// user or the registry would, and returns its status lines and output.
func gpgv(ctx context.Context, keyring, signature, file string) (string, error) {
	out, err := exec.CommandContext(ctx, "gpgv", "--status-fd", "1", "--keyring", keyring, signature, file).CombinedOutput()
	return string(out), err
}
