#!/usr/bin/env bash
# The release flow of a multi-platform image, end to end, on this machine:
# a throwaway local registry, seven single-platform images, then
# `docker mlist create`, `annotate`, `push` under a version tag and
# `latest`, and `inspect --verbose`. Nothing outside a temporary folder is
# touched; the registry is stopped at the end, also on failure.
#
# Usage: install/demo.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${MLIST_BUILD_DIR:-$top/build}
work=$(mktemp -d)
registry_pid=
cleanup() {
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
run() { say "$*"; "$@"; }

"$top/install/deps.sh"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target docker-mlist mlist-seed-images \
  -j "$(nproc)" >/dev/null

export DOCKER_CONFIG=$work/docker
DOCKER_CONFIG=$DOCKER_CONFIG "$top/install/install.sh" --no-deps

# A registry on a free loopback port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/registry.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: $work/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
log:
  level: error
YML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break
  sleep 0.1
done
reg=127.0.0.1:$port/demo

say "seeding seven single-platform images into $reg"
"$build/tests/mlist-seed-images" "$reg" --insecure

images=("$reg:amd64" "$reg:arm-v6" "$reg:arm-v7" "$reg:arm64-v8" "$reg:386"
        "$reg:ppc64le" "$reg:s390x")
run docker mlist create --insecure "$reg:1.0" "${images[@]}"
run docker mlist annotate "$reg:1.0" "$reg:arm-v7" --os linux --arch arm \
  --variant v7
run docker mlist annotate "$reg:1.0" "$reg:arm64-v8" --os linux --arch arm64 \
  --variant v8
run docker mlist push --insecure -t "$reg:latest" "$reg:1.0"
run docker mlist inspect --insecure --verbose "$reg:latest"
say "done: the registry is stopped and $work removed"
