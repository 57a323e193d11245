#include "config/config.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "config/config_fixtures.h"

namespace mlist::config {
namespace {

using testing::ScopedEnv;
using testing::TempDir;

// Runs a test with a config directory, no DOCKER_AUTH_CONFIG and a PATH
// holding only an empty directory (so no default helper is found).
class ConfigLoadTest : public ::testing::Test {
 protected:
  TempDir dir_;
  TempDir bin_;
  ScopedEnv auth_env_{kAuthConfigEnv, std::nullopt};
  ScopedEnv path_{"PATH", bin_.path()};
};

TEST_F(ConfigLoadTest, ReadsConfigJsonInTheDirectory) {
  dir_.Write("config.json", R"({"credsStore": "desktop"})");
  Config config = LoadConfig(dir_.path());
  EXPECT_EQ(config.dir, dir_.path());
  EXPECT_EQ(config.path, dir_.path() + "/config.json");
  EXPECT_EQ(config.file.creds_store, "desktop");
  EXPECT_TRUE(config.env_auths.empty());
}

TEST_F(ConfigLoadTest, MissingDirectoryIsAnEmptyConfig) {
  Config config = LoadConfig(dir_.path() + "/absent");
  EXPECT_FALSE(config.file.ContainsAuth());
  EXPECT_TRUE(config.file.creds_store.empty());
}

TEST_F(ConfigLoadTest, ReadsAuthsFromDockerAuthConfig) {
  ScopedEnv env(
      kAuthConfigEnv,
      R"({"auths": {"r.example": {"auth": "ZW52LXVzZXI6ZW52LXBhc3M="}}})");
  Config config = LoadConfig(dir_.path());
  ASSERT_EQ(config.env_auths.count("r.example"), 1u);
  EXPECT_EQ(config.env_auths["r.example"].username, "env-user");
  EXPECT_EQ(config.env_auths["r.example"].password, "env-pass");
}

TEST_F(ConfigLoadTest, EmptyDockerAuthConfigHasNoAuths) {
  ScopedEnv env(kAuthConfigEnv, "");
  EXPECT_TRUE(LoadConfig(dir_.path()).env_auths.empty());
}

TEST_F(ConfigLoadTest, MalformedDockerAuthConfigIsAnError) {
  struct Row {
    const char* value;
    const char* want;
  };
  const Row rows[] = {
      {R"({"auths": {"r": {"auth": "c2VjcmV0")",
       "parsing DOCKER_AUTH_CONFIG: invalid JSON at offset 35: missing a "
       "comma or '}' after an object member"},
      {R"({"auths": {"r": {"auth": "secret-pass"}}})",
       "parsing DOCKER_AUTH_CONFIG: auths \"r\": decoding \"auth\": illegal "
       "base64 data at input byte 6"},
      {R"(["secret-pass"])",
       "parsing DOCKER_AUTH_CONFIG: the document is an array, want an object"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.value);
    ScopedEnv env(kAuthConfigEnv, row.value);
    try {
      LoadConfig(dir_.path());
      ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
      EXPECT_STREQ(e.what(), row.want);
    }
  }
}

TEST_F(ConfigLoadTest, MalformedFileIsAnError) {
  dir_.Write("config.json", "{");
  EXPECT_THROW(LoadConfig(dir_.path()), Error);
}

TEST_F(ConfigLoadTest, DetectsTheDefaultStoreWhenNoCredentialsAreConfigured) {
  struct Row {
    std::vector<std::string> programs;
    const char* want;
  };
  const Row rows[] = {
      {{}, ""},
      {{"docker-credential-secretservice"}, "secretservice"},
      {{"pass", "docker-credential-pass"}, "pass"},
      {{"pass", "docker-credential-pass", "docker-credential-secretservice"},
       "pass"},
      // docker picks pass when it is installed, and then needs its helper.
      {{"pass", "docker-credential-secretservice"}, ""},
      {{"docker-credential-pass"}, ""},
  };
  for (const Row& row : rows) {
    TempDir bin;
    ScopedEnv path("PATH", bin.path());
    std::string trace;
    for (const auto& program : row.programs) {
      bin.Write(program, "#!/bin/sh\nexit 1\n", 0755);
      trace += program + " ";
    }
    SCOPED_TRACE(trace);
    EXPECT_EQ(LoadConfig(dir_.path()).file.creds_store, row.want);
  }
}

TEST_F(ConfigLoadTest, ConfiguredCredentialsDisableTheDefaultStore) {
  bin_.Write("docker-credential-secretservice", "#!/bin/sh\nexit 1\n", 0755);
  struct Row {
    const char* text;
    const char* want;
  };
  const Row rows[] = {
      {R"({"auths": {"r": {}}})", ""},
      {R"({"credHelpers": {"r": "x"}})", ""},
      {R"({"credsStore": "desktop"})", "desktop"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    dir_.Write("config.json", row.text);
    EXPECT_EQ(LoadConfig(dir_.path()).file.creds_store, row.want);
  }
}

}  // namespace
}  // namespace mlist::config
