#!/usr/bin/env bash
# Installs what the benchmark needs on top of install/deps.sh: buildah (a
# peer to compare inspect with), gnuplot (the PNG chart) and GNU time.
# Installs only what is missing; a second run installs nothing.
#
# Usage: tests/bench/deps.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)

# The build, the registry, skopeo, python3 and the docker CLI.
"$top/install/deps.sh"

bench_pkgs=(buildah gnuplot-nox time)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${bench_pkgs[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null \
    | grep -q '^install ok installed$' || missing+=("$p")
done
[ "${#missing[@]}" = 0 ] && exit 0

# Refresh the package lists only when apt does not know a package yet.
if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
  as_root apt-get update -qq
fi
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  --no-install-recommends "${missing[@]}" >/dev/null
