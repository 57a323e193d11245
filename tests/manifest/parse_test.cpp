// Reading manifests of the four media types, and platforms from configs.
#include "manifest/parse.h"

#include <gtest/gtest.h>

#include "base/digest.h"
#include "registry/media_types.h"
#include "support/error_text.h"

namespace mlist::manifest {
namespace {

using mlist::testing::ErrorOf;

const char kDockerImage[] = R"({
   "schemaVersion": 2,
   "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
   "config": {
      "mediaType": "application/vnd.docker.container.image.v1+json",
      "size": 1469,
      "digest": "sha256:aaaa"
   },
   "layers": [
      {
         "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
         "size": 2,
         "digest": "sha256:bbbb",
         "urls": ["https://example.com/l"]
      }
   ]
})";

const char kOciIndex[] = R"({"schemaVersion":2,
  "mediaType":"application/vnd.oci.image.index.v1+json",
  "artifactType":"application/x.sig",
  "manifests":[
    {"mediaType":"application/vnd.oci.image.manifest.v1+json","size":7,
     "digest":"sha256:cccc","annotations":{"z":"1","a":"2"},
     "platform":{"architecture":"arm","os":"linux","variant":"v7",
                 "os.version":"1","os.features":["f"],"features":["neon"]}},
    {"mediaType":"application/vnd.oci.image.manifest.v1+json","size":8,
     "digest":"sha256:dddd","data":"aGk=","artifactType":"a/b"}],
  "subject":{"mediaType":"m","size":1,"digest":"sha256:eeee"},
  "annotations":{"org.opencontainers.image.created":"2024"}})";

TEST(ManifestParse, ReadsADockerImageManifest) {
  Manifest m = ParseManifest(kDockerImage, registry::kDockerManifest);
  EXPECT_EQ(m.media_type(), registry::kDockerManifest);
  EXPECT_FALSE(m.IsIndex());
  EXPECT_FALSE(m.IsOci());
  EXPECT_EQ(m.bytes(), kDockerImage);
  EXPECT_EQ(m.digest(), base::Sha256Digest(kDockerImage));
  const ImageManifest& image = m.image();
  EXPECT_EQ(image.schema_version, 2);
  EXPECT_EQ(image.config.digest, "sha256:aaaa");
  EXPECT_EQ(image.config.size, 1469);
  ASSERT_EQ(image.layers.size(), 1u);
  EXPECT_EQ(image.layers[0].urls,
            std::vector<std::string>{"https://example.com/l"});
  EXPECT_FALSE(image.subject.has_value());
}

TEST(ManifestParse, ReadsAnOciIndexWithEverything) {
  Manifest m = ParseManifest(kOciIndex, registry::kOciIndex);
  ASSERT_TRUE(m.IsIndex());
  EXPECT_TRUE(m.IsOci());
  const Index& index = m.index();
  EXPECT_EQ(index.artifact_type, "application/x.sig");
  ASSERT_EQ(index.manifests.size(), 2u);
  const Descriptor& first = index.manifests[0];
  EXPECT_EQ((first.annotations),
            (std::map<std::string, std::string>{{"a", "2"}, {"z", "1"}}));
  ASSERT_TRUE(first.platform.has_value());
  Platform want{"arm", "linux", "1", {"f"}, "v7", {"neon"}};
  EXPECT_EQ(*first.platform, want);
  EXPECT_FALSE(index.manifests[1].platform.has_value());
  EXPECT_EQ(index.manifests[1].data, "hi");
  EXPECT_EQ(index.manifests[1].artifact_type, "a/b");
  ASSERT_TRUE(index.subject.has_value());
  EXPECT_EQ(index.subject->digest, "sha256:eeee");
  EXPECT_EQ(index.annotations.at("org.opencontainers.image.created"), "2024");
  EXPECT_EQ(ErrorOf([&] { m.image(); }),
            "manifest " + m.digest() + " is an index, not an image manifest");
}

