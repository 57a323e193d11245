#include "config/config_dir.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "base/error.h"

namespace mlist::config {
namespace {

// Cleans a path as Go's filepath.Clean does for the paths docker prints:
// "a/./b/../c/" becomes "a/c".
std::string Normalise(const std::string& path) {
  std::string out = std::filesystem::path(path).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') {
    out.pop_back();
  }
  return out;
}

std::string NonEmptyEnv(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

}  // namespace

std::string HomeDir() {
  std::string home = NonEmptyEnv("HOME");
  if (!home.empty()) {
    return home;
  }
  // Go's os.UserHomeDir fails without $HOME; docker then asks the
  // password database, as we do.
  const passwd* entry = ::getpwuid(::getuid());
  if (entry != nullptr && entry->pw_dir != nullptr && *entry->pw_dir) {
    return entry->pw_dir;
  }
  throw Error("finding the home directory: $HOME is not set and user " +
              std::to_string(::getuid()) + " has no home directory");
}

std::string ConfigDir(const std::optional<std::string>& flag) {
  if (flag.has_value() && !flag->empty()) {
    return Normalise(*flag);
  }
  std::string env = NonEmptyEnv("DOCKER_CONFIG");
  if (!env.empty()) {
    return Normalise(env);
  }
  return Normalise(HomeDir() + "/.docker");
}

std::string ConfigFilePath(const std::string& dir) {
  return Normalise((std::filesystem::path(dir) / kConfigFileName).string());
}

}  // namespace mlist::config
