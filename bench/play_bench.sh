#!/usr/bin/env bash
# Playback benchmark (issue 5).
#   usage: bench/play_bench.sh [--skip-build]
# 1. play → first block handed to ALSA, p50/p99 over 200 presses alternating two samples, through
#    ALSA's file plugin (samplemind play-latency; target p99 <= 10 ms).
# 2. CPU to play a 30 s 24-bit 96 kHz stereo file (decode + resample to 48 kHz + convert), as a
#    share of one core in real time, next to the same for a 16-bit 48 kHz file (the reference:
#    no resampling). The file plugin is not paced, so CPU seconds / audio seconds is the share.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${1:-} == --skip-build ]] || swift build -c release --product samplemind >/dev/null
command -v /usr/bin/time >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
sm=$PWD/.build/release/samplemind
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 - "$out" <<'PY'
import math, struct, sys, wave
out = sys.argv[1]
def write(name, rate, width, seconds, freq):
    n = int(rate * seconds)
    with wave.open(f"{out}/{name}", "wb") as w:
        w.setnchannels(2); w.setsampwidth(width); w.setframerate(rate)
        frames = bytearray()
        full = 2 ** (8 * width - 1) - 1
        for i in range(n):
            v = int(0.5 * full * math.sin(2 * math.pi * freq * i / rate))
            b = v.to_bytes(width, "little", signed=True)
            frames += b + b
        w.writeframes(bytes(frames))
write("a.wav", 48000, 2, 0.5, 220); write("b.wav", 44100, 2, 0.5, 330)
write("hires.wav", 96000, 3, 30, 440); write("ref.wav", 48000, 2, 30, 440)
PY
echo "play → first ALSA write (200 presses, file plugin):"
"$sm" play-latency --runs 200 "$out/a.wav" "$out/b.wav" >"$out/latency.json"
python3 - "$out/latency.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
verdict = "PASS" if r["p99Milliseconds"] <= 10 else "FAIL"
print(f"  p50 {r['p50Milliseconds']:.3f} ms  p99 {r['p99Milliseconds']:.3f} ms  max {r['maxMilliseconds']:.3f} ms"
      f"  target p99 <= 10 ms: {verdict}")
PY
for f in ref hires; do
  /usr/bin/time -f "%U %S %e" -o "$out/$f.time" "$sm" play --device "file:FILE=/dev/null,FORMAT=raw" "$out/$f.wav"
done
python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
def cpu(name):
    user, system, wall = map(float, open(f"{out}/{name}.time").read().split()[-3:])
    return user + system
ref, hires = cpu("ref"), cpu("hires")
print(f"CPU to play 30 s: 16-bit 48 kHz stereo {ref:.2f} s ({100 * ref / 30:.1f} % of a core); "
      f"24-bit 96 kHz stereo {hires:.2f} s ({100 * hires / 30:.1f} % of a core); ratio {hires / ref:.2f}")
PY