TEST(ManifestParse, ContentTypeThenMediaTypeThenMembersDecide) {
  struct Row {
    const char* content_type;
    std::string body;
    std::string want;
  };
  const std::string docker_list = R"({"schemaVersion":2,"mediaType":")" +
                                  std::string(registry::kDockerManifestList) +
                                  R"(","manifests":[]})";
  const Row rows[] = {
      {registry::kDockerManifest, kDockerImage, registry::kDockerManifest},
      {"Application/Vnd.Docker.Distribution.Manifest.V2+JSON; charset=utf-8",
       kDockerImage, registry::kDockerManifest},
      {"", kDockerImage, registry::kDockerManifest},
      {"application/json", docker_list, registry::kDockerManifestList},
      {"", R"({"schemaVersion":2,"manifests":[]})", registry::kOciIndex},
      {"", R"({"schemaVersion":2,"config":{}})", registry::kOciManifest},
      {registry::kOciManifest, R"({"config":{},"layers":[]})",
       registry::kOciManifest},
      // Member names are matched without regard to case, as Go does.
      {"", R"({"MediaType":"application/vnd.oci.image.index.v1+json"})",
       registry::kOciIndex},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.body);
    EXPECT_EQ(ParseManifest(row.body, row.content_type).media_type(), row.want);
  }
}

TEST(ManifestParse, ErrorsNameWhatIsWrong) {
  struct Row {
    const char* content_type;
    const char* body;
    const char* want;
  };
  const Row rows[] = {
      {registry::kOciManifest, "{",
       "invalid JSON at offset 1: unexpected "
       "end of JSON input"},
      {registry::kOciManifest, "[]", "document is an array, want an object"},
      {registry::kOciManifest, R"({"schemaVersion":"2"})",
       R"("schemaVersion" is a string, want an integer)"},
      {registry::kOciManifest, R"({"config":{"size":1.0}})",
       R"("config.size" is a number, want an integer)"},
      {registry::kOciManifest, R"({"layers":[{},{"digest":7}]})",
       R"("layers[1].digest" is a number, want a string)"},
      {registry::kOciManifest, R"({"layers":{}})",
       R"("layers" is an object, want an array)"},
      {registry::kOciManifest, R"({"config":{"urls":"u"}})",
       R"("config.urls" is a string, want an array of strings)"},
      {registry::kOciManifest, R"({"annotations":{"a":1}})",
       R"("annotations[a]" is a number, want a string)"},
      {registry::kOciManifest, R"({"config":{"data":"!"}})",
       R"("config.data": illegal base64 data at input byte 0)"},
      {registry::kOciIndex,
       R"({"manifests":[{"platform":{"os.features":[1]}}]})",
       R"("manifests[0].platform.os.features[0]" is a number, want a string)"},
      {registry::kDockerManifest, R"({"schemaVersion":2})",
       R"(mediaType "" does not match the content type )"
       R"("application/vnd.docker.distribution.manifest.v2+json")"},
      {registry::kOciIndex,
       R"({"mediaType":"application/vnd.oci.image.manifest.v1+json"})",
       R"(mediaType "application/vnd.oci.image.manifest.v1+json" does not )"
       R"(match the content type "application/vnd.oci.image.index.v1+json")"},
      {registry::kOciManifest, R"({"manifests":[]})",
       R"(expected an image manifest but the document has "manifests")"},
      {registry::kOciIndex, R"({"manifests":[],"layers":[]})",
       R"(expected a manifest list or index but the document has "layers")"},
      {"", R"({"mediaType":"application/x"})",
       R"(unsupported manifest media type "application/x")"},
      {"text/html", "{}", R"(unsupported manifest media type "text/html")"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.body);
    EXPECT_EQ(ErrorOf([&] { ParseManifest(row.body, row.content_type); }),
              row.want);
  }
}

TEST(ManifestPlatformFromConfig, ReadsWhatDockerReadsFromAConfig) {
  struct Row {
    const char* config;
    Platform want;
  };
  const Row rows[] = {
      {R"({"architecture":"amd64","os":"linux","rootfs":{}})",
       {"amd64", "linux", "", {}, "", {}}},
      {R"({"architecture":"arm","os":"linux","variant":"v7",)"
       R"("os.version":"10.0.1","os.features":["win32k"]})",
       {"arm", "linux", "10.0.1", {"win32k"}, "v7", {}}},
      // Any case, the last one wins, null is absent, features unread.
      {R"({"ARCHITECTURE":"s390x","Architecture":"amd64","OS":"linux",)"
       R"("Variant":"v9","os.version":null,"features":7})",
       {"amd64", "linux", "", {}, "v9", {}}},
      {"{}", {}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.config);
    EXPECT_EQ(PlatformFromConfig(row.config), row.want);
  }
  EXPECT_EQ(ErrorOf([] { PlatformFromConfig(R"({"architecture":5})"); }),
            R"("architecture" is a number, want a string)");
  EXPECT_EQ(ErrorOf([] { PlatformFromConfig("[1]"); }),
            "document is an array, want an object");
}

}  // namespace
}  // namespace mlist::manifest
