#!/usr/bin/env bash
# The benchmark of issue #7: docker-mlist (standalone and as `docker
# mlist`) against `docker manifest`, skopeo and buildah, on a real
# docker-registry on loopback, directly and through a latency proxy.
# Not part of CI (tests/run.sh); speed is checked here, never in a test.
#
# Steps: install what is missing (tests/bench/deps.sh), build docker-mlist
# in Release with the seeder and the process runner, start a registry on a
# free 127.0.0.1 port with its access log on, start the latency proxy in
# front of it, seed a 7- and a 64-platform image set and push a list of
# each, then measure (tests/bench/bench.py). The table is printed and
# written as CSV and PNG into the output folder. The registry and the
# proxy are stopped on exit, also on failure or Ctrl-C.
#
# Usage: tests/bench/run.sh [--build-dir DIR] [--out DIR] [--runs N]
#          [--metadata-runs N] [--delay-ms MS] [--no-deps] [--no-build]
#   --build-dir DIR   build (or reuse) here; default $MLIST_BENCH_BUILD_DIR,
#                     else build-bench/ in the source tree
#   --out DIR         where the table, CSV and PNG go; default DIR/bench
#   --runs N          runs per tool and job (default $BENCH_RUNS, else 5)
#   --metadata-runs N runs of the metadata handshake (default 200)
#   --delay-ms MS     proxy delay each way (default 25)
#   --jobs LIST       only these jobs, comma-separated (e.g. "inspect 7,metadata")
#   --no-deps         do not run tests/bench/deps.sh
#   --no-build        use the binaries in the build folder as they are
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${MLIST_BENCH_BUILD_DIR:-$top/build-bench}
out=${BENCH_OUT:-}
runs=${BENCH_RUNS:-5}
metadata_runs=${BENCH_METADATA_RUNS:-200}
delay_ms=${BENCH_DELAY_MS:-25}
jobs=${BENCH_JOBS:-}
deps=1
build_it=1

usage() {
  sed -n '/^# Usage:/,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit "$1"
}

while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --metadata-runs) metadata_runs=$2; shift 2 ;;
    --delay-ms) delay_ms=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --no-deps) deps=0; shift ;;
    --no-build) build_it=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; usage 2 >&2 ;;
  esac
done
build=$(mkdir -p "$build" && cd "$build" && pwd)
out=${out:-$build/bench}
mkdir -p "$out"
started=$SECONDS

# Everything the run makes lives here and goes at the end.
work=$(mktemp -d)
registry_pid=
proxy_pid=
cleanup() {
  local pid
  for pid in "$proxy_pid" "$registry_pid"; do
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { printf '== %s\n' "$*" >&2; }

if [ "$deps" = 1 ]; then
  step "installing what is missing (tests/bench/deps.sh)"
  "$here/deps.sh"
fi

if [ "$build_it" = 1 ]; then
  step "building docker-mlist (Release) in $build"
  cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j "$(nproc)" \
    --target docker-mlist mlist-seed-images mlist-bench-exec >/dev/null
fi
mlist=$build/docker-mlist
seed=$build/tests/mlist-seed-images
bench_exec=$build/tests/mlist-bench-exec
for f in "$mlist" "$seed" "$bench_exec"; do
  [ -x "$f" ] || { echo "run.sh: $f is missing: build first" >&2; exit 1; }
done

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The registry: plain HTTP on loopback, deletes off (nothing is deleted),
# the access log (gorilla's combined format) on its standard output, which
# bench.py reads to count requests, the rest of its log on standard error.
start_registry() {
  local port=$1
  cat > "$work/registry.yml" <<YML
version: 0.1
log:
  level: warn
  formatter: text
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: "$work/storage"
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: "127.0.0.1:$port"
  secret: "mlist-bench-$$"
YML
  : > "$work/access.log"
  docker-registry serve "$work/registry.yml" \
    >"$work/access.log" 2>"$work/registry.err" &
  registry_pid=$!
  local _
  for _ in $(seq 100); do
    curl -fs -o /dev/null -A mlist-bench-readiness \
      "http://127.0.0.1:$port/v2/" && return 0
    kill -0 "$registry_pid" 2>/dev/null || break
    sleep 0.1
  done
  wait "$registry_pid" 2>/dev/null || true
  registry_pid=
  return 1
}

step "starting docker-registry on 127.0.0.1"
for attempt in 1 2 3 4 5; do
  registry_port=$(free_port)
  start_registry "$registry_port" && break
  # Another process may have taken the port between the probe and the
  # bind: try another one.
  if [ "$attempt" = 5 ]; then
    echo "run.sh: docker-registry did not start:" >&2
    tail -20 "$work/registry.err" >&2
    exit 1
  fi
done
registry=127.0.0.1:$registry_port

step "starting the latency proxy (${delay_ms} ms each way)"
python3 "$here/latency_proxy.py" --upstream "$registry" \
  --delay-ms "$delay_ms" --port-file "$work/proxy.port" \
  2>"$work/proxy.err" &
proxy_pid=$!
for _ in $(seq 100); do
  [ -s "$work/proxy.port" ] && break
  kill -0 "$proxy_pid" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$work/proxy.port" ]; then
  echo "run.sh: the latency proxy did not start:" >&2
  cat "$work/proxy.err" >&2
  exit 1
fi
proxy=127.0.0.1:$(cat "$work/proxy.port")

step "seeding 7 and 64 single-platform images into $registry/bench"
"$seed" "$registry/bench/seven" --insecure >/dev/null
"$seed" "$registry/bench/many" --insecure --count 64 >/dev/null

# The two lists every inspect job reads, made and pushed by docker-mlist
# in a config folder of their own.
seven_tags=(amd64 arm-v6 arm-v7 arm64-v8 386 ppc64le s390x)
seven=()
for t in "${seven_tags[@]}"; do seven+=("$registry/bench/seven:$t"); done
many=()
for i in $(seq 0 63); do many+=("$registry/bench/many:p-$i"); done
export DOCKER_CONFIG=$work/seed-config
"$mlist" create --insecure "$registry/bench/seven:list" "${seven[@]}" \
  >/dev/null
"$mlist" push --insecure --purge "$registry/bench/seven:list" >/dev/null
"$mlist" create --insecure "$registry/bench/many:list" "${many[@]}" \
  >/dev/null
"$mlist" push --insecure --purge "$registry/bench/many:list" >/dev/null
unset DOCKER_CONFIG

step "measuring ($runs runs each, alternating tools)"
python3 "$here/bench.py" \
  --registry "$registry" --registry-pid "$registry_pid" \
  --proxy "$proxy" --delay-ms "$delay_ms" \
  --access-log "$work/access.log" --work "$work" --out "$out" \
  --mlist "$mlist" --bench-exec "$bench_exec" \
  --runs "$runs" --metadata-runs "$metadata_runs" --jobs "$jobs"

elapsed=$((SECONDS - started))
step "done in $((elapsed / 60)) min $((elapsed % 60)) s; results in $out"
