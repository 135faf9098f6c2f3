#!/usr/bin/env python3
"""Loop/one-shot and family confusion tables of SampleMind on the Debian corpus.

usage: python3 bench/confusion.py [--samplemind BIN] [--list FILE] [--jsonl FILE]

Runs `BIN analyze --json --files-from LIST` (default list /tmp/corpus.txt, made by
../shared/corpus/install.sh), or reads a saved JSON-lines output with --jsonl, and compares with
labels taken from where the files come from:

  type    loop: sonic-pi `loop_*`, lmms `beats/` and `bassloops/`;
          one-shot: hydrogen drum kits (single hits by design), sonic-pi `bd_ sn_ drum_ elec_ perc_
          tabla_ bass_`, lmms `drums/ basses/ instruments/ latin/ effects/ stringsnpads/ shapes/
          waveforms/`; everything else (sonic-pi ambi_ guit_ glitch_ vinyl_ mehackit_ misc_, lmms
          misc/) is unlabelled — textures and phrases either way — and only counted.
  family  the category bench/similarity_eval.py derives from instrument words in the name, the
          sonic-pi prefix or the lmms folder, compared with SampleMind's family; a category
          "loop" is right for loop-drums or loop-music.

Prints both confusion tables (rows: label, columns: SampleMind) and the accuracies, then the family
table and accuracy of each pack (sonic-pi, lmms, hydrogen).
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from similarity_eval import category  # noqa: E402  (the shared label mapping)

LOOP_PREFIX = {"loop"}
ONESHOT_PREFIX = {"bd", "sn", "drum", "elec", "perc", "tabla", "bass"}
LOOP_FOLDERS = {"beats", "bassloops"}
ONESHOT_FOLDERS = {"drums", "basses", "instruments", "latin", "effects", "stringsnpads", "shapes", "waveforms"}
# label category -> the SampleMind families that count as right
FAMILY_OK = {"kick": {"kick"}, "snare": {"snare"}, "hat": {"hat"}, "cymbal": {"cymbal"}, "tom": {"tom"},
             "clap": {"snare", "percussion"}, "percussion": {"percussion", "tom", "snare", "kick", "hat", "cymbal"},
             "bass": {"bass"}, "pad": {"pad"}, "fx": {"fx"}, "loop": {"loop-drums", "loop-music"},
             "instrument": {"lead/synth", "pad", "bass"}, "synth-wave": {"lead/synth", "bass", "pad"}}


def kind_label(path):
    name = os.path.splitext(os.path.basename(path).lower())[0]
    if "/hydrogen/" in path:
        return "oneshot"
    if "/sonic-pi/" in path:
        prefix = name.split("_")[0]
        return "loop" if prefix in LOOP_PREFIX else "oneshot" if prefix in ONESHOT_PREFIX else None
    parts = path.split("/samples/")
    if len(parts) == 2:
        folder = parts[1].split("/")[0]
        return "loop" if folder in LOOP_FOLDERS else "oneshot" if folder in ONESHOT_FOLDERS else None
    return None


def analyse(binary, listfile):
    p = subprocess.run([binary, "analyze", "--json", "--files-from", listfile], capture_output=True, text=True)
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip().startswith("{")]


def table(pairs, title):
    rows = sorted({a for a, _ in pairs})
    cols = sorted({b for _, b in pairs})
    count = collections.Counter(pairs)
    w0 = max(len(title), *(len(r) for r in rows)) + 2
    ws = [max(len(c), 4) + 2 for c in cols]
    print(title.ljust(w0) + "".join(c.rjust(w) for c, w in zip(cols, ws)) + "   total")
    for r in rows:
        n = sum(count[(r, c)] for c in cols)
        print(r.ljust(w0) + "".join(str(count[(r, c)] or ".").rjust(w) for c, w in zip(cols, ws)) + f"{n:8d}")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samplemind", default=os.path.join(HERE, "..", ".build", "release", "samplemind"))
    ap.add_argument("--list", default="/tmp/corpus.txt")
    ap.add_argument("--jsonl", help="read this saved `analyze --json` output instead of running")
    a = ap.parse_args(argv)
    if a.jsonl:
        with open(a.jsonl) as f:
            results = [json.loads(line) for line in f if line.strip().startswith("{")]
    else:
        results = analyse(os.path.abspath(a.samplemind), a.list)
    results = [r for r in results if isinstance(r, dict) and r.get("path") and not r.get("error")]
    print(f"{len(results)} analysed files\n")

    kinds = [(kind_label(r["path"]), r.get("kind") or "none") for r in results]
    labelled = [(t, e) for t, e in kinds if t]
    right = sum(t == e for t, e in labelled)
    table(labelled, "type \\ SampleMind")
    print(f"\nloop/one-shot: {right}/{len(labelled)} = {100 * right / max(1, len(labelled)):.1f} %"
          f"  (unlabelled: {len(kinds) - len(labelled)}, SampleMind calls "
          f"{sum(e == 'loop' for t, e in kinds if not t)} of them loops)")
    for r in results:
        t = kind_label(r["path"])
        if t and t != r.get("kind"):
            print(f"  {t:8s} -> {r.get('kind'):8s} {r['path']}")

    labelled = [(pack(r["path"]), category(r["path"]), r.get("family") or "none") for r in results]
    labelled = [(p, c, f) for p, c, f in labelled if c in FAMILY_OK]
    print()
    table([(c, f) for _, c, f in labelled], "family \\ SampleMind")
    print(f"\nfamily (label's accepted families, see FAMILY_OK): {family_score(labelled)}")
    for name in PACKS:
        print()
        table([(c, f) for p, c, f in labelled if p == name], f"{name} family \\ SampleMind")
    print()
    for name in PACKS:
        print(f"family, {name}: {family_score([x for x in labelled if x[0] == name])}")
    print(f"family, sonic-pi + lmms: {family_score([x for x in labelled if x[0] != 'hydrogen'])}")
    return 0


PACKS = ["sonic-pi", "lmms", "hydrogen"]


def pack(path):
    return "hydrogen" if "/hydrogen/" in path else "sonic-pi" if "/sonic-pi/" in path else "lmms"


def family_score(labelled):
    right = sum(f in FAMILY_OK[c] for _, c, f in labelled)
    return f"{right}/{len(labelled)} = {100 * right / max(1, len(labelled)):.1f} %"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
