#!/usr/bin/env python3
"""Score SampleMind (and librosa and essentia, as baselines) on a dev set with known answers.

Usage:
    python3 bench/eval_devset.py TRUTH.csv [--samplemind BIN] [--no-librosa] [--no-essentia]
                                 [--no-samplemind] [--librosa-failures] [--essentia-failures]
                                 [--refresh-librosa] [--refresh-essentia]

TRUTH.csv columns: id,file,set,bpm,bars,tonic,mode,midi,cents,kind   (file relative to the csv's
folder; set is tempo/key/pitch; kind is loop/oneshot), as written by make_devset.py.

Runs `BIN analyze --json FILE...` (default: .build/release/samplemind in the repo root),
bench/librosa_estimates.py and bench/essentia_estimates.py (RhythmExtractor2013, KeyExtractor,
PitchYinFFT; `pip install essentia`) over the same files and prints one row per tool:

  tempo±2%     estimate within 2 % of the true BPM                                (tempo set)
  tempo-oct    within 2 % of the true BPM x 1, 2, 1/2, 3 or 1/3                   (tempo set)
  key-exact    tonic and mode right, enharmonics equal (C# == Db)      (rows with a tonic and mode)
  key-mirex    MIREX weighted: 1 exact, .5 fifth up/down same mode, .3 relative,
               .2 parallel, else 0 (shown as summed score / files)     (rows with a tonic and mode)
  pitch±25c    estimated Hz within 25 cents of midi + cents/100                    (pitch set)
  pitch±50c    ... within 50 cents                                                  (pitch set)
  octave-err   off by 12 or 24 semitones (+-0.5); lower is better                  (pitch set)
  loop/oneshot kind right                                                          (all files)
  family       instrument family implied by the set: tempo -> loop-drums (loop-music when the row
               names a key: a chord loop), key -> loop-music,
               pitch -> bass below MIDI 48 (C3), else lead/synth                  (all files)

then SampleMind's per-file failures (file, set, check, truth, estimate).
A missing (null) estimate or a per-file error counts as wrong. Baseline results are cached in
TRUTH_DIR/.librosa_cache.json and TRUTH_DIR/.essentia_cache.json (keyed by file, library version
and method version).

Exit status: 0 when every requested tool ran (however wrong its answers) — essentia not being
installed is reported in the output but is not an error —, 1 when a tool could not run or crashed
part-way, 2 on bad usage / unreadable truth.
"""
import argparse
import csv
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_BIN = os.path.join(REPO, ".build", "release", "samplemind")
BASELINES = {
    # name: (estimates script, module to import, cache file)
    "librosa": (os.path.join(HERE, "librosa_estimates.py"), "librosa", ".librosa_cache.json"),
    "essentia": (os.path.join(HERE, "essentia_estimates.py"), "essentia", ".essentia_cache.json"),
}

TEMPO_TOL = 0.02
OCTAVE_FACTORS = (1.0, 2.0, 0.5, 3.0, 1.0 / 3.0)
NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
LETTER = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}

COLUMNS = ["tempo±2%", "tempo-oct", "key-exact", "key-mirex", "pitch±25c", "pitch±50c", "octave-err",
           "loop/oneshot", "family"]


def expected_family(row):
    if row["set"] == "tempo":
        return "loop-music" if has_key_label(row) else "loop-drums"
    if row["set"] == "key":
        return "loop-music"
    if row["set"] == "pitch" and row["midi"] is not None:
        return "bass" if row["midi"] < 48 else "lead/synth"
    return None


# ---------------------------------------------------------------- truth

def fnum(s):
    s = (s or "").strip()
    return float(s) if s else None


