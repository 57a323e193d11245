#include "cli/command.h"

#include <gtest/gtest.h>

#include <sstream>

namespace mlist::cli {
namespace {

TEST(CliCheckArgs, WordsProblemsAsDocker) {
  struct Case {
    ArgsRule rule;
    size_t count;
    std::string text;  // empty: the count fits
    std::string verb;
  };
  const Case cases[] = {
      {ArgsRule::AtLeast(2), 2, "", ""},
      {ArgsRule::AtLeast(2), 9, "", ""},
      {ArgsRule::AtLeast(2), 1, "requires at least 2 arguments", "See"},
      {ArgsRule::AtLeast(1), 0, "requires at least 1 argument", "See"},
      {ArgsRule::Exactly(2), 2, "", ""},
      {ArgsRule::Exactly(2), 1, "requires 2 arguments", "Run"},
      {ArgsRule::Exactly(2), 3, "requires 2 arguments", "Run"},
      {ArgsRule::Exactly(1), 0, "requires 1 argument", "Run"},
      {ArgsRule::Between(1, 2), 1, "", ""},
      {ArgsRule::Between(1, 2), 0,
       "requires at least 1 and at most 2 arguments", "Run"},
      {ArgsRule::Between(1, 2), 3,
       "requires at least 1 and at most 2 arguments", "Run"},
      {ArgsRule::Between(0, 1), 2, "requires at least 0 and at most 1 argument",
       "Run"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text + " / " + std::to_string(c.count));
    auto problem = CheckArgs(c.rule, c.count);
    if (c.text.empty()) {
      EXPECT_FALSE(problem.has_value());
      continue;
    }
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->text, c.text);
    EXPECT_EQ(problem->hint_verb, c.verb);
  }
}

struct FakeOptions {
  bool loud = false;
};

void DeclareFake(FlagSet& flags, FakeOptions& options) {
  flags.Bool("loud", 'L', &options.loud, "Be loud");
}

void RunFake(const GlobalOptions& global, const FakeOptions& options,
             const std::vector<std::string>& args, const Streams& streams) {
  streams.out << (options.loud ? "LOUD " : "quiet ") << args.size() << " "
              << global.debug << "\n";
}

TEST(CliBindCommand, RunsWithTheOptionsItsFlagsSet) {
  auto bind = BindCommand(&DeclareFake, &RunFake);
  FlagSet flags;
  Action action = bind(flags);
  auto parsed = flags.Parse({"a", "-L", "b"});
  std::ostringstream out;
  std::ostringstream err;
  Environment env;
  GlobalOptions global;
  global.debug = true;
  action(global, parsed.positionals, Streams{out, err, env});
  EXPECT_EQ(out.str(), "LOUD 2 1\n");
}

TEST(CliBindCommand, EachBindingHasFreshOptions) {
  auto bind = BindCommand(&DeclareFake, &RunFake);
  FlagSet first;
  FlagSet second;
  Action loud = bind(first);
  Action quiet = bind(second);
  first.Parse({"--loud"});
  std::ostringstream out;
  std::ostringstream err;
  Environment env;
  quiet({}, {}, Streams{out, err, env});
  EXPECT_EQ(out.str(), "quiet 0 0\n");
}

}  // namespace
}  // namespace mlist::cli
