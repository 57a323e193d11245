// The environment variables the command line reads, held as a value so
// that tests can choose them instead of the process's.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace mlist::cli {

// docker sets this when it runs a plugin; unset means standalone.
inline constexpr const char* kPluginCommandVar =
    "DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND";

class Environment {
 public:
  // An empty environment.
  Environment() = default;

  // Returns a copy of this process's environment.
  static Environment FromProcess();

  // Returns the value of name, or nullopt when it is not set.
  std::optional<std::string> Get(const std::string& name) const;

  // Returns the value of name, or an empty string when it is not set.
  std::string GetOr(const std::string& name) const;

  // Sets name to value, replacing any value it had.
  void Set(const std::string& name, const std::string& value);

  // Removes name; does nothing when it is not set.
  void Unset(const std::string& name);

  // Returns true when docker started this process as its plugin.
  bool RunAsPlugin() const { return Get(kPluginCommandVar).has_value(); }

 private:
  std::map<std::string, std::string> vars_;
};

}  // namespace mlist::cli
