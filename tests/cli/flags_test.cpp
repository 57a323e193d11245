#include "cli/flags.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace mlist::cli {
namespace {

// The flags of annotate and create together, plus docker's --help: every
// kind and shape the parser must handle.
class CliFlagSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    flags_.Bool("amend", 'a', &amend_, "Amend an existing manifest list");
    flags_.Bool("verbose", 'v', &verbose_, "Verbose");
    flags_.String("os", '\0', &os_, "Set operating system");
    flags_.String("log-level", 'l', &level_, "Set the logging level");
    flags_.Strings("os-features", '\0', &features_, "Set features");
    flags_.List("host", 'H', &hosts_, "Daemon socket");
    flags_.Help(&help_);
  }

  // Parses args and returns the error text, or "" when it parsed.
  std::string ErrorOf(const std::vector<std::string>& args) {
    try {
      flags_.Parse(args);
    } catch (const UsageError& e) {
      EXPECT_EQ(e.exit_code(), 125);
      return e.what();
    }
    return "";
  }

  FlagSet flags_;
  bool amend_ = false;
  bool verbose_ = false;
  bool help_ = false;
  std::string os_;
  std::string level_;
  std::vector<std::string> features_;
  std::vector<std::string> hosts_;
};

TEST_F(CliFlagSetTest, FlagsAndArgumentsMayInterleave) {
  auto parsed = flags_.Parse({"list", "--amend", "img1", "-v", "img2"});
  EXPECT_EQ(parsed.positionals,
            (std::vector<std::string>{"list", "img1", "img2"}));
  EXPECT_TRUE(amend_);
  EXPECT_TRUE(verbose_);
  EXPECT_FALSE(parsed.dash_dash);
}

TEST_F(CliFlagSetTest, DoubleDashEndsTheFlags) {
  auto parsed = flags_.Parse({"a", "--", "-v", "--amend"});
  EXPECT_EQ(parsed.positionals,
            (std::vector<std::string>{"a", "-v", "--amend"}));
  EXPECT_TRUE(parsed.dash_dash);
  EXPECT_EQ(parsed.dash_index, 1u);
  EXPECT_FALSE(verbose_);
  EXPECT_FALSE(amend_);
}

TEST_F(CliFlagSetTest, WithoutInterspersingTheFirstArgumentEndsTheFlags) {
  auto parsed = flags_.Parse({"-v", "mlist", "--amend", "x"}, false);
  EXPECT_EQ(parsed.positionals,
            (std::vector<std::string>{"mlist", "--amend", "x"}));
  EXPECT_TRUE(verbose_);
  EXPECT_FALSE(amend_);
}

TEST_F(CliFlagSetTest, ALoneDashIsAnArgument) {
  auto parsed = flags_.Parse({"-"});
  EXPECT_EQ(parsed.positionals, (std::vector<std::string>{"-"}));
}

TEST_F(CliFlagSetTest, ValuesComeInEveryShape) {
  struct Case {
    std::vector<std::string> args;
    std::string level;
  };
  const Case cases[] = {
      {{"--log-level", "debug"}, "debug"},
      {{"--log-level=debug"}, "debug"},
      {{"--log-level="}, ""},
      {{"-l", "debug"}, "debug"},
      {{"-ldebug"}, "debug"},
      {{"-l=debug"}, "debug"},
      {{"-vl", "warn"}, "warn"},
      {{"-avlwarn"}, "warn"},
      {{"-l", "a", "-l", "b"}, "b"},
      {{"--log-level", "--amend"}, "--amend"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.args));
    level_ = "unset";
    flags_.Parse(c.args);
    EXPECT_EQ(level_, c.level);
  }
}

TEST_F(CliFlagSetTest, BoolsTakeOnlyAnAttachedValue) {
  struct Case {
    std::vector<std::string> args;
    bool amend;
    std::vector<std::string> positionals;
  };
  const Case cases[] = {
      {{"--amend"}, true, {}},   {{"--amend=false"}, false, {}},
      {{"--amend=1"}, true, {}}, {{"--amend", "false"}, true, {"false"}},
      {{"-a"}, true, {}},        {{"-a=0"}, false, {}},
      {{"-a=T"}, true, {}},      {{"-av"}, true, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.args));
    amend_ = !c.amend;
    auto parsed = flags_.Parse(c.args);
    EXPECT_EQ(amend_, c.amend);
    EXPECT_EQ(parsed.positionals, c.positionals);
  }
}

TEST_F(CliFlagSetTest, StringsSplitOnCommasAndAddUp) {
  flags_.Parse({"--os-features", "a,b", "--os-features=c", "--os-features",
                "\"d,e\",f"});
  EXPECT_EQ(features_, (std::vector<std::string>{"a", "b", "c", "d,e", "f"}));
}

TEST_F(CliFlagSetTest, ListsAddUpWithoutSplitting) {
  flags_.Parse({"-H", "a,b", "--host=c", "-Hd"});
  EXPECT_EQ(hosts_, (std::vector<std::string>{"a,b", "c", "d"}));
}

