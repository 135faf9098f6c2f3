#!/usr/bin/env python3
"""essentia baseline estimates for SampleMind's evaluation (tempo, key, pitch).

Usage:
    python3 bench/essentia_estimates.py [--tasks tempo,key,pitch] FILE...

prints one JSON object per line per file, in the same shape as bench/librosa_estimates.py
(and the fields of `samplemind analyze --json` the evaluation reads):

    {"path": ..., "tempo": {"bpm": ..., "confidence": ...} | null,
     "key": {"tonic": "A", "mode": "minor", "score": ...} | null,
     "pitch": {"hz": ..., "midi": ..., "cents": ..., "voiced_frames": ...} | null}

Methods ("what essentia gives you out of the box", `pip install essentia`):
  tempo  RhythmExtractor2013(method="multifeature") on the audio resampled to 44.1 kHz
  key    KeyExtractor() with its defaults (profileType "bgate", 44.1 kHz)
  pitch  PitchYinFFT (frame 4096, hop 512, Hann, spectrum magnitude), median f0 of the frames whose
         pitch confidence is >= 0.5 and whose f0 is within 30-2100 Hz
"""
import math
import sys

import estimate_cli

import numpy as np

import essentia  # noqa: F401
import essentia.standard as es

essentia.log.infoActive = False
essentia.log.warningActive = False

TASKS = ("tempo", "key", "pitch")
METHOD_VERSION = 1
SR = 44100
FMIN, FMAX = 30.0, 2100.0


def load(path):
    """Mono float32 audio resampled to 44.1 kHz (the rate essentia's defaults assume)."""
    return es.MonoLoader(filename=path, sampleRate=SR)()


def estimate_tempo(y):
    if y.size < SR // 4 or not np.any(y):
        return None
    bpm, _beats, confidence, _estimates, _intervals = es.RhythmExtractor2013(method="multifeature")(y)
    if not math.isfinite(bpm) or bpm <= 0:
        return None
    return {"bpm": float(bpm), "confidence": float(confidence)}


def estimate_key(y):
    if y.size == 0 or not np.any(y):
        return None
    key, scale, strength = es.KeyExtractor(sampleRate=SR)(y)
    if not key:
        return None
    return {"tonic": key, "mode": scale, "score": float(strength)}


def estimate_pitch(y):
    if y.size == 0 or not np.any(y):
        return None
    frame, hop = 4096, 512
    window = es.Windowing(type="hann")
    spectrum = es.Spectrum()
    yin = es.PitchYinFFT(frameSize=frame, sampleRate=SR, minFrequency=FMIN, maxFrequency=FMAX)
    f0s = []
    for buf in es.FrameGenerator(y, frameSize=frame, hopSize=hop, startFromZero=True):
        hz, conf = yin(spectrum(window(buf)))
        if conf >= 0.5 and FMIN <= hz <= FMAX:
            f0s.append(hz)
    if not f0s:
        return None
    hz = float(np.median(f0s))
    m = 69.0 + 12.0 * math.log2(hz / 440.0)
    midi = int(round(m))
    return {"hz": hz, "midi": midi, "cents": round((m - midi) * 100.0, 2), "voiced_frames": len(f0s)}


ESTIMATORS = {"tempo": estimate_tempo, "key": estimate_key, "pitch": estimate_pitch}


def estimate(path, tasks=TASKS):
    """Run the requested estimators on one file (see estimate_cli.estimate)."""
    return estimate_cli.estimate(path, load, ESTIMATORS, tasks)


def main(argv):
    return estimate_cli.main(argv, __doc__.split("\n")[0], load, ESTIMATORS)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
