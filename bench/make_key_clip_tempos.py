#!/usr/bin/env python3
"""Write make_devset.py's key clips (its progressions, block chords then arpeggios, a chord a bar) at
tempos drawn log-uniformly from a range, labelled with that tempo: where the harmonic tempo prior's
centre puts its octave errors (the dev set draws its key clips at 80-130 BPM and records no tempo).

Usage:
    python3 bench/make_key_clip_tempos.py OUT [--seed N] [--count N] [--bpm LO HI]
    python3 bench/eval_devset.py OUT/truth.csv --no-librosa --no-essentia

Writes OUT/audio/kc_NNNN.wav and OUT/truth.csv (set "tempo", 8 bars, key as tonic and mode). Needs numpy
and /work/shared/eval/make_devset.py (or MAKE_DEVSET_DIR).
"""
import argparse
import os
import sys

import numpy as np

from devset_recipes import install_edited
from valset_io import write_truth

sys.path.insert(0, os.environ.get("MAKE_DEVSET_DIR", "/work/shared/eval"))
import make_devset as m  # noqa: E402

# make_devset.key_clip with the tempo as a parameter (its source, one line changed)
install_edited(m, m.key_clip, (("def key_clip(tonic, mode, timbre):", "def key_clip_at(tonic, mode, timbre, bpm):"),
                               ("beat = 60.0 / rng.uniform(80, 130)", "beat = 60.0 / bpm")))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=4001)
    ap.add_argument("--count", type=int, default=120)
    ap.add_argument("--bpm", type=float, nargs=2, default=(60.0, 180.0))
    a = ap.parse_args()
    m.rng = np.random.default_rng(a.seed)
    os.makedirs(os.path.join(a.out, "audio"), exist_ok=True)
    rows = []
    for i in range(a.count):
        bpm = float(np.round(np.exp(m.rng.uniform(np.log(a.bpm[0]), np.log(a.bpm[1]))), 1))
        tonic, mode = int(m.rng.integers(12)), ["major", "minor"][i % 2]
        y = m.key_clip_at(tonic, mode, ["saw", "pluck", "bell", "square"][i % 4], bpm)
        name = f"audio/kc_{i + 1:04d}.wav"
        m.write_wav(os.path.join(a.out, name), y)
        rows.append(dict(id=i + 1, file=name, set="tempo", bpm=bpm, bars=8, tonic=m.NAMES[tonic], mode=mode, midi="",
                         cents="", kind="loop"))
    write_truth(a.out, rows)
    print(f"wrote {len(rows)} key clips to {a.out}")


if __name__ == "__main__":
    main()
