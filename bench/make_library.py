#!/usr/bin/env python3
"""Write a synthetic sample library of N tiny, distinct WAV files for the library benchmark.

usage: make_library.py OUT_DIR [N]      (default N = 100000; ~2.2 KB per file)

Files: OUT_DIR/fNNN/<kind>_<i>.wav, 1000 per folder; each is 50 ms of 16-bit mono at 22.05 kHz
(a decaying tone or noise burst whose parameters depend on i, so every file's content differs).
Deterministic. Needs only the standard library.
"""
import math
import os
import random
import struct
import sys

SR = 22050
N_SAMPLES = SR // 20
KINDS = ["kick", "snare", "hat", "bass", "lead", "pad", "fx", "perc"]


def wav_bytes(samples):
    data = struct.pack("<%dh" % len(samples), *samples)
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " + struct.pack(
        "<IHHIIHH", 16, 1, 1, SR, SR * 2, 2, 16) + b"data" + struct.pack("<I", len(data))
    return header + data


def signal(i):
    rnd = random.Random(i)
    freq = 40 + (i * 7919) % 4000
    noise = rnd.random() < 0.4
    out = []
    for n in range(N_SAMPLES):
        env = math.exp(-n / (SR * (0.005 + 0.02 * rnd.random() if n == 0 else 0.015)))
        v = (rnd.uniform(-1, 1) if noise else math.sin(2 * math.pi * freq * n / SR)) * env
        out.append(int(max(-1, min(1, v * 0.8)) * 32767))
    out[0] = i % 32767          # guarantees distinct content
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    for i in range(count):
        folder = os.path.join(root, "f%03d" % (i // 1000))
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "%s_%d.wav" % (KINDS[i % len(KINDS)], i))
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(wav_bytes(signal(i)))
    print(f"{count} files under {root}")


if __name__ == "__main__":
    main()
