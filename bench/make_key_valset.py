#!/usr/bin/env python3
"""Write a key validation set unlike the dev set's key clips: other progressions, timbres, textures,
tempos and lengths, some with drums underneath.

Usage:
    python3 bench/make_key_valset.py OUT [--seed N] [--count N]
    python3 bench/eval_devset.py OUT/truth.csv --no-librosa --no-essentia

Writes OUT/audio/k_NNNN.wav (mono 16-bit 44.1 kHz) and OUT/truth.csv in eval_devset.py's columns
(set "key", kind "loop") plus `progression`, `texture`, `timbre`, `drums` and `trim`. Every clip is
diatonic to its key and starts on its tonic chord or cadences to it, so the label is what a musician
would write on the pack.

  progressions  major: I-V-vi-IV, I-IV-V-I, I-vi-IV-V, ii-V-I-I, I-IV-I-V;
                minor: i-VI-III-VII, i-iv-V-i (harmonic minor: a major V with the leading tone),
                i-VII-VI-V, i-iv-VII-III, i-v-iv-i
  timbres       organ, e-piano, sine, saw, square, strings (three detuned saws, slow attack),
                Karplus-Strong pluck, FM bell
  textures      block chords, arpeggios, block then arpeggio (as the dev set), held pad, stabs,
                chords with a melody of chord tones on top
  tempo         70-150 BPM, a chord every 2 or 4 beats, 1 or 2 passes of the progression
  bass          root notes in a saw or sine in 3 of 4 clips
  drums         a kick/snare/hat pattern under 1 in 4 clips, peaking at half the music's peak
  trim          exact (the tail wraps onto the start) or a ring-out of 0.3-1.2 s
Needs numpy.
"""
import argparse
import os

import numpy as np

from valset_io import trim_loop, write_truth, write_wav
from valset_timbres import partials

SR = 44100
NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
MAJ, MIN, DOM, MAJ7, MIN7 = [0, 4, 7], [0, 3, 7], [0, 4, 7, 10], [0, 4, 7, 11], [0, 3, 7, 10]
# (root semitones above the tonic, chord intervals)
PROGRESSIONS = {
    "major": {
        "I-V-vi-IV": [(0, MAJ), (7, MAJ), (9, MIN), (5, MAJ)],
        "I-IV-V-I": [(0, MAJ), (5, MAJ), (7, DOM), (0, MAJ)],
        "I-vi-IV-V": [(0, MAJ7), (9, MIN7), (5, MAJ7), (7, DOM)],
        "ii-V-I-I": [(2, MIN7), (7, DOM), (0, MAJ7), (0, MAJ7)],
        "I-IV-I-V": [(0, MAJ), (5, MAJ), (0, MAJ), (7, MAJ)],
    },
    "minor": {
        "i-VI-III-VII": [(0, MIN), (8, MAJ), (3, MAJ), (10, MAJ)],
        "i-iv-V-i": [(0, MIN), (5, MIN), (7, DOM), (0, MIN)],
        "i-VII-VI-V": [(0, MIN), (10, MAJ), (8, MAJ), (7, MAJ)],
        "i-iv-VII-III": [(0, MIN7), (5, MIN7), (10, DOM), (3, MAJ7)],
        "i-v-iv-i": [(0, MIN), (7, MIN), (5, MIN), (0, MIN)],
    },
}
TIMBRES = ["organ", "epiano", "sine", "saw", "square", "strings", "pluck", "bell"]
TEXTURES = ["block", "arp", "block+arp", "pad", "stab", "melody"]


def note(rng, midi, kind, dur, attack, release):
    n = int((dur + release) * SR)
    y = partials(rng, 440.0 * 2 ** ((midi - 69) / 12), n, kind)
    env = np.ones(n)
    a = max(1, int(attack * SR))
    env[:a] = np.linspace(0, 1, a)
    if kind in ("pluck", "bell", "epiano"):
        env *= np.exp(-np.arange(n) / (max(dur, 0.3) / 2 * SR))
    h = int(dur * SR)
    if h < n:
        env[h:] *= np.linspace(1, 0, n - h)
    return y * env


