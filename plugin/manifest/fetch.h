// Fetching docker's records of images and lists from a registry: what
// `create` stores and `inspect` prints for remote references.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "manifest/manifest.h"
#include "manifest/record.h"
#include "reference/reference.h"
#include "registry/session.h"

namespace mlist::manifest {

// What a reference names: one image, or a list with one record per entry
// (in the list's order).
struct Fetched {
  bool is_list = false;
  // The document fetched: its media type, exact bytes and digest, and
  // for a list its own annotations.
  std::string media_type;
  std::string bytes;
  std::string digest;
  std::map<std::string, std::string> annotations;
  // The image's record; for a list, unused.
  Record image;
  // For a list: one record per entry, "name:tag@digest" with the platform
  // the list gives it. Without children, each record holds only its
  // descriptor (enough for the non-verbose view); with them, the child
  // manifests too.
  std::vector<Record> entries;
};

// GETs ref's manifest and parses it. Throws registry::RegistryError, or
// mlist::Error `parsing manifest "<ref>": <why>` when the registry's
// answer is not a manifest.
Manifest FetchManifest(registry::Session& session,
                       const reference::Reference& ref);

// GETs ref's manifest once; with full, also what the verbose view needs:
// an image's config blob (its platform comes from there, as docker does)
// or a list's children (fetched in parallel). Throws
// registry::RegistryError or mlist::Error.
Fetched Fetch(registry::Session& session, const reference::Reference& ref,
              bool full);

// The record of an image whose manifest m was fetched as ref: its
// config is fetched for the platform, as docker does.
Record ImageRecord(registry::Session& session, const reference::Reference& ref,
                   const Manifest& m);

// The record of the entry of a list that child ("name:tag@digest")
// names: its manifest is fetched; the platform and the annotations are
// the list's for it. Throws mlist::Error when the child is itself a list.
Record ChildRecord(registry::Session& session,
                   const reference::Reference& child, const Descriptor& entry);

// The record of one image (create): its manifest and, for the platform,
// its config. Throws mlist::Error `"<ref>" is a manifest list` when ref
// names a list.
Record FetchImageRecord(registry::Session& session,
                        const reference::Reference& ref);

}  // namespace mlist::manifest
