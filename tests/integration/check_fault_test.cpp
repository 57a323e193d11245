// docker mlist check against registries that lack a capability: a real
// registry behind a RegistryProxy that refuses list media types or
// mounts, as registries without them do. Every No names the registry's
// reason, and the check exits 1.
#include <gtest/gtest.h>

#include <iostream>
#include <regex>

#include "registry/media_types.h"
#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/registry.h"
#include "support/registry_proxy.h"

namespace mlist::testing {
namespace {

using Kind = RegistryRequestKind;

class CheckFaultTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ = new TestRegistry(TestRegistryOptions::Plain());
  }
  static void TearDownTestSuite() {
    delete registry_;
    registry_ = nullptr;
  }

  // Runs check on repo through the proxy; returns its output with the
  // scratch id made "ID".
  base::ProcessResult Check(const std::string& repo) {
    auto result = cli_.Docker(
        {"mlist", "check", "--insecure", proxy_.host_port() + "/" + repo});
    static const std::regex kId("mlist-check-[0-9a-f]{8}");
    result.out = std::regex_replace(result.out, kId, "mlist-check-ID");
    return result;
  }
  std::string Header(const std::string& repo) const {
    return "Checking " + proxy_.host_port() + "/" + repo +
           " (scratch tag mlist-check-ID)\n";
  }

  static TestRegistry* registry_;
  RegistryProxy proxy_{*registry_};
  DockerCli cli_;
};

TestRegistry* CheckFaultTest::registry_ = nullptr;

// Images are taken; both list types are refused as distribution refuses
// an unknown type: 400 MANIFEST_INVALID.
TEST_F(CheckFaultTest, RefusedListTypesAreNoWithTheRegistrysReason) {
  proxy_.RefuseManifestTypes(
      {{registry::kDockerManifestList, registry::kOciIndex}});
  auto result = Check("lists");
  EXPECT_EQ(result.exit_code, 1);
  const std::string no = "No (manifest invalid: manifest invalid, HTTP 400)\n";
  EXPECT_EQ(result.out, Header("lists") + "Docker manifest list:    " + no +
                            "OCI image index:         " + no +
                            "Cross-repository mount:  Yes\n"
                            "Annotations:             " +
                            no +
                            "Clean-up:                deleted 4 manifests, "
                            "3 blobs\n");
  EXPECT_EQ(result.err, "checking \"" + proxy_.host_port() +
                            "/lists\": not supported: Docker manifest list, "
                            "OCI image index, annotations\n");
  std::cout << "docker mlist check said:\n" << result.out << result.err;
  // The registry saw the four images and none of the lists.
  EXPECT_EQ(registry_->CountRequests("PUT", "/v2/lists/manifests/sha256:"), 4u);
  EXPECT_EQ(registry_->CountRequests("PUT", "/v2/lists/manifests/mlist-"), 0u);
  EXPECT_EQ(proxy_.FaultedTargets().size(), 3u);
}

// A registry that knows Docker lists but not OCI indexes, and says so
// with a bare 415.
TEST_F(CheckFaultTest, OciIndexRefusedWith415) {
  MediaTypeFault fault;
  fault.media_types = {registry::kOciIndex};
  fault.status = 415;
  fault.body = "";
  proxy_.RefuseManifestTypes(fault);
  auto result = Check("oci");
  EXPECT_EQ(result.exit_code, 1);
  const std::string no = "No (415 Unsupported Media Type)\n";
  EXPECT_EQ(result.out, Header("oci") +
                            "Docker manifest list:    Yes\n"
                            "OCI image index:         " +
                            no +
                            "Cross-repository mount:  Yes\n"
                            "Annotations:             " +
                            no +
                            "Clean-up:                deleted 5 manifests, "
                            "3 blobs\n");
  EXPECT_EQ(result.err, "checking \"" + proxy_.host_port() +
                            "/oci\": not supported: OCI image index, "
                            "annotations\n");
}

// A mount answered 202: the registry opened an upload instead.
TEST_F(CheckFaultTest, RefusedMountIsNo) {
  proxy_.RefuseMounts(true);
  auto result = Check("mounts");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            Header("mounts") +
                "Docker manifest list:    Yes\n"
                "OCI image index:         Yes\n"
                "Cross-repository mount:  No (HTTP 202: the registry opened "
                "an upload instead)\n"
                "Annotations:             Yes\n"
                "Clean-up:                deleted 7 manifests, 2 blobs\n");
  EXPECT_EQ(result.err, "checking \"" + proxy_.host_port() +
                            "/mounts\": not supported: cross-repository "
                            "mount\n");
  EXPECT_EQ(proxy_.Count(Kind::kMount), 1u);
}

}  // namespace
}  // namespace mlist::testing
