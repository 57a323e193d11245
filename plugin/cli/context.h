// What every subcommand starts from: docker's configuration, read from
// the directory the global flags and the environment choose, and the
// debug log the global flags turn on.
#pragma once

#include <functional>
#include <string>

#include "cli/command.h"
#include "config/config.h"
#include "reference/reference.h"
#include "registry/session.h"
#include "store/store.h"

namespace mlist::cli {

struct Context {
  config::Config config;
  // Writes one debug line to stderr when -D or --log-level debug is on;
  // unset otherwise.
  std::function<void(const std::string&)> debug_log;

  // Options for a registry session on this configuration.
  registry::SessionOptions SessionOptions(bool insecure) const;

  // The local store of manifest lists under the config directory, which
  // tells colliding references apart by the "Ref" of their records.
  store::Store Store() const;
};

// Parses a list reference as create and push do, adding "latest" when it
// has neither tag nor digest. Throws mlist::Error as docker words it:
// "error parsing name for manifest list ARG: why".
reference::Reference ParseListName(const std::string& arg);

// Loads the configuration: --config, else DOCKER_CONFIG from the
// command's environment, else ~/.docker. Throws mlist::Error naming
// config.json when it cannot be parsed.
Context LoadContext(const GlobalOptions& global, const Streams& streams);

}  // namespace mlist::cli
