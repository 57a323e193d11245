// Temporary directories and environment changes for the config tests,
// undone when they go out of scope.
#pragma once

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "support/scoped_env.h"
#include "support/secrets.h"
#include "support/temp_dir.h"

namespace mlist::config::testing {

using mlist::testing::ScopedEnv;
using mlist::testing::TempDir;

// A credential helper that speaks the real protocol, installed as
// docker-credential-mlisttest and docker-credential-mlisttest2 in a
// temporary directory put first in PATH. It answers by server URL:
//   *token*      Username "<token>", Secret "helper-identity-token"
//   *missing*    "credentials not found in native keychain", exit 1
//   *failing*    "keychain is locked" on stdout, exit 1
//   *leaky*      its answer, holding the secret, then "locked"; exit 1
//   *stderr*     "only on stderr" on stderr, exit 3
//   *hanging*    sleeps 30 s
//   *garbage*    truncated JSON holding the secret
//   *wrongtype*  a number as Secret
//   *array*      a JSON array
//   *empty*      nothing, exit 0
//   otherwise    Username "user-of-<program>", Secret "helper-secret-42"
// It writes what it read on stdin to <dir>/stdin.
class HelperOnPath {
 public:
  static constexpr const char* kSecret = "helper-secret-42";

  HelperOnPath() : path_("PATH", dir_.path() + ":" + OldPath()) {
    using mlist::testing::SecretKind;
    mlist::testing::RegisterSecret(SecretKind::kPassword, "helper's secret",
                                   kSecret);
    mlist::testing::RegisterSecret(SecretKind::kIdentityToken,
                                   "helper's identity token",
                                   "helper-identity-token");
    for (const char* name :
         {"docker-credential-mlisttest", "docker-credential-mlisttest2"}) {
      dir_.Write(name, kScript, 0755);
    }
  }

  const std::string& dir() const { return dir_.path(); }

  // What the helper last read on its standard input.
  std::string StdinSeen() const {
    std::ifstream in(dir_.path() + "/stdin", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  static std::string OldPath() {
    const char* path = std::getenv("PATH");
    return path != nullptr ? path : "/usr/bin:/bin";
  }

  static constexpr const char* kScript = R"(#!/bin/sh
[ "$1" = get ] || { echo "unknown action: $1"; exit 1; }
here=$(dirname "$0")
cat > "$here/stdin"
url=$(cat "$here/stdin")
me=$(basename "$0")
case "$url" in
  *token*) printf '{"ServerURL":"%s","Username":"<token>","Secret":"%s"}\n' \
             "$url" helper-identity-token ;;
  *missing*) echo "credentials not found in native keychain"; exit 1 ;;
  *failing*) echo "keychain is locked"; exit 1 ;;
  *leaky*) printf '{"ServerURL":"%s","Secret":"helper-secret-42"}\nlocked\n' \
             "$url"; exit 1 ;;
  *stderr*) echo "only on stderr" >&2; exit 3 ;;
  *hanging*) exec sleep 30 ;;
  *garbage*) printf '{"Username":"u","Secret":"helper-secret-42"' ;;
  *wrongtype*) printf '{"Username":"helper-secret-42","Secret":42}' ;;
  *array*) printf '["helper-secret-42"]' ;;
  *empty*) ;;
  *) printf '{"ServerURL":"%s","Username":"user-of-%s","Secret":"%s"}\n' \
       "$url" "$me" helper-secret-42 ;;
esac
)";

  TempDir dir_;
  ScopedEnv path_;
};

}  // namespace mlist::config::testing
