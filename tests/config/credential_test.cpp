#include "config/credential.h"

#include <gtest/gtest.h>

namespace mlist::config {
namespace {

TEST(Credential, AnonymousIgnoresTheSource) {
  Credential c;
  c.source = "config file \"/x\"";
  EXPECT_TRUE(c.Anonymous());
  c.registry_token = "t";
  EXPECT_FALSE(c.Anonymous());
}

TEST(Credential, DescribeNeverShowsSecrets) {
  struct Row {
    Credential credential;
    const char* want;
  };
  const Row rows[] = {
      {{}, "anonymous"},
      {{"alice", "pw-secret", "", "", ""},
       "username \"alice\" with a password"},
      {{"alice", "", "", "", "config file \"/x/config.json\""},
       "username \"alice\" without a password from config file "
       "\"/x/config.json\""},
      {{"", "", "id-secret", "", "credential helper \"docker-credential-x\""},
       "an identity token from credential helper \"docker-credential-x\""},
      {{"", "", "", "rt-secret", "DOCKER_AUTH_CONFIG"},
       "a registry token from DOCKER_AUTH_CONFIG"},
      {{"", "", "", "", "credential helper \"docker-credential-x\""},
       "anonymous from credential helper \"docker-credential-x\""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.want);
    std::string text = Describe(row.credential);
    EXPECT_EQ(text, row.want);
    EXPECT_EQ(text.find("secret"), std::string::npos);
  }
}

TEST(Credential, RedactReplacesEverySecret) {
  Credential c{"alice", "pw1", "idtok", "regtok", ""};
  EXPECT_EQ(Redact("alice pw1 idtok regtok pw1", c),
            "alice <redacted> <redacted> <redacted> <redacted>");
  EXPECT_EQ(Redact("nothing here", Credential{}), "nothing here");
}

}  // namespace
}  // namespace mlist::config
