"""Instrument timbres shared by the validation-set generators (make_harmonic_valset.py,
make_key_valset.py): `partials(rng, f0, n, kind)` renders n samples of one note at f0 Hz."""
import numpy as np

SR = 44100


def partials(rng, f0, n, kind):
    """One note's waveform (no envelope but the timbre's own decay); `rng` only for the pluck's noise."""
    t = np.arange(n) / SR
    if kind == "sine":
        return np.sin(2 * np.pi * f0 * t)
    if kind in ("saw", "square"):
        y = np.zeros(n)
        for k in range(1, 30):
            if k * f0 > SR / 2 - 2000:
                break
            if kind == "square" and k % 2 == 0:
                continue
            y += np.sin(2 * np.pi * k * f0 * t) / k
        return y
    if kind == "epiano":  # a few decaying harmonics, the upper ones faster
        y = np.zeros(n)
        for k, a in ((1, 1.0), (2, 0.5), (3, 0.2), (4, 0.12)):
            y += a * np.sin(2 * np.pi * k * f0 * t) * np.exp(-t * (0.6 + 1.5 * k))
        return y
    if kind == "bell":
        return np.sin(2 * np.pi * f0 * t + 2.0 * np.exp(-t / 0.4) * np.sin(2 * np.pi * 3.5 * f0 * t))
    if kind == "organ":
        return sum(a * np.sin(2 * np.pi * k * f0 * t) for k, a in ((1, 1), (2, 0.6), (4, 0.3), (3, 0.2)))
    if kind == "strings":
        return sum(partials(rng, f0 * d, n, "saw") for d in (0.996, 1.0, 1.004)) / 3
    if kind == "pluck":  # Karplus-Strong: a delay of N samples plus the averager's half sample
        period = max(2, int(round(SR / f0 - 0.5)))
        y = np.zeros(n)
        y[:period] = rng.uniform(-1, 1, min(period, n))
        for start in range(period, n, period):
            end = min(start + period, n)
            prev = y[start - period - 1:end - period - 1] if start > period else np.concatenate(
                [[0.0], y[:end - period - 1]])
            y[start:end] = 0.498 * (y[start - period:end - period] + prev)
        return y
    raise ValueError(kind)
