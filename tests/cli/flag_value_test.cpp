#include "cli/flag_value.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace mlist::cli {
namespace {

TEST(CliParseBool, AcceptsGosSpellingsOnly) {
  for (const char* yes : {"1", "t", "T", "TRUE", "true", "True"}) {
    SCOPED_TRACE(yes);
    EXPECT_EQ(ParseBool(yes), true);
  }
  for (const char* no : {"0", "f", "F", "FALSE", "false", "False"}) {
    SCOPED_TRACE(no);
    EXPECT_EQ(ParseBool(no), false);
  }
  for (const char* bad : {"", "yes", "tRUE", "2", " true"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(ParseBool(bad), std::nullopt);
  }
}

TEST(CliReadBool, NamesTheTextInItsError) {
  try {
    ReadBool("nope");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "strconv.ParseBool: parsing \"nope\": invalid syntax");
  }
}

TEST(CliSplitCsvRecord, SplitsAsGosCsvReader) {
  struct Case {
    const char* text;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"", {}},
      {"a", {"a"}},
      {"a,b", {"a", "b"}},
      {",", {"", ""}},
      {"a,,b", {"a", "", "b"}},
      {" a , b", {" a ", " b"}},
      {"\"a,b\",c", {"a,b", "c"}},
      {"\"a\"\"b\",c", {"a\"b", "c"}},
      {"\"\"", {""}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(SplitCsvRecord(c.text), c.fields);
  }
}

TEST(CliSplitCsvRecord, StrayQuotesAreErrorsWithTheirColumn) {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"a\"b", "parse error on line 1, column 2: bare \" in non-quoted-field"},
      {"x,a\"", "parse error on line 1, column 4: bare \" in non-quoted-field"},
      {"\"a,b\"x",
       "parse error on line 1, column 5: extraneous or missing \" in "
       "quoted-field"},
      {"\"a",
       "parse error on line 1, column 3: extraneous or missing \" in "
       "quoted-field"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    try {
      SplitCsvRecord(c.text);
      ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
      EXPECT_STREQ(e.what(), c.error);
    }
  }
}

TEST(CliSetFlagValue, WrapsTheReasonWithTheFlagsName) {
  FlagSet flags;
  bool amend = false;
  flags.Bool("amend", 'a', &amend, "");
  Flag& flag = const_cast<Flag&>(*flags.Lookup("amend"));
  try {
    SetFlagValue(flag, "x");
    FAIL() << "expected an error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(),
                 "invalid argument \"x\" for \"-a, --amend\" flag: "
                 "strconv.ParseBool: parsing \"x\": invalid syntax");
  }
  EXPECT_FALSE(flag.changed);
  SetFlagValue(flag, "true");
  EXPECT_TRUE(amend);
  EXPECT_TRUE(flag.changed);
}

}  // namespace
}  // namespace mlist::cli
