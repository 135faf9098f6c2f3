#!/usr/bin/env python3
"""librosa baseline estimates for SampleMind's evaluation (tempo, key, pitch).

Usage:
    python3 bench/librosa_estimates.py [--tasks tempo,key,pitch] FILE...

prints one JSON object per line per file, in the same shape as
`samplemind analyze --json` for the fields the evaluation uses:

    {"path": ..., "tempo": {"bpm": ...} | null, "key": {"tonic": "A", "mode": "minor", "score": ...} | null,
     "pitch": {"hz": ..., "midi": ..., "cents": ..., "voiced_frames": ...} | null}

A task not requested is omitted from the object. Importable: `estimate(path, tasks)`,
`estimate_tempo(y, sr)`, `estimate_key(y, sr)`, `estimate_pitch(y, sr)`.

Methods (deliberately plain, "what librosa gives you out of the box"):
  tempo  librosa.feature.tempo on librosa.onset.onset_strength, audio at its native rate
         (this is the same estimator beat_track uses for its tempo)
  key    mean of chroma_cqt correlated (Pearson) with the 24 rotations of the
         Krumhansl-Kessler major/minor profiles
  pitch  librosa.pyin with fmin 30 Hz, fmax 2100 Hz, median f0 of the voiced frames;
         frame_length is the smallest power of two >= 2 periods of fmin at the file's rate
         (4096 at 44.1 kHz), so the lowest notes fit twice in a frame
"""
import math
import os
import sys

# librosa JIT-compiles its helpers with numba and by default caches the machine code next to its
# own sources in site-packages. That shared cache is corrupted on at least one dev machine (index
# and code files written by two processes at once -> chroma_cqt segfaults in
# pitch._parabolic_interpolation), so keep our own cache unless the caller chose one.
os.environ.setdefault("NUMBA_CACHE_DIR", os.path.join(os.path.expanduser("~"), ".cache", "samplemind-bench", "numba"))

import numpy as np  # noqa: E402

import librosa  # noqa: E402

import estimate_cli  # noqa: E402

TASKS = ("tempo", "key", "pitch")
NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]

# Krumhansl & Kessler (1982) probe-tone profiles, index 0 = tonic
KK_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
KK_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])

# bump when a method or parameter below changes, so cached results are recomputed
METHOD_VERSION = 1

PYIN_FMIN = 30.0
PYIN_FMAX = 2100.0


def load(path):
    """Mono float audio at the file's native sample rate."""
    y, sr = librosa.load(path, sr=None, mono=True)
    return y, sr


def estimate_tempo(y, sr):
    if y.size == 0 or not np.any(y):
        return None
    env = librosa.onset.onset_strength(y=y, sr=sr)
    bpm = float(np.atleast_1d(librosa.feature.tempo(onset_envelope=env, sr=sr))[0])
    if not math.isfinite(bpm) or bpm <= 0:
        return None
    return {"bpm": bpm}


def estimate_key(y, sr):
    if y.size == 0 or not np.any(y):
        return None
    chroma = librosa.feature.chroma_cqt(y=y, sr=sr)
    profile = chroma.mean(axis=1)
    if not np.all(np.isfinite(profile)) or np.std(profile) == 0:
        return None
    best = None
    for mode, ref in (("major", KK_MAJOR), ("minor", KK_MINOR)):
        for tonic in range(12):
            # rotate the reference so that its tonic sits on pitch class `tonic`
            r = float(np.corrcoef(profile, np.roll(ref, tonic))[0, 1])
            if best is None or r > best[0]:
                best = (r, tonic, mode)
    r, tonic, mode = best
    return {"tonic": NAMES[tonic], "mode": mode, "score": r}


def pyin_frame_length(sr):
    need = 2.0 * sr / PYIN_FMIN
    n = 2048
    while n < need:
        n *= 2
    return n


def estimate_pitch(y, sr):
    if y.size == 0 or not np.any(y):
        return None
    fmax = min(PYIN_FMAX, sr / 2.0 * 0.95)
    f0, voiced, _prob = librosa.pyin(y, fmin=PYIN_FMIN, fmax=fmax, sr=sr, frame_length=pyin_frame_length(sr))
    v = f0[voiced & np.isfinite(f0)]
    if v.size == 0:
        return None
    hz = float(np.median(v))
    m = 69.0 + 12.0 * math.log2(hz / 440.0)
    midi = int(round(m))
    return {"hz": hz, "midi": midi, "cents": round((m - midi) * 100.0, 2), "voiced_frames": int(v.size)}


ESTIMATORS = {"tempo": estimate_tempo, "key": estimate_key, "pitch": estimate_pitch}


def estimate(path, tasks=TASKS):
    """Run the requested estimators on one file (see estimate_cli.estimate)."""
    return estimate_cli.estimate(path, load, ESTIMATORS, tasks)


def main(argv):
    return estimate_cli.main(argv, __doc__.split("\n")[0], load, ESTIMATORS)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