TEST_F(CliFlagSetTest, ChangedMarksTheFlagsGiven) {
  flags_.Parse({"--os", "", "x"});
  EXPECT_TRUE(flags_.Lookup("os")->changed);
  EXPECT_FALSE(flags_.Lookup("amend")->changed);
  EXPECT_EQ(flags_.Lookup("nope"), nullptr);
}

TEST_F(CliFlagSetTest, DeprecatedShorthandLeavesANotice) {
  auto parsed = flags_.Parse({"-ah"});
  EXPECT_TRUE(help_);
  EXPECT_EQ(parsed.notices, (std::vector<std::string>{
                                "Flag shorthand -h has been deprecated, use "
                                "--help"}));
  EXPECT_TRUE(flags_.Parse({"--help"}).notices.empty());
}

// The texts are pflag's, byte for byte: docker prints them as they are.
TEST_F(CliFlagSetTest, ErrorsReadAsPflagWritesThem) {
  struct Case {
    std::vector<std::string> args;
    std::string error;
  };
  const Case cases[] = {
      {{"--bogus"}, "unknown flag: --bogus"},
      {{"--bogus=1"}, "unknown flag: --bogus"},
      {{"--am"}, "unknown flag: --am"},
      {{"-x"}, "unknown shorthand flag: 'x' in -x"},
      {{"-ax"}, "unknown shorthand flag: 'x' in -x"},
      {{"-vxa"}, "unknown shorthand flag: 'x' in -xa"},
      {{"-a="}, "unknown shorthand flag: '=' in -="},
      {{"--os"}, "flag needs an argument: --os"},
      {{"x", "--log-level"}, "flag needs an argument: --log-level"},
      {{"-l"}, "flag needs an argument: 'l' in -l"},
      {{"-vl"}, "flag needs an argument: 'l' in -l"},
      {{"---x"}, "bad flag syntax: ---x"},
      {{"--=x"}, "bad flag syntax: --=x"},
      {{"--amend=x"},
       "invalid argument \"x\" for \"-a, --amend\" flag: strconv.ParseBool: "
       "parsing \"x\": invalid syntax"},
      {{"--amend="},
       "invalid argument \"\" for \"-a, --amend\" flag: strconv.ParseBool: "
       "parsing \"\": invalid syntax"},
      {{"--help=bogus"},
       "invalid argument \"bogus\" for \"--help\" flag: strconv.ParseBool: "
       "parsing \"bogus\": invalid syntax"},
      {{"--os-features", "a\"b"},
       "invalid argument \"a\\\"b\" for \"--os-features\" flag: parse error "
       "on line 1, column 2: bare \" in non-quoted-field"},
      {{"--bogus", "--", "x"}, "unknown flag: --bogus"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.args));
    EXPECT_EQ(ErrorOf(c.args), c.error);
  }
}

TEST_F(CliFlagSetTest, KnowsWhichTokensTakeTheNextArgument) {
  struct Case {
    const char* token;
    bool takes;
  };
  const Case cases[] = {
      {"--os", true},          {"--os=x", false},  {"--amend", false},
      {"--os-features", true}, {"--bogus", false}, {"-l", true},
      {"-vl", true},           {"-lv", false},     {"-a", false},
      {"-a=1", false},         {"-x", false},      {"--", false},
      {"os", false},           {"-", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.token);
    EXPECT_EQ(flags_.TakesNextArgument(c.token), c.takes);
  }
}

TEST_F(CliFlagSetTest, SortedListsFlagsByLongName) {
  std::vector<std::string> names;
  for (const Flag* flag : flags_.Sorted()) {
    names.push_back(flag->name);
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"amend", "help", "host", "log-level",
                                      "os", "os-features", "verbose"}));
}

TEST(CliFlag, DisplayNameHidesADeprecatedShorthand) {
  FlagSet flags;
  bool help = false;
  bool amend = false;
  std::string os;
  flags.Help(&help);
  flags.Bool("amend", 'a', &amend, "");
  flags.String("os", '\0', &os, "");
  EXPECT_EQ(flags.Lookup("help")->DisplayName(), "--help");
  EXPECT_EQ(flags.Lookup("amend")->DisplayName(), "-a, --amend");
  EXPECT_EQ(flags.Lookup("os")->DisplayName(), "--os");
  EXPECT_EQ(flags.Lookup("os")->TypeName(), "string");
  EXPECT_EQ(flags.Lookup("amend")->TypeName(), "");
}

TEST(CliFlag, OptionalStringStaysUnsetUntilGiven) {
  FlagSet flags;
  std::optional<std::string> config;
  flags.String("config", '\0', &config, "");
  flags.Parse({"x"});
  EXPECT_FALSE(config.has_value());
  flags.Parse({"--config="});
  EXPECT_EQ(config, "");
}

}  // namespace
}  // namespace mlist::cli
