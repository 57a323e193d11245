// What the views beyond docker's print of an inspected reference
// (inspect --platforms, inspect --format): a list with its entries, or
// one image, local or from a registry.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "manifest/descriptor.h"
#include "manifest/record.h"

namespace mlist::output {

struct Subject {
  // The reference as inspected: "localhost:5000/app:1".
  std::string ref;
  // From the local store: a list's digest is the one push will give it.
  bool local = false;
  bool is_list = false;
  // The document's media type, digest and size in bytes.
  std::string media_type;
  std::string digest;
  int64_t size = 0;
  // A list's own annotations, or an image manifest's.
  std::map<std::string, std::string> annotations;
  // A list's entries, in its order (descriptors; manifests optional).
  std::vector<manifest::Record> entries;
  // An image's platform, when known.
  std::optional<manifest::Platform> platform;
};

// The mquery-style summary of inspect --platforms:
//
//   Image: localhost:5000/app:1 (digest: sha256:...)
//    * Manifest List: Yes (Image type: application/vnd.oci.image...)
//    * Supported platforms:
//      - linux/amd64 (sha256:..., 528 bytes)
//      - linux/amd64 attestation (sha256:..., 839 bytes)
//
// A local list says "digest once pushed"; an image without a known
// platform shows "unknown".
std::string PlatformsSummary(const Subject& subject);

// The data --format templates run over, as compact JSON: {"Ref",
// "Local", "ManifestList", "MediaType", "Digest", "Size",
// "Annotations", "Platform" (null for a list), "Manifests": [{"Ref",
// "MediaType", "Digest", "Size", "Platform", "Annotations",
// "Attestation"}]}. A platform is {"OS", "Architecture", "Variant",
// "OSVersion", "OSFeatures"}.
std::string FormatData(const Subject& subject);

}  // namespace mlist::output
