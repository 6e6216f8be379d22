#!/usr/bin/env bash
# Executes every notebook in notebooks/ headlessly with the Deno kernel and stores the outputs in the
# .ipynb files, so they render on a code host without running. Exits non-zero if any cell fails.
#
#   bash notebooks/run-all.sh                      # all notebooks, outputs written in place
#   bash notebooks/run-all.sh turning-the-tanker   # only the named notebook(s)
#   bash notebooks/run-all.sh --check              # execute copies; leave the files alone, and fail
#                                                  # if their stored outputs are out of date
#
# The run is deterministic (fixed seeds, no timings printed); execution timestamps are stripped, and
# a notebook whose outputs did not change is not rewritten. Builds dist/ first when it is missing or
# older than src/. Scratch results go to output/notebooks/ (not committed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

check=0
names=()
for a in "$@"; do
  case "$a" in
    --check) check=1 ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) names+=("$(basename "$a" .ipynb)") ;;
  esac
done

# ---- dist/ and the kernel ---------------------------------------------------------------------
# tsc leaves unchanged outputs alone, so a stamp file records when this script last built.
stamp=notebooks/.jupyter/dist-built
if [ ! -f dist/scenario/index.js ] || [ ! -f "$stamp" ] || [ -n "$(find src -newer "$stamp" -type f -print -quit)" ]; then
  echo "run-all: building dist/ (npm run build)"
  npm run build --silent
  mkdir -p notebooks/.jupyter && touch "$stamp"
fi
# (Re)register the kernel if it is missing or points at another folder (the project moved).
kernel=notebooks/.jupyter/share/jupyter/kernels/deno/kernel.json
if [ ! -f "$kernel" ] || [ ! -f notebooks/.jupyter/jupyter-bin ] || ! grep -qF "\"$root/node_modules/deno/deno\"" "$kernel"; then
  echo "run-all: the Deno kernel is not registered here yet: running notebooks/setup.sh first (it installs Jupyter"
  echo "run-all: from Debian packages if it is missing, saying which before it does, and registers the kernel)"
  bash notebooks/setup.sh
fi
jupyter_bin="$(cat notebooks/.jupyter/jupyter-bin)"
py="$(head -1 "$jupyter_bin" | sed -n 's/^#! *//p')"
[ -n "$py" ] || py=python3

# Keep Jupyter's state inside the project: kernelspecs, runtime (connection files) and config.
export JUPYTER_PATH="$root/notebooks/.jupyter/share/jupyter"
export JUPYTER_RUNTIME_DIR="$root/notebooks/.jupyter/runtime"
export JUPYTER_CONFIG_DIR="$root/notebooks/.jupyter/config"
mkdir -p "$JUPYTER_RUNTIME_DIR" "$JUPYTER_CONFIG_DIR"

if [ "${#names[@]}" -eq 0 ]; then
  for f in notebooks/*.ipynb; do names+=("$(basename "$f" .ipynb)"); done
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
stale=0
start_all=$SECONDS
n=${#names[@]}
k=0
echo "run-all: $n notebook(s) to execute with the Deno kernel: ${names[*]}"
for name in "${names[@]}"; do
  k=$((k + 1))
  nb="notebooks/$name.ipynb"
  if [ ! -f "$nb" ]; then
    echo "run-all: $nb does not exist" >&2
    failed=$((failed + 1))
    continue
  fi
  t0=$SECONDS
  echo "run-all: [$k/$n] $name: running"
  ok=0
  # Up to three attempts: the Deno kernel occasionally drops an output message (a known flake of
  # its Jupyter support); a cell *error* is never retried.
  for attempt in 1 2 3; do
    # Executed from notebooks/ (the kernel's working folder, so `../dist` resolves) into the scratch folder.
    "$jupyter_bin" nbconvert --to notebook --execute --output-dir "$work" --output "$name.ipynb" \
      --ExecutePreprocessor.kernel_name=deno \
      --ExecutePreprocessor.timeout=600 \
      --ExecutePreprocessor.record_timing=False \
      --log-level=WARN \
      "$nb" >"$work/$name.log" 2>&1 &
    pid=$!
    # A line every 30 s, so that a long notebook does not look like a hung one.
    waited=0
    while kill -0 "$pid" 2>/dev/null; do
      sleep 1
      waited=$((waited + 1))
      if [ $((waited % 30)) -eq 0 ]; then echo "run-all: [$k/$n] $name: still running ($((SECONDS - t0)) s)"; fi
    done
    if ! wait "$pid"; then
      grep -v 'is unstable and might change' "$work/$name.log" | tail -40 >&2
      echo "run-all: $name FAILED (a cell raised an error; see above)" >&2
      break
    fi
    # Normalise and check: strip timings, every code cell has an output, no error outputs,
    # images present where a cell shows charts.
    if "$py" notebooks/normalise.py "$work/$name.ipynb" 2>"$work/$name.check"; then
      ok=1
      break
    fi
    cat "$work/$name.check" >&2
    if grep -q '^error:' "$work/$name.check"; then break; fi
    [ "$attempt" -lt 3 ] && echo "run-all: $name: missing outputs, running it again (attempt $((attempt + 1)) of 3)" >&2
  done
  if [ "$ok" -ne 1 ]; then
    failed=$((failed + 1))
    continue
  fi
  if cmp -s "$work/$name.ipynb" "$nb"; then
    state="unchanged"
  elif [ "$check" -eq 1 ]; then
    state="STALE (its stored outputs differ from a fresh run)"
    stale=$((stale + 1))
    "$py" notebooks/normalise.py --diff "$nb" "$work/$name.ipynb" >&2 || true
  else
    cp "$work/$name.ipynb" "$nb"
    state="updated"
  fi
  echo "run-all: [$k/$n] $name ok in $((SECONDS - t0)) s, $state"
done
echo "run-all: $((n - failed)) of $n notebooks ran without errors in $((SECONDS - start_all)) s"
if [ "$check" -eq 1 ] && [ "$stale" -gt 0 ]; then
  echo "run-all: $stale notebook(s) have stale outputs: run 'bash notebooks/run-all.sh' and commit the notebooks" >&2
fi
[ "$failed" -eq 0 ] && [ "$stale" -eq 0 ]
