#!/usr/bin/env python3
"""Write a pitch validation set unlike the dev set: another seed, note range, lengths and timbres.

Usage: python3 bench/make_pitch_valset.py OUT_DIR [--seed N]     (needs numpy and
       /work/shared/eval/make_devset.py, or MAKE_DEVSET_DIR pointing at its folder)

OUT_DIR/audio/pv_NNNN.wav   opaque names
OUT_DIR/truth.csv           the dev set's columns (score with bench/eval_devset.py) plus `timbre`

Reuses make_devset's generators (note envelope, sine/saw/square/Karplus-Strong pluck) with a new
random generator, and adds:
  bellR      FM bells sin(2π f t + I·e^(−t/τ)·sin(2π R f t)), R in 1.4, 2.5, 3.5, 4.5, index I 1 … 3,
             τ 0.2 … 0.8 s. For R = n + ½ every partial is a multiple of f/2 and f/2, 3f/2 are empty.
             R = 2.5 puts a partial at 1.5 f (f/2 is then heard as a missing fundamental) and R = 1.4
             one at 0.4 f with a true period of 5/f: their labels (f) are not the early signal's
             period, only the later one's, once the decaying index has silenced the sidebands.
  weakbass   saw harmonics 2 … 12 with the fundamental at −20 dB, MIDI 24-47 (the pitch must stay)
  sqbass     square waves, MIDI 24-47 (no even harmonics: the pitch must stay)
Notes MIDI 24-96, detuned ±45 cents, 0.3 … 3 s long.
"""
import argparse
import os
import sys

import numpy as np

from valset_io import write_truth

sys.path.insert(0, os.environ.get("MAKE_DEVSET_DIR", "/work/shared/eval"))
import make_devset as m  # noqa: E402

RATIOS = (1.4, 2.5, 3.5, 4.5)
PER_TIMBRE = 16
_partials = m.partials


def partials(f0, n, kind):
    t = np.arange(n) / m.SR
    if kind.startswith("bell"):
        ratio = float(kind[4:])
        index, tau = m.rng.uniform(1.0, 3.0), m.rng.uniform(0.2, 0.8)
        return np.sin(2 * np.pi * f0 * t + index * m.decay(n, tau) * np.sin(2 * np.pi * ratio * f0 * t))
    if kind == "weakbass":
        y = 0.1 * np.sin(2 * np.pi * f0 * t)
        for k in range(2, 13):
            y += np.sin(2 * np.pi * k * f0 * t) / k
        return y
    if kind == "sqbass":
        return _partials(f0, n, "square")
    return _partials(f0, n, kind)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=8675309)
    a = ap.parse_args(argv)
    m.rng = np.random.default_rng(a.seed)
    m.partials = partials
    os.makedirs(os.path.join(a.out, "audio"), exist_ok=True)
    timbres = ["sine", "saw", "square", "pluck"] + [f"bell{r}" for r in RATIOS] + ["weakbass", "sqbass"]
    rows = []
    for i in range(PER_TIMBRE):
        for timbre in timbres:
            low, high = (24, 48) if timbre.endswith("bass") else (24, 97)
            midi = int(m.rng.integers(low, high))
            cents = int(m.rng.integers(-45, 46))
            y = 0.8 * m.note(midi, cents, timbre, float(m.rng.uniform(0.3, 3.0)))
            name = f"pv_{len(rows) + 1:04d}.wav"
            m.write_wav(os.path.join(a.out, "audio", name), y)
            rows.append(dict(id=len(rows) + 1, file=f"audio/{name}", set="pitch", bpm="", bars="", tonic="",
                             mode="", midi=midi, cents=cents, kind="oneshot", timbre=timbre))
    write_truth(a.out, rows)
    print(f"wrote {len(rows)} files and truth.csv under {a.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
