#!/usr/bin/env bash
# Installs every Debian package docker-mlist needs to build and test, and
# fetches cpp-httplib's full single header (same version as Debian's
# libcpp-httplib-dev) into the build cache. Idempotent: a second run
# installs nothing and fetches nothing.
#
# Usage: install/deps.sh [--no-test]   (--no-test: build packages only)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${MLIST_CACHE:-$top/.cache}
with_tests=1
[ "${1:-}" = "--no-test" ] && with_tests=0

build_pkgs=(g++ cmake make pkg-config file git dpkg-dev ca-certificates
  libssl-dev zlib1g-dev rapidjson-dev libcxxopts-dev libgtest-dev
  googletest libcpp-httplib-dev)
# The tests: the registry and its htpasswd tool, the peers and the docker
# CLI checked against, clang and libFuzzer for tests/fuzz, and a real
# credential helper (pass, with GnuPG) for the credential tests.
test_pkgs=(docker-registry apache2-utils openssl python3 skopeo curl
  clang libclang-rt-dev
  golang-docker-credential-helpers pass gnupg)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null \
      | grep -q '^install ok installed$' || echo "$p"
  done
}

install_packages() {
  local want
  want=$(missing_packages "$@")
  [ -z "$want" ] && return 0
  # Refresh the package lists only when something must be installed and
  # apt cannot find it in the lists it has.
  # shellcheck disable=SC2086
  if ! apt-cache show $want >/dev/null 2>&1 \
     || [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ]; then
    as_root apt-get update -qq
  fi
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends $want >/dev/null
}

pkgs=("${build_pkgs[@]}")
[ "$with_tests" = 1 ] && pkgs+=("${test_pkgs[@]}")
install_packages "${pkgs[@]}"

# The docker CLI (client only) drives the plugin in the integration tests.
# Machines that have none get Debian's.
if [ "$with_tests" = 1 ] && ! command -v docker >/dev/null 2>&1; then
  install_packages docker.io
fi

"$top/install/fetch-httplib.sh" "$cache"
