// What `create` makes of the images it is given: each one an image, or a
// list or index (what buildx pushes) whose entries are added one by one,
// optionally only some platforms, with or without their attestations.
#pragma once

#include <vector>

#include "manifest/platform_spec.h"
#include "manifest/record.h"
#include "reference/reference.h"
#include "registry/session.h"

namespace mlist::manifest {

struct SourceFilter {
  // Keep only entries of these platforms; empty keeps every platform.
  std::vector<PlatformSpec> platforms;
  // Keep the attestations of the images kept; else drop them all.
  bool keep_attestations = false;
};

// Returns the records of sources, in order. An image gives its record
// (manifest and config fetched: docker's record); a list or index gives
// one record per entry kept ("name:tag@digest", the list's platform and
// annotations for it, its manifest fetched), never fetching the entries
// it leaves out. Requests run in parallel: one manifest GET per source,
// then one GET per entry or config. Throws mlist::Error when a platform
// asked for is in none of the sources, naming those they have.
std::vector<Record> FetchSources(registry::Session& session,
                                 const std::vector<reference::Reference>& refs,
                                 const SourceFilter& filter);

}  // namespace mlist::manifest
