#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/:
# the test fixtures (captured manifests, configs, store records, inspect
# output) and a few hand-written inputs per parser, one file per input.
# Rerun it after changing a fixture; the result is committed.
#
# Usage: tests/fuzz/seed_corpus.sh
set -euo pipefail

fuzz=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$fuzz/../.." && pwd)
corpus=$fuzz/corpus
manifests=$top/tests/manifest/testdata
outputs=$top/tests/output/testdata

# Starts a target's corpus afresh.
reset() {
  rm -rf "${corpus:?}/$1"
  mkdir -p "$corpus/$1"
}

# Writes each further argument as its own seed of target $1.
seeds() {
  local target=$1 i=0 text
  shift
  for text in "$@"; do
    i=$((i + 1))
    printf '%s' "$text" >"$corpus/$target/seed-$i"
  done
}

# copy TARGET PREFIX FILE...: each file as a seed named PREFIX-<name>.
copy() {
  local target=$1 prefix=$2 f
  shift 2
  for f in "$@"; do
    cp "$f" "$corpus/$target/$prefix-$(basename "$f")"
  done
}

reset reference
seeds reference busybox busybox:1.36 foo/bar/baz docker.io/foo/bar \
  index.docker.io/foo/bar:1 localhost/a localhost:5000/a:1 \
  my-registry.example.com:443/a 10.0.0.1:5000/a '[::1]:5000/a' \
  '[fe80::1]/a:v1' Example.COM/a Foo/bar a__b a---b x/a-b.c_d__e/f0 \
  a:V1.0_rc-1 a:_x a: a@ a_b.c/d \
  "busybox@sha256:$(printf '%064d' 0)" \
  "127.0.0.1:5555/app:v2a@sha512:$(printf '%0128d' 7)" \
  "a@sha384:$(printf '%096d' 1)" "a@md5:$(printf '%032d' 2)" \
  "$(printf '%064d' 3)"

reset manifest
copy manifest fixture "$manifests"/*.manifest "$manifests"/*.config
# Non-verbose inspect prints lists rebuilt and manifests re-indented.
copy manifest inspect "$outputs"/*.inspect

reset store_record
copy store_record store "$manifests"/store/*
copy store_record fixture "$manifests"/*.record
# Verbose inspect of one image prints its record, indented.
copy store_record inspect "$outputs"/*.inspect-verbose

reset list_settings
seeds list_settings \
  '{"mediaType":"application/vnd.oci.image.index.v1+json"}' \
  '{"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json"}' \
  '{"mediaType":"application/vnd.oci.image.index.v1+json","annotations":{"org.opencontainers.image.source":"https://example.com/app","a":""}}' \
  '{"annotations":{"k":"v\u003c\u2028"}}' '{"MEDIATYPE":null,"annotations":null}' \
  '{}'

reset challenge
seeds challenge 'Basic realm="Registry Realm"' \
  'Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull,push"' \
  'Bearer realm="https://h/t",service="r",error="insufficient_scope"' \
  'BEARER Realm="X",SERVICE=Y' 'Basic realm="a", Bearer realm="b",service="c"' \
  'Negotiate, Basic realm=x' \
  'Newauth realm="apps", type=1, title="Login", Basic realm="s"' \
  'Bearer realm = "r" , , service=s' ' , Basic realm=r' \
  'Basic realm="a \"b\" c"' 'Negotiate abc+/==, Basic realm=r' \
  'Basic realm="unterminated' 'Basic realm=' 'Bearer realm="r"junk'

reset config_file
seeds config_file '' 'null' '{}' \
  '{"auths": {"registry.example:5000": {"auth": "YWxpY2U6czNjcjN0"}, "https://index.docker.io/v1/": {"auth": "Ym9iOnB3ZA==", "email": "b@example.com"}}}' \
  '{"auths": {"r": {"username": "u", "password": "p", "identitytoken": "it", "registrytoken": "rt"}}, "credsStore": "desktop"}' \
  '{"auths": {"a": {}, "b": null, "c": {"auth": ""}}, "credHelpers": {"gcr.io": "gcloud", "x": null}}' \
  '{"HttpHeaders": {"X-Meta-Team": "infra", "User-Agent": "x/1"}}' \
  '{"proxies": {"default": {"httpProxy": "http://p:3128", "httpsProxy": "http://p:3129", "noProxy": "*.local,169.254/16", "ftpProxy": "f", "allProxy": "a"}, "tcp://docker:2376": null}}' \
  '{"credsStore": "first", "credsstore": "second"}' \
  '{"psFormat": "table", "plugins": {"x": {"y": "z"}}, "auths": {"r": {"auth": "dXNlcjpwYXNz\r\nd29yZA=="}}}' \
  '{"auths": {"r": {"auth": "s3cr3t!!"}}}' '{"auths": []}'
