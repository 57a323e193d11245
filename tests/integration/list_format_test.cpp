// The list's format and annotations: the entries choose Docker or OCI
// unless --oci / --docker does, -D says which and why, and annotations
// (index ones from create, descriptor ones from annotate) need an OCI
// index, survive push and show in inspect.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "base/process.h"
#include "registry/media_types.h"
#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"

namespace mlist::testing {
namespace {

class ListFormatTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { registry_ = StartSeededRegistry("src"); }
  static void TearDownTestSuite() { registry_.reset(); }

  static std::string Name(const std::string& rest) {
    return registry_->host_port() + "/" + rest;
  }
  static std::vector<std::string> Images(const std::string& prefix,
                                         int count = 3) {
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
      out.push_back(Name("src:" + prefix + "-" + std::to_string(i)));
    }
    return out;
  }
  base::ProcessResult Mlist(const std::vector<std::string>& args) {
    return cli_.Plugin(args);
  }
  // Creates list of images with extra flags; fails the test on error.
  void Create(const std::string& list, const std::vector<std::string>& images,
              const std::vector<std::string>& flags = {}) {
    auto r =
        Mlist(Cat(Cat({"create", "--insecure"}, flags), Cat({list}, images)));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string MediaTypeOf(const std::string& document) {
    rapidjson::Document doc;
    doc.Parse(document.c_str(), document.size());
    return doc["mediaType"].GetString();
  }
  // The pushed list, fetched back; its digest checked against push's.
  registry::Manifest Push(const std::string& list) {
    auto r = Mlist({"push", "--insecure", list});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto pushed = FetchInsecure(list);
    EXPECT_EQ(pushed.digest, LastLine(r.out));
    return pushed;
  }

  static std::unique_ptr<TestRegistry> registry_;
  DockerCli cli_;
};

std::unique_ptr<TestRegistry> ListFormatTest::registry_;

TEST_F(ListFormatTest, DockerImagesMakeADockerListAndDebugSaysWhy) {
  std::string list = Name("app:docker");
  auto r = Mlist(Cat({"-D", "create", "--insecure", list}, Images("v2")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Docker manifest list (every entry is a Docker image "
                       "manifest)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Push(list).media_type, registry::kDockerManifestList);
}

TEST_F(ListFormatTest, AnyOciEntryMakesAnOciIndex) {
  std::string list = Name("app:mixed");
  // The OCI image is not first: docker would push a Docker list here.
  auto r = Mlist({"-D", "create", "--insecure", list, Name("src:v2-0"),
                  Name("src:oci-1")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("OCI image index (an entry is an OCI image manifest)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Push(list).media_type, registry::kOciIndex);
}

TEST_F(ListFormatTest, OciFlagMakesAnIndexOfDockerImages) {
  std::string list = Name("app:oci");
  Create(list, Images("v2"), {"--oci"});
  auto pushed = Push(list);
  EXPECT_EQ(pushed.media_type, registry::kOciIndex);
  EXPECT_EQ(MediaTypeOf(pushed.bytes), registry::kOciIndex);
  EXPECT_EQ(SkopeoDigest(list), pushed.digest);
}

TEST_F(ListFormatTest, DockerFlagMakesADockerListOfOciImages) {
  std::string list = Name("app:forced-docker");
  Create(list, Images("oci"), {"--docker"});
  EXPECT_EQ(Push(list).media_type, registry::kDockerManifestList);
}

TEST_F(ListFormatTest, OciAndDockerTogetherAreAUsageError) {
  auto r = Mlist(
      Cat({"create", "--oci", "--docker", Name("app:both")}, Images("v2")));
  EXPECT_EQ(r.exit_code, 125);
  EXPECT_NE(r.err.find("--oci and --docker cannot be used together"),
            std::string::npos)
      << r.err;
}

TEST_F(ListFormatTest, IndexAnnotationsSurvivePushAndShowInInspect) {
  std::string list = Name("app:annotated");
  Create(list, Images("oci"),
         {"--annotation", "org.opencontainers.image.source=https://x/y",
          "--annotation", "com.example.note=a=b"});
  auto local = Mlist({"inspect", list});
  ASSERT_EQ(local.exit_code, 0) << local.err;
  EXPECT_NE(local.out.find("\"com.example.note\": \"a=b\""), std::string::npos)
      << local.out;
  auto pushed = Push(list);
  rapidjson::Document doc;
  doc.Parse(pushed.bytes.c_str(), pushed.bytes.size());
  ASSERT_TRUE(doc.HasMember("annotations")) << pushed.bytes;
  EXPECT_STREQ(
      doc["annotations"]["org.opencontainers.image.source"].GetString(),
      "https://x/y");
  EXPECT_STREQ(doc["annotations"]["com.example.note"].GetString(), "a=b");
  // The registry's copy, inspected, shows them too.
  ASSERT_EQ(Mlist({"rm", list}).exit_code, 0);
  auto remote = Mlist({"inspect", "--insecure", list});
  ASSERT_EQ(remote.exit_code, 0) << remote.err;
  EXPECT_EQ(remote.out, local.out);
}

TEST_F(ListFormatTest, AnnotationsOnADockerListAreRefused) {
  std::string list = Name("app:refused");
  auto r = Mlist(
      Cat({"create", "--insecure", "--annotation", "a=b", list}, Images("v2")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--oci"), std::string::npos) << r.err;
  EXPECT_NE(Mlist({"inspect", list}).exit_code, 0);
}

TEST_F(ListFormatTest, AnnotateSetsEntryAnnotationsThatArePushed) {
  std::string list = Name("app:entry-annotated");
  Create(list, Images("oci"));
  std::string image = Images("oci")[1];
  auto r =
      Mlist({"annotate", "--annotation", "com.example.role=edge", list, image});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  if (HaveDocker()) {
    // docker manifest still reads the entry.
    auto d = cli_.Docker({"manifest", "inspect", list, image});
    EXPECT_EQ(d.exit_code, 0) << d.err;
  }
  auto pushed = Push(list);
  rapidjson::Document doc;
  doc.Parse(pushed.bytes.c_str(), pushed.bytes.size());
  int annotated = 0;
  for (const auto& m : doc["manifests"].GetArray()) {
    if (m.HasMember("annotations")) {
      ++annotated;
      EXPECT_STREQ(m["annotations"]["com.example.role"].GetString(), "edge");
      EXPECT_STREQ(m["digest"].GetString(),
                   FetchInsecure(image).digest.c_str());
    }
  }
  EXPECT_EQ(annotated, 1);
}

TEST_F(ListFormatTest, AnnotateOnADockerListSaysToUseOci) {
  std::string list = Name("app:docker-annotate");
  Create(list, Images("v2"));
  std::string image = Images("v2")[0];
  std::string before = Mlist({"inspect", "-v", list, image}).out;
  auto r = Mlist({"annotate", "--annotation", "k=v", list, image});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is a Docker manifest list"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--oci"), std::string::npos) << r.err;
  EXPECT_EQ(Mlist({"inspect", "-v", list, image}).out, before);
}

TEST_F(ListFormatTest, AnAnnotationWithoutAValueIsAUsageError) {
  auto r = Mlist(
      Cat({"create", "--annotation", "novalue", Name("app:x")}, Images("oci")));
  EXPECT_EQ(r.exit_code, 125);
  EXPECT_NE(r.err.find("want KEY=VALUE"), std::string::npos) << r.err;
}

TEST_F(ListFormatTest, AmendKeepsTheChosenFormat) {
  std::string list = Name("app:amend-oci");
  Create(list, Images("v2", 2), {"--oci"});
  Create(list, {Name("src:v2-2")}, {"--amend"});
  EXPECT_EQ(Push(list).media_type, registry::kOciIndex);
}

TEST_F(ListFormatTest, SettingsOfAListDockerRemovedDoNotApplyToItsNewOne) {
  if (!HaveDocker()) {
    GTEST_SKIP() << "no docker CLI on PATH";
  }
  std::string list = Name("app:recreated");
  Create(list, Images("v2"), {"--oci"});
  ASSERT_EQ(cli_.Docker({"manifest", "rm", list}).exit_code, 0);
  auto d = cli_.Docker(
      Cat({"manifest", "create", "--insecure", list}, Images("v2")));
  ASSERT_EQ(d.exit_code, 0) << d.err;
  auto ours = Mlist({"inspect", list});
  auto theirs = cli_.Docker({"manifest", "inspect", list});
  EXPECT_EQ(ours.out, theirs.out);
  EXPECT_EQ(MediaTypeOf(ours.out), registry::kDockerManifestList);
}

}  // namespace
}  // namespace mlist::testing
