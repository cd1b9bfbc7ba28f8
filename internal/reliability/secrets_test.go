package reliability

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
)

// passwordMode is how a run gives the provider its password, and where
// the CLI itself keeps it as a consequence: places a provider cannot
// change, pinned down here so that any other place fails the test.
type passwordMode struct {
	name string
	// provider is the provider block's password argument, with %q for
	// the password; empty when the block leaves it out.
	provider string
	// variable declares a sensitive variable mcp_password, set by TF_VAR_.
	variable bool
	// env sets MCP_PASSWORD.
	env bool
	// cliKeeps are the artifacts where the CLI itself keeps the password.
	cliKeeps []string
}

var passwordModes = []passwordMode{
	{name: "password in the provider block", provider: "password = %q",
		// The saved plan embeds the configuration files, and show -json of
		// a plan renders each provider argument's constant value.
		cliKeeps: []string{"the plan file: tfconfig/m-/main.tf", "output of show -json tfplan"}},
	{name: "password from a sensitive variable", provider: "password = var.mcp_password", variable: true,
		// The saved plan stores input variables, and show -json of a plan
		// prints their values, sensitive or not.
		cliKeeps: []string{"the plan file: tfplan", "output of show -json tfplan"}},
	{name: "password from MCP_PASSWORD", env: true},
}

// secretsConfig uses resources and data sources, so that every kind of
// provider call runs: Configure, plan, create, refresh and data reads.
func secretsConfig(em *emulator.Instance, mode passwordMode, password string, cs []carrier) string {
	user, _ := em.Credentials()
	var b strings.Builder
	if mode.variable {
		b.WriteString("variable \"mcp_password\" {\n  type      = string\n  sensitive = true\n}\n\n")
	}
	pw := ""
	if mode.provider != "" {
		pw = "  " + strings.Replace(mode.provider, "%q", fmt.Sprintf("%q", password), 1) + "\n"
	}
	fmt.Fprintf(&b, "provider \"mcp\" {\n  base_url = %q\n  username = %q\n%s  retry_wait_min = \"5ms\"\n  retry_wait_max = \"50ms\"\n}\n", em.URL, user, pw)
	b.WriteString(membershipBlock("mcp_monitored_carrier", cs[0]))
	b.WriteString(membershipBlock("mcp_monitored_carrier", cs[1]))
	b.WriteString(blockListBlock(cs[2:4]))
	b.WriteString(invitationBlock(cs[4]))
	fmt.Fprintf(&b, `
data "mcp_carrier" "sample" {
  dot_number = "%d"
}

data "mcp_carrier_contacts" "sample" {
  dot_number = "%d"
}

data "mcp_monitored_carriers" "all" {
  depends_on = [mcp_monitored_carrier.c%d]
}

output "legal_name" {
  value = data.mcp_carrier.sample.legal_name
}
`, emulator.SampleDOTNumber, emulator.SampleDOTNumber, cs[0].DOT)
	return b.String()
}

// secretArtifact is something a run leaves behind that a user keeps or
// shares: logs, outputs, state, plans.
type secretArtifact struct {
	name string
	data []byte
}

