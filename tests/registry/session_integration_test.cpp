// Session against real registries (Debian's docker-registry) in every
// flavour: plain HTTP, HTTPS with htpasswd, token auth, IPv6.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "base/digest.h"
#include "base/error.h"
#include "base/parallel.h"
#include "config/config.h"
#include "registry/media_types.h"
#include "registry/registry_error.h"
#include "registry/session.h"
#include "support/crypto.h"
#include "support/error_text.h"
#include "support/fixtures.h"
#include "support/registry.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

namespace fs = std::filesystem;
using reference::Parse;

// A docker config directory for one test, with optional auths and a
// certs.d entry trusting a registry's CA.
class ConfigDir {
 public:
  void Login(const TestRegistry& r) {
    auths_ += std::string(auths_.empty() ? "" : ",") + "\"" + r.host_port() +
              "\":{\"auth\":\"" + Base64(r.user() + ":" + r.password()) + "\"}";
  }
  void UseHelper(const std::string& host_port, const std::string& helper) {
    helpers_ += std::string(helpers_.empty() ? "" : ",") + "\"" + host_port +
                "\":\"" + helper + "\"";
  }
  void Trust(const TestRegistry& r) {
    fs::create_directories(dir_.Join("certs.d/" + r.host_port()));
    fs::copy_file(r.ca_file(),
                  dir_.Join("certs.d/" + r.host_port() + "/ca.crt"));
  }
  registry::SessionOptions Options(bool insecure = false) {
    WriteFile(
        dir_.Join("config.json"),
        "{\"auths\":{" + auths_ + "},\"credHelpers\":{" + helpers_ + "}}");
    registry::SessionOptions options;
    options.config = config::LoadConfig(dir_.path());
    options.insecure = insecure;
    options.retry_base = std::chrono::milliseconds(10);
    return options;
  }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::string auths_;
  std::string helpers_;
};

// A token-auth registry served over HTTPS (its issuer too).
TestRegistryOptions TokenOverTls() {
  auto options = TestRegistryOptions::Token();
  options.tls = true;
  return options;
}

TEST(SessionPlainRegistry, PushedImagesComeBackByteForByte) {
  TestRegistry r(TestRegistryOptions::Plain());
  ConfigDir config;
  registry::Session session(config.Options(/*insecure=*/true));
  for (auto format : {ImageFormat::kDocker, ImageFormat::kOci}) {
    auto images =
        PushImages(session, r.host_port() + "/app", SevenPlatforms(), format,
                   format == ImageFormat::kOci ? "oci" : "v2");
    for (const auto& image : images) {
      SCOPED_TRACE(image.ref.String());
      auto by_tag = session.GetManifest(image.ref);
      EXPECT_EQ(by_tag.bytes, image.manifest);
      EXPECT_EQ(by_tag.digest, image.digest);
      EXPECT_EQ(by_tag.media_type, image.media_type);
      auto by_digest =
          session.GetManifest(Parse(r.host_port() + "/app@" + image.digest));
      EXPECT_EQ(by_digest.bytes, image.manifest);
      auto head = session.HeadManifest(image.ref);
      ASSERT_TRUE(head.has_value());
      EXPECT_EQ(head->digest, image.digest);
      EXPECT_EQ(head->size, image.manifest.size());
      std::string config_blob = session.GetBlob(image.ref, image.config_digest);
      EXPECT_EQ(base::Sha256Digest(config_blob), image.config_digest);
      EXPECT_NE(config_blob.find(image.platform.architecture),
                std::string::npos);
    }
  }
}

TEST(SessionPlainRegistry, FixtureDigestsAreTheSameOnEveryRun) {
  TestRegistry a(TestRegistryOptions::Plain());
  TestRegistry b(TestRegistryOptions::Plain());
  ConfigDir config;
  registry::Session session(config.Options(true));
  auto pa = PushImages(session, a.host_port() + "/x", SevenPlatforms(),
                       ImageFormat::kOci);
  auto pb = PushImages(session, b.host_port() + "/y", SevenPlatforms(),
                       ImageFormat::kOci);
  for (size_t i = 0; i < pa.size(); ++i) {
    EXPECT_EQ(pa[i].digest, pb[i].digest);
  }
  // The seven platforms give seven different images.
  std::set<std::string> distinct;
  for (const auto& p : pa) {
    distinct.insert(p.digest);
  }
  EXPECT_EQ(distinct.size(), 7u);
}

