// Package acctest holds what the acceptance tests share: an emulator per
// test, the provider block that points at it, and checks that ask the
// emulator what really reached MCP. Tests only; the shipped provider never
// imports it.
package acctest

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/p44emulator"
)

// UniverseSize is the size of the emulator universe for acceptance tests: big
// enough for every kind of carrier, small enough to start instantly.
const UniverseSize = 3000

// PreCheck stops a test that would make terraform-plugin-testing download a
// CLI: offline that aborts the whole package.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the CLI under test (make testacc sets it)")
	}
}

// CLIUnderTest skips a test that runs a CLI itself (not through
// terraform-plugin-testing) unless TF_ACC is set, and returns the CLI
// TF_ACC_TERRAFORM_PATH names: never one from PATH, never a download.
func CLIUnderTest(t *testing.T) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("runs the Terraform CLI: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH (make testacc, make reliability)")
	}
	PreCheck(t)
	return os.Getenv("TF_ACC_TERRAFORM_PATH")
}

// VariantsEnv names the emulator variants every acceptance test's emulator
// runs with (comma-separated; "all" for every one): `make testacc-variants`
// runs the suite against MCP as it may really answer where the spec is
// silent.
const VariantsEnv = "MCP_EMULATOR_VARIANTS"

// P44VariantsEnv names the variants of the project44 emulator served beside
// MCP (package p44emulator; comma-separated, "all" for every one). They are
// a list apart: VariantsEnv's "all" does not include them.
const P44VariantsEnv = "P44_EMULATOR_VARIANTS"

// Emulator starts an MCP emulator for one test, with the variants
// VariantsEnv names, and its project44 emulator with those P44VariantsEnv
// names.
func Emulator(t *testing.T) *emulator.Instance {
	t.Helper()
	variants, err := emulator.ParseVariants(os.Getenv(VariantsEnv))
	if err != nil {
		t.Fatalf("%s: %v", VariantsEnv, err)
	}
	p44Variants, err := p44emulator.ParseVariants(os.Getenv(P44VariantsEnv))
	if err != nil {
		t.Fatalf("%s: %v", P44VariantsEnv, err)
	}
	return emulatortest.Start(t, emulator.Options{Carriers: UniverseSize, Variants: variants,
		Project44: p44emulator.Options{Variants: p44Variants, TokensPerMinute: TestTokensPerMinute}})
}

// VariantOn reports whether the emulator answers with the named variant.
// Tests use it only where MCP's own answer differs under the variant (a
// docket spelled as MCP spells it, a document MCP does not give): the end
// state and the empty second plan stay the same.
func VariantOn(em *emulator.Instance, name string) bool {
	return slices.Contains(em.Variants(), name)
}

// ListsSpelledAsCarriers reports whether MCP's list entries name each
// carrier as the emulator's control API does (DOT number, and docket or
// intrastate number, unpadded), which no list variant changes. Where it is
// false, an import can only read back what MCP lists.
func ListsSpelledAsCarriers(em *emulator.Instance) bool {
	return !VariantOn(em, emulator.VariantListNullDocket) && !VariantOn(em, emulator.VariantListUnpaddedDocket) &&
		!VariantOn(em, emulator.VariantListNoDOTIntrastate)
}

// EmulatorWith starts an MCP emulator with the given variants, whatever
// VariantsEnv says: for a test of one answer MCP may give.
func EmulatorWith(t *testing.T, variants ...string) *emulator.Instance {
	t.Helper()
	return emulatortest.Start(t, emulator.Options{Carriers: UniverseSize, Variants: variants})
}

// ProviderBlock is a provider block for the emulator, with short retry
// waits so fault tests stay fast.
func ProviderBlock(em *emulator.Instance) string { return ProviderBlockWith(em, "") }

// ProviderBlockWith adds arguments to ProviderBlock, such as max_retries.
// Against an emulator that writes date-times in US Central time (variant
// local-times), the block names that zone, as a broker facing such an MCP
// would, unless extra sets time_zone itself.
func ProviderBlockWith(em *emulator.Instance, extra string) string {
	user, pass := em.Credentials()
	if VariantOn(em, emulator.VariantLocalTimes) && !strings.Contains(extra, "time_zone") {
		extra += "\n  time_zone = " + fmt.Sprintf("%q", emulator.LocalTimesZone)
	}
	return fmt.Sprintf(`
provider "mcp" {
  base_url       = %q
  username       = %q
  password       = %q
  retry_wait_min = "5ms"
  retry_wait_max = "50ms"
  %s
}
`, em.URL, user, pass, extra)
}

// Client is a client of the test's emulator, configured as ProviderBlock
// configures the provider's (the zone included), for tests to ask what MCP
// serves and compare the provider's state with.
func Client(t *testing.T, em *emulator.Instance, opts ...mcp.Option) *mcp.Client {
	t.Helper()
	if VariantOn(em, emulator.VariantLocalTimes) {
		zone, err := time.LoadLocation(emulator.LocalTimesZone)
		if err != nil {
			t.Fatal(err)
		}
		opts = append(opts, mcp.WithTimeZone(zone))
	}
	user, pass := em.Credentials()
	c, err := mcp.NewClient(em.URL, user, pass, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Carrier returns the first carrier of a kind (emulator.Kind...), skipping
// the given DOT numbers.
func Carrier(t *testing.T, em *emulator.Instance, kind string, skip ...int) emulator.CarrierInfo {
	t.Helper()
	list, err := em.Carriers(emulator.CarrierFilter{Kind: kind})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if !slices.Contains(skip, c.DOTNumber) && c.DOTNumber != emulator.SampleDOTNumber {
			return c
		}
	}
	t.Fatalf("the emulator has no carrier of kind %q", kind)
	return emulator.CarrierInfo{}
}

// ErrorMatching matches a diagnostic that contains each text in order. The
// CLI wraps diagnostics at its terminal width, so any run of spaces in a
// text also matches a line break.
func ErrorMatching(texts ...string) *regexp.Regexp {
	parts := make([]string, len(texts))
	for i, text := range texts {
		words := strings.Fields(text)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		parts[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `.*`))
}

// Carriers returns n carriers of a kind, never the sample carrier.
func Carriers(t *testing.T, em *emulator.Instance, kind string, n int) []emulator.CarrierInfo {
	t.Helper()
	list, err := em.Carriers(emulator.CarrierFilter{Kind: kind})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]emulator.CarrierInfo, 0, n)
	for _, c := range list {
		if len(out) == n {
			break
		}
		if c.DOTNumber != emulator.SampleDOTNumber {
			out = append(out, c)
		}
	}
	if len(out) < n {
		t.Fatalf("the emulator has %d carriers of kind %q, want %d", len(out), kind, n)
	}
	return out
}
