// Command cputime stands in for a provider binary to measure its CPU time:
// installed as dir/cputime/terraform-provider-X, it runs dir/terraform-provider-X
// with the same arguments, standard streams and environment (so the CLI
// talks to the real provider), and when that exits appends its user and
// system CPU time, in seconds, to the file named by BENCH_CPU_LOG.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
)

func main() {
	self, err := os.Executable()
	if err != nil {
		fail(err)
	}
	build := filepath.Join(filepath.Dir(filepath.Dir(self)), filepath.Base(self))
	cmd := exec.Command(build, os.Args[1:]...) //nolint:gosec,noctx // runs the provider build beside it, until it exits
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// The CLI interrupts its plugins on Ctrl-C; pass that on.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		fail(err)
	}
	go func() {
		for s := range signals {
			_ = cmd.Process.Signal(s)
		}
	}()
	err = cmd.Wait()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		fail(err)
	}
	if path := os.Getenv("BENCH_CPU_LOG"); path != "" {
		cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			fail(err)
		}
		_, err = fmt.Fprintf(f, "%.6f\n", cpu.Seconds())
		if err := errors.Join(err, f.Close()); err != nil {
			fail(err)
		}
	}
	os.Exit(cmd.ProcessState.ExitCode())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "cputime:", err)
	os.Exit(1)
}
