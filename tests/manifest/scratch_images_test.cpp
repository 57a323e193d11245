#include "manifest/scratch_images.h"

#include <gtest/gtest.h>

#include <set>

#include "base/digest.h"
#include "manifest/parse.h"
#include "registry/media_types.h"

namespace mlist::manifest {
namespace {

// The digest of 1024 zero bytes: the empty layer docker itself writes.
constexpr char kEmptyTarDigest[] =
    "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

const ScratchKind kKinds[] = {ScratchKind::kDockerList, ScratchKind::kOciIndex,
                              ScratchKind::kAnnotatedIndex};

const ScratchBlob* FindBlob(const std::vector<ScratchBlob>& blobs,
                            const std::string& digest) {
  for (const auto& blob : blobs) {
    if (blob.digest == digest) {
      return &blob;
    }
  }
  return nullptr;
}

TEST(ScratchImages, LayerIsAnEmptyUncompressedTar) {
  ScratchBlob layer = ScratchLayer();
  EXPECT_EQ(layer.data, std::string(1024, '\0'));
  EXPECT_EQ(layer.digest, kEmptyTarDigest);
  EXPECT_EQ(base::Sha256Digest(layer.data), layer.digest);
}

TEST(ScratchImages, SameIdGivesTheSameBytes) {
  for (ScratchKind kind : kKinds) {
    EXPECT_EQ(BuildScratchList(kind, "1a2b3c4d").bytes,
              BuildScratchList(kind, "1a2b3c4d").bytes);
  }
  auto a = ScratchBlobs("1a2b3c4d");
  auto b = ScratchBlobs("1a2b3c4d");
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].data, b[i].data);
  }
}

// Concurrent checks must not share a manifest: deleting one's would
// break the other's.
TEST(ScratchImages, AnotherIdGivesOtherManifestsAndConfigs) {
  std::set<std::string> digests;
  for (const char* id : {"00000001", "00000002"}) {
    for (ScratchKind kind : kKinds) {
      ScratchList list = BuildScratchList(kind, id);
      digests.insert(list.digest);
      for (const auto& image : list.images) {
        digests.insert(image.descriptor.digest);
      }
    }
  }
  // Per id: 3 lists, 2 Docker and 2 OCI images (the annotated index
  // names the OCI ones).
  EXPECT_EQ(digests.size(), 14u);
  auto a = ScratchBlobs("00000001");
  auto b = ScratchBlobs("00000002");
  EXPECT_NE(a[0].digest, b[0].digest);
  EXPECT_EQ(a.back().digest, b.back().digest);  // the layer is common
}

TEST(ScratchImages, ListsNameTwoPlatformsOfTheirFormat) {
  struct Row {
    ScratchKind kind;
    const char* list_type;
    const char* image_type;
  };
  const Row rows[] = {
      {ScratchKind::kDockerList, registry::kDockerManifestList,
       registry::kDockerManifest},
      {ScratchKind::kOciIndex, registry::kOciIndex, registry::kOciManifest},
      {ScratchKind::kAnnotatedIndex, registry::kOciIndex,
       registry::kOciManifest},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.list_type);
    ScratchList list = BuildScratchList(row.kind, "1a2b3c4d");
    EXPECT_EQ(list.media_type, row.list_type);
    EXPECT_EQ(base::Sha256Digest(list.bytes), list.digest);
    Manifest parsed = ParseManifest(list.bytes, list.media_type);
    ASSERT_TRUE(parsed.IsIndex());
    const auto& entries = parsed.index().manifests;
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].platform->architecture, "amd64");
    EXPECT_EQ(entries[1].platform->architecture, "arm64");
    for (size_t i = 0; i < entries.size(); ++i) {
      const ScratchImage& image = list.images[i];
      EXPECT_EQ(entries[i].media_type, row.image_type);
      EXPECT_EQ(entries[i].digest, base::Sha256Digest(image.bytes));
      EXPECT_EQ(entries[i].size, static_cast<int64_t>(image.bytes.size()));
      EXPECT_EQ(entries[i].platform->os, "linux");
    }
  }
}

// Each image is one a registry accepts: its config and layer are blobs
// the check uploads, the config names the image's platform, and its
// diff_id is the layer's digest.
TEST(ScratchImages, ImagesNameTheBlobsThatAreUploaded) {
  auto blobs = ScratchBlobs("1a2b3c4d");
  ASSERT_EQ(blobs.size(), 3u);
  for (ScratchKind kind : kKinds) {
    for (const auto& image : BuildScratchList(kind, "1a2b3c4d").images) {
      SCOPED_TRACE(image.bytes);
      Manifest parsed = ParseManifest(image.bytes, image.descriptor.media_type);
      const ImageManifest& m = parsed.image();
      const ScratchBlob* config = FindBlob(blobs, m.config.digest);
      ASSERT_NE(config, nullptr);
      EXPECT_EQ(m.config.size, static_cast<int64_t>(config->data.size()));
      EXPECT_EQ(PlatformFromConfig(config->data), *image.descriptor.platform);
      EXPECT_NE(config->data.find(std::string("\"diff_ids\":[\"") +
                                  kEmptyTarDigest + "\"]"),
                std::string::npos);
      ASSERT_EQ(m.layers.size(), 1u);
      EXPECT_EQ(m.layers[0].digest, kEmptyTarDigest);
      EXPECT_EQ(m.layers[0].size, 1024);
    }
  }
}

TEST(ScratchImages, OnlyTheAnnotatedIndexHasAnnotations) {
  ScratchList plain = BuildScratchList(ScratchKind::kOciIndex, "1a2b3c4d");
  ScratchList annotated =
      BuildScratchList(ScratchKind::kAnnotatedIndex, "1a2b3c4d");
  EXPECT_EQ(plain.bytes.find("annotations"), std::string::npos);

  Index index = ParseManifest(annotated.bytes, annotated.media_type).index();
  EXPECT_FALSE(index.annotations.empty());
  EXPECT_EQ(index.annotations, annotated.annotations);
  for (size_t i = 0; i < index.manifests.size(); ++i) {
    EXPECT_FALSE(index.manifests[i].annotations.empty());
    EXPECT_EQ(index.manifests[i].annotations,
              annotated.images[i].descriptor.annotations);
    // The same images as the plain index: pushed once for both.
    EXPECT_EQ(index.manifests[i].digest, plain.images[i].descriptor.digest);
  }
}

}  // namespace
}  // namespace mlist::manifest
