#include "cli/context.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <ostream>

#include "base/error.h"
#include "config/config_dir.h"
#include "manifest/record.h"

namespace mlist::cli {

namespace {

// A count of milliseconds from the environment; nullopt when unset or
// not a plain number.
std::optional<std::chrono::milliseconds> Millis(const Environment& env,
                                                const char* name) {
  std::string value = env.GetOr(name);
  if (value.empty() || value.size() > 9 ||
      value.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::chrono::milliseconds(std::stol(value));
}

TestTimings ReadTestTimings(const Environment& env) {
  return {Millis(env, kTestReadTimeoutVar), Millis(env, kTestRetryBaseVar),
          Millis(env, kTestHelperTimeoutVar)};
}

}  // namespace

registry::SessionOptions Context::SessionOptions(bool insecure) const {
  registry::SessionOptions options;
  options.config = config;
  options.insecure = insecure;
  options.debug_log = debug_log;
  options.read_timeout = timings.read_timeout.value_or(options.read_timeout);
  options.retry_base = timings.retry_base.value_or(options.retry_base);
  options.helper_timeout =
      timings.helper_timeout.value_or(options.helper_timeout);
  return options;
}

store::Store Context::Store() const {
  auto record_ref = [](const std::string& bytes) -> std::optional<std::string> {
    try {
      return manifest::DecodeRecord(bytes).ref;
    } catch (const Error&) {
      return std::nullopt;
    }
  };
  return store::Store(config.dir, record_ref);
}

reference::Reference ParseListName(const std::string& arg) {
  try {
    return reference::ParseWithDefaultTag(arg);
  } catch (const Error& e) {
    throw Wrap("error parsing name for manifest list " + arg, e);
  }
}

Context LoadContext(const GlobalOptions& global, const Streams& streams) {
  Context context;
  if (global.debug) {
    // logrus's text format, as docker's own debug lines look; requests
    // run in parallel, so lines are written whole under a lock.
    std::ostream* err = &streams.err;
    auto mu = std::make_shared<std::mutex>();
    auto start = std::chrono::steady_clock::now();
    context.debug_log = [err, mu, start](const std::string& line) {
      auto s = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::steady_clock::now() - start)
                   .count();
      char stamp[32];
      std::snprintf(stamp, sizeof stamp, "DEBU[%04lld] ",
                    static_cast<long long>(s));
      std::lock_guard<std::mutex> lock(*mu);
      *err << stamp << line << "\n" << std::flush;
    };
  }
  // --config, else DOCKER_CONFIG, else ~/.docker: read from the
  // command's own environment.
  std::optional<std::string> dir = global.config_dir;
  auto env = streams.env.Get("DOCKER_CONFIG");
  auto home = streams.env.Get("HOME");
  if (!dir && env && !env->empty()) {
    dir = env;
  } else if (!dir && home && !home->empty()) {
    dir = *home + "/.docker";
  }
  context.config = config::LoadConfig(config::ConfigDir(dir));
  context.timings = ReadTestTimings(streams.env);
  if (context.debug_log) {
    context.debug_log("config directory: " + context.config.dir);
  }
  return context;
}

}  // namespace mlist::cli
