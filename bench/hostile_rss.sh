#!/usr/bin/env bash
# Peak memory of `samplemind scan` on the hostile corpus's 2-hour 96 kHz stereo WAV (issue 9):
# the file is 2.76 GB, so a peak RSS of tens of MB proves it is streamed, never loaded whole.
#   usage: bench/hostile_rss.sh [--skip-build] [SAMPLEMIND]   (default .build/release/samplemind)
# The file is sparse (a valid header, 10 s of noise, then silence): it costs no disk space.
# Peak RSS is the kernel's ru_maxrss of the child (same figure as /usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == --skip-build ]]; then shift; else swift build -c release --product samplemind >/dev/null; fi
sm=${1:-$PWD/.build/release/samplemind}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 scripts/make_hostile_corpus.py "$out/corpus" --long-only >/dev/null
python3 - "$sm" "$out" <<'PY'
import json, os, resource, subprocess, sys, time
sm, out = sys.argv[1], sys.argv[2]
lib = os.path.join(out, "corpus/lib")
wav = os.path.join(lib, "long/two-hours-96k-stereo.wav")
started = time.time()
run = subprocess.run([sm, "scan", "--db", os.path.join(out, "db.sqlite"), "--json", "--jobs", "1", lib],
                     capture_output=True, text=True)
wall = time.time() - started
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
summary = json.loads(run.stdout) if run.returncode == 0 else {}
size = os.path.getsize(wav)
print(f"file: 2 h, 96 kHz, stereo, 16-bit WAV, {size / 1e9:.2f} GB")
print(f"scan: exit {run.returncode}, analysed {summary.get('analysed')}, errors {summary.get('analysisErrors')}, {wall:.1f} s wall")
print(f"peak RSS: {peak_kb / 1024:.1f} MB ({100 * peak_kb * 1024 / size:.2f} % of the file)")
target = 200 * 1024   # kB: bounded memory, whatever the file's length
print(f"target peak RSS <= 200 MB: {'PASS' if peak_kb <= target and run.returncode == 0 else 'FAIL'}")
PY
