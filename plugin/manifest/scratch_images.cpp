#include "manifest/scratch_images.h"

#include "base/digest.h"
#include "manifest/descriptor_json.h"
#include "manifest/go_json.h"
#include "manifest/manifest_list.h"
#include "registry/media_types.h"

namespace mlist::manifest {
namespace {

// Image config and layer media types (Docker image manifest v2 schema 2,
// OCI image spec "Image Manifest").
constexpr const char* kDockerConfig =
    "application/vnd.docker.container.image.v1+json";
constexpr const char* kDockerLayer =
    "application/vnd.docker.image.rootfs.diff.tar";
constexpr const char* kOciConfig = "application/vnd.oci.image.config.v1+json";
constexpr const char* kOciLayer = "application/vnd.oci.image.layer.v1.tar";

// A tar archive ends with two 512-byte zero blocks; with no entries
// before them, that is the whole archive.
constexpr size_t kEmptyTarSize = 1024;

std::vector<Platform> ScratchPlatforms() {
  Platform amd64;
  amd64.os = "linux";
  amd64.architecture = "amd64";
  Platform arm64;
  arm64.os = "linux";
  arm64.architecture = "arm64";
  return {amd64, arm64};
}

std::string PlatformName(const Platform& platform) {
  return platform.os + "/" + platform.architecture;
}

// The image config: the platform, the layer's diff_id, and id in a
// label, which makes each check's images its own.
std::string ConfigJson(const Platform& platform, const std::string& id) {
  GoJsonWriter w;
  w.BeginObject();
  w.Key("architecture");
  w.String(platform.architecture);
  w.Key("config");
  w.BeginObject();
  WriteStringMapIfSet(
      w, "Labels",
      {{"org.opencontainers.image.description", "docker-mlist check " + id}});
  w.EndObject();
  w.Key("os");
  w.String(platform.os);
  w.Key("rootfs");
  w.BeginObject();
  w.Key("type");
  w.String("layers");
  w.Key("diff_ids");
  w.BeginArray();
  w.String(ScratchLayer().digest);
  w.EndArray();
  w.EndObject();
  w.EndObject();
  return w.str();
}

Descriptor BlobDescriptor(const char* media_type, const ScratchBlob& blob) {
  Descriptor d;
  d.media_type = media_type;
  d.digest = blob.digest;
  d.size = static_cast<int64_t>(blob.data.size());
  return d;
}

ScratchBlob Blob(std::string data) {
  return {base::Sha256Digest(data), std::move(data)};
}

ScratchImage Image(bool oci, const Platform& platform, const std::string& id) {
  GoJsonWriter w;
  w.BeginObject();
  w.Key("schemaVersion");
  w.Int(2);
  w.Key("mediaType");
  w.String(oci ? registry::kOciManifest : registry::kDockerManifest);
  w.Key("config");
  WriteOciDescriptor(w, BlobDescriptor(oci ? kOciConfig : kDockerConfig,
                                       Blob(ConfigJson(platform, id))));
  w.Key("layers");
  w.BeginArray();
  WriteOciDescriptor(
      w, BlobDescriptor(oci ? kOciLayer : kDockerLayer, ScratchLayer()));
  w.EndArray();
  w.EndObject();

  ScratchImage image;
  image.bytes = w.str();
  image.descriptor.media_type =
      oci ? registry::kOciManifest : registry::kDockerManifest;
  image.descriptor.digest = base::Sha256Digest(image.bytes);
  image.descriptor.size = static_cast<int64_t>(image.bytes.size());
  image.descriptor.platform = platform;
  return image;
}

// Annotations at both levels, with the OCI keys registries are most
// likely to know (OCI image spec, "Pre-Defined Annotation Keys").
void Annotate(ScratchList& list, const std::string& id) {
  list.annotations = {
      {"org.opencontainers.image.description", "docker-mlist check " + id},
      {"org.opencontainers.image.vendor", "docker-mlist"},
  };
  for (auto& image : list.images) {
    image.descriptor.annotations = {
        {"org.opencontainers.image.title",
         "scratch " + PlatformName(*image.descriptor.platform)},
    };
  }
}

}  // namespace

ScratchBlob ScratchLayer() {
  return Blob(std::string(kEmptyTarSize, '\0'));
}

std::vector<ScratchBlob> ScratchBlobs(const std::string& id) {
  std::vector<ScratchBlob> blobs;
  for (const Platform& platform : ScratchPlatforms()) {
    blobs.push_back(Blob(ConfigJson(platform, id)));
  }
  blobs.push_back(ScratchLayer());
  return blobs;
}

ScratchList BuildScratchList(ScratchKind kind, const std::string& id) {
  bool oci = kind != ScratchKind::kDockerList;
  ScratchList list;
  list.media_type = oci ? registry::kOciIndex : registry::kDockerManifestList;
  for (const Platform& platform : ScratchPlatforms()) {
    list.images.push_back(Image(oci, platform, id));
  }
  if (kind == ScratchKind::kAnnotatedIndex) {
    Annotate(list, id);
  }
  std::vector<Descriptor> entries;
  for (const auto& image : list.images) {
    entries.push_back(image.descriptor);
  }
  list.bytes = BuildManifestList(entries, list.media_type, list.annotations);
  list.digest = base::Sha256Digest(list.bytes);
  return list;
}

}  // namespace mlist::manifest
