#!/usr/bin/env bash
# Benchmark SampleMind's analysis core against the C floor and librosa.
#   usage: bench/run.sh [--list FILE] [--skip-build] [--repeat N] [--librosa-limit N]
#   --list FILE         one audio path per line (default /tmp/corpus.txt, made by
#                       /work/shared/corpus/install.sh if absent)
#   --skip-build        use the existing .build/release/samplemind
#   --repeat N          time floor and samplemind in N rounds, keep the fastest
#                       (default 3; this VM's timings vary by up to ~40%)
#   --librosa-limit N   run librosa on about N files only (every k-th listed file);
#                       also $LIBROSA_LIMIT. Default: all files.
#   $SAMPLEMIND         binary to time instead of .build/release/samplemind
# Every contender runs over the same list, pinned with taskset to core 0 (the
# 2-worker SampleMind run gets cores 0,1), timed with /usr/bin/time -v.
set -euo pipefail

list=/tmp/corpus.txt build=1 repeat=3 limit=${LIBROSA_LIMIT:-0}
while (($#)); do
  case $1 in
    --list) list=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    --repeat) repeat=$2; shift 2 ;;
    --librosa-limit) limit=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set/{/^set/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
list=$(realpath -m "$list")
sm=$(realpath -m "${SAMPLEMIND:-$(dirname "$0")/../.build/release/samplemind}")
cd "$(dirname "$0")/.."

[[ -s $list ]] || bash /work/shared/corpus/install.sh "$list"
if [[ ! -x /usr/bin/time ]]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cc -O2 bench/floor.c -lsndfile -lfftw3f -lm -o "$tmp/floor"
if ((build)); then swift build -c release --product samplemind; fi
[[ -x $sm ]] || { echo "run.sh: $sm not found (build it, or drop --skip-build)" >&2; exit 1; }

# librosa's list: all files, or every k-th one so that about $limit remain.
if ((limit > 0)); then
  k=$(( ($(grep -c . "$list") + limit - 1) / limit ))
  grep . "$list" | awk -v k="$k" '(NR - 1) % k == 0' >"$tmp/librosa.list"
else
  cp "$list" "$tmp/librosa.list"
fi

echo "warming the page cache and librosa's numba cache ..." >&2
tr '\n' '\0' <"$list" | xargs -0 cat >/dev/null 2>&1 || true
head -1 "$list" >"$tmp/one.list"
python3 bench/librosa_descriptors.py "$tmp/one.list" >/dev/null 2>&1 || true

# run NAME ROUND CORES CMD...: stdout to $tmp/NAME.out, stderr to $tmp/NAME.err,
# /usr/bin/time report to $tmp/NAME.time.ROUND. A non-zero exit is reported,
# not fatal (samplemind exits non-zero when some files fail to decode).
run() {
  local name=$1 round=$2 cores=$3; shift 3
  echo "running $name (round $round) ..." >&2
  /usr/bin/time -v -o "$tmp/$name.time.$round" taskset -c "$cores" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" ||
    echo "  $name exited with status $? (expected when some files fail)" >&2
}
# Rounds interleave the contenders, so a slow spell on the host hits them alike.
for ((r = 1; r <= repeat; r++)); do
  run floor $r 0 "$tmp/floor" "$list"
  run samplemind-1 $r 0 "$sm" analyze --jobs 1 --files-from "$list" --json
  run samplemind-2 $r 0,1 "$sm" analyze --jobs 2 --files-from "$list" --json
  # This machine's own 2-core scaling: two floors over the whole list at once.
  run floor-pair $r 0,1 bash -c '"$0" "$1" >/dev/null & "$0" "$1"; wait' "$tmp/floor" "$list"
done
run librosa 1 0 python3 bench/librosa_descriptors.py "$tmp/librosa.list"

TMP=$tmp LIST=$list python3 - <<'EOF'
import glob, json, os, re

tmp = os.environ["TMP"]
spread = {}  # name -> "wall MIN-MAX over N runs; "

def read(name, ext):
    with open(f"{tmp}/{name}.{ext}", errors="replace") as f:
        return f.read()

def timing(name):
    """(fastest wall seconds, largest peak RSS MiB) over the /usr/bin/time -v reports."""
    walls, rsss = [], []
    for path in glob.glob(f"{tmp}/{name}.time.*"):
        t = open(path).read()
        wall = re.search(r"Elapsed \(wall clock\) time.*: (.+)", t).group(1)
        walls.append(sum(float(p) * 60**i for i, p in enumerate(reversed(wall.split(":")))))
        rsss.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024)
    spread[name] = f"wall {min(walls):.2f}-{max(walls):.2f} over {len(walls)} runs; " if len(walls) > 1 else ""
    return min(walls), max(rsss)

