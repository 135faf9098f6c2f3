#!/usr/bin/env bash
# libFuzzer runs of SampleMind's fuzz targets (see fuzz/README.md).
#   usage: fuzz/run.sh [SECONDS_PER_TARGET=60] [TARGET...]     targets: query config notetext decode
#          fuzz/run.sh --ci      what CI runs: a fixed seed and a fixed number of runs per target
#                                (reproducible, about 3 minutes for all four)
# Builds samplemind-fuzz with -sanitize=fuzzer,address into .build-fuzz, then fuzzes each target
# from its committed seed corpus (fuzz/corpus/TARGET; new inputs go to a temporary folder).
# A crash or violated property stops the run, saves the input as fuzz/crashes/TARGET-crash-…
# and exits non-zero: add it to fuzz/corpus/TARGET so the test suite replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
ci=0
[[ ${1:-} == --ci ]] && { ci=1; shift; }
seconds=60
[[ ${1:-} =~ ^[0-9]+$ ]] && { seconds=$1; shift; }
targets=("$@")
((${#targets[@]})) || targets=(query config notetext decode)
swift build -c release --product samplemind-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >/dev/null
bin=.build-fuzz/release/samplemind-fuzz
mkdir -p fuzz/crashes
status=0
for target in "${targets[@]}"; do
  work=$(mktemp -d)
  max_len=4096; [[ $target == decode ]] && max_len=16384
  budget=(-max_total_time="$seconds")
  if ((ci)); then runs=200000; [[ $target == decode ]] && runs=20000; budget=(-seed=1 -runs=$runs); fi
  if SWIFT_BACKTRACE=enable=no SAMPLEMIND_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$bin" "${budget[@]}" -max_len=$max_len \
       -timeout=10 -rss_limit_mb=2048 -artifact_prefix="fuzz/crashes/$target-" -print_final_stats=1 \
       "$work" "fuzz/corpus/$target" >"$work.log" 2>&1; then
    executed=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$work.log" | grep -oE '[0-9]+$' || echo "?")
    echo "$target: ${executed} executions, no crash or violated property"
  else
    echo "$target: FAILED — see fuzz/crashes/ and the log below"; tail -30 "$work.log"; status=1
  fi
  rm -rf "$work" "$work.log"
done
exit $status
