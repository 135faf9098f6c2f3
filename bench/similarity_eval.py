#!/usr/bin/env python3
"""Similarity quality: same-category precision@5 and @10 on the Debian corpus, SampleMind vs a
librosa MFCC-mean nearest-neighbour baseline, in one run.

usage: python3 bench/similarity_eval.py [--samplemind BIN] [--db PATH] [--no-librosa]

Corpus: the sonic-pi samples and lmms samples (install with ../shared/corpus/install.sh). The
category of a file comes from instrument words in its name (kick, snare, hat, cymbal, tom, clap),
else from the sonic-pi prefix (bd_ sn_ tabla_ perc_ loop_ bass_ ambi_ glitch_ vinyl_ guit_ …) or
the lmms folder (basses, bassloops, beats, drums, effects, instruments, latin, stringsnpads, …),
mapped onto shared family names. A neighbour whose name equals the query's apart from digits is a
near-copy and is skipped (it does not count either way).
"""
import argparse, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOTS = ["/usr/share/sonic-pi/samples", "/usr/share/lmms/samples"]
WORDS = [("kick", "kick"), ("bass_drum", "kick"), ("bd_", "kick"), ("snare", "snare"), ("sn_", "snare"),
         ("hihat", "hat"), ("hi_hat", "hat"), ("hat", "hat"), ("cymbal", "cymbal"), ("crash", "cymbal"),
         ("ride", "cymbal"), ("splash", "cymbal"), ("tom", "tom"), ("clap", "clap")]
PREFIX = {"tabla": "percussion", "perc": "percussion", "drum": "percussion", "loop": "loop", "bass": "bass",
          "ambi": "pad", "glitch": "fx", "vinyl": "fx", "mehackit": "fx", "guit": "instrument", "misc": "misc",
          "elec": "electronic"}
FOLDER = {"basses": "bass", "bassloops": "loop", "beats": "loop", "drums": "percussion", "effects": "fx",
          "instruments": "instrument", "latin": "percussion", "misc": "misc", "shapes": "synth-wave",
          "stringsnpads": "pad", "waveforms": "synth-wave"}


def category(path):
    name = os.path.basename(path).lower()
    stem = os.path.splitext(name)[0]
    for word, cat in WORDS:
        if word in stem and not (word == "hat" and "what" in stem) and not (word == "tom" and "custom" in stem):
            return cat
    if "/sonic-pi/" in path:
        return PREFIX.get(stem.split("_")[0])
    parts = path.split("/samples/")
    if len(parts) == 2:
        return FOLDER.get(parts[1].split("/")[0])
    return None


def near_copy(a, b):
    strip = lambda p: re.sub(r"[\d_\- ]+", "", os.path.splitext(os.path.basename(p).lower())[0])
    return strip(a) == strip(b)


def precision(neighbours, k):
    """neighbours: {path: [paths best first]} -> (mean precision@k, queries)."""
    scores = []
    for query, found in neighbours.items():
        cat = category(query)
        if cat is None:
            continue
        kept = [n for n in found if not near_copy(query, n) and category(n) is not None][:k]
        if len(kept) < k:
            continue
        scores.append(sum(category(n) == cat for n in kept) / k)
    return (sum(scores) / len(scores) if scores else float("nan")), len(scores)


def samplemind_neighbours(binary, db):
    subprocess.run([binary, "scan", "--db", db, "--json"] + ROOTS, check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run([binary, "similar", "--db", db, "--all", "-k", "40", "--json"], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    result = {}
    for line in out.splitlines():
        row = json.loads(line)
        result[row["path"]] = row["neighbours"]
    return result


def librosa_neighbours(paths):
    import numpy as np
    import librosa
    feats, kept = [], []
    for path in paths:
        try:
            y, sr = librosa.load(path, sr=None, mono=True)
            if len(y) < 2048:
                y = np.pad(y, (0, 2048 - len(y)))
            feats.append(librosa.feature.mfcc(y=y, sr=sr, n_mfcc=13).mean(axis=1))
            kept.append(path)
        except Exception:
            pass
    x = np.array(feats)
    x = (x - x.mean(axis=0)) / (x.std(axis=0) + 1e-9)
    d = ((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2)
    np.fill_diagonal(d, np.inf)
    order = np.argsort(d, axis=1)[:, :40]
    return {kept[i]: [kept[j] for j in order[i]] for i in range(len(kept))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samplemind", default=os.path.join(HERE, "..", ".build", "release", "samplemind"))
    ap.add_argument("--db", default=None)
    ap.add_argument("--no-librosa", action="store_true")
    a = ap.parse_args()
    if not all(os.path.isdir(r) for r in ROOTS):
        sys.exit("corpus missing: run ../shared/corpus/install.sh")
    db = a.db or os.path.join(tempfile.mkdtemp(), "corpus.sqlite")
    sm = samplemind_neighbours(os.path.abspath(a.samplemind), db)
    rows = [("samplemind", sm)]
    if not a.no_librosa:
        rows.append(("librosa MFCC-mean kNN", librosa_neighbours(sorted(sm.keys()))))
    cats = {}
    for p in sm:
        cats[category(p)] = cats.get(category(p), 0) + 1
    print(f"{len(sm)} analysed files; categories: " + ", ".join(f"{c} {n}" for c, n in sorted(cats.items(), key=lambda x: -x[1]) if c))
    print(f"\n{'':26}{'P@5':>8}{'P@10':>8}{'queries':>9}")
    for label, nb in rows:
        p5, n = precision(nb, 5)
        p10, _ = precision(nb, 10)
        print(f"{label:26}{p5:8.3f}{p10:8.3f}{n:9d}")


if __name__ == "__main__":
    main()
