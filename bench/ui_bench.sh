#!/usr/bin/env bash
# Terminal-UI benchmark (issue 4): the real browser in tmux on a 100,000-sample library, compared
# with the same run on a 100-sample library (the reference: 100 k should scroll like 100).
#   usage: bench/ui_bench.sh [--files N] [--skip-build]
# Prints: start to first complete frame; key press → frame on the terminal p50/p99 while
# scrolling (j) and while a scan runs; bytes written to the terminal per scroll step; peak RSS.
# Timings come from the browser's own frame log (SAMPLEMIND_FRAME_LOG: from reading the key to
# ncurses' doupdate); bytes from `tmux pipe-pane` (everything the app wrote to its terminal).
set -euo pipefail
files=100000 build=1
while (($#)); do
  case $1 in
    --files) files=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    *) echo "usage: $0 [--files N] [--skip-build]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
((build)) && swift build -c release --product samplemind >/dev/null
sm=$PWD/.build/release/samplemind
base=/tmp/samplemind-bench-library
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

library() { # N → path of a scanned database with N synthetic samples
  local n=$1 db=$base/ui-$1.sqlite
  if [[ ! -f $db ]]; then
    [[ -d $base/samples-$n ]] || python3 bench/make_library.py "$base/samples-$n" "$n" >/dev/null
    "$sm" scan --db "$db" --jobs 2 "$base/samples-$n" >/dev/null
  fi
  echo "$db"
}

run_ui() { # name db → frame log + byte counts in $out
  local name=$1 db=$2 sock=ui-bench-$$-$1
  rm -rf "$out/extra-$name" && python3 bench/make_library.py "$out/extra-$name" 1500 >/dev/null
  tmux -L "$sock" -f /dev/null new-session -d -s b -x 160 -y 48 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
    -e TERM=xterm-256color -e HOME="$out" -e SAMPLEMIND_FRAME_LOG="$out/$name.frames" "$sm --db $db; sleep 5"
  tmux -L "$sock" pipe-pane -o -t b "cat > $out/$name.bytes"
  for _ in $(seq 100); do grep -q '^start' "$out/$name.frames" 2>/dev/null && break; sleep 0.05; done
  sleep 1
  local before; before=$(stat -c %s "$out/$name.bytes")
  for _ in $(seq 200); do tmux -L "$sock" send-keys -t b j; sleep 0.02; done
  sleep 0.5
  local after; after=$(stat -c %s "$out/$name.bytes")
  echo "$(( (after - before) / 200 ))" >"$out/$name.perstep"
  tmux -L "$sock" send-keys -t b : && tmux -L "$sock" send-keys -t b -l "scan $out/extra-$name" && tmux -L "$sock" send-keys -t b Enter
  sleep 0.3
  for _ in $(seq 200); do tmux -L "$sock" send-keys -t b j; sleep 0.02; done
  sleep 0.5
  tmux -L "$sock" send-keys -t b q
  sleep 1.5
  tmux -L "$sock" kill-server 2>/dev/null || true
}

echo "preparing libraries (100 and $files samples; the first run scans them, which takes minutes) ..."
small=$(library 100)
large=$(library "$files")
echo "running the browser ..."
run_ui small "$small"
run_ui large "$large"

python3 - "$out" "$files" <<'PY'
import sys
out, files = sys.argv[1], int(sys.argv[2])
def stats(name):
    start, keys, rss = None, [], 0
    for line in open(f"{out}/{name}.frames"):
        parts = line.split()
        if parts[0] == "start": start = float(parts[1]) / 1000
        elif parts[0] == "key": keys.append(float(parts[1]) / 1000)
        elif parts[0] == "peak-rss-kib": rss = int(parts[1]) / 1024
    # the first 200 key frames are the scroll phase (j presses); the rest were typed during the scan
    scroll, scanning = keys[:200], keys[215:]
    def p(v, q):
        v = sorted(v); return v[min(len(v) - 1, int(round(q * (len(v) - 1))))] if v else float("nan")
    per_step = int(open(f"{out}/{name}.perstep").read())
    return dict(start=start, s50=p(scroll, .5), s99=p(scroll, .99), c50=p(scanning, .5), c99=p(scanning, .99),
                n=len(scroll), m=len(scanning), bytes=per_step, rss=rss)
small, large = stats("small"), stats("large")
print(f"\n{'':34}{'100 samples':>14}{f'{files} samples':>16}{'ratio':>8}   target")
def row(label, key, fmt, target=""):
    a, b = small[key], large[key]
    print(f"{label:34}{fmt.format(a):>14}{fmt.format(b):>16}{b / a if a else float('nan'):>8.2f}   {target}")
row("start → first frame (ms)", "start", "{:.1f}", "<= 150 ms: " + ("PASS" if large["start"] <= 150 else "FAIL"))
row("key → frame p50, scrolling (ms)", "s50", "{:.2f}")
row("key → frame p99, scrolling (ms)", "s99", "{:.2f}", "<= 16 ms: " + ("PASS" if large["s99"] <= 16 else "FAIL"))
row("key → frame p50, during a scan (ms)", "c50", "{:.2f}")
row("key → frame p99, during a scan (ms)", "c99", "{:.2f}", "<= 16 ms: " + ("PASS" if large["c99"] <= 16 else "FAIL"))
row("bytes to the terminal per j step", "bytes", "{:d}")
row("peak RSS (MiB)", "rss", "{:.1f}", "<= 150 MiB: " + ("PASS" if large["rss"] <= 150 else "FAIL"))
print(f"(frames measured: {large['n']} scrolling, {large['m']} during the scan)")
PY
