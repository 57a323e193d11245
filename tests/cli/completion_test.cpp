#include "cli/completion.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
#include "run_cli.h"
#include "support/store_seed.h"
#include "support/temp_dir.h"

namespace mlist::cli {
namespace {

std::vector<std::string> Complete(std::vector<std::string> words) {
  words.insert(words.begin(), {std::string(kCompleteCommand), kPluginName});
  return words;
}

TEST(CliCompletion, OffersSubcommandsForTheFirstWord) {
  auto r = RunCli(Complete({"cr"}));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "create\tCreate a local manifest list for annotating and pushing "
            "to a registry\n:4\n");
  EXPECT_EQ(r.err,
            "Completion ended with directive: ShellCompDirectiveNoFileComp\n");
}

TEST(CliCompletion, OffersFlagsWithTheirDescriptions) {
  auto r = RunCli(Complete({"push", "-"}));
  EXPECT_EQ(r.out,
            "--insecure\tAllow push to an insecure registry\n"
            "--purge\tRemove the local manifest list after push\n"
            "-p\tRemove the local manifest list after push\n"
            "--quiet\tPrint only the list's digest\n"
            "-q\tPrint only the list's digest\n"
            "--tag\tAlso push the list under this reference (repeatable)\n"
            "-t\tAlso push the list under this reference (repeatable)\n"
            ":4\n");
}

TEST(CliCompletion, NoDescRequestDropsDescriptions) {
  auto r = RunCli({kCompleteNoDescCommand, "mlist", "push", "--"});
  EXPECT_EQ(r.out, "--insecure\n--purge\n--quiet\n--tag\n:4\n");
}

TEST(CliCompletion, CobrasEnvironmentSwitchDropsDescriptions) {
  struct Case {
    const char* name;
    const char* value;
    bool plugin;
    bool descriptions;
  };
  const Case cases[] = {
      {"DOCKER_COMPLETION_DESCRIPTIONS", "false", true, false},
      {"DOCKER_COMPLETION_DESCRIPTIONS", "0", true, false},
      {"DOCKER_COMPLETION_DESCRIPTIONS", "true", true, true},
      {"DOCKER_COMPLETION_DESCRIPTIONS", "nonsense", true, true},
      {"COBRA_COMPLETION_DESCRIPTIONS", "false", true, false},
      {"COBRA_COMPLETION_DESCRIPTIONS", "false", false, false},
      {"DOCKER_MLIST_COMPLETION_DESCRIPTIONS", "false", false, false},
      {"DOCKER_MLIST_COMPLETION_DESCRIPTIONS", "false", true, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + "=" + c.value +
                 (c.plugin ? " plugin" : " standalone"));
    Environment env;
    env.Set(c.name, c.value);
    auto r = RunCli(Complete({"push", "--p"}), c.plugin, env);
    EXPECT_EQ(r.out, c.descriptions
                         ? "--purge\tRemove the local manifest list after "
                           "push\n:4\n"
                         : "--purge\n:4\n");
  }
}

TEST(CliCompletion, TheProgramsOwnSwitchWinsOverCobras) {
  Environment env;
  env.Set("DOCKER_COMPLETION_DESCRIPTIONS", "true");
  env.Set("COBRA_COMPLETION_DESCRIPTIONS", "false");
  auto r = RunCli(Complete({"push", "--p"}), true, env);
  EXPECT_EQ(r.out, "--purge\tRemove the local manifest list after push\n:4\n");
}

TEST(CliCompletion, StandaloneNeedsNoPluginName) {
  auto r = RunCli({kCompleteCommand, "ins"}, false);
  EXPECT_EQ(r.out,
            "inspect\tDisplay an image manifest, or manifest list\n:4\n");
  r = RunCli({kCompleteCommand, "mlist", "ins"}, false);
  EXPECT_EQ(r.out,
            "inspect\tDisplay an image manifest, or manifest list\n:4\n");
}

TEST(CliCompletion, AnEmptyRequestOffersEverySubcommand) {
  auto r = RunCli({kCompleteCommand});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("annotate\t"), std::string::npos);
  EXPECT_NE(r.out.find("\n:4\n"), std::string::npos);
}

TEST(CliCompletion, NeverPrintsDeprecationNoticesOnStdout) {
  // docker prints "Flag shorthand -h has been deprecated" into the
  // candidates three times here; a shell would offer it.
  auto r = RunCli(Complete({"-h", "cr"}));
  EXPECT_EQ(r.out.find("deprecated"), std::string::npos);
  EXPECT_EQ(r.out.rfind("create\t", 0), 0u) << r.out;
}

