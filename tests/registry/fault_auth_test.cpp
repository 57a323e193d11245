// Session against a registry that fails: tokens, HEAD fallback, mounts,
// secrets in the debug log, TLS and plain HTTP.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include "registry/fault_registry.h"

namespace mlist::registry {
namespace {

using namespace fault_testing;  // NOLINT

TEST(FaultSession, TokenIsFetchedOnceForTwoManifestGets) {
  FaultRegistry registry(TokenRegistry());
  Session session(AliceOptions());
  session.GetManifest(registry.Ref("a/b:1"));
  session.GetManifest(registry.Ref("a/b:1"));
  EXPECT_EQ(session.token_requests(), 1);
  auto token = registry.seen("/token");
  ASSERT_EQ(token.size(), 1u);
  EXPECT_EQ(token[0].Param("service"), "fault");
  EXPECT_EQ(token[0].Params("scope"),
            std::vector<std::string>{"repository:a/b:pull"});
  EXPECT_EQ(token[0].Header("Authorization"),
            BasicAuthorization("alice", "s3cret"));
  // One 401, then two answers with the token.
  EXPECT_EQ(registry.requests("/v2/a/b/manifests/1"), 3);
}

TEST(FaultSession, InsufficientScopeFetchesOneMoreToken) {
  FaultRegistry registry(TokenRegistry());
  Session session(FastOptions());
  session.GetManifest(registry.Ref("a/b:1"));
  Manifest manifest = session.GetManifest(registry.Ref("a/b:2"));
  EXPECT_EQ(manifest.bytes, kManifest);
  EXPECT_EQ(session.token_requests(), 2);
  auto token = registry.seen("/token");
  ASSERT_EQ(token.size(), 2u);
  EXPECT_EQ(token[1].Params("scope"),
            (std::vector<std::string>{"repository:a/b:pull",
                                      "repository:a/b:pull,push"}));
  auto second = registry.seen("/v2/a/b/manifests/2");
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].Header("Authorization"), "Bearer " + kTokenOne);
  EXPECT_EQ(second[1].Header("Authorization"), "Bearer " + kTokenTwo);
}

TEST(FaultSession, TokenEndpointFailuresAreClearErrors) {
  struct Row {
    const char* name;
    TestHttpResponse answer;
    std::string why;
    int token_requests;
  };
  const Row rows[] = {
      {"garbage", Answer(200, "<html>oops</html>"),
       "the answer is not a JSON object", 1},
      {"empty", Answer(200), "the answer is not a JSON object", 1},
      {"no token", Answer(200, R"({"expires_in":300})"),
       "the answer holds no token", 1},
      {"refused", Answer(401, R"({"details":"bad login"})"),
       R"(401 {"details":"bad login"})", 1},
      {"down", Answer(503, "down"), "503 down", 3},
      // Read without recursion: no stack overflow.
      {"deeply nested", Answer(200, std::string(1 << 20, '[')),
       "the answer is not a JSON object", 1},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    FaultRegistry registry(TokenRegistry(Script({row.answer})));
    Session session(FastOptions());
    EXPECT_EQ(ErrorText([&] { session.GetManifest(registry.Ref("a/b:1")); }),
              "fetching manifest \"" + registry.host_port() +
                  "/a/b:1\": getting a token from \"" + registry.Url("/token") +
                  "\": " + row.why);
    EXPECT_EQ(registry.requests("/token"), row.token_requests);
  }
}

TEST(FaultSession, HeadWithoutDigestFallsBackToGet) {
  struct Row {
    const char* name;
    bool digest_header;
    int gets;
  };
  const Row rows[] = {{"with Docker-Content-Digest", true, 0},
                      {"without", false, 1}};
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    FaultRegistry registry([&](const TestHttpRequest& request) {
      TestFields headers;
      if (request.method == "HEAD" && row.digest_header) {
        headers = {{"Docker-Content-Digest", base::Sha256Digest(kManifest)}};
      }
      return ManifestAnswer(headers);
    });
    Session session(FastOptions());
    auto head = session.HeadManifest(registry.Ref("a/b:1"));
    ASSERT_TRUE(head.has_value());
    EXPECT_EQ(head->digest, base::Sha256Digest(kManifest));
    EXPECT_EQ(head->size, kManifest.size());
    EXPECT_EQ(head->media_type, kOciIndex);
    int heads = 0, gets = 0;
    for (const auto& request : registry.seen()) {
      heads += request.method == "HEAD" ? 1 : 0;
      gets += request.method == "GET" ? 1 : 0;
    }
    EXPECT_EQ(heads, 1);
    EXPECT_EQ(gets, row.gets);
  }
}

