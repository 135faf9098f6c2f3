"""The command line the baseline estimate scripts share (librosa_estimates.py, essentia_estimates.py):
run the requested estimators on each file and print one JSON line per file, going on past files
that fail (their line holds "error", and the exit status is 1)."""
import argparse
import json
import warnings


def estimate(path, load, estimators, tasks):
    """Run `tasks` on one file. `load(path)` returns the estimators' arguments (a tuple, or one
    value). Returns {"path", task: result|None, ...} or {"path", "error"} when the file cannot be
    read or an estimator crashes."""
    out = {"path": path}
    try:
        signal = load(path)
        arguments = signal if isinstance(signal, tuple) else (signal,)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for t in tasks:
                out[t] = estimators[t](*arguments)
    except Exception as e:  # report, keep going with the other files
        return {"path": path, "error": f"{type(e).__name__}: {e}".rstrip(": ")}
    return out


def main(argv, description, load, estimators):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--tasks", default=",".join(estimators), help="comma list of " + ",".join(estimators))
    ap.add_argument("files", nargs="+")
    a = ap.parse_args(argv)
    tasks = [t for t in a.tasks.split(",") if t]
    bad = [t for t in tasks if t not in estimators]
    if bad:
        ap.error(f"unknown task(s): {', '.join(bad)}")
    rc = 0
    for f in a.files:
        r = estimate(f, load, estimators, tasks)
        if "error" in r:
            rc = 1
        print(json.dumps(r), flush=True)
    return rc
