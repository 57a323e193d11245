// Lists as docker builds them for push and for inspect.
#include "manifest/manifest_list.h"

#include <gtest/gtest.h>

#include "registry/media_types.h"

namespace mlist::manifest {
namespace {

Descriptor Entry(const char* media_type, const char* digest,
                 std::optional<Platform> platform) {
  Descriptor d;
  d.media_type = media_type;
  d.digest = digest;
  d.size = 528;
  d.platform = std::move(platform);
  return d;
}

TEST(ManifestList, FirstEntryDecidesTheMediaType) {
  struct Row {
    std::vector<Descriptor> entries;
    std::string want;
  };
  const Row rows[] = {
      {{}, registry::kDockerManifestList},
      {{Entry(registry::kDockerManifest, "sha256:a", {})},
       registry::kDockerManifestList},
      {{Entry(registry::kOciManifest, "sha256:a", {}),
        Entry(registry::kDockerManifest, "sha256:b", {})},
       registry::kOciIndex},
      {{Entry(registry::kDockerManifest, "sha256:a", {}),
        Entry(registry::kOciManifest, "sha256:b", {})},
       registry::kDockerManifestList},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.entries.size());
    EXPECT_EQ(ListMediaType(row.entries), row.want);
  }
}

TEST(ManifestList, EmptyListKeepsItsManifestsArray) {
  EXPECT_EQ(BuildManifestList({}),
            "{\n"
            "   \"schemaVersion\": 2,\n"
            "   \"mediaType\": "
            "\"application/vnd.docker.distribution.manifest.list.v2+json\",\n"
            "   \"manifests\": []\n"
            "}");
}

TEST(ManifestList, EntriesWriteDistributionsFieldsInItsOrder) {
  Descriptor full = Entry(registry::kOciManifest, "sha256:a",
                          Platform{"arm", "linux", "1", {"f"}, "v7", {"n"}});
  full.urls = {"u"};
  full.annotations = {{"k", "v"}};
  full.artifact_type = "not/written";
  full.data = "not written";
  Descriptor bare;  // every omitempty member left out, platform zero
  std::string want =
      "{\n"
      "   \"schemaVersion\": 2,\n"
      "   \"mediaType\": \"application/vnd.oci.image.index.v1+json\",\n"
      "   \"manifests\": [\n"
      "      {\n"
      "         \"mediaType\": "
      "\"application/vnd.oci.image.manifest.v1+json\",\n"
      "         \"size\": 528,\n"
      "         \"digest\": \"sha256:a\",\n"
      "         \"urls\": [\n"
      "            \"u\"\n"
      "         ],\n"
      "         \"annotations\": {\n"
      "            \"k\": \"v\"\n"
      "         },\n"
      "         \"platform\": {\n"
      "            \"architecture\": \"arm\",\n"
      "            \"os\": \"linux\",\n"
      "            \"os.version\": \"1\",\n"
      "            \"os.features\": [\n"
      "               \"f\"\n"
      "            ],\n"
      "            \"variant\": \"v7\",\n"
      "            \"features\": [\n"
      "               \"n\"\n"
      "            ]\n"
      "         }\n"
      "      },\n"
      "      {\n"
      "         \"platform\": {\n"
      "            \"architecture\": \"\",\n"
      "            \"os\": \"\"\n"
      "         }\n"
      "      }\n"
      "   ]\n"
      "}";
  EXPECT_EQ(BuildManifestList({full, bare}), want);
}

TEST(ManifestList, RecordBecomesMediaTypeSizeDigestPlatformAnnotations) {
  Record record;
  record.descriptor = Entry(registry::kDockerManifest, "sha256:a",
                            Platform{"amd64", "linux", "", {}, "", {"x"}});
  // docker drops them; docker-mlist keeps what annotate set.
  record.descriptor.annotations = {{"kept", "by docker-mlist"}};
  Descriptor entry = ListEntry(record);
  EXPECT_EQ(entry.media_type, registry::kDockerManifest);
  EXPECT_EQ(entry.size, 528);
  EXPECT_EQ(entry.digest, "sha256:a");
  EXPECT_EQ(entry.annotations, record.descriptor.annotations);
  EXPECT_EQ(entry.platform, (Platform{"amd64", "linux", "", {}, "", {}}));
  record.descriptor.platform.reset();
  EXPECT_EQ(ListEntry(record).platform, Platform{});
}

}  // namespace
}  // namespace mlist::manifest
