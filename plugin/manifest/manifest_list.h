// Manifest lists as docker builds them (distribution's
// manifestlist.FromDescriptors): for `docker manifest push`, and printed
// by `docker manifest inspect` of a list.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "manifest/descriptor.h"
#include "manifest/record.h"

namespace mlist::manifest {

// The media type docker gives a list of entries: an OCI index when the
// first entry is an OCI image manifest, else a Docker manifest list.
std::string ListMediaType(const std::vector<Descriptor>& entries);

// The list document: {"schemaVersion": 2, "mediaType": media_type,
// "manifests": [...]}, indented with three spaces (json.MarshalIndent),
// no final newline. Each entry is written as distribution's
// ManifestDescriptor: "mediaType", "size", "digest", "urls",
// "annotations" when set, then "platform" always. These are the bytes
// docker pushes, and so the list's digest. With annotations, the index's
// own "annotations" follow "manifests" (docker never writes them).
std::string BuildManifestList(
    const std::vector<Descriptor>& entries, const std::string& media_type,
    const std::map<std::string, std::string>& annotations = {});

// BuildManifestList with ListMediaType(entries).
std::string BuildManifestList(const std::vector<Descriptor>& entries);

// The entry docker makes of a record (buildManifestDescriptor): its
// descriptor's media type, size and digest, and its platform without
// "features" (empty when the record has none); and, which docker drops,
// the descriptor's annotations.
Descriptor ListEntry(const Record& record);

}  // namespace mlist::manifest
