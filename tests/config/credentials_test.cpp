#include "config/credentials.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "config/config_fixtures.h"

namespace mlist::config {
namespace {

using namespace std::chrono_literals;
using testing::HelperOnPath;
using testing::ScopedEnv;
using testing::TempDir;

constexpr const char* kAliceAuth = R"({"auth": "YWxpY2U6ZmlsZS1wYXNz"})";
constexpr const char* kEnvAuth = R"({"auth": "ZW52LXVzZXI6ZW52LXBhc3M="})";
constexpr const char* kFirstHelper = "user-of-docker-credential-mlisttest";
constexpr const char* kSecondHelper = "user-of-docker-credential-mlisttest2";

TEST(CredentialKey, DockerHubHasItsOwnKey) {
  EXPECT_EQ(CredentialKey("docker.io"), "https://index.docker.io/v1/");
  EXPECT_EQ(CredentialKey("index.docker.io"), "https://index.docker.io/v1/");
  EXPECT_EQ(CredentialKey("registry.example:5000"), "registry.example:5000");
  EXPECT_EQ(CredentialKey("localhost"), "localhost");
}

TEST(AuthKeyHost, StripsSchemeAndPath) {
  struct Row {
    const char* key;
    const char* want;
  };
  const Row rows[] = {
      {"https://index.docker.io/v1/", "index.docker.io"},
      {"https://host.example/v1/", "host.example"},
      {"http://host.example:5000", "host.example:5000"},
      {"https://host.example", "host.example"},
      {"https://user:pw@host.example:1/x", "host.example:1"},
      {"https://[::1]:5000/v2/", "[::1]:5000"},
      {"https://[::1]/", "::1"},
      {"host.example:5000", "host.example:5000"},
      {"host.example/some/path", "host.example"},
      {"file:///x", "file:"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.key);
    EXPECT_EQ(AuthKeyHost(row.key), row.want);
  }
}

TEST(FindAuth, ExactKeyWinsOverLegacyForms) {
  std::map<std::string, Credential> auths = {
      {"https://r.example/v1/", {"legacy", "", "", "", ""}},
      {"r.example", {"exact", "", "", "", ""}},
  };
  EXPECT_EQ(FindAuth(auths, "r.example")->username, "exact");
}

TEST(FindAuth, MatchesLegacyForms) {
  for (const char* key : {"https://r.example/v1/", "http://r.example",
                          "https://r.example", "r.example/v2/"}) {
    SCOPED_TRACE(key);
    std::map<std::string, Credential> auths = {
        {key, {"legacy", "", "", "", ""}}};
    auto found = FindAuth(auths, "r.example");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->username, "legacy");
    EXPECT_FALSE(FindAuth(auths, "r.example:5000").has_value());
  }
}

TEST(FindAuth, DockerHubKeyMatchesOnlyItself) {
  std::map<std::string, Credential> auths = {
      {"index.docker.io", {"short", "", "", "", ""}}};
  EXPECT_FALSE(FindAuth(auths, kDockerHubKey).has_value());
}

// A config directory, a helper on PATH and no DOCKER_AUTH_CONFIG.
class CredentialLookupTest : public ::testing::Test {
 protected:
  Config Load(const std::string& config_json) {
    dir_.Write("config.json", config_json);
    return LoadConfig(dir_.path());
  }

  // A config.json with every source set for r.example.
  static std::string Everything() {
    return std::string(R"({"auths": {"r.example": )") + kAliceAuth +
           R"(}, "credHelpers": {"r.example": "mlisttest2"},
               "credsStore": "mlisttest"})";
  }

  HelperOnPath helper_;
  TempDir dir_;
  ScopedEnv auth_env_{kAuthConfigEnv, std::nullopt};
};

TEST_F(CredentialLookupTest, DockerAuthConfigWinsOverEverything) {
  ScopedEnv env(kAuthConfigEnv,
                std::string(R"({"auths": {"r.example": )") + kEnvAuth + "}}");
  Credential c = LookupCredential(Load(Everything()), "r.example");
  EXPECT_EQ(c.username, "env-user");
  EXPECT_EQ(c.password, "env-pass");
  EXPECT_EQ(c.source, "DOCKER_AUTH_CONFIG");
  EXPECT_TRUE(helper_.StdinSeen().empty()) << "no helper should run";
}

