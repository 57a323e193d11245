// Tiny real images for the tests, made without a docker engine: a gzip
// layer tarball and a config naming the platform, pushed with the
// project's own registry code as Docker v2 or OCI manifests. The bytes,
// and so the digests, are the same on every run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "manifest/descriptor.h"
#include "reference/reference.h"
#include "registry/session.h"
#include "support/registry.h"

namespace mlist::testing {

struct Platform {
  std::string os = "linux";
  std::string architecture;
  std::string variant;
  std::string os_version;

  // "linux/arm/v7".
  std::string String() const;
};

enum class ImageFormat { kDocker, kOci };

// One image as pushed.
struct PushedImage {
  reference::Reference ref;  // the tag it was pushed under
  Platform platform;
  std::string media_type;
  std::string digest;  // of the manifest
  size_t size = 0;     // of the manifest
  std::string manifest;
  std::string config;  // the config blob's bytes
  std::string config_digest;
  std::string layer_digest;
};

// The seven platforms a typical multi-arch release ships: amd64, arm/v6,
// arm/v7, arm64/v8, 386, ppc64le, s390x (all linux).
std::vector<Platform> SevenPlatforms();

// count distinct platforms for scale tests (the seven, then made-up
// variants of them).
std::vector<Platform> ManyPlatforms(size_t count);

// Builds an image for platform (its layer holds one file naming the
// platform and seed) and pushes config, layer and manifest into ref's
// repository under ref's tag. Throws mlist::Error when the registry
// refuses.
PushedImage PushImage(registry::Session& session,
                      const reference::Reference& ref, const Platform& platform,
                      ImageFormat format, int seed = 0);

// Pushes one image per platform as REPO:TAG_PREFIX-<n> (n from 0), in
// parallel.
std::vector<PushedImage> PushImages(registry::Session& session,
                                    const std::string& repo,
                                    const std::vector<Platform>& platforms,
                                    ImageFormat format,
                                    const std::string& tag_prefix = "p");

// The entry a list gives image: media type, size, digest and platform.
manifest::Descriptor ListEntryOf(const PushedImage& image);

// An index as buildx pushes it with attestations: one OCI image per
// platform, each followed by its attestation manifest (platform
// unknown/unknown, annotated "vnd.docker.reference.type":
// "attestation-manifest" and the image's digest), pushed under ref's tag.
struct PushedIndex {
  reference::Reference ref;
  std::string digest;
  std::string bytes;
  std::vector<PushedImage> images;
  // attestations[i] describes images[i].
  std::vector<PushedImage> attestations;
};

PushedIndex PushAttestedIndex(registry::Session& session,
                              const reference::Reference& ref,
                              const std::vector<Platform>& platforms,
                              int seed = 0);

// A plain registry on loopback holding the seven platforms in repository
// repo twice: Docker v2 as repo:v2-<n> and OCI as repo:oci-<n>.
std::unique_ptr<TestRegistry> StartSeededRegistry(const std::string& repo);

// A plain registry on loopback holding one image per platform in
// repository repo, as repo:<tag_prefix>-<n> (PushImages).
std::unique_ptr<TestRegistry> StartRegistryWithImages(
    const std::string& repo, const std::vector<Platform>& platforms,
    ImageFormat format, const std::string& tag_prefix = "p");

// A session on registry, which pushes test images (plain HTTP).
registry::SessionOptions PlainSessionOptions();

}  // namespace mlist::testing
