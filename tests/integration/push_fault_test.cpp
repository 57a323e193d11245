// docker mlist push when the registry does not play along: mounts refused,
// a manifest refused half way. A real registry stands behind a
// RegistryProxy that makes the faults; what lands is read back from the
// registry itself, with the project's code and with skopeo.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>

#include "base/digest.h"
#include "base/process.h"
#include "reference/reference.h"
#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"
#include "support/registry_proxy.h"
#include "support/test_http.h"

namespace mlist::testing {
namespace {

using Kind = RegistryRequestKind;

// The digests of the "Pushed ref NAME@D with digest: D" lines.
std::vector<std::string> PushedChildren(const std::string& out) {
  const std::string kMarker = " with digest: ";
  std::vector<std::string> digests;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    size_t at = line.find(kMarker);
    if (line.rfind("Pushed ref ", 0) == 0 && at != std::string::npos) {
      digests.push_back(line.substr(at + kMarker.size()));
    }
  }
  return digests;
}

class PushFaultTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ = new TestRegistry(TestRegistryOptions::Plain());
    registry::SessionOptions options;
    options.insecure = true;
    registry::Session session(options);
    images_ = new std::vector<PushedImage>(
        PushImages(session, registry_->host_port() + "/src", SevenPlatforms(),
                   ImageFormat::kDocker, "v2"));
  }
  static void TearDownTestSuite() {
    delete images_;
    delete registry_;
    images_ = nullptr;
    registry_ = nullptr;
  }

  // A reference through the proxy, where the plugin is pointed.
  std::string Ref(const std::string& rest) const {
    return proxy_.host_port() + "/" + rest;
  }
  // The same repository straight at the registry, for reading back.
  static std::string Direct(const std::string& rest) {
    return registry_->host_port() + "/" + rest;
  }
  // The seven images, named through the proxy: the list and its entries
  // are on one registry, so the plugin mounts.
  std::vector<std::string> Images() const {
    std::vector<std::string> out;
    for (const auto& image : *images_) {
      out.push_back(Ref("src:" + image.ref.tag));
    }
    return out;
  }

  // The status of GET /v2/<repo>/manifests/<tag> at the registry itself.
  static int TagStatus(const std::string& repo, const std::string& tag) {
    return registry_->Client()
        .Get("/v2/" + repo + "/manifests/" + tag,
             {{"Accept",
               "application/vnd.docker.distribution.manifest.list"
               ".v2+json"}})
        .status;
  }

  base::ProcessResult Mlist(const std::vector<std::string>& args) {
    return cli_.Docker(Cat({"mlist"}, args));
  }
  void Create(const std::string& list) {
    auto r = Mlist(Cat({"create", "--insecure", list}, Images()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // The requests of kind into repo (any when empty) from the first-th
  // request the proxy saw on, counted by the status they were answered.
  std::map<int, size_t> Statuses(size_t first, Kind kind,
                                 const std::string& repo = "") const {
    std::string prefix = "/v2/" + repo + (repo.empty() ? "" : "/");
    auto all = proxy_.Requests();
    std::map<int, size_t> out;
    for (size_t i = first; i < all.size(); ++i) {
      if (all[i].kind == kind && all[i].target.rfind(prefix, 0) == 0) {
        ++out[all[i].status];
      }
    }
    return out;
  }

  static TestRegistry* registry_;
  static std::vector<PushedImage>* images_;
  RegistryProxy proxy_{*registry_};
  DockerCli cli_;
};

TestRegistry* PushFaultTest::registry_ = nullptr;
std::vector<PushedImage>* PushFaultTest::images_ = nullptr;

// The proxy itself: what the client gets is what the registry sent, but
// for upload Locations, which lead back to the proxy.
TEST_F(PushFaultTest, ProxyAnswersAsTheRegistryDoes) {
  const PushedImage& image = images_->front();
  TestHttpClient direct = registry_->Client();
  TestHttpClient proxied(proxy_.base_url());
  TestHttpRequest head;
  head.method = "HEAD";
  head.target = "/v2/src/blobs/" + image.layer_digest;
  auto want = direct.Send(head);
  auto got = proxied.Send(head);
  EXPECT_EQ(got.status, 200) << got.error;
  EXPECT_NE(want.Header("Content-Length"), "");
  for (const char* name : {"Content-Length", "Docker-Content-Digest"}) {
    EXPECT_EQ(got.Header(name), want.Header(name)) << name;
  }
  auto manifest = proxied.Get("/v2/src/manifests/" + image.digest,
                              {{"Accept", image.media_type}});
  EXPECT_EQ(manifest.body, image.manifest);
  EXPECT_EQ(manifest.Header("Content-Type"), image.media_type);

  TestHttpRequest start;
  start.method = "POST";
  start.target = "/v2/proxied/blobs/uploads/";
  auto upload = proxied.Send(start);
  EXPECT_EQ(upload.status, 202);
  EXPECT_EQ(upload.Header("Location").rfind(proxy_.base_url() + "/v2/", 0), 0u)
      << upload.Header("Location");
  EXPECT_EQ(proxy_.Count(Kind::kBlobHead, "src"), 1u);
  EXPECT_EQ(proxy_.Count(Kind::kManifestGet, "src"), 1u);
  EXPECT_EQ(proxy_.Count(Kind::kUploadStart, "proxied"), 1u);
}

// The control for the next test: through the proxy, untouched, every
// blob is mounted and none is uploaded.
TEST_F(PushFaultTest, ProxyLeftAloneLetsEveryMountThrough) {
  std::string list = Ref("mounted:list");
  Create(list);
  size_t first = proxy_.Requests().size();
  auto r = Mlist({"push", "--insecure", list});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Statuses(first, Kind::kMount), (std::map<int, size_t>{{201, 14}}));
  EXPECT_EQ(Statuses(first, Kind::kUploadFinish), (std::map<int, size_t>{}));
  EXPECT_EQ(FetchInsecure(Direct("mounted:list")).digest, LastLine(r.out));
}

TEST_F(PushFaultTest, RefusedMountsAreUploadedInstead) {
  std::string list = Ref("refused:list");
  Create(list);
  proxy_.RefuseMounts(true);
  size_t first = proxy_.Requests().size();
  auto r = Mlist({"push", "--insecure", list});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  // Each of the 14 blobs (7 configs, 7 layers): a mount answered 202,
  // then the blob read from the source and uploaded, the upload closed
  // with its digest.
  EXPECT_EQ(Statuses(first, Kind::kMount), (std::map<int, size_t>{{202, 14}}));
  EXPECT_EQ(Statuses(first, Kind::kBlobGet, "src"),
            (std::map<int, size_t>{{200, 14}}));
  EXPECT_EQ(Statuses(first, Kind::kUploadFinish, "refused"),
            (std::map<int, size_t>{{201, 14}}));
  EXPECT_EQ(registry_->CountRequests("PUT", "/v2/refused/blobs/uploads/"), 14u);

  // The children printed are the images, byte for byte, in the target.
  std::vector<std::string> printed = PushedChildren(r.out);
  ASSERT_EQ(printed.size(), 7u) << r.out;
  std::string index = FetchInsecure(Direct("refused:list")).bytes;
  for (const auto& image : *images_) {
    SCOPED_TRACE(image.ref.tag);
    EXPECT_NE(std::find(printed.begin(), printed.end(), image.digest),
              printed.end());
    EXPECT_NE(index.find(image.digest), std::string::npos);
    auto child = FetchInsecure(Direct("refused@" + image.digest));
    EXPECT_EQ(child.bytes, image.manifest);
    EXPECT_EQ(SkopeoDigest(Direct("refused@" + image.digest)), image.digest);
  }
  std::string digest = LastLine(r.out);
  EXPECT_EQ(base::Sha256Digest(index), digest);
  EXPECT_EQ(SkopeoDigest(Direct("refused:list")), digest);
}

TEST_F(PushFaultTest, ChildRefusedHalfWayKeepsTheListForARetry) {
  std::string list = Ref("half:list");
  Create(list);
  std::string before = Mlist({"inspect", list}).out;
  // The third manifest PUT is a child's: the list goes last.
  proxy_.RefuseManifestPut({3});
  auto r = Mlist({"push", "--insecure", list});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  auto refused = proxy_.FaultedTargets();
  ASSERT_EQ(refused.size(), 1u);
  std::string digest = refused[0].substr(refused[0].rfind('/') + 1);
  EXPECT_EQ(refused[0], "/v2/half/manifests/" + digest);
  std::string source;
  for (const auto& image : *images_) {
    if (image.digest == digest) {
      source = Ref("src:" + image.ref.tag);
    }
  }
  EXPECT_EQ(r.err, "copying \"" + source + "\" to \"" + Ref("half") +
                       "\": pushing manifest \"" + Ref("half@" + digest) +
                       "\": manifest invalid: refused\n");
  std::cout << "docker mlist push said: " << r.err;

  // Nothing under the list's tag, and the local list is whole.
  EXPECT_EQ(TagStatus("half", "list"), 404);
  EXPECT_EQ(registry_->CountRequests("PUT", "/v2/half/manifests/list"), 0u);
  auto inspect = Mlist({"inspect", list});
  EXPECT_EQ(inspect.exit_code, 0) << inspect.err;
  EXPECT_EQ(inspect.out, before);

  proxy_.ClearFaults();
  auto retry = Mlist({"push", "--insecure", list});
  ASSERT_EQ(retry.exit_code, 0) << retry.err;
  EXPECT_EQ(FetchInsecure(Direct("half:list")).digest, LastLine(retry.out));
  EXPECT_EQ(SkopeoDigest(Direct("half:list")), LastLine(retry.out));
}

TEST_F(PushFaultTest, PurgeKeepsTheListWhenThePushFails) {
  std::string list = Ref("purge:list");
  Create(list);
  std::string before = Mlist({"inspect", list}).out;
  // Seven children, then the list: the eighth PUT, the very last step.
  proxy_.RefuseManifestPut({8});
  auto r = Mlist({"push", "--insecure", "--purge", list});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(proxy_.FaultedTargets(),
            std::vector<std::string>{"/v2/purge/manifests/list"});
  EXPECT_EQ(r.err, "pushing manifest list \"" + list +
                       "\": manifest invalid: refused\n");
  EXPECT_EQ(TagStatus("purge", "list"), 404);
  auto inspect = Mlist({"inspect", list});
  EXPECT_EQ(inspect.exit_code, 0) << inspect.err;
  EXPECT_EQ(inspect.out, before);

  // Without the fault the purge goes through, and only then.
  proxy_.ClearFaults();
  auto retry = Mlist({"push", "--insecure", "--purge", list});
  ASSERT_EQ(retry.exit_code, 0) << retry.err;
  EXPECT_EQ(FetchInsecure(Direct("purge:list")).digest, LastLine(retry.out));
  auto gone = Mlist({"inspect", list});
  EXPECT_EQ(gone.exit_code, 1);
}

}  // namespace
}  // namespace mlist::testing
