// docker mlist push against real registries: what lands is checked by
// fetching it back, with the registry's access log and skopeo, and against
// what docker manifest push makes of the same list.
#include <gtest/gtest.h>

#include "base/digest.h"
#include "base/process.h"
#include "manifest/record.h"
#include "reference/reference.h"
#include "support/cli_text.h"
#include "support/crypto.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/paths.h"
#include "support/registry.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

class PushTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { registry_ = StartSeededRegistry("src"); }
  static void TearDownTestSuite() { registry_.reset(); }

  static std::string Ref(const std::string& rest) {
    return registry_->host_port() + "/" + rest;
  }
  static std::vector<std::string> Images(const std::string& prefix) {
    std::vector<std::string> out;
    for (int i = 0; i < 7; ++i) {
      out.push_back(Ref("src:" + prefix + "-" + std::to_string(i)));
    }
    return out;
  }

  base::ProcessResult Mlist(DockerCli& cli, std::vector<std::string> args) {
    return cli.Docker(Cat({"mlist"}, args));
  }

  static std::unique_ptr<TestRegistry> registry_;
  DockerCli cli_;
};

std::unique_ptr<TestRegistry> PushTest::registry_;

TEST_F(PushTest, SameRepositoryPushesOnlyTheList) {
  std::string list = Ref("src:list-same");
  ASSERT_EQ(
      Mlist(cli_, Cat({"create", "--insecure", list}, Images("v2"))).exit_code,
      0);
  size_t before = registry_->AccessLog().size();
  auto r = Mlist(cli_, {"push", "--insecure", list});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The children are there already: the list alone is sent (after the
  // plain-HTTP fallback's first attempt, which the registry never sees).
  EXPECT_EQ(registry_->AccessLog().size() - before, 1u);
  std::string digest = LastLine(r.out);
  EXPECT_EQ(r.out, digest + "\n");
  EXPECT_EQ(FetchInsecure(list).digest, digest);
  EXPECT_EQ(SkopeoDigest(list), digest);
}

TEST_F(PushTest, OtherRepositoryMountsEveryBlob) {
  std::string list = Ref("dst:list");
  ASSERT_EQ(
      Mlist(cli_, Cat({"create", "--insecure", list}, Images("oci"))).exit_code,
      0);
  size_t mounts = registry_->CountRequests("POST", "/v2/dst/blobs/uploads/");
  auto r = Mlist(cli_, {"push", "--insecure", list});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(registry_->CountRequests("POST", "/v2/dst/blobs/uploads/") - mounts,
            14u);
  std::string digest = LastLine(r.out);
  EXPECT_EQ(SkopeoDigest(list), digest);
  // Every child is in the target repository, with its own digest.
  auto index = FetchInsecure(list);
  for (const auto& image : Images("oci")) {
    std::string child_digest = FetchInsecure(image).digest;
    EXPECT_NE(index.bytes.find(child_digest), std::string::npos);
    EXPECT_EQ(FetchInsecure(Ref("dst@" + child_digest)).digest, child_digest);
  }
}

TEST_F(PushTest, SeveralTagsAndPurge) {
  std::string list = Ref("tags:1.0");
  ASSERT_EQ(
      Mlist(cli_, Cat({"create", "--insecure", list}, Images("v2"))).exit_code,
      0);
  size_t mounts = registry_->CountRequests("POST", "/v2/tags/blobs/uploads/");
  auto r =
      Mlist(cli_, {"push", "--insecure", "--purge", "-t", Ref("tags:latest"),
                   "--tag", Ref("tags:beta"), "-q", list});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string digest = LastLine(r.out);
  EXPECT_EQ(r.out, digest + "\n");
  for (const char* tag : {"tags:1.0", "tags:latest", "tags:beta"}) {
    EXPECT_EQ(FetchInsecure(Ref(tag)).digest, digest) << tag;
  }
  // Three tags of one repository: its blobs were mounted once.
  EXPECT_EQ(
      registry_->CountRequests("POST", "/v2/tags/blobs/uploads/") - mounts,
      14u);
  // Purged: the local list is gone.
  auto again = Mlist(cli_, {"push", "--insecure", list});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err, "No such manifest: " + list + "\n");
}

