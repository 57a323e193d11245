#!/usr/bin/env bash
# Puts cpp-httplib's full single header into CACHE/httplib/httplib.h.
#
# Debian's libcpp-httplib-dev ships only the split declarations header and
# a shared library; the static build needs the whole header of the same
# version, which lives in Debian's source package cpp-httplib. It is
# fetched with `apt-get source` through a private source list made from
# this machine's own apt configuration (each binary entry turned into a
# source entry). The system's apt configuration is read, never changed.
#
# Usage: install/fetch-httplib.sh CACHE
set -euo pipefail

cache=${1:?usage: fetch-httplib.sh CACHE}
mkdir -p "$cache" && cache=$(cd "$cache" && pwd)
out=$cache/httplib/httplib.h
want=$(dpkg-query -W -f='${Version}' libcpp-httplib-dev 2>/dev/null || true)
want=${want%%+*}
want=${want%%-*}

if [ -f "$out" ] && grep -q "CPPHTTPLIB_VERSION \"$want\"" "$out"; then
  exit 0
fi

apt_dir=$cache/apt
rm -rf "$apt_dir" "$cache/httplib"
mkdir -p "$apt_dir/sources.list.d" "$apt_dir/lists/partial" \
  "$apt_dir/archives/partial" "$cache/httplib/src"

# One-line format: "deb [opts] URI suite comp..." -> "deb-src ...".
emit_one_line() {
  sed -n 's/^[[:space:]]*deb[[:space:]]/deb-src /p' "$1"
}

# deb822 format: stanzas whose Types name "deb" get "deb-src" instead.
emit_deb822() {
  awk '
    /^[[:space:]]*Types:/ {
      if ($0 ~ /[[:space:]]deb([[:space:]]|$)/) { print "Types: deb-src"; next }
    }
    { print }
  ' "$1"
}

n=0
: > "$apt_dir/none.list"
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  emit_one_line "$f" > "$apt_dir/sources.list.d/src$n.list"
done
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  emit_deb822 "$f" > "$apt_dir/sources.list.d/src$n.sources"
done

apt_opts=(
  -o "Dir::Etc::SourceList=$apt_dir/none.list"
  -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache::Archives=$apt_dir/archives"
  -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
  -o "APT::Sandbox::User=root"
)
apt-get "${apt_opts[@]}" update -qq >/dev/null
version=$(apt-cache "${apt_opts[@]}" showsrc cpp-httplib \
  | awk -v want="$want" '/^Version:/ { v = $2; if (index(v, want) == 1) { print v; exit } }')
if [ -z "$version" ]; then
  echo "fetch-httplib: no cpp-httplib source $want in the apt sources" >&2
  exit 1
fi
# Unpacking with Debian's patches applied (dpkg-source) keeps the
# security fixes of the distribution's own build.
(cd "$cache/httplib/src" \
  && apt-get "${apt_opts[@]}" source -qq "cpp-httplib=$version" \
       >/dev/null 2>&1)
found=$(find "$cache/httplib/src" -maxdepth 2 -name httplib.h | head -n 1)
grep -q "CPPHTTPLIB_VERSION \"$want\"" "$found" || {
  echo "fetch-httplib: $found is not version $want" >&2
  exit 1
}
cp "$found" "$out.tmp" && mv "$out.tmp" "$out"
rm -rf "$cache/httplib/src" "$apt_dir/archives"
echo "fetch-httplib: cpp-httplib $want header in $out"
