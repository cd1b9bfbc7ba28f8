#!/usr/bin/env bash
# Plans the block list and saves the plan for apply.sh, so that what is
# applied is exactly what was reviewed. Writes block-list.tfplan and a
# markdown summary, block-list-plan.md, naming each carrier the apply blocks
# or unblocks, for the pipeline to post on the pull or merge request. Exits
# 0 whether or not the plan has changes, 1 when it fails (a carrier blocked
# in the portal that blocked-carriers.csv does not name fails it: see
# unmanaged_carriers in main.tf).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

require_credentials
init
status=0
"$terraform" plan -input=false -no-color -detailed-exitcode -out="$plan_file" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
  echo "ERROR: $terraform plan failed (exit code $status); see the errors above." >&2
  exit 1
fi
summarize "$plan_file" >"$summary_file"
cat "$summary_file"
