#include "config/config.h"

#include <cstdlib>

#include "base/error.h"
#include "config/config_dir.h"
#include "config/credential_helper.h"

namespace mlist::config {

std::map<std::string, Credential> ParseAuthConfigEnv(std::string_view value) {
  try {
    return ParseConfigFile(value).auths;
  } catch (const Error& e) {
    throw Wrap(std::string("parsing ") + kAuthConfigEnv, e);
  }
}

Config LoadConfig(const std::string& dir) {
  Config config;
  config.dir = dir;
  config.path = ConfigFilePath(dir);
  config.file = LoadConfigFile(config.path);
  if (!config.file.ContainsAuth()) {
    config.file.creds_store = DetectDefaultStore();
  }
  const char* env = std::getenv(kAuthConfigEnv);
  if (env != nullptr) {
    config.env_auths = ParseAuthConfigEnv(env);
  }
  return config;
}

}  // namespace mlist::config