def read_truth(path):
    base = os.path.dirname(os.path.abspath(path))
    rows = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            rel = r["file"].strip()
            rows.append({
                "id": r.get("id", ""),
                "file": rel,
                "abs": os.path.normpath(os.path.join(base, rel)),
                "set": (r.get("set") or "").strip(),
                "bpm": fnum(r.get("bpm")),
                "bars": (r.get("bars") or "").strip(),
                "tonic": (r.get("tonic") or "").strip(),
                "mode": (r.get("mode") or "").strip().lower(),
                "midi": fnum(r.get("midi")),
                "cents": fnum(r.get("cents")) or 0.0,
                "kind": (r.get("kind") or "").strip().lower(),
            })
    return base, rows


# ---------------------------------------------------------------- scoring helpers

def pitch_class(name):
    """'C#', 'Db', 'C♯', 'Bb', 'E#', 'Cb' -> 0..11; None if unparseable."""
    if not isinstance(name, str) or not name.strip():
        return None
    n = name.strip()
    pc = LETTER.get(n[0].upper())
    if pc is None:
        return None
    for ch in n[1:]:
        if ch in "#♯":
            pc += 1
        elif ch in "b♭":
            pc -= 1
        else:
            return None
    return pc % 12


def norm_mode(m):
    m = (m or "").strip().lower() if isinstance(m, str) else ""
    if m in ("major", "maj", "ionian"):
        return "major"
    if m in ("minor", "min", "m", "aeolian"):
        return "minor"
    return None


def mirex(t_pc, t_mode, e_pc, e_mode):
    """(score, label) for an estimated key against the true key."""
    if e_pc is None or e_mode is None:
        return 0.0, "unreadable"
    d = (e_pc - t_pc) % 12
    if e_mode == t_mode:
        if d == 0:
            return 1.0, "exact"
        if d in (5, 7):
            return 0.5, "fifth"
        return 0.0, "wrong"
    if d == 0:
        return 0.2, "parallel"
    if (t_mode == "major" and d == 9) or (t_mode == "minor" and d == 3):
        return 0.3, "relative"
    return 0.0, "wrong"


def midi_of_hz(hz):
    return 69.0 + 12.0 * math.log2(hz / 440.0)


def fmt_midi(m):
    """61.28 -> 'C#4 +28c' (MIDI 60 = C4)."""
    n = int(round(m))
    c = (m - n) * 100.0
    return f"{NAMES[n % 12]}{n // 12 - 1} {c:+.0f}c"


def get_num(d, key):
    if not isinstance(d, dict):
        return None
    v = d.get(key)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        return None
    return float(v)


# ---------------------------------------------------------------- scoring

