// Session against an in-process registry made to misbehave: what a real
// registry cannot be made to show (wrong digests, oversized manifests,
// token endpoint failures, redirects to a CDN, cut downloads, plain HTTP).
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "base/digest.h"
#include "base/error.h"
#include "reference/reference.h"
#include "registry/media_types.h"
#include "registry/registry_error.h"
#include "registry/session.h"
#include "support/certs.h"
#include "support/temp_dir.h"
#include "support/test_http.h"

namespace mlist::registry {
namespace {

using testing::BasicAuthorization;
using testing::TestFields;
using testing::TestHttpHandler;
using testing::TestHttpRequest;
using testing::TestHttpResponse;
using testing::TestHttpServer;
using testing::TestHttpServerOptions;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

const std::string kManifest = R"({"schemaVersion":2,"mediaType":")" +
                              std::string(kOciIndex) + R"(","manifests":[]})";
const std::string kTokenOne = "token-one-7f3a9c";
const std::string kTokenTwo = "token-two-41d2e8";

// A TestHttpServer that keeps every request its handler answered.
class FaultRegistry {
 public:
  explicit FaultRegistry(TestHttpHandler handler,
                         TestHttpServerOptions options = {})
      : handler_(std::move(handler)),
        server_([this](const TestHttpRequest& r) { return Record(r); },
                std::move(options)) {}

  // Requests seen, all of them or those for path.
  std::vector<TestHttpRequest> seen(const std::string& path = "") const {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<TestHttpRequest> out;
    for (const auto& r : seen_) {
      if (path.empty() || r.path == path) {
        out.push_back(r);
      }
    }
    return out;
  }
  int requests(const std::string& path = "") const {
    return static_cast<int>(seen(path).size());
  }
  std::string host_port() const { return server_.host_port(); }
  std::string Url(const std::string& target) const {
    return server_.base_url() + target;
  }
  // A reference into this registry: Ref("a/b:1").
  reference::Reference Ref(const std::string& rest) const {
    return reference::Parse(host_port() + "/" + rest);
  }

 private:
  TestHttpResponse Record(const TestHttpRequest& request) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      seen_.push_back(request);
    }
    return handler_(request);
  }

  mutable std::mutex mu_;
  std::vector<TestHttpRequest> seen_;
  TestHttpHandler handler_;
  TestHttpServer server_;  // last: stopped before the rest goes away
};

TestHttpResponse Answer(int status, std::string body = "",
                        TestFields headers = {}) {
  TestHttpResponse answer;
  answer.status = status;
  answer.body = std::move(body);
  answer.headers = std::move(headers);
  return answer;
}

TestHttpResponse ManifestAnswer(TestFields headers = {}) {
  headers.emplace_back("Content-Type", kOciIndex);
  return Answer(200, kManifest, std::move(headers));
}

// Answers with script in order, then repeats its last answer.
TestHttpHandler Script(std::vector<TestHttpResponse> script) {
  auto next = std::make_shared<size_t>(0);
  auto mu = std::make_shared<std::mutex>();
  return [script = std::move(script), next, mu](const TestHttpRequest&) {
    std::lock_guard<std::mutex> lock(*mu);
    size_t at = std::min(*next, script.size() - 1);
    ++*next;
    return script[at];
  };
}

// Answers 401 with a Basic challenge until the request carries
// authorization, then hands it to next.
TestHttpHandler RequireBasic(std::string authorization, TestHttpHandler next) {
  return [=](const TestHttpRequest& request) {
    if (request.Header("Authorization") != authorization) {
      return Answer(401, "", {{"WWW-Authenticate", R"(Basic realm="x")"}});
    }
    return next(request);
  };
}

// The token endpoint of TokenRegistry: kTokenTwo when pull,push on a/b is
// asked for, else kTokenOne.
TestHttpResponse IssueToken(const TestHttpRequest& request) {
  bool push = false;
  for (const auto& scope : request.Params("scope")) {
    push = push || scope == "repository:a/b:pull,push";
  }
  return Answer(200,
                R"({"token":")" + (push ? kTokenTwo : kTokenOne) +
                    R"(","expires_in":300})",
                {{"Content-Type", "application/json"}});
}

// A registry with bearer tokens from token_endpoint at /token on the same
// server. Manifest "2" wants the pull,push token; any other manifest
// takes either token.
TestHttpHandler TokenRegistry(TestHttpHandler token_endpoint = IssueToken) {
  return [=](const TestHttpRequest& request) {
    if (request.path == "/token") {
      return token_endpoint(request);
    }
    bool push = request.path == "/v2/a/b/manifests/2";
    std::string auth = request.Header("Authorization");
    if (auth == "Bearer " + kTokenTwo ||
        (auth == "Bearer " + kTokenOne && !push)) {
      return ManifestAnswer();
    }
    std::string challenge =
        R"(Bearer realm="http://)" + request.Header("Host") +
        R"(/token",service="fault",scope="repository:a/b:)" +
        (push ? "pull,push" : "pull") + "\"";
    if (!auth.empty()) {
      challenge += R"(,error="insufficient_scope")";
    }
    return Answer(401, "", {{"WWW-Authenticate", challenge}});
  };
}

