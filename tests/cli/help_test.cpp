#include "cli/help.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
#include "run_cli.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace mlist::cli {
namespace {

const Invocation kPlugin{true};
const Invocation kStandalone{false};

std::string RootHelp(const Invocation& invocation) {
  std::ostringstream out;
  WriteRootHelp(invocation, out);
  return out.str();
}

std::string CommandHelp(const Invocation& invocation, const char* name) {
  std::ostringstream out;
  WriteCommandHelp(invocation, *FindCommand(name), out);
  return out.str();
}

// Returns docker's help without its EXPERIMENTAL paragraph, which
// docker-mlist leaves out.
std::string WithoutExperimental(std::string help) {
  size_t start = help.find("EXPERIMENTAL:\n");
  if (start == std::string::npos) {
    return help;
  }
  size_t end = help.find("\n\n", start);
  end = end == std::string::npos ? help.size() : end + 2;
  help.erase(start, end - start);
  // rm has no options: the paragraph was the last thing, after a blank.
  if (start == help.size() && help.size() >= 2) {
    help.erase(help.size() - 1);
  }
  return help;
}

TEST(CliInvocation, NamesUsAsTheUserCalledUs) {
  EXPECT_EQ(kPlugin.RootPath(), "docker mlist");
  EXPECT_EQ(kStandalone.RootPath(), "docker-mlist");
  EXPECT_EQ(kPlugin.RootUsage(), "docker mlist COMMAND");
  EXPECT_EQ(kStandalone.RootUsage(), "docker-mlist [OPTIONS] COMMAND");
  EXPECT_EQ(kPlugin.ErrorPrefix(), "docker");
  EXPECT_EQ(kStandalone.ErrorPrefix(), "docker-mlist");
}

TEST(CliRootHelp, MatchesTheGoldenFiles) {
  EXPECT_EQ(RootHelp(kPlugin),
            testing::ReadFile(testing::TestData("cli/root_help_plugin.txt")));
  EXPECT_EQ(
      RootHelp(kStandalone),
      testing::ReadFile(testing::TestData("cli/root_help_standalone.txt")));
}

TEST(CliRootHelp, SaysWhatItIsAndThatItIsCompatible) {
  std::string help = RootHelp(kPlugin);
  EXPECT_NE(help.find("docker-mlist manages manifest lists"),
            std::string::npos);
  EXPECT_NE(help.find("compatible with docker manifest"), std::string::npos);
  EXPECT_EQ(help.find("EXPERIMENTAL"), std::string::npos);
  EXPECT_EQ(help.find("Global Options"), std::string::npos);
  EXPECT_NE(RootHelp(kStandalone).find("Global Options:\n"), std::string::npos);
}

TEST(CliFlagTable, AlignsDescriptionsThreeSpacesPastTheWidestFlag) {
  FlagSet flags;
  bool amend = false;
  bool insecure = false;
  bool help = false;
  std::vector<std::string> features;
  flags.Bool("amend", 'a', &amend, "Amend an existing manifest list");
  flags.Bool("insecure", '\0', &insecure, "Allow insecure");
  flags.Strings("os-features", '\0', &features, "Set features");
  flags.Help(&help);
  EXPECT_EQ(FlagTable(flags.Sorted()),
            "  -a, --amend                 Amend an existing manifest list\n"
            "      --insecure              Allow insecure\n"
            "      --os-features strings   Set features\n");
}

TEST(CliFlagTable, WrapsLongDescriptionsUnderTheirColumn) {
  FlagSet flags;
  std::string level;
  flags.String("log-level", 'l', &level,
               "Set the logging level (\"debug\", \"info\", \"warn\", "
               "\"error\", \"fatal\") (default \"info\")");
  EXPECT_EQ(FlagTable(flags.Sorted()),
            "  -l, --log-level string   Set the logging level (\"debug\", "
            "\"info\", \"warn\",\n"
            "                           \"error\", \"fatal\") (default "
            "\"info\")\n");
}

TEST(CliFlagTable, IsEmptyWithOnlyHiddenFlags) {
  FlagSet flags;
  bool help = false;
  flags.Help(&help);
  EXPECT_EQ(FlagTable(flags.Sorted()), "");
}

TEST(CliCommandHelp, UsesTheStandaloneName) {
  EXPECT_EQ(CommandHelp(kStandalone, "push"),
            "Usage:  docker-mlist push [OPTIONS] MANIFEST_LIST\n"
            "\n"
            "Push a manifest list to a repository\n"
            "\n"
            "Options:\n"
            "      --insecure   Allow push to an insecure registry\n"
            "  -p, --purge      Remove the local manifest list after push\n"
            "  -q, --quiet      Print only the list's digest\n"
            "  -t, --tag list   Also push the list under this reference "
            "(repeatable)\n");
}

class CliHelpVersusDockerTest : public DockerComparisonTest {};

// docker manifest's subcommands; the others are docker-mlist's own.
bool IsDockers(const std::string& name) {
  for (const char* dockers : {"annotate", "create", "inspect", "push", "rm"}) {
    if (name == dockers) {
      return true;
    }
  }
  return false;
}

// Subcommand help is docker's own but for the EXPERIMENTAL paragraph and
// the flags docker-mlist adds: every line of docker's help is in ours,
// and ours has no other line but those of its own flags.
TEST_F(CliHelpVersusDockerTest, SubcommandHelpIsDockers) {
  for (const Command& command : Commands()) {
    if (!IsDockers(command.name)) {
      continue;
    }
    SCOPED_TRACE(command.name);
    auto want = Docker({"manifest", command.name, "--help"});
    ASSERT_EQ(want.exit_code, 0) << want.err;
    std::string ours = CommandHelp(kPlugin, command.name.c_str());
    std::string theirs = AsMlist(WithoutExperimental(want.out));
    std::istringstream lines(theirs);
    for (std::string line; std::getline(lines, line);) {
      std::string flag = line.substr(0, line.find("  ", 6));
      EXPECT_NE(ours.find(flag), std::string::npos) << line;
    }
    std::istringstream our_lines(ours);
    for (std::string line; std::getline(our_lines, line);) {
      // rm's only options are ours: docker's help has no "Options:".
      bool own_flag = line.rfind("  ", 0) == 0 || line == "Options:";
      EXPECT_TRUE(own_flag || theirs.find(line) != std::string::npos) << line;
    }
  }
}

// The description differs; the command table holds docker's rows among
// ours, and the closing line is the same.
TEST_F(CliHelpVersusDockerTest, RootHelpEndsAsDockers) {
  auto want = Docker({"manifest", "--help"});
  ASSERT_EQ(want.exit_code, 0) << want.err;
  std::string ours = RootHelp(kPlugin);
  std::string theirs = AsMlist(want.out);
  std::istringstream rows(theirs.substr(theirs.find("Commands:\n")));
  for (std::string row; std::getline(rows, row);) {
    EXPECT_NE(ours.find(row + "\n"), std::string::npos) << row;
  }
  auto last_line = [](const std::string& text) {
    return text.substr(text.rfind('\n', text.size() - 2));
  };
  EXPECT_EQ(last_line(ours), last_line(theirs));
  EXPECT_EQ(ours.substr(0, ours.find('\n')),
            theirs.substr(0, theirs.find('\n')));
  EXPECT_NE(ours.find("\nTo see help for a subcommand, use:\n\n"
                      "    docker mlist CMD --help\n"),
            std::string::npos);
}

}  // namespace
}  // namespace mlist::cli
