#!/usr/bin/env bash
# Install Debian's Slurm (slurm-wlm: slurmctld, slurmd, sbatch, squeue, ...) and munge, if missing.
# Idempotent: does nothing when every binary is already there. Needs root (or sudo without a
# password) and network access to the apt mirrors. Exit status 0 = installed; 1 = could not install.
# Used by tests/cluster/slurm.test.ts, which starts a throwaway one-node cluster (see docs/cluster.md).
set -uo pipefail

need=(slurmctld slurmd sbatch squeue scancel munged)
missing() {
  for b in "${need[@]}"; do
    command -v "$b" >/dev/null 2>&1 || [ -x "/usr/sbin/$b" ] || { echo "$b"; return 0; }
  done
  return 1
}

if ! m=$(missing); then
  echo "setup-slurm: slurm-wlm and munge are installed"
  exit 0
fi
echo "setup-slurm: $m is missing; installing slurm-wlm and munge with apt-get"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "setup-slurm: not root and no password-less sudo; cannot install slurm-wlm and munge" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-slurm: no apt-get on this machine; install Slurm and munge by other means" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# A failed update (a mirror unreachable) is not fatal by itself: the install below decides.
$SUDO apt-get update -q -o Acquire::Retries=2 || echo "setup-slurm: apt-get update failed (offline?)" >&2
if ! $SUDO apt-get install -y -q --no-install-recommends slurm-wlm munge; then
  echo "setup-slurm: apt-get install slurm-wlm munge failed (no network or no such package)" >&2
  exit 1
fi
if m=$(missing); then
  echo "setup-slurm: installed, but $m is still missing" >&2
  exit 1
fi
echo "setup-slurm: slurm-wlm and munge installed"
