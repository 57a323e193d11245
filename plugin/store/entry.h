// What the store holds: entry records as opaque bytes (the compact JSON
// record docker manifest writes; plugin/manifest encodes it), named after
// their image references.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "reference/reference.h"

namespace mlist::store {

// One entry file of a list, as read back.
struct Entry {
  // The file name: "docker.io_library_busybox-latest".
  std::string name;
  // The reference the record names (its "Ref"), when the store's
  // RecordRefReader could tell.
  std::optional<std::string> ref;
  // The whole record.
  std::string bytes;
};

// An entry to write: its image reference (normalised, tagged "latest"
// unless it has a tag or digest) and its record.
struct NewEntry {
  reference::Reference ref;
  std::string bytes;
};

// Returns the reference string a record was saved for (its "Ref" field),
// or nothing when the record cannot be read. The store does not parse
// records; it asks this function to tell apart two references that
// escape to the same file name. Must not throw.
using RecordRefReader =
    std::function<std::optional<std::string>(const std::string& bytes)>;

}  // namespace mlist::store
