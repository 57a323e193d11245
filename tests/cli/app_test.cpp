#include "cli/app.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cli/commands.h"
#include "run_cli.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace mlist::cli {
namespace {

std::string RootHelp(bool plugin) {
  return testing::ReadFile(testing::TestData(
      plugin ? "cli/root_help_plugin.txt" : "cli/root_help_standalone.txt"));
}

TEST(CliRun, HelpFlagPrintsTheRootHelp) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"mlist", "--help"},
                                             {"--help", "mlist"},
                                             {"help", "mlist"},
                                             {"mlist", "--help", "crate"},
                                             {"-D", "mlist", "--help"}}) {
    SCOPED_TRACE(Shown(args));
    auto r = RunCli(args);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, RootHelp(true));
    EXPECT_EQ(r.err, "");
  }
}

TEST(CliRun, BareInvocationPrintsHelpOnStderrAndSucceeds) {
  auto r = RunCli({"mlist"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "\n" + RootHelp(true));
  r = RunCli({}, false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "\n" + RootHelp(false));
}

TEST(CliRun, SubcommandHelpComesEveryWay) {
  auto want = RunCli({"mlist", "annotate", "--help"}).out;
  EXPECT_EQ(want.rfind("Usage:  docker mlist annotate [OPTIONS] "
                       "MANIFEST_LIST MANIFEST\n",
                       0),
            0u);
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"mlist", "--help", "annotate"},
           {"--help", "mlist", "annotate"},
           {"help", "mlist", "annotate"},
           {"mlist", "annotate", "a", "b", "c", "--help"},
           {"mlist", "annotate", "--os", "x", "--help=true"}}) {
    SCOPED_TRACE(Shown(args));
    auto r = RunCli(args);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, want);
    EXPECT_EQ(r.err, "");
  }
}

TEST(CliRun, ShortHelpWorksWithDockersDeprecationNotice) {
  auto r = RunCli({"mlist", "rm", "-h"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "Flag shorthand -h has been deprecated, use --help\n"
            "Usage:  docker mlist rm MANIFEST_LIST [MANIFEST_LIST...]\n\n"
            "Delete one or more manifest lists from local storage\n\n"
            "Options:\n"
            "      --all   Remove every local manifest list\n");
}

TEST(CliRun, StandaloneNamesItselfDockerMlist) {
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string err;
  };
  const Case cases[] = {
      {{"create", "--bogus"},
       125,
       "unknown flag: --bogus\n\n"
       "Usage:  docker-mlist create MANIFEST_LIST MANIFEST [MANIFEST...]\n\n"
       "Run 'docker-mlist create --help' for more information\n"},
      {{"push"},
       1,
       "docker-mlist: 'docker-mlist push' requires 1 argument\n\n"
       "Usage:  docker-mlist push [OPTIONS] MANIFEST_LIST\n\n"
       "Run 'docker-mlist push --help' for more information\n"},
      {{"bogus"},
       1,
       "docker-mlist: unknown command: docker-mlist bogus\n\n"
       "Usage:  docker-mlist [OPTIONS] COMMAND\n\n"
       "Run 'docker-mlist --help' for more information\n"},
      {{"--bogus", "inspect", "x"},
       125,
       "unknown flag: --bogus\n\n"
       "Usage:  docker-mlist [OPTIONS] COMMAND\n\n"
       "Run 'docker-mlist --help' for more information\n"},
      {{"help", "--bogus"},
       125,
       "unknown flag: --bogus\n\n"
       "Usage:  docker-mlist help [command]\n\n"
       "Run 'docker-mlist help --help' for more information\n"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(Shown(c.args));
    auto r = RunCli(c.args, false);
    EXPECT_EQ(r.exit_code, c.exit_code);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, c.err);
  }
}

// The commands below run for real against an empty config directory of
// the test's own: `rm` of a list that is not there needs no registry.
TEST(CliRun, StandaloneAcceptsGlobalFlagsAndThePluginName) {
  testing::TempDir dir;
  const std::string& cfg = dir.path();
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"--config", cfg, "rm", "x"},
           {"--config", cfg, "mlist", "rm", "x"},
           {"--config=" + cfg, "-D", "-l", "info", "mlist", "rm", "x"},
           {"-H", "unix:///x", "--tlsverify", "--config", cfg, "rm", "x"}}) {
    SCOPED_TRACE(Shown(args));
    auto r = RunCli(args, false);
    EXPECT_EQ(r.exit_code, 1);
    bool debug = std::find(args.begin(), args.end(), "-D") != args.end();
    EXPECT_EQ(r.err, (debug ? "DEBU[0000] config directory: " + cfg + "\n"
                            : std::string()) +
                         "No such manifest: docker.io/library/x:latest\n");
  }
}

