#!/usr/bin/env bash
# Sets up the notebooks: Jupyter (Debian's packages, installed only if missing) and the Deno
# TypeScript kernel, registered inside the project (notebooks/.jupyter) instead of in your home
# folder. Safe to run again: it only installs what is missing and rewrites the kernelspec.
#
#   bash notebooks/setup.sh
#
# Afterwards:  JUPYTER_PATH=$PWD/notebooks/.jupyter/share/jupyter jupyter notebook notebooks/
#              bash notebooks/run-all.sh        (execute every notebook headlessly, outputs stored)
#
# Not on Debian/Ubuntu? Install Jupyter any way you like (e.g. `pip install notebook nbconvert`)
# and point JUPYTER at it: `JUPYTER=$(command -v jupyter) bash notebooks/setup.sh`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# ---- Jupyter ------------------------------------------------------------------------------
APT_PACKAGES=(jupyter-notebook jupyter-nbconvert python3-ipykernel)
jupyter_bin="${JUPYTER:-}"
if [ -z "$jupyter_bin" ]; then
  if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
    missing=()
    for p in "${APT_PACKAGES[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
      sudo=()
      [ "$(id -u)" -eq 0 ] || sudo=(sudo)
      # Say what is coming before it comes: apt pulls in Python and Jupyter's libraries with these.
      deps="$(apt-get install -s -q --no-install-recommends "${missing[@]}" 2>/dev/null | grep -c '^Inst ' || true)"
      echo "setup: the notebooks run on Jupyter (nbconvert executes them headlessly, ipykernel talks to the kernel)."
      echo "setup: installing the Debian packages ${missing[*]} with apt${deps:+: $deps packages with their dependencies}; this takes a few minutes once."
      export DEBIAN_FRONTEND=noninteractive
      if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        # A fresh machine may have no package lists yet.
        "${sudo[@]}" apt-get update -q
        "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
      fi
    else
      echo "setup: Jupyter packages already installed (${APT_PACKAGES[*]})"
    fi
  fi
  # Debian's jupyter runs on Debian's python3; a python3 earlier on PATH (pyenv, conda) may lack Jupyter.
  if [ -x /usr/bin/jupyter ]; then jupyter_bin=/usr/bin/jupyter; else jupyter_bin="$(command -v jupyter || true)"; fi
fi
if [ -z "$jupyter_bin" ] || ! "$jupyter_bin" nbconvert --version >/dev/null 2>&1; then
  echo "setup: no working Jupyter with nbconvert found; install it and set JUPYTER=/path/to/jupyter" >&2
  exit 1
fi

# ---- Deno (an npm dev dependency) and the built library ------------------------------------
deno="$root/node_modules/deno/deno"
if [ ! -x "$deno" ]; then
  echo "setup: $deno is missing; installing the locked npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
"$deno" --version | head -1
if [ ! -f dist/scenario/index.js ]; then
  echo "setup: building dist/ (the notebooks import it)"
  npm run build --silent
  mkdir -p notebooks/.jupyter && touch notebooks/.jupyter/dist-built   # run-all.sh's build stamp
fi

# ---- Kernelspec inside the project ----------------------------------------------------------
# Deno keeps its module cache in notebooks/.jupyter/deno rather than in ~/.cache/deno.
share="$root/notebooks/.jupyter/share/jupyter"
kdir="$share/kernels/deno"
mkdir -p "$kdir" "$root/notebooks/.jupyter/deno"
json_string() { node -e 'process.stdout.write(JSON.stringify(process.argv[1]))' "$1"; }
cat > "$kdir/kernel.json" <<EOF
{
  "argv": [$(json_string "$deno"), "jupyter", "--kernel", "--conn", "{connection_file}"],
  "display_name": "Deno (TypeScript)",
  "language": "typescript",
  "env": { "DENO_DIR": $(json_string "$root/notebooks/.jupyter/deno"), "DENO_NO_UPDATE_CHECK": "1" }
}
EOF
echo "$jupyter_bin" > "$root/notebooks/.jupyter/jupyter-bin"
echo "setup: wrote $kdir/kernel.json"
# Check that this Jupyter finds the kernel (jupyter_client, with the interpreter jupyter runs on).
py="$(head -1 "$jupyter_bin" | sed -n 's/^#! *//p')"
if [ -n "$py" ]; then
  JUPYTER_PATH="$share" $py -c 'from jupyter_client.kernelspec import KernelSpecManager as K; import sys; sys.exit(0 if "deno" in K().find_kernel_specs() else 1)' || {
    echo "setup: Jupyter does not find the deno kernel in $share" >&2
    exit 1
  }
fi
echo "setup: done. Open the notebooks with:"
echo "  JUPYTER_PATH=$share $jupyter_bin notebook notebooks/"
