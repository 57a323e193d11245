// Descriptors and platforms (OCI image spec, "Descriptors" and the
// platform of an index entry; Docker's manifest list v2 platform spec):
// what a manifest says about the content it points to.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mlist::manifest {

// The platform an image runs on. JSON names: "architecture", "os",
// "os.version", "os.features", "variant", "features".
struct Platform {
  std::string architecture;
  std::string os;
  std::string os_version;
  std::vector<std::string> os_features;
  std::string variant;
  // CPU features: Docker manifest lists only. The OCI platform docker
  // keeps in its records has no such field, so docker drops them there.
  std::vector<std::string> features;

  bool operator==(const Platform& other) const;
  bool operator!=(const Platform& other) const { return !(*this == other); }
};

// A reference to content by media type, digest and size. JSON names:
// "mediaType", "digest", "size", "urls", "annotations", "data",
// "platform", "artifactType".
struct Descriptor {
  std::string media_type;
  std::string digest;  // "sha256:<hex>"
  int64_t size = 0;
  std::vector<std::string> urls;
  // Sorted by key, as Go writes maps.
  std::map<std::string, std::string> annotations;
  // The embedded content itself (OCI 1.1 "data"), decoded from base64.
  std::string data;
  std::optional<Platform> platform;
  std::string artifact_type;

  bool operator==(const Descriptor& other) const;
  bool operator!=(const Descriptor& other) const { return !(*this == other); }
};

}  // namespace mlist::manifest
