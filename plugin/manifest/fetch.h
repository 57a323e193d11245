// Fetching docker's records of images and lists from a registry: what
// `create` stores and `inspect` prints for remote references.
#pragma once

#include <variant>
#include <vector>

#include "manifest/record.h"
#include "reference/reference.h"
#include "registry/session.h"

namespace mlist::manifest {

// What a reference names: one image, or a list with one record per entry
// (in the list's order).
struct Fetched {
  bool is_list = false;
  // The image's record; for a list, unused.
  Record image;
  // For a list: one record per entry, "name:tag@digest" with the platform
  // the list gives it. Without children, each record holds only its
  // descriptor (enough for the non-verbose view); with them, the child
  // manifests too.
  std::vector<Record> entries;
};

// GETs ref's manifest once; with full, also what the verbose view needs:
// an image's config blob (its platform comes from there, as docker does)
// or a list's children (fetched in parallel). Throws
// registry::RegistryError or mlist::Error.
Fetched Fetch(registry::Session& session, const reference::Reference& ref,
              bool full);

// The record of one image (create): its manifest and, for the platform,
// its config. Throws mlist::Error `"<ref>" is a manifest list` when ref
// names a list.
Record FetchImageRecord(registry::Session& session,
                        const reference::Reference& ref);

}  // namespace mlist::manifest
