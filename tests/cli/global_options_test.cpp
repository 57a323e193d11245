#include "cli/global_options.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace mlist::cli {
namespace {

struct Parsed {
  GlobalOptions options;
  bool help = false;
  std::vector<std::string> rest;
};

// Parses docker's global flags in front of the plugin's name, as docker
// hands them on, and settles them.
Parsed ParseGlobal(const std::vector<std::string>& args) {
  Parsed parsed;
  FlagSet flags;
  DeclareGlobalFlags(flags, parsed.options, parsed.help);
  parsed.rest = flags.Parse(args, false).positionals;
  FinishGlobalOptions(parsed.options);
  return parsed;
}

TEST(CliGlobalOptions, DefaultsWhenNoneAreGiven) {
  auto p = ParseGlobal({"mlist", "inspect", "x"});
  EXPECT_FALSE(p.options.config_dir.has_value());
  EXPECT_FALSE(p.options.debug);
  EXPECT_EQ(p.options.log_level, "info");
  EXPECT_TRUE(p.options.hosts.empty());
  EXPECT_EQ(p.rest, (std::vector<std::string>{"mlist", "inspect", "x"}));
}

TEST(CliGlobalOptions, EveryDockerGlobalFlagIsRead) {
  auto p = ParseGlobal({"--config", "/cfg", "-c", "ctx", "-H", "a", "--host=b",
                        "--tls", "--tlsverify", "--tlscacert", "ca.pem",
                        "--tlscert=cert.pem", "--tlskey", "key.pem", "-l",
                        "warn", "mlist", "-D"});
  EXPECT_EQ(p.options.config_dir, "/cfg");
  EXPECT_EQ(p.options.context, "ctx");
  EXPECT_EQ(p.options.hosts, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(p.options.tls);
  EXPECT_TRUE(p.options.tls_verify);
  EXPECT_EQ(p.options.tls_ca_cert, "ca.pem");
  EXPECT_EQ(p.options.tls_cert, "cert.pem");
  EXPECT_EQ(p.options.tls_key, "key.pem");
  EXPECT_EQ(p.options.log_level, "warn");
  // Flags after the plugin's name are the plugin's, not docker's.
  EXPECT_FALSE(p.options.debug);
  EXPECT_EQ(p.rest, (std::vector<std::string>{"mlist", "-D"}));
}

TEST(CliGlobalOptions, DebugFollowsTheFlagOrTheLevel) {
  struct Case {
    std::vector<std::string> args;
    bool debug;
    std::string level;
  };
  const Case cases[] = {
      {{"-D"}, true, "debug"},
      {{"--debug"}, true, "debug"},
      {{"--debug=false"}, false, "info"},
      {{"-l", "debug"}, true, "debug"},
      {{"--log-level=DEBUG"}, true, "debug"},
      {{"-l", "trace"}, true, "trace"},
      {{"-D", "-l", "error"}, true, "debug"},
      {{"-Dl", "error"}, true, "debug"},
      {{"-l", "warning"}, false, "warn"},
      {{"-l", "fatal"}, false, "fatal"},
      {{"-l", "panic"}, false, "panic"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.args));
    auto p = ParseGlobal(c.args);
    EXPECT_EQ(p.options.debug, c.debug);
    EXPECT_EQ(p.options.log_level, c.level);
  }
}

TEST(CliGlobalOptions, AnEmptyConfigIsStillGiven) {
  // plugin/config decides what an empty --config means; here it is kept.
  EXPECT_EQ(ParseGlobal({"--config="}).options.config_dir, "");
}

TEST(CliGlobalOptions, HelpBeforeThePluginNameIsRead) {
  EXPECT_TRUE(ParseGlobal({"--help", "mlist"}).help);
}

TEST(CliGlobalOptions, UnknownLogLevelFailsAsDocker) {
  try {
    ParseGlobal({"--log-level", "bogus"});
    FAIL() << "expected an error";
  } catch (const UsageError&) {
    FAIL() << "docker treats it as a plain failure, not bad usage";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "Unable to parse logging level: bogus");
    EXPECT_EQ(e.exit_code(), 1);
  }
}

TEST(CliGlobalOptions, UnknownGlobalFlagIsBadUsage) {
  try {
    ParseGlobal({"--bogus", "mlist"});
    FAIL() << "expected an error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown flag: --bogus");
  }
}

}  // namespace
}  // namespace mlist::cli