TEST(SessionPlainRegistry, MissingManifestIsManifestUnknown) {
  TestRegistry r(TestRegistryOptions::Plain());
  ConfigDir config;
  registry::Session session(config.Options(true));
  auto ref = Parse(r.host_port() + "/nothing:here");
  EXPECT_FALSE(session.HeadManifest(ref).has_value());
  try {
    session.GetManifest(ref);
    FAIL() << "expected an error";
  } catch (const registry::RegistryError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_TRUE(e.HasCode("MANIFEST_UNKNOWN")) << e.what();
    EXPECT_EQ(std::string(e.what()),
              "fetching manifest \"" + r.host_port() +
                  "/nothing:here\": manifest unknown: manifest unknown");
  }
}

TEST(SessionPlainRegistry, PlainHttpNeedsInsecure) {
  TestRegistry r(TestRegistryOptions::Plain());
  ConfigDir config;
  registry::Session session(config.Options(/*insecure=*/false));
  std::string error =
      ErrorOf([&] { session.GetManifest(Parse(r.host_port() + "/a:1")); });
  EXPECT_NE(error.find("TLS handshake failed"), std::string::npos) << error;
}

TEST(SessionPlainRegistry, MountsBetweenRepositoriesAndUploadsInChunks) {
  TestRegistry r(TestRegistryOptions::Plain());
  ConfigDir config;
  registry::Session session(config.Options(true));
  auto src = PushImage(session, Parse(r.host_port() + "/src:1"),
                       SevenPlatforms()[0], ImageFormat::kDocker);
  auto dst = Parse(r.host_port() + "/dst:1");
  EXPECT_FALSE(session.HeadBlob(dst, src.layer_digest).has_value());
  EXPECT_TRUE(session.MountBlob(dst, src.layer_digest, "src"));
  EXPECT_TRUE(session.HeadBlob(dst, src.layer_digest).has_value());
  EXPECT_EQ(r.CountRequests("POST", "/v2/dst/blobs/uploads/?mount="), 1u);

  std::string big(300000, 'q');
  std::string digest = base::Sha256Digest(big);
  auto source = std::make_shared<transport::BodySource>();
  source->length = big.size();
  source->open = [big] {
    struct Reader : transport::BodyReader {
      std::string data;
      size_t at = 0;
      size_t Read(char* buf, size_t size) override {
        size_t n = std::min(size, data.size() - at);
        std::copy_n(data.data() + at, n, buf);
        at += n;
        return n;
      }
    };
    auto reader = std::make_unique<Reader>();
    reader->data = big;
    return reader;
  };
  session.UploadBlobStream(dst, digest, big.size(), source, 100000);
  EXPECT_EQ(r.CountRequests("PATCH", "/v2/dst/blobs/uploads/"), 3u);
  EXPECT_EQ(session.GetBlob(dst, digest), big);
}

TEST(SessionPlainRegistry, CopiesBlobsBetweenRegistriesStreamed) {
  TestRegistry from(TestRegistryOptions::Plain());
  TestRegistry to(TestRegistryOptions::Basic());
  ConfigDir config;
  config.Login(to);
  config.Trust(to);
  registry::Session session(config.Options(/*insecure=*/false));
  registry::SessionOptions plain = config.Options(true);
  registry::Session plain_session(plain);
  auto image = PushImage(plain_session, Parse(from.host_port() + "/a:1"),
                         SevenPlatforms()[3], ImageFormat::kOci);
  // The HTTPS target is verified while the plain source needs --insecure:
  // one session per trust setting, the copy reading through the first.
  auto target = Parse(to.host_port() + "/b:1");
  for (const auto& digest : {image.config_digest, image.layer_digest}) {
    auto size = plain_session.HeadBlob(image.ref, digest);
    ASSERT_TRUE(size.has_value());
    plain_session.CopyBlob(image.ref, target, digest, *size);
    // The copy went into the HTTPS registry through plain_session's
    // --insecure connection; it must be readable with verification.
    EXPECT_EQ(session.HeadBlob(target, digest), size);
  }
  EXPECT_EQ(session.PutManifest(target, image.media_type, image.manifest),
            image.digest);
}

TEST(SessionBasicRegistry, CredentialsFromAuths) {
  TestRegistry r(TestRegistryOptions::Basic());
  ConfigDir config;
  config.Login(r);
  config.Trust(r);
  registry::Session session(config.Options());
  auto image = PushImage(session, Parse(r.host_port() + "/app:1"),
                         SevenPlatforms()[1], ImageFormat::kDocker);
  EXPECT_EQ(session.GetManifest(image.ref).digest, image.digest);
}

