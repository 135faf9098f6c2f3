#!/usr/bin/env python3
"""Write a tempo validation set of synthetic drum loops, unlike the dev set's: other kits and timbres,
random voice levels, half-time patterns (snare on 3, labelled at the DAW tempo), swing, 1/2/4 bars at
60–190 BPM, and some loops not trimmed exactly (a few ms of tail, a few ms missing, or a ring-out).

Usage:
    python3 bench/make_tempo_valset.py OUT [--seed N] [--count N]
    python3 bench/eval_devset.py OUT/truth.csv --no-librosa --no-essentia

Writes OUT/audio/t_NNNN.wav (mono 16-bit 44.1 kHz) and OUT/truth.csv in eval_devset.py's columns plus
`pattern`, `swing` and `trim` (exact, tail, short or ringout). Needs numpy.
"""
import argparse
import os

import numpy as np

from valset_io import write_truth, write_wav

SR = 44100


class Kit:
    """One loop's drum sounds: timbre parameters drawn once, so every hit of a voice sounds alike."""

    def __init__(self, rng):
        self.rng = rng
        self.kick_f0 = rng.uniform(90, 200)
        self.kick_f1 = rng.uniform(38, 62)
        self.kick_sweep = rng.uniform(0.015, 0.05)
        self.kick_decay = rng.uniform(0.08, 0.35)
        self.kick_drive = rng.uniform(1.0, 3.0)
        self.snare_tone = rng.uniform(150, 280)
        self.snare_decay = rng.uniform(0.03, 0.12)
        self.hat_decay = rng.uniform(0.006, 0.03)
        self.open_decay = rng.uniform(0.08, 0.25)
        self.clap_spread = rng.uniform(0.006, 0.015)
        self.bell = rng.uniform(500, 900)

    def t(self, seconds):
        return np.arange(int(seconds * SR)) / SR

    def kick(self):
        t = self.t(min(0.6, 5 * self.kick_decay))
        f = self.kick_f1 + (self.kick_f0 - self.kick_f1) * np.exp(-t / self.kick_sweep)
        return np.tanh(self.kick_drive * np.sin(2 * np.pi * np.cumsum(f) / SR)) * np.exp(-t / self.kick_decay)

    def noise(self, n, highpass=0.0):
        x = self.rng.standard_normal(n)
        return x - highpass * np.concatenate([[0], x[:-1]])

    def snare(self):
        t = self.t(5 * self.snare_decay)
        return (0.5 * self.noise(len(t), 0.7) * np.exp(-t / self.snare_decay)
                + 0.4 * np.sin(2 * np.pi * self.snare_tone * t) * np.exp(-t / 0.025))

    def clap(self):
        t = self.t(0.25)
        y = np.zeros(len(t))
        for k in range(3):
            i = int(k * self.clap_spread * SR)
            y[i:] += self.noise(len(t) - i, 0.9) * np.exp(-t[:len(t) - i] / (0.012 if k < 2 else 0.06))
        return 0.4 * y

    def hat(self):
        t = self.t(6 * self.hat_decay)
        return 0.15 * np.diff(self.noise(len(t) + 1, 0.95)) * np.exp(-t / self.hat_decay)

    def open_hat(self):
        t = self.t(4 * self.open_decay)
        return 0.12 * np.diff(self.noise(len(t) + 1, 0.95)) * np.exp(-t / self.open_decay)

    def rim(self):
        t = self.t(0.05)
        return 0.5 * np.sin(2 * np.pi * 1600 * t) * np.exp(-t / 0.007)

    def shaker(self):
        t = self.t(0.08)
        return 0.08 * np.diff(self.noise(len(t) + 1)) * np.minimum(t / 0.015, 1) * np.exp(-t / 0.025)

    def tom(self):
        t = self.t(0.3)
        return 0.6 * np.sin(2 * np.pi * np.cumsum(110 + 60 * np.exp(-t / 0.05)) / SR) * np.exp(-t / 0.09)

    def cowbell(self):
        t = self.t(0.2)
        return 0.3 * (np.sign(np.sin(2 * np.pi * self.bell * t)) + np.sign(np.sin(2 * np.pi * 1.48 * self.bell * t))) \
            * np.exp(-t / 0.05)


