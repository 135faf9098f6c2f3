#!/usr/bin/env bash
# Soak test (issue 9): the real browser in tmux on a 100,000-sample library for MINUTES minutes
# of random key presses (move, search, tag, rate, play, similar pane, help, resize) while a scan
# of 3,000 new files runs inside it. Then checks it still answers a key, never crashed, resident
# memory grew < 10 % from the end of the first minute to the end, and its stderr holds no error
# lines. Prints the figures and PASS/FAIL.
#   usage: bench/soak.sh [--minutes 10] [--files 100000] [--skip-build]
set -euo pipefail
minutes=10 files=100000 build=1
while (($#)); do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --files) files=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    *) echo "usage: $0 [--minutes N] [--files N] [--skip-build]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
((build)) && swift build -c release --product samplemind >/dev/null
sm=$PWD/.build/release/samplemind
base=/tmp/samplemind-bench-library
out=$(mktemp -d)
sock=soak-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$out"' EXIT

db=$base/ui-$files.sqlite
if [[ ! -f $db ]]; then
  [[ -d $base/samples-$files ]] || python3 bench/make_library.py "$base/samples-$files" "$files" >/dev/null
  "$sm" scan --db "$db" --jobs 2 "$base/samples-$files" >/dev/null
fi
cp "$db" "$out/library.sqlite"            # the soak tags and rates: never touch the shared copy
python3 bench/make_library.py "$out/new" 3000 >/dev/null
# ALSA "null" device: playback runs its whole path without a sound card
tmux -L "$sock" -f /dev/null new-session -d -s s -x 160 -y 48 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
  -e TERM=xterm-256color -e HOME="$out" \
  "$sm --db $out/library.sqlite --device null 2>$out/stderr.log; echo \"exit \$?\" >$out/exit; sleep 3600"
sleep 2
pid=$(pgrep -f "^$sm --db $out/library.sqlite" | head -1)
[[ -n $pid ]] || { echo "FAIL: the browser did not start"; cat "$out/stderr.log"; exit 1; }
tmux -L "$sock" send-keys -t s ":scan $out/new" Enter

python3 - "$sock" "$pid" "$minutes" "$out" <<'PY'
import os, random, subprocess, sys, time
sock, pid, minutes, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
rng = random.Random(20261129)
def tmux(*args):
    return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True).stdout
def keys(*k):
    tmux("send-keys", "-t", "s", *k)
def rss_kib():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
words = ["kick", "snare", "hat", "bass", "pad", "lead", "tag:soak", "bpm:100..140", "type:oneshot",
         "key:Am", "family:hat", "rating:>=3", "dur:<1s", "sort:-lufs", "fx", "-kick", "path:f01"]
actions = [
    (30, lambda: keys(rng.choice(["j", "k", "j", "j", "C-d", "C-u", "G", "g"]))),
    (6, lambda: (keys("/"), keys("-l", rng.choice(words)), keys("Enter"))),
    (4, lambda: (keys("Escape"), keys("/"), keys("C-u"), keys("Enter"))),
    (4, lambda: (keys("t"), keys("-l", "soak"), keys("Enter"))),
    (3, lambda: keys(str(rng.randint(0, 5)))),
    (3, lambda: keys("f")),
    (5, lambda: keys("Space")),
    (3, lambda: keys("Tab")),
    (2, lambda: keys("n")),
    (1, lambda: (keys("?"), keys("Escape"))),
    (2, lambda: tmux("resize-window", "-t", "s", "-x", str(rng.randint(80, 200)), "-y", str(rng.randint(24, 60)))),
]
weights = [w for w, _ in actions]
start = time.time(); end = start + minutes * 60
samples = []; presses = 0; next_sample = start
while time.time() < end:
    if not os.path.exists(f"/proc/{pid}"):
        print(f"FAIL: the browser exited after {time.time() - start:.0f} s"); sys.exit(1)
    rng.choices(actions, weights)[0][1](); presses += 1
    time.sleep(rng.uniform(0.02, 0.15))
    if time.time() >= next_sample:
        samples.append((time.time() - start, rss_kib())); next_sample += 10
# responsiveness: a search for a name that exists must show it within 2 s
keys("Escape"); keys("/"); keys("C-u"); keys("-l", "hat_123"); keys("Enter")
deadline = time.time() + 2; answered = False
while time.time() < deadline and not answered:
    answered = "hat_123" in tmux("capture-pane", "-p", "-t", "s"); time.sleep(0.05)
alive = os.path.exists(f"/proc/{pid}")
warm = next((r for t, r in samples if t >= 60), samples[0][1])
last = samples[-1][1]; peak = max(r for _, r in samples)
growth = (last - warm) / warm * 100
errors = [l for l in open(f"{out}/stderr.log", errors="replace") if l.strip()]
print(f"soak: {minutes:g} min, {presses} key presses/resizes, a 3,000-file scan inside the browser")
print(f"  RSS after 1 min {warm / 1024:.1f} MiB, at the end {last / 1024:.1f} MiB, peak {peak / 1024:.1f} MiB: growth {growth:+.1f} % (limit 10 %)")
print(f"  alive at the end: {alive}; answered a search within 2 s: {answered}; stderr lines: {len(errors)}")
for l in errors[:5]: print("    " + l.rstrip())
ok = alive and answered and growth < 10 and not errors
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
