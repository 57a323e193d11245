// The real registries of the integration tests start in every flavour,
// answer as distribution 2.8 does, and go away afterwards.
#include "support/registry.h"
#include "base/digest.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <filesystem>
#include <regex>

#include "base/error.h"
#include "support/crypto.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

// The request target in a Location header, which distribution makes
// absolute ("http://127.0.0.1:5000/v2/a/b/blobs/uploads/ID?_state=...").
std::string TargetOf(const std::string& location) {
  size_t scheme = location.find("://");
  if (scheme == std::string::npos) {
    return location;
  }
  return location.substr(location.find('/', scheme + 3));
}

// The value of "key": "..." in a flat JSON answer.
std::string JsonField(const std::string& body, const std::string& key) {
  std::smatch m;
  std::regex field("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"");
  return std::regex_search(body, m, field) ? m[1].str() : "";
}

bool ProcessGone(pid_t pid) {
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

// Pushes data as a blob of repository with a monolithic upload (POST,
// then PUT with the digest) and returns the PUT's answer.
TestHttpResponse PushBlob(const TestRegistry& registry,
                          const std::string& repository,
                          const std::string& data, const TestFields& auth) {
  TestHttpRequest post;
  post.method = "POST";
  post.target = "/v2/" + repository + "/blobs/uploads/";
  post.headers = auth;
  TestHttpResponse started = registry.Client().Send(post);
  if (started.status != 202) {
    return started;
  }
  std::string target = TargetOf(started.Header("Location"));
  TestHttpRequest put;
  put.method = "PUT";
  put.target = target + (target.find('?') == std::string::npos ? "?" : "&") +
               "digest=" + base::Sha256Digest(data);
  put.headers = auth;
  put.headers.emplace_back("Content-Type", "application/octet-stream");
  put.body = data;
  return registry.Client().Send(put);
}

TEST(TestRegistry, PlainAnswersV2) {
  TestRegistry registry(TestRegistryOptions::Plain());
  EXPECT_EQ(registry.base_url(), "http://" + registry.host_port());
  EXPECT_EQ(registry.ca_file(), "");
  EXPECT_EQ(registry.token_issuer(), nullptr);

  auto response = registry.Client().Get("/v2/");
  EXPECT_EQ(response.status, 200) << response.error;
  EXPECT_EQ(response.Header("Docker-Distribution-Api-Version"), "registry/2.0");
}

TEST(TestRegistry, AccessLogListsTheRequests) {
  TestRegistry registry(TestRegistryOptions::Plain());
  registry.Client().Get("/v2/");
  registry.Client().Get("/v2/a/b/tags/list?n=10");

  auto log = registry.AccessLog();
  ASSERT_EQ(log.size(), 2u) << registry.Log();
  EXPECT_EQ(log[0].method, "GET");
  EXPECT_EQ(log[0].target, "/v2/");
  EXPECT_EQ(log[0].status, 200);
  EXPECT_EQ(log[1].target, "/v2/a/b/tags/list?n=10");
  EXPECT_EQ(log[1].status, 404);
  EXPECT_EQ(registry.CountRequests("GET", "/v2/a/"), 1u);
  EXPECT_EQ(registry.CountRequests("HEAD"), 0u);
}

TEST(TestRegistry, PlainStoresPushedBlobs) {
  TestRegistry registry(TestRegistryOptions::Plain());
  auto put = PushBlob(registry, "a/b", "plain blob", {});
  ASSERT_EQ(put.status, 201) << put.body << registry.Log();

  auto get = registry.Client().Get("/v2/a/b/blobs/" +
                                   base::Sha256Digest("plain blob"));
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.body, "plain blob");
  EXPECT_TRUE(std::filesystem::is_directory(registry.storage_dir() +
                                            "/docker/registry/v2/blobs"));
}

TEST(TestRegistry, BasicWantsCredentials) {
  TestRegistry registry(TestRegistryOptions::Basic());
  EXPECT_EQ(registry.base_url(), "https://" + registry.host_port());

  auto anonymous = registry.Client().Get("/v2/");
  EXPECT_EQ(anonymous.status, 401) << anonymous.error;
  EXPECT_EQ(anonymous.Header("WWW-Authenticate"),
            "Basic realm=\"mlist-test-registry\"");

  auto wrong = registry.Client().Get(
      "/v2/", {{"Authorization", BasicAuthorization(registry.user(), "x")}});
  EXPECT_EQ(wrong.status, 401);

  auto right = registry.Client().Get(
      "/v2/", {{"Authorization",
                BasicAuthorization(registry.user(), registry.password())}});
  EXPECT_EQ(right.status, 200) << right.error;
}

TEST(TestRegistry, BasicCertificateChainsToItsCa) {
  TestRegistry registry(TestRegistryOptions::Basic());
  ASSERT_FALSE(registry.ca_file().empty());

  // Without the CA, the system's CAs do not know the certificate.
  auto untrusted = TestHttpClient(registry.base_url()).Get("/v2/");
  EXPECT_EQ(untrusted.status, 0);
  EXPECT_NE(untrusted.error.find("certificate"), std::string::npos)
      << untrusted.error;

  TestHttpClientOptions trusting;
  trusting.ca_file = registry.ca_file();
  auto trusted = TestHttpClient(registry.base_url(), trusting).Get("/v2/");
  EXPECT_EQ(trusted.status, 401) << trusted.error;
}

TEST(TestRegistry, TokenChallengeNamesTheIssuer) {
  TestRegistry registry(TestRegistryOptions::Token());
  ASSERT_NE(registry.token_issuer(), nullptr);
  const TokenIssuer& issuer = *registry.token_issuer();

  auto response = registry.Client().Get("/v2/");
  EXPECT_EQ(response.status, 401) << response.error;
  EXPECT_EQ(response.Header("WWW-Authenticate"),
            "Bearer realm=\"" + issuer.realm() + "\",service=\"" +
                issuer.service() + "\"");
}

TEST(TestRegistry, TokenFromTheIssuerPushesAndPulls) {
  TestRegistry registry(TestRegistryOptions::Token());
  TokenIssuer& issuer = *registry.token_issuer();
  std::string realm = issuer.realm();
  TestHttpClient issuer_client(realm.substr(0, realm.rfind('/')));

  auto answer = issuer_client.Get(
      "/token?service=" + issuer.service() + "&scope=repository:a/b:pull,push",
      {{"Authorization",
        BasicAuthorization(registry.user(), registry.password())}});
  ASSERT_EQ(answer.status, 200) << answer.body;
  TestFields bearer = {
      {"Authorization", "Bearer " + JsonField(answer.body, "token")}};

  auto put = PushBlob(registry, "a/b", "tiny blob", bearer);
  ASSERT_EQ(put.status, 201) << put.body << registry.Log();
  EXPECT_EQ(put.Header("Docker-Content-Digest"),
            base::Sha256Digest("tiny blob"));
  auto get = registry.Client().Get(
      "/v2/a/b/blobs/" + base::Sha256Digest("tiny blob"), bearer);
  EXPECT_EQ(get.status, 200) << get.body;
  EXPECT_EQ(get.body, "tiny blob");

  auto requests = issuer.Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].user, registry.user());
  EXPECT_EQ(requests[0].scopes,
            std::vector<std::string>{"repository:a/b:pull,push"});
  EXPECT_EQ(registry.CountRequests("POST", "/v2/a/b/blobs/uploads/"), 1u);
  EXPECT_EQ(registry.CountRequests("PUT", "/v2/a/b/blobs/uploads/"), 1u);
  EXPECT_EQ(registry.CountRequests("GET", "/v2/a/b/blobs/sha256:"), 1u);
}