TEST(CliRun, DockerConfigComesFromTheCommandsEnvironment) {
  testing::TempDir dir;
  Environment env;
  env.Set("DOCKER_CONFIG", dir.path());
  auto r = RunCli({"-D", "rm", "x"}, false, env);
  EXPECT_EQ(r.err.rfind("DEBU[0000] config directory: " + dir.path() + "\n", 0),
            0u)
      << r.err;
  Environment home;
  home.Set("HOME", dir.path());
  auto h = RunCli({"-D", "rm", "x"}, false, home);
  EXPECT_EQ(h.err.rfind(
                "DEBU[0000] config directory: " + dir.path() + "/.docker\n", 0),
            0u)
      << h.err;
}

TEST(CliRun, PushOfAMissingListIsNoSuchManifest) {
  testing::TempDir dir;
  auto r = RunCli({"--config", dir.path(), "mlist", "push", "-p", "l"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "No such manifest: docker.io/library/l:latest\n");
}

TEST(CliRun, GlobalFlagsBeforeThePluginNameAreDockers) {
  testing::TempDir dir;
  auto r = RunCli({"--config", dir.path(), "-D", "-l", "debug", "-c", "ctx",
                   "-H", "a", "--tls", "--tlscacert", "c", "--tlscert=d",
                   "--tlskey", "e", "--tlsverify", "mlist", "rm", "x"});
  EXPECT_EQ(r.exit_code, 1);
  // -D turns on the debug log, which names the --config directory.
  EXPECT_EQ(r.err, "DEBU[0000] config directory: " + dir.path() +
                       "\nNo such manifest: docker.io/library/x:latest\n");
}

TEST(CliRun, GlobalFlagsAfterThePluginNameAreUnknown) {
  auto r = RunCli({"mlist", "rm", "--config", "/x", "a"});
  EXPECT_EQ(r.exit_code, 125);
  EXPECT_EQ(
      r.err.rfind("unknown flag: --config\n\nUsage:  docker mlist rm ", 0), 0u)
      << r.err;
}

TEST(CliRun, CloseMisspellingsGetCobrasSuggestion) {
  auto r = RunCli({"mlist", "crate", "a"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "docker: unknown command: docker mlist crate\n\n"
            "Did you mean this?\n\tcreate\n\n"
            "Usage:  docker mlist COMMAND\n\n"
            "Run 'docker mlist --help' for more information\n");
}

TEST(CliRun, HelpForAnUnknownTopicFails) {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"help", "mlist", "crate"}, "unknown help topic: crate\n"},
      {{"help", "mlist", "create", "x"}, "unknown help topic: x\n"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(Shown(c.args));
    auto r = RunCli(c.args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, c.err);
  }
}

class CliRunVersusDockerTest : public DockerComparisonTest {
 protected:
  // Expects docker's answer with cobra's suggestion block added after the
  // first line, which docker leaves out.
  void ExpectDockerWithSuggestion(const std::vector<std::string>& args,
                                  const std::string& suggestion) {
    SCOPED_TRACE(Shown(args));
    auto want = Docker(args);
    auto got = RunCli(AsMlistArgs(args));
    std::string err = AsMlist(want.err);
    err.insert(err.find('\n') + 2,
               "Did you mean this?\n\t" + suggestion + "\n\n");
    EXPECT_EQ(got.exit_code, want.exit_code);
    EXPECT_EQ(got.out, want.out);
    EXPECT_EQ(got.err, err);
  }
};

