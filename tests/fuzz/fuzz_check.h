// What the fuzz targets share: a failed property stops the run as a crash
// does, and the parsed manifest types compared member by member.
//
// Each target reads its input with the parser under test. A clean
// mlist::Error is a fine answer to bad input; a crash, a sanitizer report,
// any other exception (it would escape main's handler) or a failed
// Require is a finding.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "manifest/manifest.h"
#include "manifest/record.h"

namespace mlist::fuzz {

// Aborts with what does not hold unless ok: libFuzzer then keeps the
// input as a crasher.
inline void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz property failed: %s\n", what);
    std::abort();
  }
}

inline std::string_view Text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline bool Same(const manifest::ImageManifest& a,
                 const manifest::ImageManifest& b) {
  return a.schema_version == b.schema_version &&
         a.media_type == b.media_type && a.artifact_type == b.artifact_type &&
         a.config == b.config && a.layers == b.layers &&
         a.subject == b.subject && a.annotations == b.annotations;
}

inline bool Same(const manifest::Index& a, const manifest::Index& b) {
  return a.schema_version == b.schema_version &&
         a.media_type == b.media_type && a.artifact_type == b.artifact_type &&
         a.manifests == b.manifests && a.subject == b.subject &&
         a.annotations == b.annotations;
}

// Same kind, media type and content; the bytes may differ.
inline bool Same(const manifest::Manifest& a, const manifest::Manifest& b) {
  if (a.media_type() != b.media_type() || a.IsIndex() != b.IsIndex()) {
    return false;
  }
  return a.IsIndex() ? Same(a.index(), b.index()) : Same(a.image(), b.image());
}

// Every member but payload, which a round trip compacts.
inline bool SameButPayload(const manifest::Record& a,
                           const manifest::Record& b) {
  return a.ref == b.ref && a.descriptor == b.descriptor && a.raw == b.raw &&
         a.format == b.format && Same(a.manifest, b.manifest);
}

}  // namespace mlist::fuzz
