#!/usr/bin/env python3
"""Accuracy on data SampleMind was not tuned on: draw every generator in bench/ with one seed and score
each set and their total against issue 8's targets.

usage: python3 bench/eval_unseen.py OUT [--seed N] [--samplemind BIN] [--failures]

Writes (once: OUT/seed records the seed, and an existing OUT/<set>/truth.csv of that seed is reused)
the sets of
  make_devset_variants.py   OUT/variants/{pitch,key,bars,tempo,kits}  the dev set's recipes, one ingredient changed
  make_tempo_valset.py      OUT/tempo                                 drum loops of 13 other patterns and trims
  make_key_valset.py        OUT/key                                   key loops of 10 progressions and 8 timbres
  make_harmonic_valset.py   OUT/harmonic                              chord loops with tempo and key
  make_pitch_valset.py      OUT/pitch                                 one-shots incl. FM bells and weak fundamentals
  make_timbre_valset.py     OUT/timbres                               808s, struck bars and 10 synth shapes
  make_chord_oneshot_valset.py OUT/chords                             held and decaying chord one-shots
then scores them as bench/eval_devset.py does (SampleMind only; run eval_devset.py on one truth.csv for
the librosa and essentia rows). Prints one row per set, the total, and PASS/FAIL per target on the
total: tempo ±2 % ≥ 95 % and octave-tolerant 100 % of loops, key exact ≥ 95 %, pitch ±25 cents ≥ 95 %
of tonal one-shots, loop/one-shot ≥ 97 %. Pick a seed no one has tuned on: the ones used while
developing are listed in bench/README.md.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import eval_devset as ev  # noqa: E402

# (set name, generator script, the truth files it writes under its folder)
GENERATORS = [
    ("variants", "make_devset_variants.py", ["pitch", "key", "bars", "tempo", "kits"]),
    ("tempo", "make_tempo_valset.py", [""]),
    ("key", "make_key_valset.py", [""]),
    ("harmonic", "make_harmonic_valset.py", [""]),
    ("pitch", "make_pitch_valset.py", [""]),
    ("timbres", "make_timbre_valset.py", [""]),
    ("chords", "make_chord_oneshot_valset.py", [""]),
]
# (count key in eval_devset.score's counts, its denominator's key, target share, name)
TARGETS = [("tempo", "n_tempo", 0.95, "tempo ±2 %"), ("tempo_oct", "n_tempo", 1.0, "tempo octave-tolerant"),
           ("key", "n_key", 0.95, "key exact"), ("p25", "n_pitch", 0.95, "pitch ±25 cents"),
           ("kind", "n_all", 0.97, "loop/one-shot")]


def generate(out, seed):
    """Runs each generator whose truth files are missing; returns [(label, truth path)]. Raises
    ValueError when OUT holds sets drawn with another seed."""
    os.makedirs(out, exist_ok=True)
    marker = os.path.join(out, "seed")
    if os.path.exists(marker):
        with open(marker) as f:
            drawn = f.read().strip()
        if drawn != str(seed):
            raise ValueError(f"{out} holds sets drawn with seed {drawn}, not {seed}: use another folder")
    else:
        with open(marker, "w") as f:
            f.write(f"{seed}\n")
    sets = []
    for name, script, parts in GENERATORS:
        folder = os.path.join(out, name)
        truths = [os.path.join(folder, part, "truth.csv") for part in parts]
        if not all(os.path.exists(t) for t in truths):
            print(f"generating {folder} (seed {seed}) ...", file=sys.stderr)
            subprocess.run([sys.executable, os.path.join(HERE, script), folder, "--seed", str(seed)],
                           check=True, stdout=subprocess.DEVNULL)
        sets += [(f"{name}/{part}".rstrip("/"), t) for part, t in zip(parts, truths)]
    return sets


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="folder for the generated sets")
    ap.add_argument("--seed", type=int, default=19, help="seed for every generator (default %(default)s)")
    ap.add_argument("--samplemind", default=ev.DEFAULT_BIN, metavar="BIN")
    ap.add_argument("--failures", action="store_true", help="also list each set's per-file failures")
    a = ap.parse_args(argv)
    binary = os.path.abspath(a.samplemind)
    if not os.access(binary, os.X_OK):
        print(f"error: no samplemind binary at {binary} (build it: swift build -c release)", file=sys.stderr)
        return 2
    try:
        sets = generate(os.path.abspath(a.out), a.seed)
    except (ValueError, OSError, subprocess.CalledProcessError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    table, total, problems = [], None, []
    for label, truth in sets:
        _, rows = ev.read_truth(truth)
        results, problem = ev.run_samplemind(binary, rows)
        if problem:
            problems.append(f"{label}: {problem}")
        counts, fails = ev.score(rows, results)
        table.append((label, ev.cells(counts)))
        total = counts if total is None else {k: total[k] + counts[k] for k in total}
        if a.failures and fails:
            ev.print_failures(f"{label} failures", fails)
            print()
    table.append(("total", ev.cells(total)))
    print(f"SampleMind ({binary}) on sets drawn with seed {a.seed}\n")
    ev.print_table(table)
    print()
    for count, of, target, name in TARGETS:
        if total[of]:
            share = total[count] / total[of]
            verdict = "PASS" if share >= target else "FAIL"
            print(f"{verdict}  {name}: {total[count]}/{total[of]} = {100 * share:.1f} % (target {100 * target:.0f} %)")
    for p in problems:
        print(f"ERROR {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