// Plain HTTP behind the https URLs Session uses, anonymous, quick
// retries.
SessionOptions FastOptions() {
  SessionOptions options;
  options.insecure = true;
  options.max_retries = 2;
  options.retry_base = milliseconds(10);
  options.credentials = [](const std::string&) { return config::Credential{}; };
  return options;
}

SessionOptions AliceOptions() {
  SessionOptions options = FastOptions();
  options.credentials = [](const std::string&) {
    config::Credential credential;
    credential.username = "alice";
    credential.password = "s3cret";
    return credential;
  };
  return options;
}

// The text of the mlist::Error that f throws, or "no error".
template <typename F>
std::string ErrorText(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(FaultSession, ServerErrorThenManifestSucceeds) {
  FaultRegistry registry(Script({Answer(500), ManifestAnswer()}));
  Session session(FastOptions());
  Manifest manifest = session.GetManifest(registry.Ref("a/b:1"));
  EXPECT_EQ(manifest.bytes, kManifest);
  EXPECT_EQ(manifest.digest, base::Sha256Digest(kManifest));
  EXPECT_EQ(manifest.media_type, kOciIndex);
  EXPECT_EQ(registry.requests(), 2);
}

TEST(FaultSession, EndlessUnavailableIsARegistryErrorAfterRetries) {
  FaultRegistry registry(Script({Answer(
      503, R"({"errors":[{"code":"UNAVAILABLE","message":"try later"}]})")}));
  Session session(FastOptions());
  auto start = Clock::now();
  try {
    session.GetManifest(registry.Ref("a/b:1"));
    FAIL() << "expected a RegistryError";
  } catch (const RegistryError& e) {
    EXPECT_EQ(std::string(e.what()), "fetching manifest \"" +
                                         registry.host_port() +
                                         "/a/b:1\": unavailable: try later");
    EXPECT_EQ(e.status(), 503);
    EXPECT_TRUE(e.HasCode("UNAVAILABLE"));
  }
  EXPECT_EQ(registry.requests(), 3);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
}

TEST(FaultSession, ManifestNotMatchingItsDigestIsRefused) {
  std::string other = base::Sha256Digest("other bytes");
  std::string real = base::Sha256Digest(kManifest);
  struct Row {
    const char* name;
    std::string ref;  // after "HOST/a/b"
    TestFields headers;
    std::string why;
  };
  const Row rows[] = {
      {"asked by digest",
       "@" + other,
       {},
       "digest mismatch: asked for " + other + ", content is " + real},
      {"Docker-Content-Digest",
       ":1",
       {{"Docker-Content-Digest", other}},
       "digest mismatch: registry says " + other + ", content is " + real},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    FaultRegistry registry(Script({ManifestAnswer(row.headers)}));
    Session session(FastOptions());
    std::string ref = registry.host_port() + "/a/b" + row.ref;
    EXPECT_EQ(ErrorText([&] { session.GetManifest(reference::Parse(ref)); }),
              "fetching manifest \"" + ref + "\": " + row.why);
    EXPECT_EQ(registry.requests(), 1);
  }
}

TEST(FaultSession, ManifestOver4MiBIsRefused) {
  std::string big(kMaxManifestBytes + 1, ' ');
  TestHttpResponse chunked = Answer(200, big);
  chunked.chunked = true;
  TestHttpResponse endless = Answer(200, std::string(64 * 1024, ' '));
  endless.endless = true;
  struct Row {
    const char* name;
    TestHttpResponse answer;
  };
  const Row rows[] = {{"Content-Length", Answer(200, big)},
                      {"chunked", chunked},
                      {"endless", endless}};
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    FaultRegistry registry(Script({row.answer}));
    Session session(FastOptions());
    EXPECT_EQ(ErrorText([&] { session.GetManifest(registry.Ref("a/b:1")); }),
              "fetching manifest \"" + registry.host_port() + "/a/b:1\": GET " +
                  registry.Url("/v2/a/b/manifests/1") +
                  ": response body exceeds 4194304 bytes");
    EXPECT_EQ(registry.requests(), 1);
  }
}

