#include "cli/global_options.h"

#include <algorithm>
#include <cctype>

#include "base/error.h"

namespace mlist::cli {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

// The levels logrus accepts, as docker reads --log-level; "warning" is
// its other name for warn.
std::optional<std::string> NormalLogLevel(const std::string& text) {
  std::string level = Lower(text);
  if (level == "warning") {
    return "warn";
  }
  for (const char* known :
       {"panic", "fatal", "error", "warn", "info", "debug", "trace"}) {
    if (level == known) {
      return level;
    }
  }
  return std::nullopt;
}

}  // namespace

void DeclareGlobalFlags(FlagSet& flags, GlobalOptions& options, bool& help) {
  flags.String("config", '\0', &options.config_dir,
               "Location of client config files");
  flags.String("context", 'c', &options.context,
               "Name of the context to use to connect to the daemon");
  flags.Bool("debug", 'D', &options.debug, "Enable debug mode");
  flags.List("host", 'H', &options.hosts, "Daemon socket to connect to");
  flags.String("log-level", 'l', &options.log_level,
               "Set the logging level (\"debug\", \"info\", \"warn\", "
               "\"error\", \"fatal\") (default \"info\")");
  flags.Bool("tls", '\0', &options.tls, "Use TLS; implied by --tlsverify");
  flags.String("tlscacert", '\0', &options.tls_ca_cert,
               "Trust certs signed only by this CA");
  flags.String("tlscert", '\0', &options.tls_cert,
               "Path to TLS certificate file");
  flags.String("tlskey", '\0', &options.tls_key, "Path to TLS key file");
  flags.Bool("tlsverify", '\0', &options.tls_verify,
             "Use TLS and verify the remote");
  flags.Help(&help);
}

void FinishGlobalOptions(GlobalOptions& options) {
  auto level = NormalLogLevel(options.log_level);
  if (!level) {
    throw Error("Unable to parse logging level: " + options.log_level);
  }
  options.log_level = *level;
  if (options.debug) {
    // docker's -D turns debug on after the level was set, so it wins.
    options.log_level = "debug";
  }
  options.debug = options.log_level == "debug" || options.log_level == "trace";
}

}  // namespace mlist::cli
