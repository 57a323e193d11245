#include "config/config_dir.h"

#include <pwd.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "config/config_fixtures.h"

namespace mlist::config {
namespace {

using testing::ScopedEnv;

TEST(ConfigDir, FlagWinsOverEnvAndHome) {
  ScopedEnv env("DOCKER_CONFIG", "/from/env");
  ScopedEnv home("HOME", "/home/someone");
  EXPECT_EQ(ConfigDir(std::string("/from/flag")), "/from/flag");
}

TEST(ConfigDir, EnvWinsOverHome) {
  ScopedEnv env("DOCKER_CONFIG", "/from/env");
  ScopedEnv home("HOME", "/home/someone");
  EXPECT_EQ(ConfigDir(std::nullopt), "/from/env");
}

TEST(ConfigDir, HomeWhenNeitherFlagNorEnv) {
  ScopedEnv env("DOCKER_CONFIG", std::nullopt);
  ScopedEnv home("HOME", "/home/someone");
  EXPECT_EQ(ConfigDir(std::nullopt), "/home/someone/.docker");
}

TEST(ConfigDir, EmptyFlagAndEnvCountAsUnset) {
  ScopedEnv env("DOCKER_CONFIG", "");
  ScopedEnv home("HOME", "/home/someone");
  EXPECT_EQ(ConfigDir(std::string()), "/home/someone/.docker");
}

TEST(ConfigDir, PasswordDatabaseWhenHomeIsUnset) {
  ScopedEnv env("DOCKER_CONFIG", std::nullopt);
  ScopedEnv home("HOME", std::nullopt);
  const passwd* entry = ::getpwuid(::getuid());
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(HomeDir(), entry->pw_dir);
  EXPECT_EQ(ConfigDir(std::nullopt), std::string(entry->pw_dir) + "/.docker");
}

TEST(ConfigDir, PathsAreCleaned) {
  struct Row {
    const char* given;
    const char* want;
  };
  const Row rows[] = {
      {"/x/", "/x"},           {"/x//y", "/x/y"},
      {"/x/./y/../z", "/x/z"}, {"relative/dir/", "relative/dir"},
      {"./here", "here"},      {"/", "/"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.given);
    EXPECT_EQ(ConfigDir(std::string(row.given)), row.want);
    ScopedEnv env("DOCKER_CONFIG", row.given);
    EXPECT_EQ(ConfigDir(std::nullopt), row.want);
  }
}

TEST(ConfigFilePath, JoinsConfigJson) {
  EXPECT_EQ(ConfigFilePath("/x"), "/x/config.json");
  EXPECT_EQ(ConfigFilePath("/x/"), "/x/config.json");
  EXPECT_EQ(ConfigFilePath("rel"), "rel/config.json");
}

}  // namespace
}  // namespace mlist::config