def score(rows, results, has_kind=True):
    """results: abs path -> estimate dict ({"tempo":..., "key":..., "pitch":..., "kind":...} or
    {"error":...}) or missing. Returns (counts, failures)."""
    c = {k: 0 for k in ("n_tempo", "n_key", "n_pitch", "n_all", "tempo", "tempo_oct", "key", "mirex",
                        "p25", "p50", "oct", "kind", "n_family", "family")}
    fails = []

    def fail(row, check, truth, est):
        fails.append((row["file"], row["set"], check, truth, est))

    for row in rows:
        res = results.get(row["abs"])
        err = None
        if res is None:
            err = "no output for this file"
            res = {}
        elif res.get("error"):
            err = f"error: {res['error']}"
        s = row["set"]

        if s == "tempo" and row["bpm"]:
            c["n_tempo"] += 1
            t = row["bpm"]
            truth = f"{t:g} bpm" + (f" ({row['bars']} bar{'s' if row['bars'] != '1' else ''})" if row["bars"] else "")
            bpm = get_num(res.get("tempo"), "bpm")
            if bpm is None or bpm <= 0:
                fail(row, "tempo", truth, err or "null")
            else:
                exact = abs(bpm - t) <= TEMPO_TOL * t
                octv = any(abs(bpm - t * f) <= TEMPO_TOL * t * f for f in OCTAVE_FACTORS)
                c["tempo"] += exact
                c["tempo_oct"] += octv
                if not exact:
                    ratio = bpm / t
                    conf = get_num(res.get("tempo"), "confidence")
                    est = f"{bpm:.2f} bpm (x{ratio:.3f}{', octave-ok' if octv else ''}"
                    est += f", conf {conf:.2f})" if conf is not None else ")"
                    fail(row, "tempo", truth, est)

        if has_key_label(row):
            c["n_key"] += 1
            t_pc, t_mode = pitch_class(row["tonic"]), norm_mode(row["mode"])
            truth = f"{row['tonic']} {row['mode']}"
            k = res.get("key")
            if not isinstance(k, dict):
                fail(row, "key", truth, err or "null")
            else:
                e_pc, e_mode = pitch_class(k.get("tonic")), norm_mode(k.get("mode"))
                sc, label = mirex(t_pc, t_mode, e_pc, e_mode)
                c["mirex"] += sc
                c["key"] += sc == 1.0
                if sc < 1.0:
                    fail(row, "key", truth, f"{k.get('tonic')} {k.get('mode')} ({label}, {sc:g})")

        if s == "pitch" and row["midi"] is not None:
            c["n_pitch"] += 1
            t = row["midi"] + row["cents"] / 100.0
            truth = f"{fmt_midi(t)} ({440.0 * 2 ** ((t - 69) / 12):.2f} Hz)"
            p = res.get("pitch")
            hz = get_num(p, "hz")
            if hz is not None and hz > 0:
                m, src = midi_of_hz(hz), f"{hz:.2f} Hz"
            elif get_num(p, "midi") is not None:  # no usable Hz: fall back to midi + cents
                m = get_num(p, "midi") + (get_num(p, "cents") or 0.0) / 100.0
                src = "no hz"
            else:
                m = None
            if m is None:
                fail(row, "pitch", truth, err or "null")
            else:
                e = (m - t) * 100.0
                ok25, ok50 = abs(e) <= 25.0, abs(e) <= 50.0
                octave = any(abs(abs(e) / 100.0 - o) <= 0.5 for o in (12.0, 24.0))
                c["p25"] += ok25
                c["p50"] += ok50
                c["oct"] += octave
                if not ok25:
                    fail(row, "pitch", truth,
                         f"{fmt_midi(m)} ({src}), error {e:+.0f}c" + (" = octave error" if octave else ""))

        elif err:
            fail(row, s or "?", "-", err)

        if has_kind and row["kind"]:
            c["n_all"] += 1
            kind = res.get("kind")
            if kind == row["kind"]:
                c["kind"] += 1
            else:
                fail(row, "kind", row["kind"], err or str(kind))
        fam = expected_family(row)
        if has_kind and fam:
            c["n_family"] += 1
            if res.get("family") == fam:
                c["family"] += 1
            else:
                fail(row, "family", fam, err or str(res.get("family")))
    return c, fails


def cells(c, has_kind=True):
    def frac(k, n, fmt="{:d}"):
        if not c[n]:
            return "-"
        v = c[k]
        return f"{fmt.format(v)}/{c[n]} {100.0 * v / c[n]:3.0f}%"

    return [frac("tempo", "n_tempo"), frac("tempo_oct", "n_tempo"), frac("key", "n_key"),
            frac("mirex", "n_key", "{:.1f}"), frac("p25", "n_pitch"), frac("p50", "n_pitch"),
            frac("oct", "n_pitch"), frac("kind", "n_all") if has_kind else "n/a",
            frac("family", "n_family") if has_kind else "n/a"]


def print_table(table):
    label_w = max(len(r[0]) for r in table) + 2
    widths = [max(len(COLUMNS[i]), *(len(r[1][i]) for r in table)) + 2 for i in range(len(COLUMNS))]
    print(" " * label_w + "".join(h.rjust(w) for h, w in zip(COLUMNS, widths)))
    for label, cs in table:
        print((label.ljust(label_w) + "".join(x.rjust(w) for x, w in zip(cs, widths))).rstrip())


