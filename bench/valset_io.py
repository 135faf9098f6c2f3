"""Output shared by the validation-set generators (make_*_valset.py): 16-bit mono WAVs and a
truth.csv in eval_devset.py's columns."""
import csv
import os
import wave

import numpy as np


def write_wav(path, y, sr=44100):
    """Writes `y` (floats, clipped to ±1) as mono 16-bit PCM."""
    pcm = (np.clip(y, -1.0, 1.0) * 32767.0).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(pcm.tobytes())


def trim_loop(rng, y, n, sr=44100):
    """Makes a loop of `n` samples from `y` (the loop plus what rings past it), as packs ship them:
    the ring either wraps onto the start ("exact", 60 %) or 0.3–1.2 s of it is kept, faded out
    ("ringout"). Returns the loop normalised to a 0.9 peak and the trim's name."""
    trim = str(rng.choice(["exact", "ringout"], p=[0.6, 0.4]))
    ring = y[n:]
    y = y[:n].copy()
    if trim == "exact":
        y[:len(ring)] += ring[:n]
    else:
        tail = ring[:int(rng.uniform(0.3, 1.2) * sr)]
        y = np.concatenate([y, tail * np.linspace(1, 0, len(tail))])
    return 0.9 * y / np.max(np.abs(y)), trim


def write_truth(out, rows):
    """Writes OUT/truth.csv with the columns of the first row."""
    with open(os.path.join(out, "truth.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
