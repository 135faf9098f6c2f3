#!/usr/bin/env python3
"""Write a pitch set of timbres no other set has: notes that glide into their pitch, inharmonic bars and
the synth shapes of sample packs.

Usage: python3 bench/make_timbre_valset.py OUT_DIR [--seed N]     (needs numpy)

OUT_DIR/audio/tv_NNNN.wav   opaque names
OUT_DIR/truth.csv           eval_devset.py's columns plus `timbre`

Timbres, 8 notes each, MIDI 36-95 (the 808s 26-55), ±40 cents, 0.4-2.5 s, 5 ms attack, exponential decay:
  808       sine whose frequency falls from 1.5-4 times the note to it (time constant 20-60 ms), driven
            into tanh: labelled with the note it settles on, as a producer tunes an 808 or a kick
  bar       free-bar partials 1, 2.76, 5.40, 8.93 (upper ones decaying faster): labelled with the
            fundamental, which inharmonic partials pull a period estimate away from
  fm2, fm3  FM with integer ratios (harmonic spectra), index 1-3 decaying
  epiano    FM ratio 1, index 1.5 decaying over 0.3 s
  vibrato   three-harmonic lead with 5.5 Hz, ±20 cent vibrato (labelled with its centre)
  supersaw  seven saws detuned -15 … +15 cents
  triangle, pulse25 (25 % pulse), flute (sine, octave and breath noise), lpsaw (saw under a closing
  one-pole low-pass), organ (drawbars 8', 4', 2⅔', 2')
"""
import argparse
import os

import numpy as np

from valset_io import write_truth, write_wav

SR = 44100
TIMBRES = ["808", "bar", "fm2", "fm3", "epiano", "vibrato", "supersaw", "triangle", "pulse25", "flute", "lpsaw",
           "organ"]
PER_TIMBRE = 8


def decay(n, tau):
    return np.exp(-np.arange(n) / SR / tau)


def harmonics(f0, t, amplitude):
    """Sum of k·f0 partials below 20 kHz with amplitude(k), f0 a constant or a per-sample array."""
    phase = 2 * np.pi * (np.cumsum(f0) / SR if np.ndim(f0) else f0 * t)
    top = np.max(f0) if np.ndim(f0) else f0
    return sum(amplitude(k) * np.sin(k * phase) for k in range(1, 60) if k * top < 20000 and amplitude(k))


def saw(f0, t):
    return harmonics(f0, t, lambda k: 1 / k)


def tone(rng, timbre, f0, n):
    t = np.arange(n) / SR
    if timbre == "808":
        start, sweep = rng.uniform(1.5, 4), rng.uniform(0.02, 0.06)
        f = f0 * (1 + (start - 1) * np.exp(-t / sweep))
        return np.tanh(rng.uniform(1, 3) * np.sin(2 * np.pi * np.cumsum(f) / SR))
    if timbre == "bar":
        partials = ((1, 1, 1.0), (2.76, 0.5, 0.4), (5.40, 0.3, 0.2), (8.93, 0.2, 0.1))   # ratio, level, decay
        return sum(a * np.sin(2 * np.pi * r * f0 * t) * decay(n, tau) for r, a, tau in partials if r * f0 < 20000)
    if timbre in ("fm2", "fm3"):
        ratio, index, tau = int(timbre[2]), rng.uniform(1, 3), rng.uniform(0.2, 0.8)
        return np.sin(2 * np.pi * f0 * t + index * decay(n, tau) * np.sin(2 * np.pi * ratio * f0 * t))
    if timbre == "epiano":
        return np.sin(2 * np.pi * f0 * t + 1.5 * decay(n, 0.3) * np.sin(2 * np.pi * f0 * t))
    if timbre == "vibrato":
        vibrato = f0 * 2 ** (0.2 / 12 * np.sin(2 * np.pi * 5.5 * t))
        return harmonics(vibrato, t, lambda k: (1, 0.5, 0.33)[k - 1] if k <= 3 else 0)
    if timbre == "supersaw":
        return sum(saw(f0 * 2 ** (c / 1200), t + rng.uniform(0, 0.01)) for c in (-15, -9, -4, 0, 4, 9, 15)) / 3
    if timbre == "triangle":
        return harmonics(f0, t, lambda k: (-1) ** ((k - 1) // 2) / k ** 2 if k % 2 else 0)
    if timbre == "pulse25":
        return harmonics(f0, t, lambda k: np.sin(np.pi * k * 0.25) / k)
    if timbre == "flute":
        return np.sin(2 * np.pi * f0 * t) + 0.3 * np.sin(4 * np.pi * f0 * t) + 0.1 * rng.standard_normal(n)
    if timbre == "lpsaw":
        y, out, state = saw(f0, t), np.zeros(n), 0.0
        gain = 1 - np.exp(-2 * np.pi * (np.minimum(8000, 6 * f0) * decay(n, 0.3) + f0) / SR)
        for i in range(n):
            state += gain[i] * (y[i] - state)
            out[i] = state
        return out
    if timbre == "organ":
        return harmonics(f0, t, lambda k: {1: 1, 2: 0.7, 3: 0.5, 4: 0.3}.get(k, 0))
    raise ValueError(timbre)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=31337)
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)
    os.makedirs(os.path.join(a.out, "audio"), exist_ok=True)
    rows = []
    for i in range(len(TIMBRES) * PER_TIMBRE):
        timbre = TIMBRES[i % len(TIMBRES)]
        low, high = (26, 56) if timbre == "808" else (36, 96)
        midi, cents, seconds = int(rng.integers(low, high)), int(rng.integers(-40, 41)), float(rng.uniform(0.4, 2.5))
        n = int(seconds * SR)
        envelope = np.minimum(np.arange(n) / (0.005 * SR), 1) * decay(n, seconds / 2.5)
        y = tone(rng, timbre, 440 * 2 ** ((midi + cents / 100 - 69) / 12), n) * envelope
        name = f"tv_{i + 1:04d}.wav"
        write_wav(os.path.join(a.out, "audio", name), 0.8 * y / np.max(np.abs(y)))
        rows.append(dict(id=i + 1, file=f"audio/{name}", set="pitch", bpm="", bars="", tonic="", mode="", midi=midi,
                         cents=cents, kind="oneshot", timbre=timbre))
    write_truth(a.out, rows)
    print(f"wrote {len(rows)} files and truth.csv under {a.out}")


if __name__ == "__main__":
    main()