// TestAccSecrets runs a real plan (saved to a file), show -json of that
// plan, apply of it, show -json of the state and a refreshing plan, with
// TF_LOG=trace written to TF_LOG_PATH, for a configuration of resources
// and data sources. The integration password is distinctive and given in
// each of the ways of passwordModes (separate runs); every access and
// refresh token the emulator issued is collected.
//
// It asserts that no token appears anywhere: the trace log, the CLI's
// output, the state file, the saved plan (its JSON rendering and every
// file inside it). The password must appear nowhere either when it comes
// from MCP_PASSWORD. Given in the configuration, it may appear only where
// the CLI itself keeps what it was given (passwordMode.cliKeeps), which a
// provider cannot change; never in the trace log, the state or the CLI's
// other output.
func TestAccSecrets(t *testing.T) {
	cli := acctest.CLIUnderTest(t)
	for _, mode := range passwordModes {
		t.Run(mode.name, func(t *testing.T) {
			password := distinctive(t, "mcp-Secret-")
			em, rec := emulatortest.StartRecorded(t, emulator.Options{Carriers: 3000, Password: password})
			env := []string{"TF_LOG=trace"}
			if mode.env {
				env = append(env, "MCP_PASSWORD="+password)
			}
			if mode.variable {
				env = append(env, "TF_VAR_mcp_password="+password)
			}
			logPath := filepath.Join(t.TempDir(), "trace.log")
			w := newWorkdir(t, cli, append(env, "TF_LOG_PATH="+logPath)...)
			w.writeConfig(secretsConfig(em, mode, password, universe(t, em, 5)))
			ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
			defer cancel()

			var artifacts []secretArtifact
			step := func(name string, args ...string) {
				res := w.must(ctx, args...)
				artifacts = append(artifacts, secretArtifact{"output of " + name, res.Output})
			}
			step("plan -out", "plan", "-out=tfplan", "-input=false", "-no-color")
			step("show -json tfplan", "show", "-json", "-no-color", "tfplan")
			step("apply tfplan", "apply", "-input=false", "-no-color", "tfplan")
			step("show -json", "show", "-json", "-no-color")
			step("plan -detailed-exitcode", "plan", "-detailed-exitcode", "-input=false", "-no-color")
			if n := len(em.Snapshot().Invitations); n != 1 {
				t.Fatalf("MCP received %d invitations, want 1: the configuration did not run", n)
			}

			// The trace log must hold the provider's own lines, its HTTP
			// client's included, for its absence of secrets to mean anything.
			trace := readFile(t, logPath)
			for _, want := range []string{"provider.terraform-provider-mcp", "MCP request", "operation=Token", "operation=EmailPacketInvitation"} {
				if !bytes.Contains(trace, []byte(want)) {
					t.Fatalf("the trace log (%d bytes) has no %q: TF_LOG did not reach the provider's logs", len(trace), want)
				}
			}
			artifacts = append(artifacts, secretArtifact{"the trace log", trace}, secretArtifact{"terraform.tfstate", readFile(t, filepath.Join(w.Dir, "terraform.tfstate"))})
			planFile := readFile(t, filepath.Join(w.Dir, "tfplan"))
			artifacts = append(artifacts, secretArtifact{"the plan file (raw)", planFile})
			artifacts = append(artifacts, zipEntries(t, "the plan file", planFile)...)

			tokens := rec.Tokens()
			if len(tokens) < 6 { // an access and a refresh token for each of the three commands that configure the provider
				t.Fatalf("the emulator issued %d tokens, want at least 6", len(tokens))
			}
			for _, a := range artifacts {
				for i, tok := range tokens {
					if lines := occurrences(a.data, tok, "<TOKEN>"); len(lines) > 0 {
						t.Errorf("%s holds issued token %d of %d:\n  %s", a.name, i+1, len(tokens), strings.Join(lines, "\n  "))
					}
				}
			}

			var found []string
			for _, a := range artifacts {
				lines := occurrences(a.data, password, "<PASSWORD>")
				if len(lines) == 0 {
					continue
				}
				found = append(found, a.name)
				if !slices.Contains(mode.cliKeeps, a.name) {
					t.Errorf("%s holds the password:\n  %s", a.name, strings.Join(lines, "\n  "))
					continue
				}
				t.Logf("the CLI itself keeps the password in %s (the provider cannot change that):\n  %s", a.name, strings.Join(lines, "\n  "))
			}
			t.Logf("%s, %s: %d artifacts (trace log %d KiB), %d tokens issued; password found in %q, tokens nowhere",
				filepath.Base(cli), mode.name, len(artifacts), len(trace)/1024, len(tokens), found)
		})
	}
}

// distinctive returns a password that cannot occur by chance.
func distinctive(t *testing.T, prefix string) string {
	t.Helper()
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return prefix + hex.EncodeToString(b)
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// zipEntries opens a saved plan (a zip archive: its contents are
// compressed, so scanning the raw file is not enough) and returns each file.
func zipEntries(t *testing.T, name string, data []byte) []secretArtifact {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s is not a zip archive: %v", name, err)
	}
	var out []secretArtifact
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, secretArtifact{name + ": " + f.Name, b})
	}
	return out
}

// occurrences returns the lines that hold secret, with the secret replaced
// by mask and cut to a readable length.
func occurrences(data []byte, secret, mask string) []string {
	if secret == "" || !bytes.Contains(data, []byte(secret)) {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, secret) {
			line = strings.ReplaceAll(line, secret, mask)
			if i := strings.Index(line, mask); len(line) > 240 {
				line = "…" + line[max(0, i-120):min(len(line), i+120)] + "…"
			}
			out = append(out, strings.TrimSpace(line))
			if len(out) == 5 {
				out = append(out, "…")
				break
			}
		}
	}
	return out
}
