#!/usr/bin/env python3
"""Write drum loops of make_devset.py's four patterns (or one of them) over a chosen tempo range and
bar counts: every other loop plays the dev set's own sounds, the others a drawn make_tempo_valset.Kit
(kick pitch, sweep, drive and decay; snare tone and decay; hat decay), with swing on every fifth loop.
Like make_devset_variants.py's kits set, but with the tempo range, bar counts, pattern and count open.

Usage:
    python3 bench/make_drawn_kit_loops.py OUT [--seed N] [--count N] [--pattern all|house|hiphop|dnb|latin]
                                          [--bpm LO HI] [--bars 1,2,4,3,8]
    python3 bench/eval_devset.py OUT/truth.csv --no-librosa --no-essentia

Writes OUT/audio/x_NNNN.wav and OUT/truth.csv (eval_devset.py's columns plus `pattern`, `swing` and
`sounds`: "drawn" or "dev"). Needs numpy and /work/shared/eval/make_devset.py (or MAKE_DEVSET_DIR).
"""
import argparse
import os
import sys

import numpy as np

from devset_recipes import drawn_kit_loop
from valset_io import write_truth

sys.path.insert(0, os.environ.get("MAKE_DEVSET_DIR", "/work/shared/eval"))
import make_devset as m  # noqa: E402
import make_tempo_valset  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1002)
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument("--pattern", default="all", choices=["all"] + list(m.KITS))
    ap.add_argument("--bpm", type=float, nargs=2, default=(45.0, 200.0))
    ap.add_argument("--bars", default="1,2,4,3,8")
    a = ap.parse_args()
    m.rng = np.random.default_rng(a.seed)
    os.makedirs(os.path.join(a.out, "audio"), exist_ok=True)
    patterns = list(m.KITS) if a.pattern == "all" else [a.pattern]
    bar_counts = [int(b) for b in a.bars.split(",")]
    rows = []
    for i in range(a.count):
        bpm = float(np.round(m.rng.uniform(*a.bpm), 1))
        bars = bar_counts[i % len(bar_counts)]
        swing = float(np.round(m.rng.uniform(0.56, 0.66), 2)) if i % 5 == 0 else 0.0
        pattern = patterns[i % len(patterns)]
        drawn = i % 2 == 0
        if drawn:
            y = drawn_kit_loop(m, make_tempo_valset.Kit(m.rng), bpm, pattern, bars, swing)
        else:
            y = m.drum_loop(bpm, pattern, bars, swing)
        name = f"audio/x_{i + 1:04d}.wav"
        m.write_wav(os.path.join(a.out, name), y)
        rows.append(dict(id=i + 1, file=name, set="tempo", bpm=bpm, bars=bars, tonic="", mode="", midi="", cents="",
                         kind="loop", pattern=pattern, swing=swing, sounds="drawn" if drawn else "dev"))
    write_truth(a.out, rows)
    print(f"wrote {len(rows)} loops to {a.out}")


if __name__ == "__main__":
    main()
