// The token issuer answers the distribution token protocol (GET with
// Basic credentials, OAuth2 POST) and signs what it grants.
#include "support/token_issuer.h"

#include <gtest/gtest.h>

#include <regex>

#include "support/crypto.h"

namespace mlist::testing {
namespace {

class TokenIssuerTest : public ::testing::Test {
 protected:
  static TokenIssuerOptions Options() {
    TokenIssuerOptions options;
    options.users = {{"alice", "wonderland"}};
    options.refresh_tokens = {{"configured-identity", "alice"}};
    return options;
  }

  TestHttpClient Client() const {
    std::string realm = issuer_->realm();
    return TestHttpClient(realm.substr(0, realm.rfind('/')));
  }

  TestHttpResponse Post(const std::string& form) const {
    TestHttpRequest request;
    request.method = "POST";
    request.target = "/token";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    request.body = form;
    return Client().Send(request);
  }

  std::unique_ptr<TokenIssuer> issuer_ =
      std::make_unique<TokenIssuer>(Options());
};

std::string JsonField(const std::string& body, const std::string& key) {
  std::smatch m;
  std::regex field("\"" + key + "\"\\s*:\\s*\"?([^\",}]*)");
  return std::regex_search(body, m, field) ? m[1].str() : "";
}

// The decoded header, claims and signature of a compact JWS.
std::vector<std::string> TokenParts(const std::string& token) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot; (dot = token.find('.', start)) != std::string::npos;
       start = dot + 1) {
    parts.push_back(Base64Decode(token.substr(start, dot - start))
                        .value_or("<not base64>"));
  }
  parts.push_back(Base64Decode(token.substr(start)).value_or("<bad>"));
  return parts;
}

std::string ClaimsOf(const TestHttpResponse& answer) {
  auto parts = TokenParts(JsonField(answer.body, "token"));
  return parts.size() == 3 ? parts[1] : "";
}

TEST_F(TokenIssuerTest, AnswersWithASignedJwt) {
  auto answer = Client().Get("/token?service=mlist-test-registry");
  ASSERT_EQ(answer.status, 200) << answer.error;
  EXPECT_EQ(answer.Header("Content-Type"), "application/json");
  std::string token = JsonField(answer.body, "token");
  EXPECT_EQ(JsonField(answer.body, "access_token"), token);
  EXPECT_EQ(JsonField(answer.body, "expires_in"), "300");
  EXPECT_TRUE(std::regex_match(JsonField(answer.body, "issued_at"),
                               std::regex(R"(\d{4}-\d\d-\d\dT[\d:]{8}Z)")));

  auto parts = TokenParts(token);
  ASSERT_EQ(parts.size(), 3u) << token;
  EXPECT_EQ(parts[0].rfind("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"x5c\":[", 0),
            0u)
      << parts[0];
  EXPECT_NE(parts[1].find("\"iss\":\"mlist-test-issuer\""), std::string::npos);
  EXPECT_NE(parts[1].find("\"aud\":\"mlist-test-registry\""),
            std::string::npos);
  // ES256 in JWS is r || s, 32 bytes each, not DER.
  EXPECT_EQ(parts[2].size(), 64u);
}

TEST_F(TokenIssuerTest, AnonymousGetsPullOnly) {
  auto answer = Client().Get("/token?scope=repository:a/b:pull,push");
  ASSERT_EQ(answer.status, 200);
  EXPECT_NE(ClaimsOf(answer).find(
                "\"access\":[{\"type\":\"repository\",\"name\":\"a/b\","
                "\"actions\":[\"pull\"]}]"),
            std::string::npos)
      << ClaimsOf(answer);

  auto requests = issuer_->Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_FALSE(requests[0].basic_auth);
  EXPECT_EQ(requests[0].user, "");
}

TEST_F(TokenIssuerTest, AnonymousGetsNothingWhenPullIsClosed) {
  auto options = Options();
  options.anonymous_pull = false;
  issuer_ = std::make_unique<TokenIssuer>(options);
  auto answer = Client().Get("/token?scope=repository:a/b:pull");
  ASSERT_EQ(answer.status, 200);
  EXPECT_NE(ClaimsOf(answer).find("\"access\":[]"), std::string::npos);
}

