#!/usr/bin/env bash
# Builds docker-mlist and installs it as a docker CLI plugin.
#
# Usage: install/install.sh [--system] [--no-deps]
#   default   into $DOCKER_CONFIG/cli-plugins (~/.docker/cli-plugins)
#   --system  into /usr/local/lib/docker/cli-plugins, for every user
#   --no-deps skip install/deps.sh (the build packages are there already)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${MLIST_BUILD_DIR:-$top/build}
system=0
deps=1
for arg in "$@"; do
  case "$arg" in
    --system) system=1 ;;
    --no-deps) deps=0 ;;
    -h|--help) sed -n '2,8s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

[ "$deps" = 1 ] && "$top/install/deps.sh" --no-test
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target docker-mlist -j "$(nproc)" >/dev/null

if [ "$system" = 1 ]; then
  dest=/usr/local/lib/docker/cli-plugins
else
  dest=${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins
fi
mkdir -p "$dest"
# Copy then rename, so a docker running meanwhile never sees half a file.
install -m 0755 "$build/docker-mlist" "$dest/.docker-mlist.new"
strip "$dest/.docker-mlist.new" 2>/dev/null || true
mv -f "$dest/.docker-mlist.new" "$dest/docker-mlist"

echo "docker-mlist installed in $dest/docker-mlist"
echo "try: docker mlist --help"