def counts(name):
    """files, failed, audio_seconds from a files=N failed=M audio_seconds=X line."""
    m = re.findall(r"files=(\d+) failed=(\d+) audio_seconds=([\d.]+)", read(name, "out"))
    if not m:
        raise SystemExit(f"run.sh: no summary line from {name}; its stderr:\n" + read(name, "err")[-2000:])
    n, f, s = m[-1]
    return int(n), int(f), float(s)

def json_note(name):
    """How many JSON objects samplemind wrote, and the audio they say they cover."""
    objs = []
    for line in read(name, "out").splitlines():
        try:
            objs.append(json.loads(line))
        except ValueError:
            pass
    secs = sum(o.get("durationSeconds", 0) for o in objs if isinstance(o, dict))
    return f"{len(objs)} JSON objects, {secs:.1f} s"

floor_n, floor_failed, audio = counts("floor")
lib_n, lib_failed, lib_audio = counts("librosa")
startup = re.search(r"import \+ first file.* took ([\d.]+) s", read("librosa", "err"))
subset = lib_n < floor_n
# key -> (label, audio seconds, files, note); samplemind's audio is the floor's (same list)
contenders = {
    "floor": ("floor (C, 1 core)", audio, floor_n, f"{floor_failed} failed"),
    "samplemind-1": ("samplemind --jobs 1 (1 core)", audio, floor_n, json_note('samplemind-1')),
    "samplemind-2": ("samplemind --jobs 2 (2 cores)", audio, floor_n, json_note('samplemind-2')),
    "librosa": ("librosa (1 core)", lib_audio, lib_n,
                f"{lib_failed} failed; import + first file {startup.group(1) if startup else '?'} s"
                + (f"; SUBSET: {lib_n} of {floor_n} files" if subset else "")),
}

print(f"\nlist: {os.environ['LIST']} ({floor_n} files, {audio:.1f} s of audio per the floor)\n")
print(f"{'contender':<30} {'wall s':>8} {'audio s':>9} {'RTF':>8} {'files/s':>8} {'RSS MiB':>8}  note")
wall, rss, rtf = {}, {}, {}
for key, (label, secs, n, note) in contenders.items():
    wall[key], rss[key] = timing(key)
    rtf[key] = secs / wall[key]
    print(f"{label:<30} {wall[key]:8.2f} {secs:9.1f} {rtf[key]:8.1f} {n / wall[key]:8.1f} {rss[key]:8.1f}  {spread[key]}{note}")

checks = [
    ("samplemind RTF / floor RTF", rtf["samplemind-1"] / rtf["floor"], ">=", 0.5),
    ("samplemind RTF / librosa RTF", rtf["samplemind-1"] / rtf["librosa"], ">=", 12),
    ("samplemind peak RSS MiB (max of both runs)", max(rss["samplemind-1"], rss["samplemind-2"]), "<=", 64),
    ("2-worker speed-up (wall 1 / wall 2)", wall["samplemind-1"] / wall["samplemind-2"], ">=", 1.8),
]
print()
for what, value, op, target in checks:
    ok = value >= target if op == ">=" else value <= target
    print(f"{what:<44} {value:8.2f}  target {op} {target:<4}  {'PASS' if ok else 'FAIL'}")
pair_wall = timing("floor-pair")[0]
print(f"{'  (2-core ceiling here: 2 floors at once)':<44} {2 * wall['floor'] / pair_wall:8.2f}")
if subset:
    print(f"\nnote: librosa ran on every k-th file only; its RTF is over the {lib_audio:.1f} s it processed.")
EOF