TEST(FaultSession, BlobRedirectSendsNoCredentialsToTheCdn) {
  const std::string blob = "layer bytes";
  // Linux routes all of 127.0.0.0/8 to loopback: a second host.
  FaultRegistry cdn(Script({Answer(200, blob)}),
                    TestHttpServerOptions{"127.0.0.2", "", ""});
  std::string alice = BasicAuthorization("alice", "s3cret");
  FaultRegistry registry(RequireBasic(alice, [&](const TestHttpRequest&) {
    return Answer(307, "", {{"Location", cdn.Url("/blob?sig=1")}});
  }));
  Session session(AliceOptions());
  EXPECT_EQ(session.GetBlob(registry.Ref("a/b"), base::Sha256Digest(blob)),
            blob);
  auto asked = registry.seen();
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_EQ(asked[0].Header("Authorization"), "");
  EXPECT_EQ(asked[1].Header("Authorization"), alice);
  ASSERT_EQ(cdn.requests(), 1);
  EXPECT_EQ(cdn.seen()[0].Header("Authorization"), "");
}

TEST(FaultSession, BlobRedirectLoopStopsAfterTenHops) {
  FaultRegistry registry([](const TestHttpRequest& request) {
    return Answer(307, "", {{"Location", request.target}});
  });
  Session session(FastOptions());
  std::string digest = base::Sha256Digest("x");
  std::string path = "/v2/a/b/blobs/" + digest;
  EXPECT_EQ(ErrorText([&] { session.GetBlob(registry.Ref("a/b"), digest); }),
            "fetching blob " + digest + " from \"" + registry.host_port() +
                "/a/b\": GET " + registry.Url(path) +
                ": stopped after 10 redirects");
  EXPECT_EQ(registry.requests(), 11);
}

TEST(FaultSession, BlobCutMidDownloadIsRetriedWithoutDuplicates) {
  std::string blob;
  for (int i = 0; blob.size() < 300 * 1024; ++i) {
    blob += std::to_string(i) + ",";
  }
  TestHttpResponse cut = Answer(200, blob.substr(0, 100 * 1024));
  cut.content_length = blob.size();
  FaultRegistry registry(Script({cut, Answer(200, blob)}));
  Session session(FastOptions());
  std::string got;
  EXPECT_EQ(ErrorText([&] {
              got = session.GetBlob(registry.Ref("a/b"),
                                    base::Sha256Digest(blob));
            }),
            "no error");
  EXPECT_EQ(got.size(), blob.size());
  EXPECT_TRUE(got == blob);
  EXPECT_EQ(registry.requests(), 2);
}

TEST(FaultSession, CopyWhoseSourceIsCutUploadsTheBlobIntact) {
  std::string blob;
  for (int i = 0; blob.size() < 300 * 1024; ++i) {
    blob += std::to_string(i) + ";";
  }
  std::string digest = base::Sha256Digest(blob);
  TestHttpResponse cut = Answer(200, blob.substr(0, 100 * 1024));
  cut.content_length = blob.size();
  auto source = Script({cut, Answer(200, blob)});
  FaultRegistry registry([&](const TestHttpRequest& request) {
    if (request.path == "/v2/c/d/blobs/" + digest) {
      return source(request);
    }
    if (request.method == "POST") {
      return Answer(202, "", {{"Location", "/upload/1"}});
    }
    return Answer(201);
  });
  Session session(FastOptions());
  session.CopyBlob(registry.Ref("c/d"), registry.Ref("a/b"), digest,
                   blob.size());
  EXPECT_EQ(registry.requests("/v2/c/d/blobs/" + digest), 2);
  auto put = registry.seen("/upload/1");
  ASSERT_EQ(put.size(), 1u);
  EXPECT_EQ(put[0].body.size(), blob.size());
  EXPECT_TRUE(put[0].body == blob) << "the registry got other bytes";
}

TEST(FaultSession, UploadRetriedAfterServerErrorSendsTheWholeBlobAgain) {
  const std::string blob = "config bytes";
  auto puts = std::make_shared<int>(0);
  FaultRegistry registry([puts](const TestHttpRequest& request) {
    if (request.method == "POST") {
      return Answer(202, "", {{"Location", "/upload/1"}});
    }
    return Answer(++*puts == 1 ? 500 : 201);
  });
  Session session(FastOptions());
  std::string digest = base::Sha256Digest(blob);
  session.UploadBlob(registry.Ref("a/b"), digest, blob);
  auto put = registry.seen("/upload/1");
  ASSERT_EQ(put.size(), 2u);
  for (const auto& request : put) {
    EXPECT_EQ(request.body, blob);
    EXPECT_EQ(request.Param("digest"), digest);
  }
}

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
    EXPECT_EQ(session.MountBlob(registry.Ref("a/b"), digest, "c/d"),
              row.mounted);
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

}  // namespace
}  // namespace mlist::registry
