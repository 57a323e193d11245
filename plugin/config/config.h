// Everything the plugin reads from docker's configuration, loaded once per
// command: config.json and the DOCKER_AUTH_CONFIG variable.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "config/config_file.h"
#include "config/credential.h"

namespace mlist::config {

// The variable holding a config.json document whose "auths" win over every
// other source of credentials.
inline constexpr const char* kAuthConfigEnv = "DOCKER_AUTH_CONFIG";

// docker's configuration as one command sees it.
struct Config {
  // The configuration directory (see ConfigDir).
  std::string dir;
  // config.json inside it, which may not exist.
  std::string path;
  // Its content; empty when the file is missing.
  ConfigFile file;
  // The "auths" of DOCKER_AUTH_CONFIG, matched by exact key only.
  std::map<std::string, Credential> env_auths;
};

// Loads dir/config.json (see LoadConfigFile) and DOCKER_AUTH_CONFIG (see
// ParseAuthConfigEnv). When the file configures no credentials at all, its
// creds_store becomes the platform's default helper if that is installed
// (see DetectDefaultStore), as docker does. Throws mlist::Error when the
// file or the variable cannot be read or parsed.
Config LoadConfig(const std::string& dir);

// Parses the value of DOCKER_AUTH_CONFIG, a config.json document, and
// returns its "auths"; an empty value gives none. Throws mlist::Error
// reading `parsing DOCKER_AUTH_CONFIG: WHY` (WHY as for ParseConfigFile;
// never the value) when it is malformed. docker ignores a malformed value
// silently; an error here tells the user why a login is not used.
std::map<std::string, Credential> ParseAuthConfigEnv(std::string_view value);

}  // namespace mlist::config
