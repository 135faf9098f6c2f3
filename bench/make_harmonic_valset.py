#!/usr/bin/env python3
"""Write a tempo validation set of harmonic loops (no drums), in the manner of make_devset.py's key
clips but with the tempo recorded: block chords, arpeggios, pads and stabs over a bass, the chord
changing every bar or every two beats, 2 or 4 bars at 70–140 BPM, some trimmed exactly and some with
a ring-out (the last chord's release past the loop end, as make_devset's key clips have).

Usage:
    python3 bench/make_harmonic_valset.py OUT [--seed N] [--count N]
    python3 bench/eval_devset.py OUT/truth.csv --no-librosa --no-essentia

Writes OUT/audio/h_NNNN.wav (mono 16-bit 44.1 kHz) and OUT/truth.csv in eval_devset.py's columns
(set "tempo"; `tonic` and `mode` are the key the progression is built in, scored as key, and make
the family column expect loop-music) plus `style`, `change` (beats per chord), `timbre` and
`trim`. Needs numpy.
"""
import argparse
import os

import numpy as np

from valset_io import trim_loop, write_truth, write_wav
from valset_timbres import partials

SR = 44100
NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
PROGRESSIONS = {
    "major": [(0, [0, 4, 7, 11]), (9, [0, 3, 7, 10]), (2, [0, 3, 7, 10]), (7, [0, 4, 7, 10]),
              (5, [0, 4, 7]), (0, [0, 4, 7]), (7, [0, 4, 7]), (9, [0, 3, 7])],
    "minor": [(0, [0, 3, 7, 10]), (5, [0, 3, 7, 10]), (10, [0, 4, 7, 11]), (7, [0, 4, 7, 10]),
              (8, [0, 4, 7]), (3, [0, 4, 7]), (10, [0, 4, 7]), (0, [0, 3, 7])],
}


def note(rng, midi, kind, dur, attack, release, sustain_decay):
    """One note: `attack` s linear rise, an exponential sustain decay (time constant, None = flat),
    and a `release` s fade after `dur`."""
    n = int((dur + release) * SR)
    f0 = 440.0 * 2 ** ((midi - 69) / 12)
    detune = 1 + rng.uniform(-0.002, 0.002)
    y = partials(rng, f0 * detune, n, kind)
    env = np.ones(n)
    a = max(1, int(attack * SR))
    env[:a] = np.linspace(0, 1, a)
    if sustain_decay:
        env *= np.exp(-np.arange(n) / (sustain_decay * SR))
    h = int(dur * SR)
    if release > 0 and h < n:
        env[h:] *= np.linspace(1, 0, n - h)
    return y * env


def harmonic_loop(rng, bpm, bars, style, change, timbre, tonic, mode):
    beat = 60.0 / bpm
    total = bars * 4 * beat
    n = int(round(total * SR))
    y = np.zeros(n + 3 * SR)
    prog = PROGRESSIONS[mode]
    chords = int(round(bars * 4 / change))
    base = 45 + (tonic - 9) % 12
    attack = {"pad": rng.uniform(0.08, 0.4), "stab": 0.003}.get(style, rng.uniform(0.003, 0.02))
    decay = {"pad": None, "stab": rng.uniform(0.1, 0.3)}.get(style, rng.choice([None, rng.uniform(0.8, 3.0)]))
    release = rng.uniform(0.05, 0.3) if style != "stab" else 0.05
    with_bass = rng.random() < 0.75
    for c in range(chords):
        root, ivs = prog[c % len(prog)]
        start = c * change * beat
        length = change * beat
        if with_bass:
            b = note(rng, base + root - (12 if root < 7 else 24), "saw" if rng.random() < 0.5 else "sine",
                     length, 0.01, 0.05, decay)
            i = int(round(start * SR))
            y[i:i + len(b)] += 0.35 * b
        for k, iv in enumerate(ivs):
            if style == "arp":  # one note per beat (or per eighth at slow tempos), cycling the chord
                continue
            if style == "stab":  # a short chord on the change, then silence until the next
                x = note(rng, base + 12 + root + iv, timbre, 0.5 * beat, attack, release, decay)
                i = int(round(start * SR))
                y[i:i + len(x)] += 0.22 * x
                continue
            x = note(rng, base + 12 + root + iv, timbre, length, attack, release, decay)
            i = int(round(start * SR))
            y[i:i + len(x)] += 0.22 * x
        if style == "arp":
            step = beat if bpm >= 100 else beat / 2
            steps = int(round(length / step))
            for s in range(steps):
                iv = ivs[s % len(ivs)] + (12 if (s // len(ivs)) % 2 else 0)
                x = note(rng, base + 12 + root + iv, timbre, step, 0.004, release, decay or 1.0)
                i = int(round((start + s * step) * SR))
                y[i:i + len(x)] += 0.3 * x
    # A loop: what rings past the end either wraps onto the start (exact) or is kept (ringout).
    return trim_loop(rng, y, n)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=7301)
    p.add_argument("--count", type=int, default=48)
    args = p.parse_args()
    rng = np.random.default_rng(args.seed)
    os.makedirs(os.path.join(args.out, "audio"), exist_ok=True)
    rows = []
    styles = ["block", "arp", "pad", "stab"]
    timbres = {"block": ["saw", "epiano", "organ", "square"], "arp": ["epiano", "bell", "sine", "saw"],
               "pad": ["saw", "organ", "square"], "stab": ["saw", "epiano", "organ"]}
    for i in range(args.count):
        style = styles[i % 4]
        bpm = float(np.round(rng.uniform(70, 140), 1))
        bars = [2, 4][(i // 4) % 2]
        change = [4, 2][(i // 8) % 2]
        timbre = str(rng.choice(timbres[style]))
        tonic = int(rng.integers(12))
        mode = ["major", "minor"][int(rng.integers(2))]
        y, trim = harmonic_loop(rng, bpm, bars, style, change, timbre, tonic, mode)
        name = f"h_{i + 1:04d}.wav"
        write_wav(os.path.join(args.out, "audio", name), y)
        rows.append(dict(id=i + 1, file=f"audio/{name}", set="tempo", bpm=bpm, bars=bars, tonic=NAMES[tonic], mode=mode,
                         midi="", cents="", kind="loop", style=style, change=change, timbre=timbre, trim=trim))
    write_truth(args.out, rows)
    print(f"wrote {len(rows)} loops to {args.out}")


if __name__ == "__main__":
    main()