TEST(SessionBasicRegistry, CredentialsFromAHelper) {
  TestRegistry r(TestRegistryOptions::Basic());
  ConfigDir config;
  config.Trust(r);
  TempDir bin;
  // A helper speaking the real protocol: server URL on stdin, JSON out.
  WriteFile(bin.Join("docker-credential-mlistreg"),
            "#!/bin/sh\nread url\n[ \"$1\" = get ] || exit 1\n"
            "printf '{\"ServerURL\":\"%s\",\"Username\":\"" +
                r.user() + "\",\"Secret\":\"" + r.password() +
                "\"}' \"$url\"\n",
            0755);
  config.UseHelper(r.host_port(), "mlistreg");
  std::string old_path = std::getenv("PATH");
  ::setenv("PATH", (bin.path() + ":" + old_path).c_str(), 1);
  registry::Session session(config.Options());
  std::string error = ErrorOf([&] {
    PushImage(session, Parse(r.host_port() + "/app:1"), SevenPlatforms()[2],
              ImageFormat::kOci);
  });
  ::setenv("PATH", old_path.c_str(), 1);
  EXPECT_EQ(error, "no error");
}

TEST(SessionBasicRegistry, NoCredentialsIsUnauthorized) {
  TestRegistry r(TestRegistryOptions::Basic());
  ConfigDir config;
  config.Trust(r);
  registry::Session session(config.Options());
  std::string error =
      ErrorOf([&] { session.GetManifest(Parse(r.host_port() + "/a:1")); });
  EXPECT_EQ(error, "fetching manifest \"" + r.host_port() +
                       "/a:1\": unauthorized: authentication required");
}

TEST(SessionBasicRegistry, UnknownCaIsRefusedUnlessInsecure) {
  TestRegistry r(TestRegistryOptions::Basic());
  ConfigDir config;
  config.Login(r);
  registry::Session verified(config.Options(false));
  std::string error =
      ErrorOf([&] { verified.GetManifest(Parse(r.host_port() + "/a:1")); });
  EXPECT_NE(error.find("x509: "), std::string::npos) << error;
  EXPECT_NE(error.find("certificate"), std::string::npos) << error;
  registry::Session insecure(config.Options(true));
  std::string second =
      ErrorOf([&] { insecure.GetManifest(Parse(r.host_port() + "/a:1")); });
  // Past TLS, the registry answers: the tag simply does not exist.
  EXPECT_NE(second.find("manifest unknown"), std::string::npos) << second;
}

TEST(SessionTokenRegistry, OneTokenCoversAPushWithItsMountSource) {
  TestRegistry r(TokenOverTls());
  ConfigDir config;
  config.Login(r);
  config.Trust(r);
  registry::Session session(config.Options());
  auto src = PushImage(session, Parse(r.host_port() + "/team/src:1"),
                       SevenPlatforms()[0], ImageFormat::kDocker);
  size_t before = r.token_issuer()->Requests().size();

  registry::Session push(config.Options());
  auto target = Parse(r.host_port() + "/team/dst:1");
  push.AddScope(target, "pull,push");
  push.AddScope(src.ref, "pull");
  for (const auto& d : {src.config_digest, src.layer_digest}) {
    EXPECT_TRUE(push.MountBlob(target, d, "team/src"));
  }
  push.PutManifest(target, src.media_type, src.manifest);
  auto requests = r.token_issuer()->Requests();
  ASSERT_EQ(requests.size(), before + 1);
  const auto& token = requests.back();
  EXPECT_TRUE(token.basic_auth);
  EXPECT_EQ(token.user, r.user());
  std::set<std::string> scopes(token.scopes.begin(), token.scopes.end());
  EXPECT_EQ(scopes, (std::set<std::string>{"repository:team/dst:pull,push",
                                           "repository:team/src:pull"}));
  EXPECT_EQ(push.token_requests(), 1);
}

TEST(SessionTokenRegistry, AnonymousPushIsRefused) {
  TestRegistry r(TokenOverTls());
  ConfigDir config;
  config.Trust(r);
  registry::Session session(config.Options());
  std::string error = ErrorOf([&] {
    PushImage(session, Parse(r.host_port() + "/a:1"), SevenPlatforms()[0],
              ImageFormat::kDocker);
  });
  EXPECT_NE(error.find("unauthorized"), std::string::npos) << error;
}

TEST(SessionTokenRegistry, IdentityTokenIsExchangedByPost) {
  auto options = TokenOverTls();
  options.token.refresh_tokens["refresh-abc"] = "mlist";
  TestRegistry r(options);
  ConfigDir config;
  config.Trust(r);
  registry::SessionOptions session_options = config.Options();
  session_options.credentials = [](const std::string&) {
    config::Credential c;
    c.identity_token = "refresh-abc";
    return c;
  };
  registry::Session session(session_options);
  PushImage(session, Parse(r.host_port() + "/a:1"), SevenPlatforms()[0],
            ImageFormat::kOci);
  auto requests = r.token_issuer()->Requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back().method, "POST");
  EXPECT_EQ(requests.back().grant_type, "refresh_token");
  EXPECT_EQ(requests.back().user, "mlist");
}