def print_failures(title, fails):
    print()
    if not fails:
        print(f"{title}: none")
        return
    print(f"{title} ({len(fails)}):")
    hdr = ("file", "set", "check", "truth", "estimate")
    w = [max(len(hdr[i]), *(len(str(f[i])) for f in fails)) for i in range(4)]
    print("  " + "  ".join(h.ljust(x) for h, x in zip(hdr[:4], w)) + "  " + hdr[4])
    for f in fails:
        print("  " + "  ".join(str(v).ljust(x) for v, x in zip(f[:4], w)) + "  " + f[4])


# ---------------------------------------------------------------- SampleMind

def describe_status(rc):
    if rc is not None and rc < 0:
        try:
            return f"was killed by {signal.Signals(-rc).name}"
        except ValueError:
            return f"was killed by signal {-rc}"
    return f"exited with status {rc}"


def run_samplemind(binary, rows, batch=200):
    """-> (results by abs path, problem string or None)"""
    if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        return {}, f"binary not found or not executable: {binary}"
    want = {}
    for r in rows:
        want.setdefault(os.path.realpath(r["abs"]), r["abs"])
    by_base = {}
    for r in rows:
        by_base.setdefault(os.path.basename(r["abs"]), []).append(r["abs"])
    results, problems = {}, []
    files = list(dict.fromkeys(r["abs"] for r in rows))
    for i in range(0, len(files), batch):
        chunk = files[i:i + batch]
        try:
            p = subprocess.run([binary, "analyze", "--json", *chunk], capture_output=True, text=True)
        except OSError as e:
            return results, f"could not start {binary}: {e}"
        n_lines, bad = 0, 0
        for line in p.stdout.splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                bad += 1
                continue
            if not isinstance(obj, dict):
                bad += 1
                continue
            n_lines += 1
            path = obj.get("path")
            key = None
            if isinstance(path, str):
                if path in want.values():
                    key = path
                else:
                    key = want.get(os.path.realpath(path))
                    if key is None and len(by_base.get(os.path.basename(path), [])) == 1:
                        key = by_base[os.path.basename(path)][0]
            if key is None:
                bad += 1
                continue
            results[key] = obj
        missing = [f for f in chunk if f not in results]
        if bad:
            print(f"warning: {bad} line(s) of samplemind output were not JSON objects with a known path",
                  file=sys.stderr)
        if p.returncode != 0:
            tail = "\n".join(p.stderr.strip().splitlines()[-5:])
            msg = f"samplemind {describe_status(p.returncode)}"
            if missing or n_lines == 0:
                problems.append(f"{msg}; no output for {len(missing)} of {len(chunk)} files" +
                                (f"\n{tail}" if tail else ""))
            else:
                print(f"warning: {msg} (every file has an output line, scoring anyway)", file=sys.stderr)
        elif missing:
            problems.append(f"samplemind printed nothing for {len(missing)} of {len(chunk)} files "
                            f"(e.g. {missing[0]})")
    return results, "; ".join(problems) or None


# ---------------------------------------------------------------- librosa

TASK_OF_SET = {"tempo": "tempo", "key": "key", "pitch": "pitch"}


def has_key_label(row):
    """A key is scored for every row that names one: the key set's, and loops of other sets that carry
    their key (make_harmonic_valset.py's chord loops)."""
    return row["set"] != "pitch" and pitch_class(row["tonic"]) is not None and norm_mode(row["mode"]) is not None


def tasks_of(row):
    tasks = [TASK_OF_SET[row["set"]]] if row["set"] in TASK_OF_SET else []
    return tasks + (["key"] if has_key_label(row) and "key" not in tasks else [])


