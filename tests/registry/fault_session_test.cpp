// Session against a registry that fails: retries, digests, limits,
// redirects, broken downloads and uploads.
#include <gtest/gtest.h>

#include "registry/fault_registry.h"

namespace mlist::registry {
namespace {

using namespace fault_testing;  // NOLINT

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

}  // namespace
}  // namespace mlist::registry
