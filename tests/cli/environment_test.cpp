#include "cli/environment.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace mlist::cli {
namespace {

TEST(CliEnvironment, SetGetAndUnset) {
  Environment env;
  EXPECT_EQ(env.Get("X"), std::nullopt);
  EXPECT_EQ(env.GetOr("X"), "");
  env.Set("X", "1");
  env.Set("X", "2");
  EXPECT_EQ(env.Get("X"), "2");
  env.Set("EMPTY", "");
  EXPECT_EQ(env.Get("EMPTY"), "");
  env.Unset("X");
  env.Unset("NEVER");
  EXPECT_EQ(env.Get("X"), std::nullopt);
}

TEST(CliEnvironment, PluginModeFollowsDockersVariable) {
  Environment env;
  EXPECT_FALSE(env.RunAsPlugin());
  env.Set(kPluginCommandVar, "docker");
  EXPECT_TRUE(env.RunAsPlugin());
}

TEST(CliEnvironment, FromProcessCopiesValuesWithEqualsSigns) {
  ::setenv("MLIST_CLI_TEST_VAR", "a=b", 1);
  Environment env = Environment::FromProcess();
  ::unsetenv("MLIST_CLI_TEST_VAR");
  EXPECT_EQ(env.Get("MLIST_CLI_TEST_VAR"), "a=b");
  EXPECT_EQ(Environment::FromProcess().Get("MLIST_CLI_TEST_VAR"), std::nullopt);
}

}  // namespace
}  // namespace mlist::cli