def baseline_info(tool):
    """(library version, method version) via a subprocess, so a broken install cannot take us down."""
    script, module, _ = BASELINES[tool]
    code = ("import sys; sys.dont_write_bytecode = True; sys.path.insert(0, %r); "
            "import %s as lib, %s as m; "
            "print(lib.__version__.split()[0], m.METHOD_VERSION)"
            % (HERE, module, os.path.splitext(os.path.basename(script))[0]))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"cannot import {module}: " + (p.stderr.strip().splitlines() or ["?"])[-1])
    v, mv = p.stdout.split()[-2:]
    return v, mv


def file_sig(path):
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns]


def load_cache(path):
    try:
        with open(path) as f:
            d = json.load(f)
        return d if isinstance(d, dict) else {}
    except (OSError, ValueError):
        return {}


def save_cache(path, cache):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(cache, f, sort_keys=True, separators=(",", ":"))
    os.replace(tmp, path)


def run_baseline(tool, rows, truth_dir, refresh=False):
    """-> (label, results by abs path, problem or None, installed)"""
    try:
        version, method = baseline_info(tool)
    except (RuntimeError, OSError, ValueError) as e:
        return tool, {}, str(e), False
    label = f"{tool} {version}"
    cache_path = os.path.join(truth_dir, BASELINES[tool][2])
    cache = {} if refresh else load_cache(cache_path)
    prefix = f"{tool}={version};method={method}"

    def ckey(row, task):
        return f"{row['file']}|{task}|{prefix}"

    results, todo = {}, {}
    for row in rows:
        tasks = tasks_of(row)
        if not tasks:
            results.setdefault(row["abs"], {})
            continue
        try:
            sig = file_sig(row["abs"])
        except OSError as e:
            results[row["abs"]] = {"error": f"cannot read: {e.strerror}"}
            continue
        for task in tasks:
            hit = cache.get(ckey(row, task))
            if isinstance(hit, dict) and hit.get("sig") == sig and "value" in hit:
                results.setdefault(row["abs"], {})[task] = hit["value"]
            else:
                todo.setdefault(task, []).append(row)

    n_todo = sum(len(v) for v in todo.values())
    problems = []
    if n_todo:
        print(f"{tool}: computing {n_todo} estimate(s) ({', '.join(f'{len(v)} {k}' for k, v in todo.items())}),"
              f" caching in {cache_path}", file=sys.stderr)
        try:
            _compute(tool, todo, n_todo, results, cache, ckey, cache_path, problems)
        finally:
            save_cache(cache_path, cache)
    return label, results, "; ".join(problems) or None, True


def _compute(tool, todo, n_todo, results, cache, ckey, cache_path, problems):
    """Run the tool's estimates script once per task over the uncached files (one process at a time: numba's
    on-disk cache is not safe against concurrent first compiles), streaming the answers into
    `results` and `cache`; the cache is saved every few seconds so an interrupted run keeps its work."""
    done, t0, saved = 0, time.time(), time.time()
    for task, trows in todo.items():
        by_abs = {r["abs"]: r for r in trows}
        script = BASELINES[tool][0]
        cmd = [sys.executable, script, "--tasks", task, *by_abs]
        with tempfile.TemporaryFile(mode="w+") as errf:
            p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=errf, text=True)
            seen = set()
            for line in p.stdout:
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                row = by_abs.get(obj.get("path")) if isinstance(obj, dict) else None
                if row is None:
                    continue
                seen.add(row["abs"])
                done += 1
                if obj.get("error"):  # not cached: may be transient
                    results[row["abs"]] = {"error": obj["error"]}
                else:
                    results.setdefault(row["abs"], {})[task] = obj.get(task)
                    cache[ckey(row, task)] = {"sig": file_sig(row["abs"]), "value": obj.get(task)}
                if time.time() - saved > 5:
                    save_cache(cache_path, cache)
                    saved = time.time()
                if done % 10 == 0 or done == n_todo:
                    print(f"{tool}: {done}/{n_todo} ({time.time() - t0:.0f}s)", file=sys.stderr)
            rc = p.wait()
            errf.seek(0)
            err = errf.read()
        lost = [a for a in by_abs if a not in seen]
        if lost:
            tail = "\n".join(err.strip().splitlines()[-3:])
            problems.append(f"{os.path.basename(script)} --tasks {task} {describe_status(rc)} leaving "
                            f"{len(lost)} file(s) without output" + (f"\n{tail}" if tail else ""))


