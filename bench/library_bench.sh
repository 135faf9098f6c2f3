#!/usr/bin/env bash
# Library benchmark (issue 3): a synthetic library of N tiny WAVs (default 100,000).
#   usage: bench/library_bench.sh [--files N] [--dir DIR] [--skip-build]
# Prints: first-scan throughput with analysis on 1 and 2 cores, unchanged-rescan time (and its
# ratio to a plain Python os.walk+stat of the same tree, the reference), search latency p50/p99
# for ten representative queries (one page of 100 results + the total count, as the browser
# asks; the total count is timed and shown separately), database size per 1k samples, and the scanner's peak RSS.
set -euo pipefail
files=100000 dir=/tmp/samplemind-bench-library build=1
while (($#)); do
  case $1 in
    --files) files=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    *) echo "usage: $0 [--files N] [--dir DIR] [--skip-build]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
((build)) && swift build -c release --product samplemind >/dev/null
sm=$PWD/.build/release/samplemind
lib=$dir/samples-$files
[[ -d $lib ]] || { echo "generating $files files in $lib ..."; python3 bench/make_library.py "$lib" "$files"; }
out=$(mktemp -d)
find "$lib" -type f -exec cat {} + >/dev/null   # warm the page cache

timed() { # name, cores, command...
  local name=$1 cores=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$out/$name.time" taskset -c "$cores" "$@" >"$out/$name.out" 2>"$out/$name.err" || true
}
echo "first scan with analysis, 1 core ..."
rm -f "$out/db1.sqlite"*; timed scan1 0 "$sm" scan --db "$out/db1.sqlite" --jobs 1 --json "$lib"
echo "first scan with analysis, 2 cores ..."
rm -f "$out/db2.sqlite"*; timed scan2 0,1 "$sm" scan --db "$out/db2.sqlite" --jobs 2 --json "$lib"
echo "unchanged rescan ..."
timed rescan 0 "$sm" scan --db "$out/db2.sqlite" --json "$lib"
timed walk 0 python3 -c 'import os,sys
n=0
for d,_,fs in os.walk(sys.argv[1]):
    for f in fs: os.stat(os.path.join(d,f)); n+=1
print(n)' "$lib"
echo "tagging 10 % of the library ..."
(find "$lib" -name 'hat_*' || true) | head -n $((files / 10)) | "$sm" tag add --db "$out/db2.sqlite" dark >/dev/null
(find "$lib" -name 'kick_*' || true) | head -n $((files / 50)) | "$sm" rate --db "$out/db2.sqlite" 4 >/dev/null
echo "search latency ..."
"$sm" search-latency --db "$out/db2.sqlite" --runs 100 \
  "kick" "hat_123" "tag:dark" "bpm:120..130" "type:oneshot dur:<1s" "key:Am" "family:hat" \
  "lufs:>-20 sort:-lufs" "path:f042/" "rating:>=4 -tag:dark" >"$out/latency.jsonl"

python3 - "$out" "$files" <<'PY'
import json, os, sys
out, files = sys.argv[1], int(sys.argv[2])
def t(name):
    wall, rss = open(f"{out}/{name}.time").read().split()[-2:]
    return float(wall), int(rss) / 1024
def summary(name):
    try: return json.loads(open(f"{out}/{name}.out").read())
    except Exception: return {}
s1, s2, r = summary("scan1"), summary("scan2"), summary("rescan")
(w1, m1), (w2, m2), (wr, mr), (ww, _) = t("scan1"), t("scan2"), t("rescan"), t("walk")
print(f"\nlibrary: {files} files")
print(f"first scan + analysis, 1 core   {w1:8.1f} s  {files / w1:8.0f} files/s  peak RSS {m1:6.1f} MiB  (analysed {s1.get('analysed')}, errors {s1.get('analysisErrors')})")
print(f"first scan + analysis, 2 cores  {w2:8.1f} s  {files / w2:8.0f} files/s  peak RSS {m2:6.1f} MiB  speed-up {w1 / w2:.2f}x")
print(f"unchanged rescan                {wr:8.2f} s  (reference os.walk+stat {ww:.2f} s, ratio {wr / ww:.2f})  "
      f"unchanged {r.get('unchanged')}  target <= 3 s: {'PASS' if wr <= 3 else 'FAIL'}")
size = os.path.getsize(f"{out}/db2.sqlite")
print(f"database size                   {size / 1048576:8.1f} MiB  = {size / files * 1000 / 1024:.0f} KiB per 1k samples")
print(f"scanner peak RSS                {max(m1, m2, mr):8.1f} MiB  target <= 200 MiB: {'PASS' if max(m1, m2, mr) <= 200 else 'FAIL'}")
print("\nsearch latency, 100 runs each: first page of 100 results (target) | total count (reported)")
worst = 0
for line in open(f"{out}/latency.jsonl"):
    q = json.loads(line); worst = max(worst, q["p99Milliseconds"])
    print(f"  {q['query']:<28} {q['matches']:>7} matches  page p50 {q['p50Milliseconds']:7.2f} p99 {q['p99Milliseconds']:7.2f} ms"
          f"  | count p50 {q['countP50Milliseconds']:7.2f} p99 {q['countP99Milliseconds']:7.2f} ms")
print(f"worst p99 {worst:.2f} ms  target <= 20 ms: {'PASS' if worst <= 20 else 'FAIL'}")
PY
echo "(raw outputs in $out)"
