// Descriptors and platforms written as the two Go structs docker marshals
// them from. Field order and omitempty differ, and the bytes must match:
//
//   OCI descriptor (image-spec v1.1, docker's records): "mediaType"
//   (always), "digest" (always), "size" (always), "urls", "annotations",
//   "data" (base64), "platform", "artifactType" (each only when set).
//   OCI platform: "architecture", "os" (always), "os.version",
//   "os.features", "variant"; no "features".
//
//   Manifest list entry (distribution's ManifestDescriptor, which docker
//   builds lists with): "mediaType", "size", "digest", "urls",
//   "annotations" (each only when set), then "platform" always, zero when
//   unset: "architecture", "os" (always), "os.version", "os.features",
//   "variant", "features".
#pragma once

#include <map>
#include <string>

#include "manifest/descriptor.h"
#include "manifest/go_json.h"

namespace mlist::manifest {

void WriteOciPlatform(GoJsonWriter& w, const Platform& platform);

void WriteOciDescriptor(GoJsonWriter& w, const Descriptor& descriptor);

void WriteListPlatform(GoJsonWriter& w, const Platform& platform);

void WriteListDescriptor(GoJsonWriter& w, const Descriptor& descriptor);

// Writes "name": {map, keys sorted} unless map is empty (omitempty).
void WriteStringMapIfSet(GoJsonWriter& w, const char* name,
                         const std::map<std::string, std::string>& map);

}  // namespace mlist::manifest
