// The manifest media types docker-mlist reads and writes (OCI image spec
// and Docker's image manifest v2 schema 2).
#pragma once

namespace mlist::registry {

inline constexpr const char* kOciIndex =
    "application/vnd.oci.image.index.v1+json";
inline constexpr const char* kOciManifest =
    "application/vnd.oci.image.manifest.v1+json";
inline constexpr const char* kDockerManifestList =
    "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr const char* kDockerManifest =
    "application/vnd.docker.distribution.manifest.v2+json";

// The Accept header of every manifest request: all four, so that the
// registry never converts a manifest (it would change the digest).
inline constexpr const char* kManifestAccept =
    "application/vnd.oci.image.index.v1+json, "
    "application/vnd.oci.image.manifest.v1+json, "
    "application/vnd.docker.distribution.manifest.list.v2+json, "
    "application/vnd.docker.distribution.manifest.v2+json";

// The largest manifest accepted, as distribution itself limits them.
inline constexpr unsigned long kMaxManifestBytes = 4UL << 20;

}  // namespace mlist::registry