TEST(SessionIpv6Registry, WorksOnBracketedLoopback) {
  auto options = TestRegistryOptions::Basic();
  options.ipv6 = true;
  TestRegistry r(options);
  ConfigDir config;
  config.Login(r);
  config.Trust(r);
  registry::Session session(config.Options());
  auto image = PushImage(session, Parse(r.host_port() + "/v6:1"),
                         SevenPlatforms()[4], ImageFormat::kOci);
  EXPECT_EQ(r.host_port().front(), '[');
  EXPECT_EQ(session.GetManifest(image.ref).bytes, image.manifest);
}

// An OCI index over images, as a list push would write it.
std::string IndexOf(const std::vector<PushedImage>& images) {
  std::string json = "{\"schemaVersion\":2,\"mediaType\":\"" +
                     std::string(registry::kOciIndex) + "\",\"manifests\":[";
  for (size_t i = 0; i < images.size(); ++i) {
    const auto& p = images[i].platform;
    json += std::string(i == 0 ? "" : ",") + "{\"mediaType\":\"" +
            images[i].media_type +
            "\",\"size\":" + std::to_string(images[i].size) + ",\"digest\":\"" +
            images[i].digest + "\",\"platform\":{\"architecture\":\"" +
            p.architecture + "\",\"os\":\"" + p.os + "\"}}";
  }
  return json + "]}";
}

TEST(SessionFanOut, ListAndSevenChildrenCostOneChallengeAndOneToken) {
  TestRegistry r(TokenOverTls());
  ConfigDir config;
  config.Login(r);
  config.Trust(r);
  std::vector<PushedImage> images;
  auto list = Parse(r.host_port() + "/fan:list");
  {
    registry::Session seed(config.Options());
    images = PushImages(seed, r.host_port() + "/fan", SevenPlatforms(),
                        ImageFormat::kDocker);
    seed.PutManifest(list, registry::kOciIndex, IndexOf(images));
  }
  for (size_t connections : {1, 8}) {
    registry::SessionOptions o = config.Options();
    o.connections_per_host = connections;
    registry::Session session(o);
    size_t before = r.AccessLog().size();
    size_t tokens_before = r.token_issuer()->Requests().size();
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(session.GetManifest(list).bytes, IndexOf(images));
    base::ParallelFor(images.size(), connections, [&](size_t i) {
      auto by_digest = Parse(r.host_port() + "/fan@" + images[i].digest);
      EXPECT_EQ(session.GetManifest(by_digest).digest, images[i].digest);
    });
    auto ms = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start);
    // One challenge, the list, then the seven children; one token.
    EXPECT_EQ(r.AccessLog().size() - before, 9u) << connections;
    EXPECT_EQ(r.token_issuer()->Requests().size() - tokens_before, 1u);
    EXPECT_EQ(session.token_requests(), 1);
    std::cout << "[ fan-out ] list + 7 children, " << connections
              << " connection(s): " << ms.count() / 1000.0 << " ms\n";
  }
}

TEST(SessionScale, SixtyFourDistinctImages) {
  TestRegistry r(TestRegistryOptions::Plain());
  ConfigDir config;
  registry::Session session(config.Options(true));
  auto images = PushImages(session, r.host_port() + "/many", ManyPlatforms(64),
                           ImageFormat::kOci);
  std::set<std::string> digests;
  for (const auto& image : images) {
    digests.insert(image.digest);
  }
  EXPECT_EQ(digests.size(), 64u);
}

TEST(SessionTokenRegistry, AnonymousPullIsAllowedWhereTheIssuerSaysSo) {
  TestRegistry r(TokenOverTls());
  ConfigDir config;
  config.Login(r);
  config.Trust(r);
  PushedImage image;
  {
    registry::Session seed(config.Options());
    image = PushImage(seed, Parse(r.host_port() + "/pub:1"),
                      SevenPlatforms()[5], ImageFormat::kOci);
  }
  ConfigDir anonymous;
  anonymous.Trust(r);
  registry::Session session(anonymous.Options());
  EXPECT_EQ(session.GetManifest(image.ref).digest, image.digest);
  auto last = r.token_issuer()->Requests().back();
  EXPECT_FALSE(last.basic_auth);
  EXPECT_EQ(last.user, "");
}

}  // namespace
}  // namespace mlist::testing
