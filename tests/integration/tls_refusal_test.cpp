// docker-mlist against HTTPS registries whose certificate must be
// refused: expired, made for another host, or signed by an unknown CA.
// The CAs of the first two are trusted through certs.d, so each fails for
// its one reason only. Every refusal names that reason, exits 1 and
// leaves the local store as it was; --insecure accepts all three. (Push
// to the unknown CA is push_tls_test's.)
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "reference/reference.h"
#include "registry/session.h"
#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

namespace fs = std::filesystem;

// One certificate problem: the registry that shows it and what
// docker-mlist must say about it (after "x509: ").
struct Refusal {
  const char* name;
  TestRegistry* registry;
  std::string reason;
  // Whether the registry's CA goes into certs.d.
  bool trust_ca;
  // Whether push is tried here (push_tls_test tries the unknown CA).
  bool try_push;
};

// A TLS registry whose certificate has fault, holding two images as
// src:v2-0 and src:v2-1; config_digest is set to the first one's config.
TestRegistry* StartSeeded(CertFault fault, bool ipv6,
                          std::string& config_digest) {
  TestRegistryOptions options;
  options.tls = true;
  options.cert_fault = fault;
  options.ipv6 = ipv6;
  auto* registry = new TestRegistry(options);
  registry::Session session(AsUserOf(*registry));
  std::vector<Platform> platforms = SevenPlatforms();
  platforms.resize(2);
  config_digest = PushImages(session, registry->host_port() + "/src", platforms,
                             ImageFormat::kDocker, "v2")[0]
                      .config_digest;
  return registry;
}

// Every file under dir and its bytes; empty when dir does not exist.
std::map<std::string, std::string> Files(const std::string& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) {
    return files;
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[entry.path().string()] = ReadFile(entry.path().string());
    }
  }
  return files;
}

class TlsRefusalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The images are the same bytes in every registry.
    expired_ = StartSeeded(CertFault::kExpired, false, config_digest_);
    wrong_host_ = StartSeeded(CertFault::kWrongHost, false, config_digest_);
    wrong_host_v6_ = StartSeeded(CertFault::kWrongHost, true, config_digest_);
    unknown_ca_ = StartSeeded(CertFault::kNone, false, config_digest_);
  }
  static void TearDownTestSuite() {
    for (TestRegistry** r :
         {&expired_, &wrong_host_, &wrong_host_v6_, &unknown_ca_}) {
      delete *r;
      *r = nullptr;
    }
  }

  void SetUp() override {
    for (const Refusal& refusal : Refusals()) {
      if (refusal.trust_ca) {
        WriteFile(cli_.config_dir() + "/certs.d/" +
                      refusal.registry->host_port() + "/ca.crt",
                  ReadFile(refusal.registry->ca_file()));
      }
    }
  }

  static std::vector<Refusal> Refusals() {
    return {
        {"expired", expired_, "certificate has expired", true, true},
        {"wrong host", wrong_host_, "certificate is not valid for 127.0.0.1",
         true, true},
        {"wrong host on IPv6", wrong_host_v6_,
         "certificate is not valid for ::1", true, true},
        {"unknown CA", unknown_ca_, "certificate signed by unknown authority",
         false, false},
    };
  }

  static std::vector<std::string> Images(const Refusal& refusal) {
    std::string repo = refusal.registry->host_port() + "/src";
    return {repo + ":v2-0", repo + ":v2-1"};
  }

  // The whole standard error of a command refused on its first request,
  // the GET of src:v2-0.
  static std::string RefusedFetch(const Refusal& refusal) {
    std::string host = refusal.registry->host_port();
    return "fetching manifest \"" + host + "/src:v2-0\": GET https://" + host +
           "/v2/src/manifests/v2-0: x509: " + refusal.reason + "\n";
  }

  // The whole standard error of a push into app refused on its first
  // request: the mount of src:v2-0's config (entries go in file-name
  // order, and the lowest entry's failure is the one reported).
  static std::string RefusedPush(const Refusal& refusal) {
    std::string host = refusal.registry->host_port();
    std::string hex = config_digest_.substr(config_digest_.find(':') + 1);
    return "copying \"" + host + "/src:v2-0\" to \"" + host +
           "/app\": mounting blob " + config_digest_ + " from \"src\" into \"" +
           host + "/app\": POST https://" + host +
           "/v2/app/blobs/uploads/?mount=sha256%3A" + hex +
           "&from=src: x509: " + refusal.reason + "\n";
  }

  base::ProcessResult Mlist(const std::vector<std::string>& args) {
    return cli_.Plugin(args);
  }

  // The local lists, file by file.
  std::map<std::string, std::string> Store() const {
    return Files(cli_.config_dir() + "/manifests");
  }

  static TestRegistry* expired_;
  static TestRegistry* wrong_host_;
  static TestRegistry* wrong_host_v6_;
  static TestRegistry* unknown_ca_;
  static std::string config_digest_;
  DockerCli cli_;
};