// Usage errors: docker manifest's exact text on stderr and its exit code.
TEST_F(CliRunVersusDockerTest, UsageErrorsAreDockers) {
  const std::vector<std::vector<std::string>> cases = {
      {"create", "--bogus"},
      {"create", "--bogus", "--help"},
      {"create", "--help", "--bogus"},
      {"create"},
      {"create", "a"},
      {"create", "-"},
      {"create", "-x"},
      {"create", "-ax"},
      {"create", "-l"},
      {"create", "--am", "a", "b"},
      {"create", "---x"},
      {"create", "--=x"},
      {"create", "--amend=x", "a", "b"},
      {"create", "--amend=", "a", "b"},
      {"create", "-a=0", "a"},
      {"create", "--help=bogus"},
      {"create", "--help=false", "a"},
      {"create", "--config", "/x"},
      {"create", "-D"},
      {"annotate", "x"},
      {"annotate", "--os"},
      {"annotate", "a", "b", "--os"},
      {"annotate", "--os-features"},
      {"annotate", "-o", "x", "a", "b"},
      {"annotate", "--os-features", "a\"b", "x", "y"},
      {"annotate", "--os-features", "\"a,b\"x", "x", "y"},
      {"annotate", "--os-features", "\"a", "x", "y"},
      {"annotate", "--os-features", "a,b", "--os-features", "c", "x"},
      {"push"},
      {"push", "a", "b"},
      {"push", "--nope", "x"},
      {"inspect"},
      {"inspect", "a", "b", "c"},
      {"inspect", "--verbose=1"},
      {"rm"},
      {"rm", "--bogus"},
      {"bogus"},
      {"zzz"},
      {"-x"},
      {"--bogus"},
      {"--bogus", "create"},
      {"-D", "create"},
      {"crate", "--bogus"},
      {"help"},
      {"help", "create"},
      {"--", "create", "a", "b"},
  };
  for (const auto& args : cases) {
    std::vector<std::string> full = {"manifest"};
    full.insert(full.end(), args.begin(), args.end());
    ExpectSameAsDocker(full);
  }
}

TEST_F(CliRunVersusDockerTest, OtherFailuresAreDockers) {
  const std::vector<std::vector<std::string>> cases = {
      {"-l", "bogus", "manifest"},
      {"--log-level=bogus", "manifest", "create"},
      {"help", "manifest", "crate"},
      {"help", "manifest", "create", "x"},
      {"help", "manifest", "--bogus"},
  };
  for (const auto& args : cases) {
    ExpectSameAsDocker(args);
  }
}

TEST_F(CliRunVersusDockerTest, UnknownCommandsAddASuggestion) {
  ExpectDockerWithSuggestion({"manifest", "crate"}, "create");
  ExpectDockerWithSuggestion({"manifest", "creat", "a", "b"}, "create");
  ExpectDockerWithSuggestion({"manifest", "Push"}, "push");
}

TEST_F(CliRunVersusDockerTest, ShortHelpNoticeIsDockers) {
  for (const char* command : {"create", "inspect", "push"}) {
    SCOPED_TRACE(command);
    auto want = Docker({"manifest", command, "-h"});
    auto got = RunCli({"mlist", command, "-h"});
    EXPECT_EQ(got.exit_code, want.exit_code);
    EXPECT_EQ(got.out.substr(0, got.out.find('\n', got.out.find('\n') + 1)),
              AsMlist(want.out.substr(
                  0, want.out.find('\n', want.out.find('\n') + 1))));
  }
}

// Through the real docker CLI, with the built binary as its plugin: the
// argv docker hands on is read as docker means it.
class CliThroughDockerTest : public DockerComparisonTest {};

TEST_F(CliThroughDockerTest, GlobalFlagsAndHelpFormsReachThePlugin) {
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string out_start;
    std::string err_start;
  };
  const Case cases[] = {
      {{"-D", "mlist", "create", "--bogus"},
       125,
       "",
       "unknown flag: --bogus\n\nUsage:  docker mlist create "},
      {{"--log-level", "warn", "mlist", "push", "x"},
       1,
       "",
       "No such manifest: docker.io/library/x:latest\n"},
      {{"--help", "mlist"}, 0, "Usage:  docker mlist COMMAND\n", ""},
      {{"help", "mlist", "rm"},
       0,
       "Usage:  docker mlist rm MANIFEST_LIST [MANIFEST_LIST...]\n",
       ""},
      {{"mlist", "inspect", "--help"},
       0,
       "Usage:  docker mlist inspect [OPTIONS] [MANIFEST_LIST] MANIFEST\n",
       ""},
      {{"__complete", "-D", "mlist", "inspect", "--v"},
       0,
       "--verbose\tOutput additional info including layers and platform\n:4\n",
       ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(Shown(c.args));
    auto r = Docker(c.args);
    EXPECT_EQ(r.exit_code, c.exit_code);
    EXPECT_EQ(r.out.substr(0, c.out_start.size()), c.out_start) << r.out;
    EXPECT_EQ(r.err.substr(0, c.err_start.size()), c.err_start) << r.err;
  }
}

}  // namespace
}  // namespace mlist::cli