TEST(CliDirectiveName, NamesEachBitAsCobraDoes) {
  EXPECT_EQ(DirectiveName(kDirectiveDefault), "ShellCompDirectiveDefault");
  EXPECT_EQ(DirectiveName(kDirectiveNoFileComp),
            "ShellCompDirectiveNoFileComp");
  EXPECT_EQ(DirectiveName(kDirectiveNoSpace | kDirectiveNoFileComp),
            "ShellCompDirectiveNoSpace, ShellCompDirectiveNoFileComp");
  EXPECT_EQ(DirectiveName(kDirectiveError), "ShellCompDirectiveError");
}

// Completion of local lists and entries, in a store of its own.
class CliCompletionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.Set("DOCKER_CONFIG", dir_.path());
    testing::SeedOurList(dir_.path(), "localhost:5000/app:1", {"v2a", "ocia"});
    testing::SeedDockerList(dir_.path(), "localhost-5000_app-2", {"weird"});
  }

  CliResult Run(std::vector<std::string> words) {
    return RunCli(Complete(std::move(words)), true, env_);
  }

  Environment env_;
  testing::TempDir dir_;
};

const char kBothLists[] =
    "localhost:5000/app:1\t2 entries: linux/arm64/v8, linux/amd64\n"
    "localhost:5000/app:2\t1 entry: linux/amd64\n"
    ":4\n";

TEST_F(CliCompletionStoreTest, OffersListsWhereCommandsTakeThem) {
  for (const auto& words :
       std::vector<std::vector<std::string>>{{"push", ""},
                                             {"push", "--purge", "localhost"},
                                             {"rm", ""},
                                             {"annotate", ""},
                                             {"annotate", "--os", "linux", ""},
                                             {"inspect", "-v", ""},
                                             {"annotate", "--", ""}}) {
    SCOPED_TRACE(Shown(words));
    auto r = Run(words);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, kBothLists);
    EXPECT_EQ(r.err,
              "Completion ended with directive: "
              "ShellCompDirectiveNoFileComp\n");
  }
}

TEST_F(CliCompletionStoreTest, RmOffersEachListOnce) {
  EXPECT_EQ(Run({"rm", "localhost:5000/app:1", ""}).out,
            "localhost:5000/app:2\t1 entry: linux/amd64\n:4\n");
}

TEST_F(CliCompletionStoreTest, OffersEntriesAfterAList) {
  std::string v2a = testing::SeedDigest("v2a").substr(0, 19);
  std::string ocia = testing::SeedDigest("ocia").substr(0, 19);
  std::string want = "127.0.0.1:5555/app:ocia\tlinux/arm64/v8 " + ocia +
                     "\n127.0.0.1:5555/app:v2a\tlinux/amd64 " + v2a + "\n:4\n";
  EXPECT_EQ(Run({"annotate", "localhost:5000/app:1", ""}).out, want);
  EXPECT_EQ(Run({"inspect", "localhost:5000/app:1", ""}).out, want);
  EXPECT_EQ(Run({"annotate", "--arch", "arm64", "localhost:5000/app:1",
                 "127.0.0.1:5555/app:v"})
                .out,
            "127.0.0.1:5555/app:v2a\tlinux/amd64 " + v2a + "\n:4\n");
  // Not a local list: nothing, and no file names either.
  EXPECT_EQ(Run({"inspect", "localhost:5000/app:9", ""}).out, ":4\n");
}

TEST_F(CliCompletionStoreTest, NothingPastTheLastArgument) {
  EXPECT_EQ(Run({"push", "localhost:5000/app:1", ""}).out, ":4\n");
  EXPECT_EQ(Run({"annotate", "a", "b", ""}).out, ":4\n");
  EXPECT_EQ(Run({"ls", ""}).out, ":4\n");
  // create names a new list and remote images: the shell's own choice.
  EXPECT_EQ(Run({"create", ""}).out, ":0\n");
}

TEST_F(CliCompletionStoreTest, DescriptionsOffForDockersSwitch) {
  const std::string bare = "localhost:5000/app:1\nlocalhost:5000/app:2\n:4\n";
  EXPECT_EQ(
      RunCli({kCompleteNoDescCommand, "mlist", "push", ""}, true, env_).out,
      bare);
  // docker reads it as set or not: any value, "false" too, turns them off.
  for (const char* value : {"1", "true", "false"}) {
    SCOPED_TRACE(value);
    Environment env = env_;
    env.Set("DOCKER_CLI_DISABLE_COMPLETION_DESCRIPTION", value);
    EXPECT_EQ(RunCli(Complete({"push", ""}), true, env).out, bare);
    EXPECT_EQ(RunCli({kCompleteCommand, "push", ""}, false, env).out, bare);
  }
  Environment empty = env_;
  empty.Set("DOCKER_CLI_DISABLE_COMPLETION_DESCRIPTION", "");
  EXPECT_EQ(RunCli(Complete({"push", ""}), true, empty).out, kBothLists);
}

