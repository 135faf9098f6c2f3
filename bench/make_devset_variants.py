#!/usr/bin/env python3
"""Write draws of the dev set's own generators with what a judging set may change: other timbres,
lengths and bar counts. Unlike the make_*_valset.py sets (new material), these keep make_devset.py's
recipes and swap one ingredient, so a miss here is a gap in what the dev set already asks.

Usage: python3 bench/make_devset_variants.py OUT [--seed N]      (needs numpy and
       /work/shared/eval/make_devset.py, or MAKE_DEVSET_DIR pointing at its folder)

OUT/pitch/  96 notes (make_devset.note): sine, saw, square, bell and the Karplus-Strong pluck,
            e-piano, organ and detuned strings of valset_timbres.py; MIDI 24-99, ±45 cents, lengths
            0.12-0.4, 0.4-2 and 2-5 s in turn
OUT/key/    48 key clips (make_devset.key_clip: same progressions, block then arpeggio) with chord
            timbres sine, e-piano, organ, strings, pluck, saw, square and FM bells of ratio 2.5 and
            3.5, over a sine, square, organ or e-piano bass instead of the saw
OUT/bars/   30 drum loops (make_devset.drum_loop, its four kits, swing on every fifth) of 8, 3 and
            6 bars in turn at 60-190 BPM
OUT/tempo/  48 drum loops of 1, 2 and 4 bars (as the dev set's) at the edges of and past its 60-190
            BPM: 12 each at 45-60, 60-75, 175-190 and 190-200
OUT/kits/   60 drum loops of the dev set's four patterns, bar counts, tempos and swing, played with
            other drum sounds: each loop draws a make_tempo_valset.Kit (kick pitch, sweep, drive and
            decay; snare tone and decay; hat decay)
Each folder has audio/*.wav and a truth.csv for bench/eval_devset.py.

The pluck of valset_timbres.py plays a whole number of samples plus half a sample per period, up
to half a sample from its label's: above about 1.5 kHz its label can be 20-40 cents off the note it
plays (see bench/README.md).
"""
import argparse
import os
import sys

import numpy as np

from devset_recipes import drawn_kit_loop, install_edited
from valset_io import write_truth
import valset_timbres

sys.path.insert(0, os.environ.get("MAKE_DEVSET_DIR", "/work/shared/eval"))
import make_devset as m  # noqa: E402
import make_tempo_valset  # noqa: E402

VALSET_TIMBRES = ("epiano", "organ", "strings", "vpluck")
_devset_partials = m.partials


def partials(f0, n, kind):
    """make_devset's timbres plus valset_timbres' and FM bells of any ratio ("bell2.5")."""
    if kind in VALSET_TIMBRES:
        return valset_timbres.partials(m.rng, f0, n, "pluck" if kind == "vpluck" else kind)
    if kind.startswith("bell") and len(kind) > 4:
        t = np.arange(n) / m.SR
        return np.sin(2 * np.pi * f0 * t + 2.0 * m.decay(n, 0.4) * np.sin(2 * np.pi * float(kind[4:]) * f0 * t))
    return _devset_partials(f0, n, kind)


# make_devset.key_clip with the bass timbre as a parameter (its source, one word changed)
install_edited(m, m.key_clip, (('"saw", 4 * beat)', "bass_timbre, 4 * beat)"),
                               ("def key_clip(tonic, mode, timbre):",
                                "def key_clip_with_bass(tonic, mode, timbre, bass_timbre):")))


def row(rows, prefix, **truth):
    base = dict(id=len(rows) + 1, file=f"audio/{prefix}_{len(rows) + 1:04d}.wav", set="", bpm="", bars="",
                tonic="", mode="", midi="", cents="", kind="")
    base.update(truth)
    rows.append(base)
    return base["file"]