TEST(TestRegistry, AnonymousTokenCannotPush) {
  TestRegistry registry(TestRegistryOptions::Token());
  std::string token = registry.token_issuer()->IssueToken("", {});
  TestFields bearer = {{"Authorization", "Bearer " + token}};

  // A valid token without the scope: the registry asks for it.
  auto put = PushBlob(registry, "a/b", "blob", bearer);
  EXPECT_EQ(put.status, 401);
  // The registry lists the actions in either order from run to run.
  std::string challenge = put.Header("WWW-Authenticate");
  EXPECT_TRUE(challenge.find("scope=\"repository:a/b:pull,push\"") !=
                  std::string::npos ||
              challenge.find("scope=\"repository:a/b:push,pull\"") !=
                  std::string::npos)
      << challenge;
}

TEST(TestRegistry, TokenOverTlsUsesTheSameCa) {
  auto options = TestRegistryOptions::Token();
  options.tls = true;
  TestRegistry registry(options);
  std::string realm = registry.token_issuer()->realm();
  EXPECT_EQ(realm.rfind("https://", 0), 0u) << realm;

  TestHttpClientOptions trusting;
  trusting.ca_file = registry.ca_file();
  TestHttpClient issuer_client(realm.substr(0, realm.rfind('/')), trusting);
  auto answer = issuer_client.Get("/token?scope=repository:a/b:pull");
  EXPECT_EQ(answer.status, 200) << answer.error;
}

TEST(TestRegistry, ListensOnIpv6Loopback) {
  auto options = TestRegistryOptions::Basic();
  options.ipv6 = true;
  TestRegistry registry(options);
  EXPECT_EQ(registry.host_port().rfind("[::1]:", 0), 0u);

  // The certificate names ::1 too.
  auto response = registry.Client().Get("/v2/");
  EXPECT_EQ(response.status, 401) << response.error;
}

TEST(TestRegistry, FailureToStartShowsTheLog) {
  TempDir dir;
  WriteFile(dir.Join("registry"),
            "#!/bin/sh\necho 'configuration error: boom' >&2\nexit 3\n", 0755);
  TestRegistryOptions options;
  options.program = dir.Join("registry");
  try {
    TestRegistry registry(options);
    ADD_FAILURE() << "a registry that exits has started";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("exited with status 3"),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("configuration error: boom"),
              std::string::npos)
        << e.what();
  }
}

TEST(TestRegistry, StopEndsTheProcess) {
  TestRegistry registry;
  pid_t pid = registry.pid();
  EXPECT_TRUE(registry.Running());

  registry.Stop();
  EXPECT_FALSE(registry.Running());
  EXPECT_TRUE(ProcessGone(pid));
  EXPECT_EQ(registry.Client().Get("/v2/").status, 0);
}

TEST(TestRegistry, DestructionEndsTheProcess) {
  pid_t pid;
  {
    TestRegistry registry;
    pid = registry.pid();
  }
  EXPECT_TRUE(ProcessGone(pid));
}

}  // namespace
}  // namespace mlist::testing