TestRegistry* TlsRefusalTest::expired_ = nullptr;
TestRegistry* TlsRefusalTest::wrong_host_ = nullptr;
TestRegistry* TlsRefusalTest::wrong_host_v6_ = nullptr;
TestRegistry* TlsRefusalTest::unknown_ca_ = nullptr;
std::string TlsRefusalTest::config_digest_;

TEST_F(TlsRefusalTest, InspectNamesTheCertificateProblem) {
  for (const Refusal& refusal : Refusals()) {
    SCOPED_TRACE(refusal.name);
    auto r = Mlist({"inspect", Images(refusal)[0]});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, RefusedFetch(refusal));
  }
  EXPECT_TRUE(Store().empty());
}

TEST_F(TlsRefusalTest, CreateNamesTheCertificateProblemAndWritesNoList) {
  for (const Refusal& refusal : Refusals()) {
    SCOPED_TRACE(refusal.name);
    std::string list = refusal.registry->host_port() + "/app:list";
    auto r = Mlist(Cat({"create", list}, Images(refusal)));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, RefusedFetch(refusal));
    EXPECT_TRUE(Store().empty());
  }
}

TEST_F(TlsRefusalTest, PushNamesTheCertificateProblemAndKeepsTheList) {
  for (const Refusal& refusal : Refusals()) {
    if (!refusal.try_push) {
      continue;
    }
    SCOPED_TRACE(refusal.name);
    std::string list = refusal.registry->host_port() + "/app:kept";
    auto create = Mlist(Cat({"create", "--insecure", list}, Images(refusal)));
    ASSERT_EQ(create.exit_code, 0) << create.err;
    auto before = Store();
    size_t puts = refusal.registry->CountRequests("PUT");
    auto r = Mlist({"push", list});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, RefusedPush(refusal));
    EXPECT_EQ(refusal.registry->CountRequests("PUT"), puts);
    EXPECT_EQ(Store(), before);
  }
}

TEST_F(TlsRefusalTest, InsecureAcceptsEveryProblem) {
  for (const Refusal& refusal : Refusals()) {
    SCOPED_TRACE(refusal.name);
    std::string list = refusal.registry->host_port() + "/app:insecure";
    auto inspect = Mlist({"inspect", "--insecure", Images(refusal)[0]});
    EXPECT_EQ(inspect.exit_code, 0) << inspect.err;
    EXPECT_NE(inspect.out.find(config_digest_), std::string::npos)
        << inspect.out;
    auto create = Mlist(Cat({"create", "--insecure", list}, Images(refusal)));
    ASSERT_EQ(create.exit_code, 0) << create.err;
    auto push = Mlist({"push", "--insecure", list});
    ASSERT_EQ(push.exit_code, 0) << push.err;
    registry::Session session(AsUserOf(*refusal.registry));
    EXPECT_EQ(session.GetManifest(reference::Parse(list)).digest,
              LastLine(push.out));
  }
}

}  // namespace
}  // namespace mlist::testing
