// The secret check of the process runners: a registered secret in an
// output fails the test, named, never shown.
#include "support/secrets.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "support/crypto.h"

namespace mlist::testing {
namespace {

TEST(Secrets, RegisteredSecretInTextFailsNamingIt) {
  RegisterSecret(SecretKind::kToken, "the check's own token",
                 "secrets-test-token-5c1e");
  EXPECT_NONFATAL_FAILURE(
      ExpectNoSecret("the output", "token: secrets-test-token-5c1e\n"),
      "the output shows a secret: the the check's own token");
  ExpectNoSecret("the output", "token: <redacted>\n");
}

TEST(Secrets, FailureNeverQuotesTheSecret) {
  RegisterSecret(SecretKind::kPassword, "a quoted password",
                 "secrets-test-password-9e2b");
  ::testing::TestPartResultArray results;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::
            INTERCEPT_ONLY_CURRENT_THREAD,
        &results);
    ExpectNoSecret("x", "secrets-test-password-9e2b");
  }
  ASSERT_EQ(results.size(), 1);
  EXPECT_EQ(std::string(results.GetTestPartResult(0).message())
                .find("secrets-test-password-9e2b"),
            std::string::npos);
}

TEST(Secrets, LoginCoversItsBase64Form) {
  RegisterLogin("secrets-user", "secrets-test-login-77aa");
  std::string header = Base64("secrets-user:secrets-test-login-77aa");
  EXPECT_EQ(SecretsIn("Authorization: Basic " + header),
            std::vector<std::string>{"base64 login of secrets-user"});
  EXPECT_EQ(SecretsIn("secrets-test-login-77aa"),
            std::vector<std::string>{"password of secrets-user"});
}

TEST(Secrets, KindsChooseWhatIsLookedFor) {
  RegisterSecret(SecretKind::kIdentityToken, "an identity token",
                 "secrets-test-identity-31f0");
  EXPECT_TRUE(SecretsIn("secrets-test-identity-31f0", {SecretKind::kToken})
                  .empty());
  EXPECT_EQ(SecretsIn("secrets-test-identity-31f0",
                      {SecretKind::kIdentityToken}),
            std::vector<std::string>{"an identity token"});
}

TEST(Secrets, ShortSecretsAreIgnored) {
  RegisterSecret(SecretKind::kPassword, "a short password", "pw");
  EXPECT_TRUE(SecretsIn("pw").empty());
}

}  // namespace
}  // namespace mlist::testing
