#include "cli/environment.h"

#include <unistd.h>

#include <cstring>

namespace mlist::cli {

Environment Environment::FromProcess() {
  Environment env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const char* eq = std::strchr(*entry, '=');
    if (eq == nullptr) {
      continue;
    }
    env.Set(std::string(*entry, eq - *entry), std::string(eq + 1));
  }
  return env;
}

std::optional<std::string> Environment::Get(const std::string& name) const {
  auto it = vars_.find(name);
  if (it == vars_.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::string Environment::GetOr(const std::string& name) const {
  return Get(name).value_or("");
}

void Environment::Set(const std::string& name, const std::string& value) {
  vars_[name] = value;
}

void Environment::Unset(const std::string& name) {
  vars_.erase(name);
}

}  // namespace mlist::cli
