#include "cli/completion.h"

#include <gtest/gtest.h>

#include "cli/commands.h"
#include "run_cli.h"

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

class CliCompletionVersusDockerTest : public DockerComparisonTest {};

// The whole answer, stdout and stderr, is docker manifest's.
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
      {"annotate", "--", "-"},
      {"inspect", "-"},
      {"inspect", "-v"},
      {"create", "-a", "--"},
      {"rm", "-"},
      {"rm", ""},
  };
  for (const auto& words : cases) {
    std::vector<std::string> args = {"__complete", "manifest"};
    args.insert(args.end(), words.begin(), words.end());
    ExpectSameAsDocker(args);
  }
}

}  // namespace
}  // namespace mlist::cli
