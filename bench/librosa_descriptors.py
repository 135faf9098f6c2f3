#!/usr/bin/env python3
"""SampleMind's descriptor set, computed with librosa: the reference contender.

    python3 bench/librosa_descriptors.py FILELIST      (one path per line)

Per file: load at native rate, mono; peak, RMS, zero-crossing rate; spectral
centroid / rolloff (0.85) / flatness / bandwidth (n_fft 2048, hop 512); MFCC-13
mean and std; onset envelope + onset_detect; beat_track tempo; chroma_stft +
Krumhansl-Schmuckler key; YIN pitch (30-2000 Hz). One STFT is shared by the
spectral features, as SampleMind does. A file that raises counts as failed.
Prints: files=N failed=M audio_seconds=X   (X over the files that succeeded)
"""
import os
import sys
import tempfile
import time
import warnings

import numpy as np

# librosa's numba cache in site-packages can be corrupted by processes that
# compiled concurrently (numba issue #10128: SIGSEGV in guvectorize), so keep
# our own, persistent one.
os.environ.setdefault("NUMBA_CACHE_DIR", os.path.join(tempfile.gettempdir(), "samplemind-bench-numba"))
t0 = time.perf_counter()
import librosa  # noqa: E402  (timed: import is part of librosa's cost)

N_FFT, HOP = 2048, 512
# Krumhansl-Kessler key profiles, C major / C minor.
MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])
PROFILES = np.array([np.roll(p, k) for p in (MAJOR, MINOR) for k in range(12)])  # 24 x 12


def estimate_key(chroma):
    """Index 0-11 = C..B major, 12-23 = C..B minor, and its correlation."""
    mean = chroma.mean(axis=1)
    if not mean.any():
        return -1, 0.0
    r = [np.corrcoef(mean, p)[0, 1] for p in PROFILES]
    best = int(np.argmax(r))
    return best, float(r[best])


def yin_frame_length(sr, fmin=30.0):
    """Smallest power of two long enough for YIN to see a period of 1/fmin."""
    n = N_FFT
    while sr / fmin >= n // 2 - 1:  # yin needs sr/fmin < frame_length - win_length - 1
        n *= 2
    return n


def describe(path):
    y, sr = librosa.load(path, sr=None, mono=True)
    S = np.abs(librosa.stft(y, n_fft=N_FFT, hop_length=HOP))
    power = S**2
    mel_db = librosa.power_to_db(librosa.feature.melspectrogram(S=power, sr=sr))
    mfcc = librosa.feature.mfcc(S=mel_db, n_mfcc=13)
    onset_env = librosa.onset.onset_strength(S=mel_db, sr=sr, hop_length=HOP)
    tempo, _ = librosa.beat.beat_track(onset_envelope=onset_env, sr=sr, hop_length=HOP)
    f0 = librosa.yin(y, fmin=30, fmax=2000, sr=sr, frame_length=yin_frame_length(sr), hop_length=HOP)
    d = {
        "peak": float(np.max(np.abs(y))) if y.size else 0.0,
        "rms": float(librosa.feature.rms(S=S, frame_length=N_FFT).mean()),
        "zcr": float(librosa.feature.zero_crossing_rate(y, frame_length=N_FFT, hop_length=HOP).mean()),
        "centroid": float(librosa.feature.spectral_centroid(S=S, sr=sr).mean()),
        "rolloff": float(librosa.feature.spectral_rolloff(S=S, sr=sr, roll_percent=0.85).mean()),
        "flatness": float(librosa.feature.spectral_flatness(S=S).mean()),
        "bandwidth": float(librosa.feature.spectral_bandwidth(S=S, sr=sr).mean()),
        "mfcc_mean": mfcc.mean(axis=1),
        "mfcc_std": mfcc.std(axis=1),
        "onsets": len(librosa.onset.onset_detect(onset_envelope=onset_env, sr=sr, hop_length=HOP)),
        "tempo": float(np.atleast_1d(tempo)[0]),
        "key": estimate_key(librosa.feature.chroma_stft(S=power, sr=sr)),
        "pitch": float(np.median(f0)),
    }
    return d, len(y) / sr


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: librosa_descriptors.py FILELIST")
    warnings.simplefilter("ignore")  # short files: "n_fft too large"; audioread fallback
    with open(sys.argv[1]) as f:
        paths = [line.rstrip("\r\n") for line in f if line.strip()]
    failed, seconds, first = 0, 0.0, None
    for path in paths:
        try:
            _, s = describe(path)
            seconds += s
        except Exception as e:  # noqa: BLE001  (any failure is a failed file)
            failed += 1
            print(f"librosa: {path}: {type(e).__name__}: {e}", file=sys.stderr)
        if first is None:
            first = time.perf_counter() - t0
    print(f"librosa: import + first file (incl. numba JIT) took {first or 0:.1f} s", file=sys.stderr)
    print(f"files={len(paths)} failed={failed} audio_seconds={seconds:.3f}")


if __name__ == "__main__":
    main()
