#!/usr/bin/env bash
# Fails the pipeline when MCP's block list differs from blocked-carriers.csv.
#
# Runs `terraform plan -detailed-exitcode` in this directory and turns its
# exit code into a verdict: 0 no drift, 2 drift (the plan shows each carrier
# to block or unblock), 1 the plan itself failed, which is also what a
# carrier blocked in the portal but not in the file causes
# (unmanaged_carriers = "fail" in main.tf). The environment is lib.sh's.
set -uo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

require_credentials
init
"$terraform" plan -detailed-exitcode -input=false -lock=false -no-color
status=$?

case $status in
  0)
    echo "OK: MCP's block list matches blocked-carriers.csv."
    exit 0
    ;;
  2)
    echo "DRIFT: MCP's block list differs from blocked-carriers.csv; the plan above lists each carrier." >&2
    echo "Someone unblocked a carrier outside Terraform (in the MCP portal), or a change to" >&2
    echo "blocked-carriers.csv has not been applied yet. Either apply to put the list back as declared," >&2
    echo "or change blocked-carriers.csv through a pull request to keep what was done in the portal." >&2
    exit 2
    ;;
  *)
    echo "ERROR: terraform plan failed (exit code $status), so the block list could not be checked; see the errors above." >&2
    echo "If the error says carriers on the blocked list are not in the configuration, someone blocked a" >&2
    echo "carrier outside Terraform (in the MCP portal) that blocked-carriers.csv does not name. The error" >&2
    echo "names each one, with who blocked it and when. Add a row for each to blocked-carriers.csv through" >&2
    echo "a pull request to keep it blocked, or change unmanaged_carriers in main.tf." >&2
    exit 1
    ;;
esac
