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


def write_truth(out, rows):
    """Writes OUT/truth.csv with the columns of the first row."""
    with open(os.path.join(out, "truth.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
