// Command demo plays the provider's main job end to end against an MCP
// emulator on loopback: apply the quickstart (monitored carriers, a block
// list, an invitation), then the drift story — a carrier is unblocked behind
// Terraform's back through the MCP API, `terraform plan -detailed-exitcode`
// shows it and exits 2, and the next apply blocks it again. `make demo`
// builds the provider and the pinned Terraform and runs this.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

func main() {
	terraform := flag.String("terraform", "", "the Terraform CLI to run")
	providerDir := flag.String("provider-dir", "", "directory holding the terraform-provider-mcp build")
	example := flag.String("example", "examples/quickstart", "the configuration to apply")
	flag.Parse()
	if err := run(*terraform, *providerDir, *example); err != nil {
		fmt.Fprintln(os.Stderr, "demo failed:", err)
		os.Exit(1)
	}
	fmt.Println("\n==> Demo complete: the emulator is stopped and nothing is left running.")
}

func run(terraform, providerDir, example string) error {
	if terraform == "" || providerDir == "" {
		return errors.New("-terraform and -provider-dir are required")
	}
	ctx := context.Background()

	// The emulator, on a free loopback port, for as long as the demo runs.
	em := emulator.New(emulator.Options{})
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: em, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	baseURL := "http://" + ln.Addr().String()
	user, pass := em.Credentials()
	fmt.Printf("==> MCP emulator listening on %s (user %s)\n", baseURL, user)

	work, err := os.MkdirTemp("", "mcp-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := copyConfig(example, work); err != nil {
		return err
	}

	// Carriers for the story: the guide's sample carrier and a few others.
	mc, err := em.Carriers(emulator.CarrierFilter{Kind: emulator.KindMC, Limit: 4})
	if err != nil {
		return err
	}
	monitored := []int{emulator.SampleDOTNumber, mc[1].DOTNumber}
	blocked := mc[2:4]
	writeVars := func(blocked []emulator.CarrierInfo) error {
		vars := fmt.Sprintf("monitored_dot_numbers = [%q, %q]\nblocked_carriers = {\n", strconv.Itoa(monitored[0]), strconv.Itoa(monitored[1]))
		for _, c := range blocked {
			vars += fmt.Sprintf("  %q = %q\n", strconv.Itoa(c.DOTNumber), c.DocketNumber)
		}
		return os.WriteFile(filepath.Join(work, "demo.auto.tfvars"), []byte(vars+"}\n"), 0o600)
	}
	if err := writeVars(blocked); err != nil {
		return err
	}

	// Terraform uses the local build through a dev override: no registry.
	tf, err := tfcli.New(work, terraform, providerDir, "MCP_BASE_URL="+baseURL, "MCP_USERNAME="+user, "MCP_PASSWORD="+pass)
	if err != nil {
		return err
	}
	tf.Stream = os.Stdout
	run := func(want int, args ...string) error {
		fmt.Printf("    $ terraform %s\n", strings.Join(args, " "))
		if !isTerminal(os.Stdout) {
			args = append(args, "-no-color") // colour is noise in a CI log
		}
		_, err := tf.Must(ctx, want, args...)
		return err
	}

	step("Applying " + example + ": monitor two carriers, a block list of two, an invitation to the sample carrier")
	if err := run(0, "apply", "-auto-approve", "-input=false"); err != nil {
		return err
	}
	if err := expectLists(em, monitored, dots(blocked)); err != nil {
		return err
	}
	if n := len(em.Snapshot().Invitations); n != 1 {
		return fmt.Errorf("the emulator received %d invitations, want 1", n)
	}

	victim := blocked[0]
	step(fmt.Sprintf("Someone unblocks carrier DOT %d (%s) behind Terraform's back, through the MCP API", victim.DOTNumber, victim.LegalName))
	client, err := mcp.NewClient(baseURL, user, pass)
	if err != nil {
		return err
	}
	out, err := client.Blocking.Unblock(ctx, mcp.CarrierRef{DOTNumber: victim.DOTNumber, DocketNumber: victim.DocketNumber})
	if err != nil {
		return err
	}
	fmt.Println("    MCP:", out.Message)

	step("terraform plan -detailed-exitcode: CI would fail here, with exit code 2")
	if err := run(2, "plan", "-detailed-exitcode", "-input=false"); err != nil {
		return err
	}
	fmt.Println("    exit code 2: drift detected")

	step("Applying again puts the block back")
	if err := run(0, "apply", "-auto-approve", "-input=false"); err != nil {
		return err
	}
	if err := expectLists(em, monitored, dots(blocked)); err != nil {
		return err
	}
	step("terraform plan -detailed-exitcode: in sync again, exit code 0")
	if err := run(0, "plan", "-detailed-exitcode", "-input=false"); err != nil {
		return err
	}

	extra := mc[0]
	step(fmt.Sprintf("Someone blocks carrier DOT %d (%s) in the portal, and the configuration does not name it", extra.DOTNumber, extra.LegalName))
	if err := em.Block(extra.DOTNumber); err != nil {
		return err
	}
	step(`terraform plan -detailed-exitcode: unmanaged_carriers = "fail" (the block list's default) stops the plan, exit code 1, naming the carrier`)
	if err := run(1, "plan", "-detailed-exitcode", "-input=false"); err != nil {
		return err
	}
	step("Adding the carrier to the configuration keeps it blocked, under Terraform; the apply writes nothing")
	blocked = append(blocked, extra)
	if err := writeVars(blocked); err != nil {
		return err
	}
	writes := em.Writes()
	if err := run(0, "apply", "-auto-approve", "-input=false"); err != nil {
		return err
	}
	if n := em.Writes() - writes; n != 0 {
		return fmt.Errorf("adopting a carrier already blocked wrote %d times to MCP", n)
	}
	if err := expectLists(em, monitored, dots(blocked)); err != nil {
		return err
	}
	if n := len(em.Snapshot().Invitations); n != 1 {
		return fmt.Errorf("the emulator received %d invitations, want still 1", n)
	}
	return nil
}

// isTerminal reports whether f is a terminal, where colour helps.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func step(s string) { fmt.Printf("\n==> %s\n", s) }

// expectLists checks what MCP (the emulator) holds.
func expectLists(em *emulator.Server, monitored, blocked []int) error {
	snap := em.Snapshot()
	for _, l := range []struct {
		name       string
		got        []emulator.ListEntry
		wantSorted []int
	}{{"monitored", snap.Monitored, monitored}, {"blocked", snap.Blocked, blocked}} {
		var got []int
		for _, e := range l.got {
			got = append(got, e.DOTNumber)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(l.wantSorted))
		if !slices.Equal(got, want) {
			return fmt.Errorf("MCP's %s list is %v, want %v", l.name, got, want)
		}
		fmt.Printf("    MCP's %s list: %v\n", l.name, got)
	}
	return nil
}

func dots(cs []emulator.CarrierInfo) []int {
	out := make([]int, len(cs))
	for i, c := range cs {
		out[i] = c.DOTNumber
	}
	return out
}

// copyConfig copies the example's .tf files into the working directory.
func copyConfig(from, to string) error {
	files, err := filepath.Glob(filepath.Join(from, "*.tf"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no configuration in %s", from)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, filepath.Base(f)), b, 0o600); err != nil {
			return err
		}
	}
	return nil
}
