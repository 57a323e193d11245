// `docker mlist inspect` against `docker manifest inspect` on the same
// registry: the same bytes on stdout, the same errors, the same exit
// codes. Expected output always comes from running docker here.
#include <gtest/gtest.h>

#include "manifest/manifest_list.h"
#include "manifest/parse.h"
#include "registry/media_types.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"

namespace mlist::testing {
namespace {

// A plain registry holding the seven platforms in both formats, and a
// list of each pushed the way docker pushes lists.
class InspectInteropTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ = new TestRegistry(TestRegistryOptions::Plain());
    registry::SessionOptions options;
    options.insecure = true;
    registry::Session session(options);
    for (auto [format, name] : {std::pair{ImageFormat::kDocker, "v2"},
                                std::pair{ImageFormat::kOci, "oci"}}) {
      auto images = PushImages(session, registry_->host_port() + "/app",
                               SevenPlatforms(), format, name);
      std::vector<manifest::Descriptor> entries;
      for (const auto& image : images) {
        entries.push_back(ListEntryOf(image));
      }
      std::string list = manifest::BuildManifestList(entries);
      auto ref = reference::Parse(registry_->host_port() + "/app:list-" +
                                  std::string(name));
      session.PutManifest(ref, manifest::ListMediaType(entries), list);
    }
  }
  static void TearDownTestSuite() {
    delete registry_;
    registry_ = nullptr;
  }

  std::string Ref(const std::string& rest) const {
    return registry_->host_port() + "/" + rest;
  }

  // Runs inspect with docker manifest and with docker mlist; expects the
  // same stdout, stderr and exit code.
  // Returns docker's exit code, so that a case can insist docker itself
  // succeeded (or failed) and the comparison is not between two failures.
  int ExpectSame(std::vector<std::string> args) {
    std::string shown;
    for (const auto& a : args) {
      shown += a + " ";
    }
    SCOPED_TRACE(shown);
    std::vector<std::string> docker = {"manifest", "inspect"};
    std::vector<std::string> ours = {"mlist", "inspect"};
    docker.insert(docker.end(), args.begin(), args.end());
    ours.insert(ours.end(), args.begin(), args.end());
    auto want = cli_.Docker(docker);
    auto got = cli_.Docker(ours);
    EXPECT_EQ(got.exit_code, want.exit_code);
    EXPECT_EQ(got.out, want.out);
    EXPECT_EQ(got.err, want.err);
    return want.exit_code;
  }

  static TestRegistry* registry_;
  DockerCli cli_;
};

TestRegistry* InspectInteropTest::registry_ = nullptr;

TEST_F(InspectInteropTest, SingleImagesInBothFormats) {
  for (const char* tag : {"app:v2-0", "app:v2-3", "app:oci-1", "app:oci-6"}) {
    EXPECT_EQ(ExpectSame({"--insecure", Ref(tag)}), 0);
    EXPECT_EQ(ExpectSame({"--insecure", "--verbose", Ref(tag)}), 0);
  }
}

TEST_F(InspectInteropTest, ListsInBothFormats) {
  for (const char* tag : {"app:list-v2", "app:list-oci"}) {
    EXPECT_EQ(ExpectSame({"--insecure", Ref(tag)}), 0);
    EXPECT_EQ(ExpectSame({"--insecure", "-v", Ref(tag)}), 0);
  }
}

TEST_F(InspectInteropTest, ImageByDigest) {
  registry::SessionOptions options;
  options.insecure = true;
  registry::Session session(options);
  auto m = session.GetManifest(reference::Parse(Ref("app:oci-2")));
  EXPECT_EQ(ExpectSame({"--insecure", Ref("app@" + m.digest)}), 0);
  EXPECT_EQ(ExpectSame({"--insecure", "-v", Ref("app@" + m.digest)}), 0);
}

TEST_F(InspectInteropTest, MissingTagIsNoSuchManifest) {
  EXPECT_EQ(ExpectSame({"--insecure", Ref("app:nothing")}), 1);
  EXPECT_EQ(ExpectSame({"--insecure", Ref("nothing/here:1")}), 1);
}

TEST_F(InspectInteropTest, PlainHttpWithoutInsecureSaysWhatItIs) {
  // docker falls back to plain HTTP for 127.0.0.1 on its own; we ask for
  // --insecure, and say why rather than "no such manifest".
  auto r = cli_.Docker({"mlist", "inspect", Ref("app:v2-0")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "fetching manifest \"" + Ref("app:v2-0") +
                       "\": GET https://" + Ref("v2/app/manifests/v2-0") +
                       ": TLS handshake failed (does the server speak "
                       "HTTPS?)\n");
}

TEST_F(InspectInteropTest, BadReferencesFailAsDockerFails) {
  EXPECT_EQ(ExpectSame({"a@@"}), 1);
  EXPECT_EQ(ExpectSame({"Foo"}), 1);
}

}  // namespace
}  // namespace mlist::testing
