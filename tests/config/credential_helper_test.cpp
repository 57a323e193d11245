#include "config/credential_helper.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "config/config_fixtures.h"

namespace mlist::config {
namespace {

using namespace std::chrono_literals;
using testing::HelperOnPath;

// Returns the error text of asking helper for server_url, or "" when it
// answers.
std::string HelperError(const std::string& helper,
                        const std::string& server_url,
                        std::chrono::milliseconds timeout = 5s) {
  try {
    GetFromHelper(helper, server_url, timeout);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

class CredentialHelperTest : public ::testing::Test {
 protected:
  HelperOnPath helper_;
};

TEST_F(CredentialHelperTest, SendsTheServerUrlOnStdin) {
  GetFromHelper("mlisttest", "registry.example:5000");
  EXPECT_EQ(helper_.StdinSeen(), "registry.example:5000");
}

TEST_F(CredentialHelperTest, ReturnsUsernameAndSecret) {
  Credential c = GetFromHelper("mlisttest", "registry.example");
  EXPECT_EQ(c.username, "user-of-docker-credential-mlisttest");
  EXPECT_EQ(c.password, HelperOnPath::kSecret);
  EXPECT_TRUE(c.identity_token.empty());
  EXPECT_EQ(c.source, "credential helper \"docker-credential-mlisttest\"");
}

TEST_F(CredentialHelperTest, TokenUsernameMeansIdentityToken) {
  Credential c = GetFromHelper("mlisttest", "token.example");
  EXPECT_TRUE(c.username.empty());
  EXPECT_TRUE(c.password.empty());
  EXPECT_EQ(c.identity_token, "helper-identity-token");
}

TEST_F(CredentialHelperTest, NotFoundInKeychainMeansAnonymous) {
  Credential c = GetFromHelper("mlisttest", "missing.example");
  EXPECT_TRUE(c.Anonymous());
}

TEST_F(CredentialHelperTest, FailureCarriesTheHelpersMessage) {
  EXPECT_EQ(HelperError("mlisttest", "failing.example"),
            "getting credentials for \"failing.example\": "
            "docker-credential-mlisttest: exit status 1: keychain is locked");
}

TEST_F(CredentialHelperTest, FailureHidesTheSecretItPrinted) {
  EXPECT_EQ(HelperError("mlisttest", "leaky.example"),
            "getting credentials for \"leaky.example\": "
            "docker-credential-mlisttest: exit status 1: "
            "{\"ServerURL\":\"leaky.example\",\"Secret\":\"<redacted>\"}\n"
            "locked");
}

TEST_F(CredentialHelperTest, FailureFallsBackToStderr) {
  EXPECT_EQ(HelperError("mlisttest", "stderr.example"),
            "getting credentials for \"stderr.example\": "
            "docker-credential-mlisttest: exit status 3: only on stderr");
}

TEST_F(CredentialHelperTest, HangingHelperTimesOut) {
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(HelperError("mlisttest", "hanging.example", 300ms),
            "getting credentials for \"hanging.example\": "
            "docker-credential-mlisttest: no answer within 300ms");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST_F(CredentialHelperTest, MissingHelperIsNamed) {
  EXPECT_EQ(HelperError("mlist-absent", "registry.example"),
            "getting credentials for \"registry.example\": exec: "
            "\"docker-credential-mlist-absent\": executable file not found "
            "in $PATH");
}

TEST_F(CredentialHelperTest, HelperNameWithASlashIsRefused) {
  EXPECT_EQ(HelperError("../mlisttest", "registry.example"),
            "getting credentials for \"registry.example\": invalid "
            "credential helper name \"../mlisttest\"");
}

TEST_F(CredentialHelperTest, UnexpectedOutputIsAnError) {
  struct Row {
    const char* server_url;
    const char* want;
  };
  const Row rows[] = {
      {"garbage.example",
       "getting credentials for \"garbage.example\": "
       "docker-credential-mlisttest: invalid output: invalid JSON at offset "
       "43: missing a comma or '}' after an object member"},
      {"wrongtype.example",
       "getting credentials for \"wrongtype.example\": "
       "docker-credential-mlisttest: invalid output: \"Secret\" is a number, "
       "want a string"},
      {"array.example",
       "getting credentials for \"array.example\": "
       "docker-credential-mlisttest: invalid output: the output is an array, "
       "want an object"},
      {"empty.example",
       "getting credentials for \"empty.example\": "
       "docker-credential-mlisttest: invalid output: invalid JSON at offset "
       "0: the document is empty"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.server_url);
    EXPECT_EQ(HelperError("mlisttest", row.server_url), row.want);
  }
}

TEST_F(CredentialHelperTest, NoErrorShowsTheSecret) {
  for (const char* url :
       {"garbage.example", "wrongtype.example", "array.example",
        "failing.example", "stderr.example", "empty.example",
        "leaky.example"}) {
    SCOPED_TRACE(url);
    std::string error = HelperError("mlisttest", url);
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(error.find(HelperOnPath::kSecret), std::string::npos) << error;
  }
  std::string timeout = HelperError("mlisttest", "hanging.example", 100ms);
  EXPECT_EQ(timeout.find(HelperOnPath::kSecret), std::string::npos);
}

}  // namespace
}  // namespace mlist::config