# pattern: voice -> sixteenth steps in one bar (16 steps); "half" marks half-time feels (snare on 3)
PATTERNS = {
    "fourfloor": {"kick": [0, 4, 8, 12], "clap": [4, 12], "open_hat": [2, 6, 10, 14], "hat": list(range(16))},
    "techno": {"kick": [0, 4, 8, 12], "hat": [2, 6, 10, 14], "rim": [3, 7, 11, 15], "shaker": list(range(16))},
    "boombap": {"kick": [0, 3, 10], "snare": [4, 12], "hat": list(range(0, 16, 2))},
    "lofi": {"kick": [0, 6, 9], "snare": [4, 12], "rim": [15], "hat": list(range(0, 16, 2)), "shaker": [1, 5, 9, 13]},
    "funk": {"kick": [0, 3, 10], "snare": [4, 12], "ghost": [7, 9, 14], "hat": list(range(16))},
    "twostep": {"kick": [0, 10], "snare": [4, 12], "hat": list(range(0, 16, 2)), "open_hat": [14]},
    "rock": {"kick": [0, 8, 10], "snare": [4, 12], "hat": list(range(0, 16, 2))},
    "dembow": {"kick": [0, 4, 8, 12], "snare": [3, 6, 11, 14], "hat": list(range(0, 16, 2))},
    "afro": {"kick": [0, 7, 8], "rim": [3, 6, 10, 12], "shaker": list(range(16)), "cowbell": [0, 4, 8, 12]},
    "trap_half": {"kick": [0, 11], "clap": [8], "hat": list(range(0, 16, 2)), "half": True},
    "trap16_half": {"kick": [0, 6, 11], "snare": [8], "hat": list(range(16)), "half": True},
    "dubstep_half": {"kick": [0, 14], "snare": [8], "hat": [2, 6, 10, 14], "open_hat": [4, 12], "half": True},
    "halfdnb_half": {"kick": [0, 3], "snare": [8], "ghost": [13], "hat": list(range(0, 16, 2)), "half": True},
}
VOICE = {"kick": "kick", "snare": "snare", "ghost": "snare", "clap": "clap", "hat": "hat", "open_hat": "open_hat",
         "rim": "rim", "shaker": "shaker", "tom": "tom", "cowbell": "cowbell"}
LEVEL = {"kick": (0.7, 1.0), "snare": (0.6, 1.0), "ghost": (0.15, 0.35), "clap": (0.6, 1.0), "hat": (0.2, 1.2),
         "open_hat": (0.2, 0.9), "rim": (0.3, 1.0), "shaker": (0.3, 1.2), "tom": (0.4, 0.8), "cowbell": (0.2, 0.6)}


def drum_loop(rng, bpm, pattern, bars, swing, trim):
    kit = Kit(rng)
    step = 60.0 / bpm / 4
    n = int(round(bars * 16 * step * SR))
    y = np.zeros(n + SR)
    voices = {v: s for v, s in PATTERNS[pattern].items() if v != "half"}
    levels = {v: rng.uniform(*LEVEL[v]) for v in voices}
    for b in range(bars):
        for v, steps in voices.items():
            for s in steps:
                pos = (b * 16 + s) * step
                if swing and s % 2 == 1:
                    pos += (swing - 0.5) * 2 * step
                pos += rng.normal(0, 0.002)  # a little human timing
                i = max(0, int(round(pos * SR)))
                x = levels[v] * rng.uniform(0.85, 1.0) * getattr(kit, VOICE[v])()
                y[i:i + len(x)] += x[:len(y) - i]
    if trim == "ringout":  # the last hits ring on past the loop end, nothing folded back
        y = y[:n + int(rng.uniform(0.1, 0.5) * SR)]
    else:
        tail = y[n:]
        y = y[:n]
        y[:len(tail)] += tail[:n]
        if trim == "tail":  # a few ms of silence too many
            y = np.concatenate([y, np.zeros(int(rng.uniform(0.003, 0.03) * SR))])
        elif trim == "short":  # a few ms cut off the end
            y = y[:n - int(rng.uniform(0.003, 0.03) * SR)]
    return 0.9 * y / np.max(np.abs(y))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=5150)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)
    os.makedirs(os.path.join(a.out, "audio"), exist_ok=True)
    rows = []
    names = list(PATTERNS)
    for i in range(a.count):
        pattern = names[i % len(names)]
        half = PATTERNS[pattern].get("half", False)
        # half-time feels are produced at the faster tempos (trap, dubstep, half-time drum & bass)
        bpm = float(np.round(rng.uniform(120, 190) if half else rng.uniform(60, 190), 1))
        bars = int([1, 2, 4][rng.integers(3)])
        swing = float(np.round(rng.uniform(0.55, 0.66), 2)) if rng.random() < 0.25 else 0.0
        trim = ["exact", "exact", "tail", "short", "ringout"][rng.integers(5)]
        y = drum_loop(rng, bpm, pattern, bars, swing, trim)
        name = f"t_{i + 1:04d}.wav"
        write_wav(os.path.join(a.out, "audio", name), y)
        rows.append(dict(id=i + 1, file=f"audio/{name}", set="tempo", bpm=bpm, bars=bars, tonic="", mode="", midi="",
                         cents="", kind="loop", pattern=pattern, swing=swing, trim=trim))
    write_truth(a.out, rows)
    print(f"wrote {len(rows)} loops to {a.out}")


if __name__ == "__main__":
    main()
