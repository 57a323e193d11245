// docker's global flags, which docker hands on to its plugins in front of
// the plugin's name: `docker --config /x -D mlist push foo` runs
// `docker-mlist --config /x -D mlist push foo`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/flags.h"

namespace mlist::cli {

// What the global flags asked for. Every command receives these.
struct GlobalOptions {
  // --config: the client configuration directory. Unset when not given;
  // plugin/config then falls back to $DOCKER_CONFIG, then ~/.docker.
  std::optional<std::string> config_dir;
  // -c/--context: the docker context; empty when not given.
  std::string context;
  // -D/--debug, or a log level of debug or trace: turns on the debug log.
  bool debug = false;
  // -l/--log-level, in lower case: trace, debug, info (the default),
  // warn, error, fatal or panic. -D makes it debug, as docker does.
  std::string log_level = "info";
  // -H/--host, each use adding one daemon address. Unused by manifest
  // commands, kept so that docker's argv parses.
  std::vector<std::string> hosts;
  // --tls and --tlsverify.
  bool tls = false;
  bool tls_verify = false;
  // --tlscacert, --tlscert, --tlskey; empty when not given.
  std::string tls_ca_cert;
  std::string tls_cert;
  std::string tls_key;
};

// Declares docker's global flags on flags, bound to options, plus the
// persistent --help (bound to help). Call FinishGlobalOptions after
// parsing.
void DeclareGlobalFlags(FlagSet& flags, GlobalOptions& options, bool& help);

// Checks and settles options once the flags are parsed: the log level is
// lower-cased and must be one logrus knows, -D forces it to debug, and
// debug follows it. Throws mlist::Error (exit 1, no usage, as docker)
// reading "Unable to parse logging level: x".
void FinishGlobalOptions(GlobalOptions& options);

}  // namespace mlist::cli
