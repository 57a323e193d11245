#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer and
# UndefinedBehaviorSanitizer) in their own build folder, replays the
# kept crashers of tests/fuzz/regressions/, then fuzzes each target for
# SECONDS, one target after another. Exits non-zero when any target
# crashes, leaks, hits undefined behaviour, times out or breaks one of
# its round-trip properties; the input is then kept under
# <build>/fuzz/artifacts/<target>/ and the end of the log is printed.
#
# Usage: tests/fuzz/run.sh SECONDS
#   SECONDS 0 only replays the regressions and the seed corpora.
#   MLIST_FUZZ_BUILD_DIR picks the build folder (default build-fuzz).
#   MLIST_FUZZ_TARGETS picks targets, space separated (default all).
set -euo pipefail

if [ $# -ne 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
  echo "usage: tests/fuzz/run.sh SECONDS" >&2
  exit 2
fi
seconds=$1

fuzz=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$fuzz/../.." && pwd)
build=${MLIST_FUZZ_BUILD_DIR:-$top/build-fuzz}
read -r -a targets <<<"${MLIST_FUZZ_TARGETS:-reference manifest store_record list_settings challenge config_file}"

# Dynamic linking and debug info: faster links and readable stacks. Only
# the fuzz targets are built, never the plugin or the GoogleTest suite.
cmake -S "$top" -B "$build" -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMLIST_FUZZ=ON -DMLIST_TESTS=OFF \
  -DMLIST_STATIC=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target mlist_fuzzers >/dev/null

# Leaks are findings too; a stack helps whoever reads the log.
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1

dict_for() {
  case $1 in
    reference | challenge) echo "$fuzz/dicts/$1.dict" ;;
    *) echo "$fuzz/dicts/json.dict" ;;
  esac
}

# Prints where the run failed and the end of its log, then fails.
fail() {
  local target=$1 log=$2
  echo "FAIL $target (log: $log, inputs: $build/fuzz/artifacts/$target/)" >&2
  tail -n 40 "$log" >&2
  exit 1
}

# Runs every kept crasher of the target once; each must now pass.
replay() {
  local target=$1 bin=$2 log=$3
  local -a inputs=()
  if [ -d "$fuzz/regressions/$target" ]; then
    mapfile -t inputs < <(find "$fuzz/regressions/$target" -type f | sort)
  fi
  if [ ${#inputs[@]} -eq 0 ]; then
    return 0
  fi
  "$bin" "${inputs[@]}" >"$log" 2>&1 || fail "$target" "$log"
  echo "ok   $target: ${#inputs[@]} regression inputs"
}

# Fuzzes a writable copy of the seed corpus, so that what the run finds
# never lands in the committed one.
run() {
  local target=$1 bin=$2 log=$3
  local corpus=$build/fuzz/corpus/$target
  local artifacts=$build/fuzz/artifacts/$target/
  rm -rf "$corpus" "$artifacts"
  mkdir -p "$corpus" "$artifacts"
  cp "$fuzz/corpus/$target"/* "$corpus"/
  local -a limit=(-max_total_time="$seconds")
  [ "$seconds" = 0 ] && limit=(-runs=0)
  "$bin" "${limit[@]}" -timeout=10 -dict="$(dict_for "$target")" \
    -artifact_prefix="$artifacts" -print_final_stats=1 "$corpus" \
    >"$log" 2>&1 || fail "$target" "$log"
  local runs
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "ok   $target: ${runs:-?} executions in ${seconds} s," \
    "corpus $(find "$corpus" -type f | wc -l) inputs"
}

mkdir -p "$build/fuzz/logs"
for target in "${targets[@]}"; do
  bin=$build/tests/fuzz/mlist_fuzz_$target
  replay "$target" "$bin" "$build/fuzz/logs/$target-regressions.log"
  run "$target" "$bin" "$build/fuzz/logs/$target.log"
done
