// Putting an image into a repository it is not yet in: its blobs mounted
// (same registry) or copied (another registry), then its manifest, with
// the exact bytes it was stored with, so that its digest never changes.
#pragma once

#include <string>

#include "manifest/record.h"
#include "reference/reference.h"
#include "registry/session.h"

namespace mlist::manifest {

// What moving one image cost, for the summary and the tests.
struct TransferStats {
  int mounted = 0;  // blobs mounted from the source repository
  int copied = 0;   // blobs uploaded (mount refused, or another registry)
  int present = 0;  // blobs the target already had
};

// Makes the image of record (from repository source) available in
// target's repository: each blob (config and layers) mounted from source
// when both are on one registry, uploaded when the mount is refused (202)
// or the registries differ, skipped when the target has it; then the
// manifest PUT by digest. Throws registry::RegistryError or mlist::Error
// naming the image.
TransferStats TransferImage(registry::Session& session, const Record& record,
                            const reference::Reference& source,
                            const reference::Reference& target);

// Whether two references name the same repository of the same registry.
bool SameRepository(const reference::Reference& a,
                    const reference::Reference& b);

}  // namespace mlist::manifest
