#!/usr/bin/env bash
# Similarity-search benchmark (issue 6), one core (taskset -c 0):
#   usage: bench/knn_bench.sh [--skip-build] [--db LIBRARY.sqlite]
# Top-20 kNN latency p50/p99 at 10 k, 100 k and 1 M random vectors of the embedding's size,
# memory per vector, the similarity-index load time of a real library (--db; by default the
# 100 k library of bench/library_bench.sh or bench/ui_bench.sh when present), and numpy brute
# force (and FAISS IndexFlatL2 when the faiss-cpu wheel is installed) on the same 1 M vectors,
# with the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 db=/tmp/samplemind-bench-library/ui-100000.sqlite
while (($#)); do
  case $1 in
    --skip-build) build=0; shift ;;
    --db) db=$2; shift 2 ;;
    *) echo "usage: $0 [--skip-build] [--db PATH]" >&2; exit 2 ;;
  esac
done
((build)) && swift build -c release --product samplemind >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dbargs=(); [[ -f $db ]] && dbargs=(--db "$db")
taskset -c 0 .build/release/samplemind knn-bench --queries 100 --dump "$out/vectors.f32" "${dbargs[@]}" >"$out/sm.jsonl"
taskset -c 0 python3 - "$out" <<'PY'
import json, os, sys, time
import numpy as np
out = sys.argv[1]
rows = [json.loads(l) for l in open(f"{out}/sm.jsonl")]
sizes = [r for r in rows if "size" in r]
dims = sizes[0]["dimensions"]
x = np.fromfile(f"{out}/vectors.f32", dtype=np.float32).reshape(-1, dims)
rng = np.random.default_rng(1)
def timed(fn, runs=30):
    t = []
    for _ in range(runs):
        q = rng.uniform(-1, 1, dims).astype(np.float32)
        s = time.perf_counter(); fn(q); t.append((time.perf_counter() - s) * 1000)
    t.sort(); return t[len(t) // 2], t[min(len(t) - 1, int(round(0.99 * (len(t) - 1))))]
def numpy_knn(q):
    d = ((x - q) ** 2).sum(axis=1)
    idx = np.argpartition(d, 20)[:20]
    return idx[np.argsort(d[idx])]
np50, np99 = timed(numpy_knn)
try:
    import faiss
    faiss.omp_set_num_threads(1)
    index = faiss.IndexFlatL2(dims); index.add(x)
    fa50, fa99 = timed(lambda q: index.search(q[None, :], 20))
except Exception as e:
    fa50 = fa99 = None; faiss_error = str(e).splitlines()[0] if str(e) else type(e).__name__
print(f"embedding: {dims} dimensions (aspect ranges padded to whole lanes), kept as float32 values for the exact pass and int8 codes for the scan: {sizes[0]['bytesPerVector']} bytes per vector in memory")
print(f"{'vectors':>10}  {'SampleMind p50':>14} {'p99':>8}")
for r in sizes:
    print(f"{r['size']:>10}  {r['p50Milliseconds']:>11.2f} ms {r['p99Milliseconds']:>6.2f} ms")
big = sizes[-1]
verdict = "PASS" if big["p99Milliseconds"] <= 20 else "FAIL"
print(f"target p99 <= 20 ms at {big['size']}: {verdict}")
print(f"\nsame {len(x)} vectors, one core:")
print(f"  numpy brute force   p50 {np50:7.2f} ms  p99 {np99:7.2f} ms   SampleMind/numpy p50 ratio {big['p50Milliseconds'] / np50:.2f}")
if fa50 is not None:
    print(f"  FAISS IndexFlatL2   p50 {fa50:7.2f} ms  p99 {fa99:7.2f} ms   SampleMind/FAISS p50 ratio {big['p50Milliseconds'] / fa50:.2f}")
else:
    print(f"  FAISS: not available ({faiss_error})")
loads = [r for r in rows if "loadMilliseconds" in r]
for r in loads:
    print(f"index load from SQLite: {r['indexedSamples']} samples in {r['loadMilliseconds']:.0f} ms")
PY
