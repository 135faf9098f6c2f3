#!/usr/bin/env bash
# AI-notes benchmark (issue 7): batch generation against the fake OpenAI-compatible server of the
# tests answering in 20 ms, at --jobs 1 and --jobs 8 (notes/s, and the ratio), then the cached
# path: a second --all run that only reads the cache.
#   usage: bench/notes_bench.sh [--skip-build] [--files N]
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 files=200
while (($#)); do
  case $1 in --skip-build) build=0; shift ;; --files) files=$2; shift 2 ;; *) exit 2 ;; esac
done
((build)) && swift build -c release --product samplemind >/dev/null
sm=$PWD/.build/release/samplemind
out=$(mktemp -d)
python3 Tests/AITests/fake_llm_server.py "$out/requests.jsonl" >"$out/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 100); do [[ -s $out/port ]] && break; sleep 0.05; done
port=$(head -1 "$out/port")
python3 bench/make_library.py "$out/lib" "$files" >/dev/null
cat >"$out/config.toml" <<TOML
[ai]
order = ["fake"]
[ai.providers.fake]
kind = "openai"
base_url = "http://127.0.0.1:$port"
model = "delay20"
timeout = 5
TOML
export SAMPLEMIND_CONFIG=$out/config.toml
for jobs in 1 8; do
  db=$out/db-$jobs.sqlite
  "$sm" scan --db "$db" "$out/lib" >/dev/null
  "$sm" notes --db "$db" --all --jobs "$jobs" --json >"$out/jobs-$jobs.json"
done
"$sm" notes --db "$out/db-8.sqlite" --all --jobs 1 --json >"$out/cached.json"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
one, eight, cached = (json.load(open(f"{out}/{n}.json")) for n in ("jobs-1", "jobs-8", "cached"))
print(f"fake server answering in 20 ms, {one['samples']} samples:")
print(f"  --jobs 1: {one['generated']} notes in {one['seconds']:.2f} s = {one['notesPerSecond']:.1f} notes/s")
print(f"  --jobs 8: {eight['generated']} notes in {eight['seconds']:.2f} s = {eight['notesPerSecond']:.1f} notes/s"
      f"  (ratio {eight['notesPerSecond'] / max(one['notesPerSecond'], 1e-9):.2f})")
verdict = "PASS" if cached["p99Milliseconds"] <= 5 else "FAIL"
print(f"  second run, {cached['cached']} from the cache: note lookup p50 {cached['p50Milliseconds']:.2f} ms, "
      f"p99 {cached['p99Milliseconds']:.2f} ms (target p99 <= 5 ms for cached note -> drawn: {verdict}; "
      f"drawing a frame adds ~1 ms, see bench/ui_bench.sh)")
PY