TEST_F(TokenIssuerTest, UserGetsEveryScopeAskedFor) {
  auto answer = Client().Get(
      "/token?service=s&scope=repository:a/b:pull,push"
      "&scope=repository:c/d:pull",
      {{"Authorization", BasicAuthorization("alice", "wonderland")}});
  ASSERT_EQ(answer.status, 200);
  std::string claims = ClaimsOf(answer);
  EXPECT_NE(claims.find("\"sub\":\"alice\""), std::string::npos);
  EXPECT_NE(claims.find("\"name\":\"a/b\",\"actions\":[\"pull\",\"push\"]"),
            std::string::npos)
      << claims;
  EXPECT_NE(claims.find("\"name\":\"c/d\",\"actions\":[\"pull\"]"),
            std::string::npos);

  auto requests = issuer_->Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_TRUE(requests[0].basic_auth);
  EXPECT_EQ(requests[0].user, "alice");
  EXPECT_EQ(requests[0].service, "s");
  EXPECT_EQ(requests[0].scopes,
            (std::vector<std::string>{"repository:a/b:pull,push",
                                      "repository:c/d:pull"}));
}

TEST_F(TokenIssuerTest, WrongPasswordIsRefused) {
  auto answer = Client().Get(
      "/token?scope=repository:a/b:pull",
      {{"Authorization", BasicAuthorization("alice", "looking-glass")}});
  EXPECT_EQ(answer.status, 401);
  EXPECT_EQ(issuer_->Requests().at(0).status, 401);
}

TEST_F(TokenIssuerTest, PasswordGrantHandsOutARefreshToken) {
  auto first = Post(
      "grant_type=password&username=alice&password=wonderland"
      "&access_type=offline&client_id=docker&service=mlist-test-registry"
      "&scope=repository%3Aa%2Fb%3Apull+repository%3Ac%2Fd%3Apull");
  ASSERT_EQ(first.status, 200) << first.body;
  std::string refresh = JsonField(first.body, "refresh_token");
  ASSERT_FALSE(refresh.empty()) << first.body;

  auto second = Post("grant_type=refresh_token&refresh_token=" + refresh +
                     "&scope=repository%3Aa%2Fb%3Apush");
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_NE(ClaimsOf(second).find("\"actions\":[\"push\"]"), std::string::npos);

  auto requests = issuer_->Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].grant_type, "password");
  EXPECT_EQ(
      requests[0].scopes,
      (std::vector<std::string>{"repository:a/b:pull", "repository:c/d:pull"}));
  EXPECT_EQ(requests[1].grant_type, "refresh_token");
  EXPECT_EQ(requests[1].user, "alice");
}

TEST_F(TokenIssuerTest, RefreshTokensMustBeKnown) {
  EXPECT_EQ(
      Post("grant_type=refresh_token&refresh_token=configured-identity").status,
      200);
  EXPECT_EQ(Post("grant_type=refresh_token&refresh_token=guess").status, 401);
  EXPECT_EQ(Post("grant_type=password&username=alice&password=no").status, 401);
  EXPECT_EQ(Post("grant_type=client_credentials").status, 400);
}

TEST_F(TokenIssuerTest, PolicyDecidesTheActions) {
  auto options = Options();
  options.policy = [](const std::string& user, const TokenAccess& asked) {
    return user == "alice" && asked.name == "a/b" ? asked.actions
                                                  : std::vector<std::string>{};
  };
  issuer_ = std::make_unique<TokenIssuer>(options);
  auto answer = Client().Get(
      "/token?scope=repository:a/b:push&scope=repository:x/y:pull",
      {{"Authorization", BasicAuthorization("alice", "wonderland")}});
  std::string claims = ClaimsOf(answer);
  EXPECT_NE(claims.find("\"name\":\"a/b\""), std::string::npos);
  EXPECT_EQ(claims.find("\"name\":\"x/y\""), std::string::npos);
}

TEST(TokenScope, ParsesTypeNameAndActions) {
  auto access = ParseScope("repository:localhost:5000/a:pull,push");
  ASSERT_TRUE(access);
  EXPECT_EQ(access->type, "repository");
  EXPECT_EQ(access->name, "localhost:5000/a");
  EXPECT_EQ(access->actions, (std::vector<std::string>{"pull", "push"}));
  EXPECT_FALSE(ParseScope("repository:a"));
}

}  // namespace
}  // namespace mlist::testing