# ---------------------------------------------------------------- main

def main(argv):
    ap = argparse.ArgumentParser(description="Score SampleMind, librosa and essentia on a dev set with known answers.",
                                 epilog="Exit 0 when the tools ran (however wrong), 1 when one could not run.")
    ap.add_argument("truth", help="truth.csv (id,file,set,bpm,bars,tonic,mode,midi,cents,kind)")
    ap.add_argument("--samplemind", default=DEFAULT_BIN, metavar="BIN",
                    help="samplemind binary (default: %(default)s)")
    ap.add_argument("--no-librosa", action="store_true", help="skip the librosa baseline")
    ap.add_argument("--no-essentia", action="store_true", help="skip the essentia baseline")
    ap.add_argument("--no-samplemind", action="store_true", help="skip SampleMind (baselines only)")
    ap.add_argument("--librosa-failures", action="store_true", help="also list librosa's per-file failures")
    ap.add_argument("--essentia-failures", action="store_true", help="also list essentia's per-file failures")
    ap.add_argument("--refresh-librosa", action="store_true", help="ignore the librosa cache and recompute")
    ap.add_argument("--refresh-essentia", action="store_true", help="ignore the essentia cache and recompute")
    a = ap.parse_args(argv)

    try:
        truth_dir, rows = read_truth(a.truth)
    except (OSError, KeyError, ValueError, csv.Error) as e:
        print(f"error: cannot read {a.truth}: {e}", file=sys.stderr)
        return 2
    if not rows:
        print(f"error: no rows in {a.truth}", file=sys.stderr)
        return 2

    table, problems, sm_fails = [], [], None
    n = {s: sum(r["set"] == s for r in rows) for s in ("tempo", "pitch")}
    n["key"] = sum(map(has_key_label, rows))

    if not a.no_samplemind:
        binary = os.path.abspath(a.samplemind)
        res, prob = run_samplemind(binary, rows)
        if prob:
            problems.append(f"samplemind: {prob}")
        if res or not prob:
            c, sm_fails = score(rows, res)
            table.append(("samplemind", cells(c)))
        else:
            table.append(("samplemind", ["not run"] + [""] * (len(COLUMNS) - 1)))

    baseline_fails, notes = {}, []
    for tool, skip, refresh in (("librosa", a.no_librosa, a.refresh_librosa),
                                ("essentia", a.no_essentia, a.refresh_essentia)):
        if skip:
            continue
        label, res, prob, installed = run_baseline(tool, rows, truth_dir, refresh)
        if not installed and tool == "essentia":
            notes.append(f"essentia row: not run, {prob} (try `pip install essentia`)")
            table.append((label, ["not installed"] + [""] * (len(COLUMNS) - 1)))
            continue
        if prob:
            problems.append(f"{label}: {prob}")
        if res:
            c, baseline_fails[tool] = score(rows, res, has_kind=False)
            table.append((label, cells(c, has_kind=False)))
        else:
            table.append((label, ["not run"] + [""] * (len(COLUMNS) - 1)))

    print(f"{a.truth}: {len(rows)} files (tempo {n['tempo']}, key {n['key']}, pitch {n['pitch']})")
    print()
    if table:
        print_table(table)
    if sm_fails is not None:
        print_failures("samplemind failures", sm_fails)
    for tool, wanted in (("librosa", a.librosa_failures), ("essentia", a.essentia_failures)):
        if wanted and baseline_fails.get(tool) is not None:
            print_failures(f"{tool} failures", baseline_fails[tool])
    if notes:
        print()
        for n in notes:
            print(f"NOTE {n}")
    if problems:
        print()
        for p in problems:
            print(f"ERROR {p}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
