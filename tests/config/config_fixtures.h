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

namespace mlist::config::testing {

// Sets (or, with nullopt, removes) an environment variable and puts the
// old value back on destruction.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::optional<std::string>& value)
      : name_(std::move(name)) {
    if (const char* old = std::getenv(name_.c_str())) {
      old_ = old;
    }
    Set(value);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ~ScopedEnv() { Set(old_); }

 private:
  void Set(const std::optional<std::string>& value) {
    if (value.has_value()) {
      ::setenv(name_.c_str(), value->c_str(), 1);
    } else {
      ::unsetenv(name_.c_str());
    }
  }

  std::string name_;
  std::optional<std::string> old_;
};

// A fresh directory under /tmp, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = "/tmp/mlist-config-test-XXXXXX";
    path_ = ::mkdtemp(pattern.data()) != nullptr ? pattern : "";
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  const std::string& path() const { return path_; }

  // Writes content to name inside the directory and returns its path.
  std::string Write(const std::string& name, const std::string& content,
                    mode_t mode = 0644) const {
    std::string file = path_ + "/" + name;
    std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
    ::chmod(file.c_str(), mode);
    return file;
  }

 private:
  std::string path_;
};

// A credential helper that speaks the real protocol, installed as
// docker-credential-mlisttest and docker-credential-mlisttest2 in a
// temporary directory put first in PATH. It answers by server URL:
//   *token*      Username "<token>", Secret "helper-identity-token"
//   *missing*    "credentials not found in native keychain", exit 1
//   *failing*    "keychain is locked" on stdout, exit 1
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
