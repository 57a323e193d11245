// docker mlist push into another repository of a registry that refuses
// cross-repository mounts: each blob is copied through the upload the
// refused mount opened, so a blob costs a mount, a HEAD and a PUT, and
// no upload of its own is opened.
#include <gtest/gtest.h>

#include <map>

#include "registry/session.h"
#include "support/crypto.h"
#include "support/docker_cli.h"
#include "support/fault_server.h"
#include "support/fixtures.h"
#include "support/memory_registry.h"

namespace mlist::testing {
namespace {

TEST(PushRefusedMountTest, EachBlobIsCopiedThroughTheUploadItsMountOpened) {
  MemoryRegistry registry({"copier", "", true});
  FaultServer server(
      [&registry](const TestHttpRequest& r) { return registry.Handle(r); });
  registry::Session session(registry.LoginOptions());
  std::string host = server.host_port();
  auto image = PushImage(session, reference::Parse(host + "/src:amd64"),
                         {"linux", "amd64", "", ""}, ImageFormat::kDocker);
  DockerCli cli;
  WriteFile(cli.config_dir() + "/config.json", registry.LoginConfig(host));
  std::string list = host + "/app:list";
  ASSERT_EQ(
      cli.Plugin({"create", "--insecure", list, host + "/src:amd64"}).exit_code,
      0);
  size_t before = server.seen().size();

  auto r = cli.Plugin({"push", "--insecure", list});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  std::map<std::string, int> uploads;  // by method, under /v2/app/
  auto seen = server.seen();
  for (size_t i = before; i < seen.size(); ++i) {
    const auto& request = seen[i];
    if (request.path.rfind("/v2/app/blobs/", 0) == 0 &&
        request.Header("Authorization") != "") {
      ++uploads[request.method];
    }
  }
  // Two blobs (config and layer): a refused mount each (POST), a HEAD
  // each, a PUT each into the mount's upload; no other POST.
  EXPECT_EQ(uploads["POST"], 2);
  EXPECT_EQ(uploads["HEAD"], 2);
  EXPECT_EQ(uploads["PUT"], 2);
  EXPECT_TRUE(registry.HasBlob("app", image.config_digest));
  EXPECT_TRUE(registry.HasBlob("app", image.layer_digest));
}

}  // namespace
}  // namespace mlist::testing
