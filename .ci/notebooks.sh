#!/usr/bin/env bash
# CI step for the notebooks: install Jupyter and register the Deno kernel (notebooks/setup.sh), then
# execute every notebook headlessly without touching the committed files (notebooks/run-all.sh --check).
# Fails if a notebook raises an error, loses outputs, or its stored outputs are out of date.
# Expects node_modules (npm ci) to be in place. About 2–3 minutes on 2 cores (apt install ≈ 45 s on a
# machine without Jupyter, the notebooks ≈ 90 s).
set -uo pipefail
cd "$(dirname "$0")/.."

start=$SECONDS
echo "== notebooks: setup"
bash notebooks/setup.sh 2>&1 | grep -v 'Unknown user config "nodedir"'
if [ "${PIPESTATUS[0]}" -ne 0 ]; then
  echo "notebooks: FAILED (setup)"
  exit 1
fi

echo "== notebooks: execute (run-all.sh --check)"
bash notebooks/run-all.sh --check 2>&1 | grep -v 'Unknown user config "nodedir"'
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then
  echo "notebooks: all notebooks ran without errors and their stored outputs are current ($((SECONDS - start)) s)"
else
  echo "notebooks: FAILED (exit $status, $((SECONDS - start)) s)"
fi
exit "$status"
