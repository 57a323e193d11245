// Helpers for the command-line tests: running mlist::cli::Run in-process
// with chosen arguments and environment, and turning docker manifest's
// answers into the ones docker-mlist must give.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/environment.h"
#include "support/docker_cli.h"
#include "support/secrets.h"

namespace mlist::cli {

// What one run printed and returned.
struct CliResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Runs the command line on args, as docker's plugin (the default) or
// standalone, with env as the environment. An output that shows one of
// the tests' secrets fails the test.
inline CliResult RunCli(const std::vector<std::string>& args,
                        bool plugin = true, Environment env = {}) {
  if (plugin) {
    env.Set(kPluginCommandVar, "docker");
  }
  std::ostringstream out;
  std::ostringstream err;
  CliResult result;
  result.exit_code = Run(args, env, out, err);
  result.out = out.str();
  result.err = err.str();
  mlist::testing::ExpectNoSecret("the standard output", result.out);
  mlist::testing::ExpectNoSecret("the standard error", result.err);
  return result;
}

// Returns text with every "docker manifest" made "docker mlist".
inline std::string AsMlist(std::string text) {
  const std::string from = "docker manifest";
  const std::string to = "docker mlist";
  for (size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Returns args with each word "manifest" made "mlist".
inline std::vector<std::string> AsMlistArgs(std::vector<std::string> args) {
  for (std::string& arg : args) {
    if (arg == "manifest") {
      arg = "mlist";
    }
  }
  return args;
}

// Returns args joined by spaces, for SCOPED_TRACE.
inline std::string Shown(const std::vector<std::string>& args) {
  std::string shown;
  for (const std::string& arg : args) {
    shown += (shown.empty() ? "" : " ") + (arg.empty() ? "''" : arg);
  }
  return shown;
}

// A fixture whose tests compare with the real docker CLI, skipped when
// there is none.
class DockerComparisonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!mlist::testing::HaveDocker()) {
      GTEST_SKIP() << "no docker CLI on PATH to compare with";
    }
  }

  // Runs `docker ARGS...` with a throwaway config directory.
  base::ProcessResult Docker(const std::vector<std::string>& args) {
    return cli_.Docker(args);
  }

  // Expects that RunCli(args with manifest made mlist) prints what docker
  // prints for args, renamed, and exits as it does.
  void ExpectSameAsDocker(const std::vector<std::string>& args) {
    SCOPED_TRACE(Shown(args));
    auto want = Docker(args);
    auto got = RunCli(AsMlistArgs(args));
    EXPECT_EQ(got.exit_code, want.exit_code);
    EXPECT_EQ(got.out, AsMlist(want.out));
    EXPECT_EQ(got.err, AsMlist(want.err));
  }

  mlist::testing::DockerCli cli_;
};

}  // namespace mlist::cli
