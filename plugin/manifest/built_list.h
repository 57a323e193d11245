// A local list made into the document push sends: entries in order
// (each attestation right after its image), the format its settings and
// entries call for, its index annotations, and the bytes' digest.
#pragma once

#include <string>
#include <vector>

#include "manifest/list_settings.h"
#include "manifest/record.h"

namespace mlist::manifest {

struct BuiltList {
  // The entries, in the list's order.
  std::vector<Record> records;
  ListFormat format;
  // The document (BuildManifestList) and "sha256:<hex>" over it.
  std::string bytes;
  std::string digest;
};

// Throws mlist::Error when the format cannot carry the list's
// annotations (see CheckAnnotationsFit); list names it there.
BuiltList BuildList(std::vector<Record> records, const ListSettings& settings,
                    const std::string& list);

}  // namespace mlist::manifest
