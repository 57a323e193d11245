// What every subcommand starts from: docker's configuration, read from
// the directory the global flags and the environment choose, and the
// debug log the global flags turn on.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "cli/command.h"
#include "config/config.h"
#include "reference/reference.h"
#include "registry/session.h"
#include "store/store.h"

namespace mlist::cli {

// Test-only: milliseconds that replace the session's read timeout, the
// base of its retry backoff and the credential helpers' timeout, so that
// the fault tests meet a slow server or a hanging helper in a fraction
// of a second. Not for users: the defaults are what docker's users
// expect.
inline constexpr const char* kTestReadTimeoutVar =
    "MLIST_TEST_READ_TIMEOUT_MS";
inline constexpr const char* kTestRetryBaseVar = "MLIST_TEST_RETRY_BASE_MS";
inline constexpr const char* kTestHelperTimeoutVar =
    "MLIST_TEST_HELPER_TIMEOUT_MS";

// The waits the test-only variables above set; unset keeps the default.
struct TestTimings {
  std::optional<std::chrono::milliseconds> read_timeout;
  std::optional<std::chrono::milliseconds> retry_base;
  std::optional<std::chrono::milliseconds> helper_timeout;
};

struct Context {
  config::Config config;
  // Writes one debug line to stderr when -D or --log-level debug is on;
  // unset otherwise.
  std::function<void(const std::string&)> debug_log;
  TestTimings timings;

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
