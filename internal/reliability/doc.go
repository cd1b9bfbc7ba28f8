// Package reliability holds tests that drive the real Terraform and OpenTofu
// CLIs, through a local build of the provider, against the MCP emulator
// under faults, load, interruption and bad input, and that check what
// reached MCP, what the state recorded, and what the CLIs wrote down.
//
// The CLI tests need TF_ACC and TF_ACC_TERRAFORM_PATH (the CLI under test)
// and skip without them. `make reliability` runs the TestAccReliability_
// ones (fault soak, interrupted apply, invitation timeout, concurrency and
// cancellation) with Terraform 1.8.5; TestAccSecrets runs in every
// acceptance run, on every CLI; `make soak` runs the fault soak at ten times
// its size (SOAK_SCALE). The TestCancelled tests are plain Go and stage,
// deterministically, the moment an interrupt is most likely to lose
// something.
package reliability