TEST_F(CliCompletionStoreTest, AnUnreadableStoreGivesNothingQuietly) {
  testing::WriteFile(dir_.Join("config.json"), "{");
  auto r = Run({"push", ""});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, ":1\n");
  EXPECT_NE(r.err.find("[Debug] [Error] parsing config file"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("Completion ended with directive: "
                       "ShellCompDirectiveError\n"),
            std::string::npos);
}

TEST_F(CliCompletionStoreTest, OffersPlatformsForPlatformFlags) {
  const std::string want = "linux/arm64\nlinux/arm64/v8\n:4\n";
  size_t tried = 0;
  for (const Command& command : Commands()) {
    FlagSet flags;
    command.bind(flags);
    for (const char* name : {"platform", "platforms"}) {
      const Flag* flag = flags.Lookup(name);
      if (flag == nullptr || flag->kind == FlagKind::kBool) {
        continue;
      }
      SCOPED_TRACE(command.name + " --" + name);
      ++tried;
      std::string long_name = std::string("--") + name;
      EXPECT_EQ(Run({command.name, long_name, "linux/arm64"}).out, want);
      EXPECT_EQ(Run({command.name, long_name + "=linux/arm64"}).out, want);
    }
  }
  if (tried == 0) {
    GTEST_SKIP() << "no command has a --platform flag";
  }
}

TEST(CliCompletion, AfterDashDashAnnotateTakesAList) {
  // docker manifest offers file names here; a list is no file.
  Environment env;
  env.Set("DOCKER_CONFIG", "/nonexistent");
  auto r = RunCli(Complete({"annotate", "--", "-"}), true, env);
  EXPECT_EQ(r.out, ":4\n");
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

class CliCompletionVersusDockerTest : public DockerComparisonTest {
 protected:
  // docker-mlist has subcommands and flags of its own: each of docker
  // manifest's candidates must be among ours, in docker's order, and the
  // directive, stderr and exit code must be docker's.
  void ExpectDockersAnswerAmongOurs(const std::vector<std::string>& args) {
    SCOPED_TRACE(Shown(args));
    auto want = Docker(args);
    auto got = RunCli(AsMlistArgs(args));
    EXPECT_EQ(got.exit_code, want.exit_code);
    EXPECT_EQ(got.err, AsMlist(want.err));
    std::vector<std::string> theirs = Lines(AsMlist(want.out));
    std::vector<std::string> ours = Lines(got.out);
    ASSERT_FALSE(theirs.empty());
    ASSERT_FALSE(ours.empty());
    EXPECT_EQ(ours.back(), theirs.back());
    size_t found = 0;
    for (size_t i = 0; i + 1 < ours.size() && found + 1 < theirs.size(); ++i) {
      found += ours[i] == theirs[found] ? 1 : 0;
    }
    EXPECT_EQ(found, theirs.size() - 1) << got.out;
  }
};

// docker manifest's answers, stdout and stderr, are among ours.
TEST_F(CliCompletionVersusDockerTest, AnswersAsDockerManifest) {
  const std::vector<std::vector<std::string>> cases = {
      {""},
      {"cr"},
      {"c"},
      {"x", ""},
      {"-"},
      {"--"},
      {"--", ""},
      {"--help", "c"},
      {"create", ""},
      {"create", "a", ""},
      {"create", "-"},
      {"create", "--"},
      {"create", "--am"},
      {"create", "-a"},
      {"create", "--amend", "-"},
      {"create", "-a", "-"},
      {"create", "--amend=false", "-"},
      {"create", "--amend="},
      {"create", "a", "b", "-"},
      {"create", "--", "-"},
      {"create", "--help", ""},
      {"create", "--bogus", ""},
      {"create", "a", "--bogus", "b", ""},
      {"create", "-x", "-"},
      {"annotate", "--"},
      {"annotate", "--os", ""},
      {"annotate", "--os", "-"},
      {"annotate", "--os=li"},
      {"annotate", "--os=linux", "-"},
      {"annotate", "--os", "a", "--"},
      {"annotate", "--os-features", "a", "-"},
      {"inspect", "-"},
      {"inspect", "-v"},
      {"create", "-a", "--"},
      {"rm", "-"},
  };
  for (const auto& words : cases) {
    std::vector<std::string> args = {"__complete", "manifest"};
    args.insert(args.end(), words.begin(), words.end());
    ExpectDockersAnswerAmongOurs(args);
  }
}

}  // namespace
}  // namespace mlist::cli