TEST_F(CredentialLookupTest, DockerAuthConfigMatchesExactKeysOnly) {
  ScopedEnv env(
      kAuthConfigEnv,
      std::string(R"({"auths": {"https://r.example/v1/": )") + kEnvAuth + "}}");
  Credential c = LookupCredential(Load(Everything()), "r.example");
  EXPECT_EQ(c.username, kSecondHelper);
}

TEST_F(CredentialLookupTest, CredHelperWinsOverCredsStore) {
  Credential c = LookupCredential(Load(Everything()), "r.example");
  EXPECT_EQ(c.username, kSecondHelper);
  EXPECT_EQ(c.source, "credential helper \"docker-credential-mlisttest2\"");
  EXPECT_EQ(helper_.StdinSeen(), "r.example");
}

TEST_F(CredentialLookupTest, CredsStoreWinsOverAuths) {
  Credential c = LookupCredential(Load(Everything()), "other.example");
  EXPECT_EQ(c.username, kFirstHelper);
  EXPECT_EQ(c.password, HelperOnPath::kSecret);
}

TEST_F(CredentialLookupTest, AuthsWhenNoHelperIsConfigured) {
  Config config =
      Load(std::string(R"({"auths": {"r.example": )") + kAliceAuth + "}}");
  Credential c = LookupCredential(config, "r.example");
  EXPECT_EQ(c.username, "alice");
  EXPECT_EQ(c.password, "file-pass");
  EXPECT_EQ(c.source, "config file \"" + dir_.path() + "/config.json\"");
}

TEST_F(CredentialLookupTest, LegacyAuthKeyIsFound) {
  Config config = Load(std::string(R"({"auths": {"https://r.example/v1/": )") +
                       kAliceAuth + "}}");
  EXPECT_EQ(LookupCredential(config, "r.example").username, "alice");
}

TEST_F(CredentialLookupTest, EmptyCredHelperNameMeansAuths) {
  Config config = Load(std::string(R"({"auths": {"r.example": )") + kAliceAuth +
                       R"(}, "credHelpers": {"r.example": ""},
                            "credsStore": "mlisttest"})");
  EXPECT_EQ(LookupCredential(config, "r.example").username, "alice");
}

TEST_F(CredentialLookupTest, HelperWithoutCredentialsDoesNotFallBackToAuths) {
  Config config = Load(std::string(R"({"auths": {"missing.example": )") +
                       kAliceAuth + R"(}, "credsStore": "mlisttest"})");
  Credential c = LookupCredential(config, "missing.example");
  EXPECT_TRUE(c.Anonymous());
}

TEST_F(CredentialLookupTest, AnonymousWhenNothingMatches) {
  Config config =
      Load(std::string(R"({"auths": {"r.example": )") + kAliceAuth + "}}");
  EXPECT_TRUE(LookupCredential(config, "other.example").Anonymous());
  EXPECT_TRUE(LookupCredential(config, kDockerHubKey).Anonymous());
}

TEST_F(CredentialLookupTest, DockerHubKeyReachesTheHelper) {
  Config config = Load(R"({"credsStore": "mlisttest"})");
  LookupCredential(config, CredentialKey("docker.io"));
  EXPECT_EQ(helper_.StdinSeen(), "https://index.docker.io/v1/");
}

TEST_F(CredentialLookupTest, HelperErrorsReachTheCaller) {
  Config config = Load(R"({"credHelpers": {"failing.example": "mlisttest"}})");
  try {
    LookupCredential(config, "failing.example");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "getting credentials for \"failing.example\": "
                 "docker-credential-mlisttest: exit status 1: keychain is "
                 "locked");
  }
}

TEST_F(CredentialLookupTest, HelperTimeoutIsAnOption) {
  Config config = Load(R"({"credsStore": "mlisttest"})");
  LookupOptions options;
  options.helper_timeout = 200ms;
  try {
    LookupCredential(config, "hanging.example", options);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "getting credentials for \"hanging.example\": "
                 "docker-credential-mlisttest: no answer within 200ms");
  }
}

}  // namespace
}  // namespace mlist::config
