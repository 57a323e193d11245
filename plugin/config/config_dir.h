// Where docker keeps its configuration: config.json, the local manifest
// store, certs.d and cli-plugins all live in one directory.
#pragma once

#include <optional>
#include <string>

namespace mlist::config {

// The name of docker's configuration file inside the config directory.
inline constexpr const char* kConfigFileName = "config.json";

// Returns the configuration directory as docker chooses it: the --config
// value when given and not empty, else $DOCKER_CONFIG when not empty, else
// ".docker" in the home directory. The path is normalised lexically (no
// "." or ".." parts, no trailing slash) but not made absolute. Throws
// mlist::Error when it falls back to the home directory and there is none.
std::string ConfigDir(const std::optional<std::string>& flag);

// Returns the user's home directory: $HOME when not empty, else the home
// directory of the current user in the password database. Throws
// mlist::Error when neither names one.
std::string HomeDir();

// Returns the path of config.json inside the configuration directory dir.
std::string ConfigFilePath(const std::string& dir);

}  // namespace mlist::config