TEST(FaultSession, MountAnsweredAcceptedMeansUploadIt) {
  struct Row {
    int status;
    bool mounted;
  };
  for (const Row& row : {Row{201, true}, Row{202, false}}) {
    SCOPED_TRACE(row.status);
    FaultRegistry registry(Script(
        {Answer(row.status, "", {{"Location", "/v2/a/b/blobs/uploads/u"}})}));
    Session session(FastOptions());
    std::string digest = base::Sha256Digest("layer");
    std::optional<Session::OpenUpload> opened;
    EXPECT_EQ(session.MountBlob(registry.Ref("a/b"), digest, "c/d", &opened),
              row.mounted);
    // A refusal hands over the upload it opened.
    EXPECT_EQ(opened.has_value(), !row.mounted);
    if (opened) {
      EXPECT_EQ(opened->location.String(),
                registry.Url("/v2/a/b/blobs/uploads/u"));
    }
    auto seen = registry.seen();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].method, "POST");
    EXPECT_EQ(seen[0].Param("mount"), digest);
    EXPECT_EQ(seen[0].Param("from"), "c/d");
  }
}

TEST(FaultSession, DebugLogShowsNoPasswordOrToken) {
  FaultRegistry registry(TokenRegistry());
  std::mutex mu;
  std::vector<std::string> lines;
  SessionOptions options = AliceOptions();
  options.debug_log = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(mu);
    lines.push_back(line);
  };
  Session session(options);
  session.GetManifest(registry.Ref("a/b:1"));
  session.GetManifest(registry.Ref("a/b:2"));
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_GE(lines.size(), 8u);
  std::string basic = BasicAuthorization("alice", "s3cret").substr(6);
  for (const auto& line : lines) {
    SCOPED_TRACE(line);
    for (const std::string& secret :
         {std::string("s3cret"), basic, kTokenOne, kTokenTwo}) {
      EXPECT_FALSE(Contains(line, secret)) << secret;
    }
  }
}

TEST(FaultSession, PlainHttpRegistryNeedsInsecure) {
  for (bool insecure : {true, false}) {
    SCOPED_TRACE(insecure ? "insecure" : "secure");
    FaultRegistry registry(Script({ManifestAnswer()}));
    SessionOptions options = FastOptions();
    options.insecure = insecure;
    Session session(options);
    std::string url = "https://" + registry.host_port() + "/v2/a/b/manifests/1";
    EXPECT_EQ(ErrorText([&] { session.GetManifest(registry.Ref("a/b:1")); }),
              insecure ? "no error"
                       : "fetching manifest \"" + registry.host_port() +
                             "/a/b:1\": GET " + url +
                             ": TLS handshake failed (does the server "
                             "speak HTTPS?)");
    EXPECT_EQ(registry.requests(), insecure ? 1 : 0);
  }
}

TEST(FaultSession, HttpsRegistryIsVerifiedUnlessInsecure) {
  testing::TempDir dir;
  testing::TestCert ca = testing::MakeCa("fault CA");
  testing::TestCert cert = testing::MakeServerCert(ca, "fault registry");
  testing::WriteFile(dir.Join("cert.pem"), cert.cert_pem);
  testing::WriteFile(dir.Join("key.pem"), cert.key_pem, 0600);
  FaultRegistry registry(
      Script({ManifestAnswer()}),
      {"127.0.0.1", dir.Join("cert.pem"), dir.Join("key.pem")});
  testing::TempDir config;
  testing::WriteFile(config.Join("certs.d/" + registry.host_port() + "/ca.crt"),
                     ca.cert_pem);
  struct Row {
    const char* name;
    bool insecure;
    bool ca_in_certs_d;
    std::string error_start;  // "" for success
  };
  std::string what = "fetching manifest \"" + registry.host_port() +
                     "/a/b:1\": GET " + registry.Url("/v2/a/b/manifests/1");
  const Row rows[] = {{"CA in certs.d", false, true, ""},
                      {"insecure", true, false, ""},
                      {"unknown CA", false, false, what + ": x509: "}};
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    SessionOptions options = FastOptions();
    options.insecure = row.insecure;
    options.config.dir = row.ca_in_certs_d ? config.path() : dir.path();
    Session session(options);
    std::string error =
        ErrorText([&] { session.GetManifest(registry.Ref("a/b:1")); });
    if (row.error_start.empty()) {
      EXPECT_EQ(error, "no error");
    } else {
      EXPECT_EQ(error.substr(0, row.error_start.size()), row.error_start)
          << error;
    }
  }
}

// A fan-out to a registry not met yet: the first request learns that it
// wants no credentials, and the others, which waited for that, then go
// out side by side, not one after another.
TEST(FaultSession, AFanOutWaitsForTheFirstAnswerThenRunsSideBySide) {
  std::mutex mu;
  int in_flight = 0;
  int most = 0;
  FaultRegistry registry([&](const TestHttpRequest&) {
    {
      std::lock_guard<std::mutex> lock(mu);
      most = std::max(most, ++in_flight);
    }
    std::this_thread::sleep_for(milliseconds(100));
    {
      std::lock_guard<std::mutex> lock(mu);
      --in_flight;
    }
    return ManifestAnswer();
  });
  Session session(FastOptions());
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      session.GetManifest(registry.Ref("a/b:" + std::to_string(i)));
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  // Plain HTTP: one request each, the first alone, the three others at
  // once.
  EXPECT_EQ(registry.requests(), 4);
  EXPECT_EQ(most, 3);
}

}  // namespace
}  // namespace mlist::registry
