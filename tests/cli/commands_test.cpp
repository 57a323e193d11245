#include "cli/commands.h"

#include <gtest/gtest.h>

namespace mlist::cli {
namespace {

TEST(CliCommands, AreDockerManifestsSubcommandsInOrder) {
  std::vector<std::string> names;
  for (const Command& command : Commands()) {
    names.push_back(command.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"annotate", "check", "create",
                                             "inspect", "ls", "push", "rm"}));
}

TEST(CliCommands, EachDeclaresDockersFlagsAndItsOwn) {
  struct Case {
    const char* command;
    std::vector<std::string> flags;  // "-s/--long" or "--long TYPE"
  };
  const Case cases[] = {
      {"annotate",
       {"--annotation list", "--arch string", "--os string",
        "--os-features strings", "--os-version string", "--variant string"}},
      {"create",
       {"-a/--amend", "--annotation list", "--docker", "--insecure",
        "--keep-attestations", "--oci", "--platform strings"}},
      {"inspect",
       {"--format string", "--insecure", "--platform string", "--platforms",
        "--raw", "-v/--verbose"}},
      {"push", {"--insecure", "-p/--purge", "-q/--quiet", "-t/--tag list"}},
      {"ls", {"--format string", "-q/--quiet"}},
      {"rm", {"--all"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.command);
    const Command* command = FindCommand(c.command);
    ASSERT_NE(command, nullptr);
    FlagSet flags;
    command->bind(flags);
    std::vector<std::string> declared;
    for (const Flag* flag : flags.Sorted()) {
      std::string shown = "--" + flag->name;
      if (flag->shorthand != '\0') {
        shown = std::string("-") + flag->shorthand + "/" + shown;
      }
      if (!flag->TypeName().empty()) {
        shown += " " + flag->TypeName();
      }
      declared.push_back(shown);
    }
    EXPECT_EQ(declared, c.flags);
  }
}

TEST(CliFindCommand, MatchesTheExactName) {
  EXPECT_NE(FindCommand("create"), nullptr);
  EXPECT_EQ(FindCommand("Create"), nullptr);
  EXPECT_EQ(FindCommand("creat"), nullptr);
  EXPECT_EQ(FindCommand(""), nullptr);
}

TEST(CliSuggestCommands, OffersCloseNamesAsCobraDoes) {
  struct Case {
    const char* typed;
    std::vector<std::string> suggested;
  };
  const Case cases[] = {
      {"crate", {"create"}},
      {"creat", {"create"}},
      {"Create", {"create"}},
      {"CREATE", {"create"}},
      {"in", {"inspect", "ls", "rm"}},
      {"r", {"ls", "rm"}},
      {"pus", {"ls", "push"}},
      {"rn", {"ls", "rm"}},
      {"p", {"ls", "push", "rm"}},
      {"bogus", {}},
      {"annnotate", {"annotate"}},
      {"create", {}},  // a name is never suggested to itself
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.typed);
    EXPECT_EQ(SuggestCommands(c.typed), c.suggested);
  }
}

TEST(CliEditDistance, CountsEditsIgnoringCase) {
  struct Case {
    const char* a;
    const char* b;
    size_t distance;
  };
  const Case cases[] = {
      {"", "", 0},
      {"", "rm", 2},
      {"rm", "", 2},
      {"crate", "create", 1},
      {"CREATE", "create", 0},
      {"push", "pull", 2},
      {"kitten", "sitting", 3},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " / " + c.b);
    EXPECT_EQ(EditDistance(c.a, c.b), c.distance);
  }
}

}  // namespace
}  // namespace mlist::cli