TEST_F(PushTest, EntryWithoutPlatformIsRefusedWithTheFix) {
  std::string list = Ref("noplat:1");
  std::string image = Images("v2")[0];
  ASSERT_EQ(Mlist(cli_, {"create", "--insecure", list, image}).exit_code, 0);
  // A record without a platform, as an old or hand-edited store may hold.
  std::string file = cli_.config_dir() + "/manifests/" +
                     reference::FileSafeName(reference::Parse(list)) + "/" +
                     reference::FileSafeName(reference::Parse(image));
  manifest::Record record = manifest::DecodeRecord(ReadFile(file));
  record.descriptor.platform.reset();
  WriteFile(file, manifest::EncodeRecord(record));
  size_t before = registry_->AccessLog().size();
  auto r = Mlist(cli_, {"push", "--insecure", list});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "manifest " + image + " in " + list +
                       " has no os or architecture: set them with `docker "
                       "mlist annotate --os OS --arch ARCH " +
                       list + " " + image + "`\n");
  EXPECT_EQ(registry_->AccessLog().size(), before);
  ASSERT_EQ(
      Mlist(cli_, {"annotate", "--os", "linux", "--arch", "amd64", list, image})
          .exit_code,
      0);
  auto fixed = Mlist(cli_, {"push", "--insecure", list});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
}

TEST_F(PushTest, AnotherRegistryIsCopied) {
  auto target_options = TestRegistryOptions::Basic();
  TestRegistry target(target_options);
  WriteFile(cli_.config_dir() + "/config.json",
            "{\"auths\":{\"" + target.host_port() + "\":{\"auth\":\"" +
                Base64(target.user() + ":" + target.password()) + "\"}}}");
  std::string list = target.host_port() + "/copied:1";
  ASSERT_EQ(
      Mlist(cli_, Cat({"create", "--insecure", list}, Images("v2"))).exit_code,
      0);
  auto r = Mlist(cli_, {"push", "--insecure", list});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string digest = LastLine(r.out);
  registry::Session session(AsUserOf(target));
  EXPECT_EQ(session.GetManifest(reference::Parse(list)).digest, digest);
  EXPECT_EQ(target.CountRequests("PUT", "/v2/copied/manifests/"), 8u);
}

TEST_F(PushTest, SameDigestAsDockerManifestPush) {
  // The same images, the same list: docker and docker-mlist push the same
  // bytes, whichever tool created the list.
  std::string by_docker = Ref("src:interop-docker");
  std::string by_us = Ref("src:interop-us");
  ASSERT_EQ(cli_.Docker(Cat({"manifest", "create", "--insecure", by_docker},
                            Images("v2")))
                .exit_code,
            0);
  ASSERT_EQ(
      Mlist(cli_, Cat({"create", "--insecure", by_us}, Images("v2"))).exit_code,
      0);
  // docker-mlist pushes docker's list; docker pushes ours.
  auto ours = Mlist(cli_, {"push", "--insecure", by_docker});
  auto theirs = cli_.Docker({"manifest", "push", "--insecure", by_us});
  ASSERT_EQ(ours.exit_code, 0) << ours.err;
  ASSERT_EQ(theirs.exit_code, 0) << theirs.err;
  EXPECT_EQ(LastLine(ours.out), LastLine(theirs.out));
  EXPECT_EQ(SkopeoDigest(by_docker), SkopeoDigest(by_us));
}

TEST_F(PushTest, ProgressGoesToATerminalOnly) {
  std::string list = Ref("progress:1");
  ASSERT_EQ(
      Mlist(cli_, Cat({"create", "--insecure", list}, Images("v2"))).exit_code,
      0);
  // script(1) gives the push a terminal; without one (every other test)
  // stderr stays empty.
  std::string command = PluginBinary() + " --config " + cli_.config_dir() +
                        " push --insecure " + list;
  auto r = base::RunProcess({"script", "-qec", command, "/dev/null"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\r7/7 images in place in " + Ref("progress")),
            std::string::npos)
      << r.out;
  auto quiet = Mlist(cli_, {"push", "--insecure", list});
  EXPECT_EQ(quiet.err, "");
}

TEST_F(PushTest, OtherRepositoryOutputIsDockers) {
  // The same images pushed into two new repositories, one by each tool:
  // the same lines, but for the repository's name.
  std::string theirs_list = Ref("out-docker:1");
  std::string ours_list = Ref("out-mlist:1");
  auto images = Images("v2");
  images.resize(3);
  ASSERT_EQ(cli_.Docker(Cat({"manifest", "create", "--insecure", theirs_list},
                            images))
                .exit_code,
            0);
  ASSERT_EQ(
      Mlist(cli_, Cat({"create", "--insecure", ours_list}, images)).exit_code,
      0);
  auto theirs = cli_.Docker({"manifest", "push", "--insecure", theirs_list});
  auto ours = Mlist(cli_, {"push", "--insecure", ours_list});
  ASSERT_EQ(theirs.exit_code, 0) << theirs.err;
  ASSERT_EQ(ours.exit_code, 0) << ours.err;
  std::string expected = theirs.out;
  for (size_t at = expected.find("/out-docker@"); at != std::string::npos;
       at = expected.find("/out-docker@", at)) {
    expected.replace(at, 12, "/out-mlist@");
  }
  EXPECT_EQ(ours.out, expected);
  EXPECT_EQ(ours.err, theirs.err);
}

}  // namespace
}  // namespace mlist::testing
