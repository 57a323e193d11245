#!/usr/bin/env bash
# The test command: from a fresh Debian machine, installs what the build
# and the tests need, builds docker-mlist and its tests, runs them all
# with CTest, then fuzzes each parser for MLIST_FUZZ_SECONDS (default 60)
# seconds (tests/fuzz/run.sh). Exits non-zero on any failure.
#
# Usage: tests/run.sh   (MLIST_BUILD_DIR picks the build folder;
#                        MLIST_FUZZ_SECONDS=0 only replays the corpora)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${MLIST_BUILD_DIR:-$top/build}
jobs=$(nproc)

"$top/install/deps.sh"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$jobs"
(cd "$build" && ctest --output-on-failure -j "$jobs")
"$top/tests/fuzz/run.sh" "${MLIST_FUZZ_SECONDS:-60}"
