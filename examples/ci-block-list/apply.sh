#!/usr/bin/env bash
# Applies the plan plan.sh saved, and nothing else: a plan saved against
# an older state is refused by Terraform ("Saved plan is stale"), so a
# change merged after the plan was reviewed waits for the next plan.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

if [ ! -f "$plan_file" ]; then
  echo "ERROR: no saved plan $plan_file here: run plan.sh first and pass its plan on." >&2
  exit 1
fi
require_credentials
init
"$terraform" apply -input=false -no-color "$plan_file"
