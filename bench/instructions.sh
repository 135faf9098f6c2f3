#!/usr/bin/env bash
# Analysis cost as instructions executed (valgrind callgrind), a reference binary beside a candidate:
# unlike CPU time, the count does not move with a noisy or shared machine.
#   usage: bench/instructions.sh REFERENCE [CANDIDATE] [--every N] [--list FILE]
#     CANDIDATE  defaults to .build/release/samplemind; both run `analyze --jobs 1 --json`
#     --every N  analyse every N-th file of the list (default 6: about 190 of the Debian corpus)
#     --list F   file list (default /tmp/corpus.txt, made by /work/shared/corpus/install.sh)
# Installs valgrind when missing. Swift binaries are stripped first (callgrind cannot read their
# debug info). Under callgrind a run takes about 50 times its native time.
set -euo pipefail
cd "$(dirname "$0")/.."
reference="" candidate=".build/release/samplemind" every=6 list=/tmp/corpus.txt
while [[ $# -gt 0 ]]; do
  case "$1" in
    --every) every=$2; shift 2 ;;
    --list) list=$2; shift 2 ;;
    *) if [[ -z "$reference" ]]; then reference=$1; else candidate=$1; fi; shift ;;
  esac
done
[[ -n "$reference" ]] || { sed -n '4,8p' "$0"; exit 2; }
command -v valgrind >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
[[ -f "$list" ]] || /work/shared/corpus/install.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk -v n="$every" 'NR % n == 0' "$list" > "$work/list.txt"
count() {   # binary -> instructions
  strip -o "$work/bin" "$1"
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$work/bin" analyze --jobs 1 --json \
    --files-from "$work/list.txt" > /dev/null 2> "$work/log"
  awk '/Collected :/ { print $NF }' "$work/log"
}
ref=$(count "$reference")
cand=$(count "$candidate")
printf 'files            %d (every %d-th of %s)\n' "$(wc -l < "$work/list.txt")" "$every" "$list"
printf 'reference        %.4e instructions  %s\n' "$ref" "$reference"
printf 'candidate        %.4e instructions  %s\n' "$cand" "$candidate"
awk -v a="$ref" -v b="$cand" 'BEGIN { printf "candidate / reference  %.3f\n", b / a }'
