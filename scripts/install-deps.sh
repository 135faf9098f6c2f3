#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages SampleMind builds against, only those missing. Idempotent.
set -euo pipefail
packages=(pkg-config libncursesw5-dev libsndfile1-dev libfftw3-dev libasound2-dev libsqlite3-dev
          libcurl4-openssl-dev tmux sqlite3)   # tmux: the browser's end-to-end test runs it in a real terminal; sqlite3: integrity checks in tests
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) == 0 ]] || sudo=sudo
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
command -v swift >/dev/null || { echo "error: the Swift 6 toolchain (swift) is not on PATH; see https://www.swift.org/install/linux/" >&2; exit 1; }