def pitch_set(out):
    rows = []
    timbres = ["sine", "saw", "square", "vpluck", "bell", "epiano", "organ", "strings"]
    for i in range(96):
        midi, cents = int(m.rng.integers(24, 100)), int(m.rng.integers(-45, 46))
        timbre = timbres[i % len(timbres)]
        seconds = float([m.rng.uniform(0.12, 0.4), m.rng.uniform(0.4, 2.0), m.rng.uniform(2.0, 5.0)][i % 3])
        y = 0.8 * m.note(midi, cents, timbre, seconds)
        name = row(rows, "pd", set="pitch", midi=midi, cents=cents, kind="oneshot", timbre=timbre,
                   seconds=round(seconds, 2))
        m.write_wav(os.path.join(out, name), y)
    return rows


def key_set(out):
    rows = []
    timbres = ["sine", "epiano", "organ", "strings", "vpluck", "bell", "saw", "square", "pluck", "bell2.5"]
    basses = ["sine", "square", "organ", "epiano"]
    for mode in ("major", "minor"):
        for tonic in range(12):
            for k in range(2):
                timbre = timbres[(tonic * 2 + k + (mode == "minor")) % len(timbres)]
                bass = basses[(tonic + k) % len(basses)]
                y = m.key_clip_with_bass(tonic, mode, timbre, bass)
                name = row(rows, "kd", set="key", tonic=m.NAMES[tonic], mode=mode, kind="loop",
                           timbre=f"{timbre}/{bass}")
                m.write_wav(os.path.join(out, name), y)
    return rows


def draw_loop(i, lo, hi, bar_counts):
    """The i-th loop's tempo, bar count and swing (on every fifth), drawn as make_devset draws them."""
    bpm = float(np.round(m.rng.uniform(lo, hi), 1))
    bars = bar_counts[i % len(bar_counts)]
    swing = float(np.round(m.rng.uniform(0.56, 0.66), 2)) if i % 5 == 0 else 0.0
    return bpm, bars, swing


def write_loop(out, rows, prefix, y, bpm, bars, **extra):
    name = row(rows, prefix, set="tempo", bpm=bpm, bars=bars, kind="loop", **extra)
    m.write_wav(os.path.join(out, name), y)


def bars_set(out):
    rows = []
    kits = list(m.KITS)
    for i in range(30):
        bpm, bars, swing = draw_loop(i, 60, 190, [8, 3, 6])
        write_loop(out, rows, "bd", m.drum_loop(bpm, kits[i % len(kits)], bars, swing), bpm, bars)
    return rows


def tempo_set(out):
    rows = []
    kits = list(m.KITS)
    for lo, hi in ((45, 60), (60, 75), (175, 190), (190, 200)):
        for i in range(12):
            bpm, bars, swing = draw_loop(i, lo, hi, [1, 2, 4])
            write_loop(out, rows, "td", m.drum_loop(bpm, kits[i % len(kits)], bars, swing), bpm, bars)
    return rows


def kits_set(out):
    rows = []
    kits = list(m.KITS)
    for i in range(60):
        bpm, bars, swing = draw_loop(i, 60, 190, [1, 2, 4])
        sounds = make_tempo_valset.Kit(m.rng)
        kit = kits[i % len(kits)]
        y = drawn_kit_loop(m, sounds, bpm, kit, bars, swing)
        write_loop(out, rows, "kd", y, bpm, bars, pattern=kit)
    return rows


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args(argv)
    m.rng = np.random.default_rng(a.seed)
    m.partials = partials
    for name, make in (("pitch", pitch_set), ("key", key_set), ("bars", bars_set), ("tempo", tempo_set), ("kits", kits_set)):
        folder = os.path.join(a.out, name)
        os.makedirs(os.path.join(folder, "audio"), exist_ok=True)
        rows = make(folder)
        write_truth(folder, rows)
        print(f"wrote {len(rows)} files and truth.csv under {folder}")


if __name__ == "__main__":
    main(sys.argv[1:])
