# Shared by plan.sh, apply.sh and check-drift.sh, which the GitHub Actions
# workflow and the GitLab CI pipeline both call: the logic lives here once,
# and the pipelines only say when to run it.
#
# Environment: MCP_USERNAME and MCP_PASSWORD (an MCP integration user) and
# whatever the state backend needs, as CI secrets; never written to a file.
# TERRAFORM names another binary, such as tofu; PLAN_FILE and SUMMARY_FILE
# rename the saved plan and its summary.
# shellcheck shell=bash

terraform=${TERRAFORM:-terraform}
# shellcheck disable=SC2034 # read by the scripts that source this file
plan_file=${PLAN_FILE:-block-list.tfplan}
# shellcheck disable=SC2034
summary_file=${SUMMARY_FILE:-block-list-plan.md}

# Every script works in this directory, wherever the pipeline starts it.
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1

# require_credentials fails early, and says why, rather than letting the
# provider ask for them.
require_credentials() {
  local name
  for name in MCP_USERNAME MCP_PASSWORD; do
    if [ -z "${!name:-}" ]; then
      echo "ERROR: $name is not set: give the MCP credentials as CI secrets in the environment." >&2
      exit 1
    fi
  done
}

# init initialises the working directory, showing its output only when it
# fails.
init() {
  local log
  log=$(mktemp)
  if ! "$terraform" init -input=false -no-color >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "ERROR: $terraform init failed, so nothing was planned or checked." >&2
    exit 1
  fi
  rm -f "$log"
}

# summarize writes a markdown summary of the saved plan $1 to standard
# output: each carrier the apply blocks or unblocks, by DOT number, with its
# docket or intrastate number, read from `terraform show -json`.
summarize() {
  "$terraform" show -json "$1" | jq -r '
    # The entries of map $m whose keys map $other lacks.
    def only_in($m; $other): [$m | to_entries[] | select(.key as $k | $other | has($k) | not)];
    def line: "- DOT \(.key)" + (if .value == "" then "" else " (\(.value))" end);
    [.resource_changes[]? | select(.type == "mcp_block_list")
      | (.change.before.carriers // {}) as $before | (.change.after.carriers // {}) as $after
      | {address, block: only_in($after; $before), unblock: only_in($before; $after)}] as $lists
    | ([$lists[].block[]] | length) as $blocks
    | ([$lists[].unblock[]] | length) as $unblocks
    | "### Block list plan",
      "",
      if $blocks + $unblocks == 0 then "No carrier to block or unblock: MCP'"'"'s block list matches blocked-carriers.csv."
      else "The apply blocks \($blocks) and unblocks \($unblocks) carrier(s)." end,
      ($lists[] | select(.block != []) | "", "To block (`\(.address)`):", "", (.block[] | line)),
      ($lists[] | select(.unblock != []) | "", "To unblock (`\(.address)`):", "", (.unblock[] | line))'
}