def drums(rng, beat, n):
    """Kick on 1 and 3, snare on 2 and 4, closed hats on eighths."""
    y = np.zeros(n + SR)
    for q in range(int(n / SR / (beat / 2)) + 1):
        i = int(round(q * beat / 2 * SR))
        hat = np.diff(rng.standard_normal(int(0.04 * SR) + 1)) * np.exp(-np.arange(int(0.04 * SR)) / (0.01 * SR))
        y[i:i + len(hat)] += 0.05 * hat
        if q % 4 == 0:
            m = int(0.3 * SR)
            t = np.arange(m) / SR
            kick = np.sin(2 * np.pi * np.cumsum(50 + 80 * np.exp(-t / 0.03)) / SR) * np.exp(-t / 0.1)
            y[i:i + m] += 0.8 * kick
        elif q % 4 == 2:
            m = int(0.15 * SR)
            y[i:i + m] += 0.4 * rng.standard_normal(m) * np.exp(-np.arange(m) / (0.04 * SR))
    return y[:n]


def key_loop(rng, tonic, mode, prog, texture, timbre, bpm, change, passes, with_bass, with_drums):
    beat = 60.0 / bpm
    chords = PROGRESSIONS[mode][prog]
    total = len(chords) * passes * change * beat
    n = int(round(total * SR))
    y = np.zeros(n + 3 * SR)
    base = 53 + (tonic - 5) % 12  # the tonic from F3 (53) to E4 (64)
    attack = rng.uniform(0.15, 0.5) if texture == "pad" or timbre == "strings" else 0.005
    release = rng.uniform(0.05, 0.4)

    def put(x, at, gain):
        i = int(round(at * SR))
        y[i:i + len(x)] += gain * x[:len(y) - i]

    for rep in range(passes):
        for j, (root, ivs) in enumerate(chords):
            start = (rep * len(chords) + j) * change * beat
            length = change * beat
            if with_bass:
                bass_midi = base - 12 + root - (12 if root >= 7 else 0)
                put(note(rng, bass_midi, "saw" if rng.random() < 0.5 else "sine", length, 0.01, 0.05), start, 0.35)
            tex = texture if texture != "block+arp" else ("block" if rep == 0 else "arp")
            if tex in ("block", "pad", "melody"):
                for iv in ivs:
                    put(note(rng, base + root + iv, timbre, length, attack, release), start, 0.2)
            if tex == "stab":
                for iv in ivs:
                    put(note(rng, base + root + iv, timbre, 0.4 * beat, 0.003, 0.05), start, 0.25)
            if tex == "arp":
                step = beat / 2
                for s in range(int(round(length / step))):
                    iv = ivs[s % len(ivs)] + (12 if (s // len(ivs)) % 2 else 0)
                    put(note(rng, base + root + iv, timbre, step, 0.004, release), start + s * step, 0.3)
            if tex == "melody":
                for s in range(int(round(length / beat))):
                    iv = ivs[int(rng.integers(len(ivs)))] + 12
                    put(note(rng, base + root + iv, "sine" if timbre == "organ" else timbre, beat, 0.01, 0.05),
                        start + s * beat, 0.25)
    if with_drums:  # mixed to half the music's peak
        d = drums(rng, beat, n)
        y[:n] += 0.5 * np.max(np.abs(y[:n])) / np.max(np.abs(d)) * d
    return trim_loop(rng, y, n)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=4242)
    p.add_argument("--count", type=int, default=48)
    args = p.parse_args()
    rng = np.random.default_rng(args.seed)
    os.makedirs(os.path.join(args.out, "audio"), exist_ok=True)
    rows = []
    for i in range(args.count):
        mode = ["major", "minor"][i % 2]
        tonic = (i // 2) % 12
        prog = str(rng.choice(list(PROGRESSIONS[mode])))
        texture = TEXTURES[i % len(TEXTURES)]
        timbre = TIMBRES[(i // 2 + i // 12) % len(TIMBRES)]
        bpm = float(np.round(rng.uniform(70, 150), 1))
        change = int(rng.choice([2, 4]))
        passes = int(rng.choice([1, 2]))
        with_bass = bool(rng.random() < 0.75)
        with_drums = bool(i % 4 == 3)
        y, trim = key_loop(rng, tonic, mode, prog, texture, timbre, bpm, change, passes, with_bass, with_drums)
        name = f"k_{i + 1:04d}.wav"
        write_wav(os.path.join(args.out, "audio", name), y)
        rows.append(dict(id=i + 1, file=f"audio/{name}", set="key", bpm="", bars="", tonic=NAMES[tonic], mode=mode,
                         midi="", cents="", kind="loop", progression=prog, texture=texture, timbre=timbre,
                         drums=int(with_drums), trim=trim))
    write_truth(args.out, rows)
    print(f"wrote {len(rows)} key loops to {args.out}")


if __name__ == "__main__":
    main()
