#!/usr/bin/env python3
"""Write chord one-shots — the held or decaying chords sample packs ship as single hits — to check
that the loop/one-shot classifier does not call a held chord a loop.

Usage:
    python3 bench/make_chord_oneshot_valset.py OUT [--seed N] [--count N]
    python3 bench/eval_devset.py OUT/truth.csv --no-librosa --no-essentia

Writes OUT/audio/co_NNNN.wav (mono 16-bit 44.1 kHz) and OUT/truth.csv in eval_devset.py's columns
(set "oneshot", kind "oneshot": only loop/one-shot is scored) plus `timbre`, `shape`, `chord`, `root`
and `seconds`.

  timbres   organ, e-piano, sine, saw, square, strings (three detuned saws), pluck, FM bell (in turn)
  chords    major, minor, maj7, min7, dominant 7, power chord (root, fifth, octave), add9
  roots     MIDI 43-66; 0.9-5 s long; a 3-50 ms attack
  shape     held (flat, then a 0.05-0.8 s release) or decaying (e^(-t/τ), τ 0.4-2.5 s); the
            e-piano, pluck and bell always decay
Needs numpy.
"""
import argparse
import os

import numpy as np

from valset_io import write_truth, write_wav
from valset_timbres import partials

SR = 44100
TIMBRES = ["organ", "epiano", "sine", "saw", "square", "strings", "pluck", "bell"]
CHORDS = {"maj": [0, 4, 7], "min": [0, 3, 7], "maj7": [0, 4, 7, 11], "min7": [0, 3, 7, 10],
          "dom7": [0, 4, 7, 10], "power": [0, 7, 12], "add9": [0, 4, 7, 14]}


def chord_oneshot(rng, timbre, chord, root, seconds, shape):
    n = int(seconds * SR)
    t = np.arange(n) / SR
    y = sum(partials(rng, 440.0 * 2 ** ((root + interval - 69) / 12), n, timbre) for interval in CHORDS[chord])
    env = np.ones(n)
    attack = int(rng.uniform(0.003, 0.05) * SR)
    env[:attack] = np.linspace(0, 1, attack)
    if shape == "decaying" or timbre in ("pluck", "bell", "epiano"):
        env *= np.exp(-t / rng.uniform(0.4, 2.5))
    release = int(min(n // 3, rng.uniform(0.05, 0.8) * SR))
    env[-release:] *= np.linspace(1, 0, release)
    y = y * env
    return 0.9 * y / np.max(np.abs(y))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=31)
    p.add_argument("--count", type=int, default=80)
    args = p.parse_args()
    rng = np.random.default_rng(args.seed)
    os.makedirs(os.path.join(args.out, "audio"), exist_ok=True)
    rows = []
    for i in range(args.count):
        timbre = TIMBRES[i % len(TIMBRES)]
        chord = str(rng.choice(list(CHORDS)))
        root = int(rng.integers(43, 67))
        seconds = float(rng.uniform(0.9, 5))
        shape = str(rng.choice(["held", "decaying"]))
        name = f"co_{i + 1:04d}.wav"
        write_wav(os.path.join(args.out, "audio", name), chord_oneshot(rng, timbre, chord, root, seconds, shape))
        rows.append(dict(id=i + 1, file=f"audio/{name}", set="oneshot", bpm="", bars="", tonic="", mode="", midi="",
                         cents="", kind="oneshot", timbre=timbre, shape=shape, chord=chord, root=root,
                         seconds=round(seconds, 2)))
    write_truth(args.out, rows)
    print(f"wrote {len(rows)} chord one-shots to {args.out}")


if __name__ == "__main__":
    main()
