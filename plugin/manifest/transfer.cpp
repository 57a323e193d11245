#include "manifest/transfer.h"

#include "base/error.h"

namespace mlist::manifest {
namespace {

// Puts one blob into target. The order follows what is cheapest:
// 1. a mount within one registry (201: done, no bytes move);
// 2. a refused mount (202), another registry, or a source the target
//    registry cannot see: HEAD the target first, then a streamed copy,
//    into the upload the refused mount opened where there is one.
void MoveBlob(registry::Session& session, const Descriptor& blob,
              const reference::Reference& source,
              const reference::Reference& target, TransferStats& stats) {
  std::optional<registry::Session::OpenUpload> opened;
  if (source.domain == target.domain &&
      session.MountBlob(target, blob.digest, source.path, &opened)) {
    ++stats.mounted;
    return;
  }
  if (session.HeadBlob(target, blob.digest)) {
    ++stats.present;
    return;
  }
  session.CopyBlob(source, target, blob.digest,
                   static_cast<uint64_t>(blob.size), std::move(opened));
  ++stats.copied;
}

}  // namespace

bool SameRepository(const reference::Reference& a,
                    const reference::Reference& b) {
  return a.domain == b.domain && a.path == b.path;
}

TransferStats TransferImage(registry::Session& session, const Record& record,
                            const reference::Reference& source,
                            const reference::Reference& target) {
  TransferStats stats;
  try {
    MoveBlob(session, record.manifest.config, source, target, stats);
    for (const auto& layer : record.manifest.layers) {
      MoveBlob(session, layer, source, target, stats);
    }
    reference::Reference by_digest = target;
    by_digest.tag.clear();
    by_digest.digest = record.descriptor.digest;
    // The exact bytes stored: their digest is the one the list names.
    session.PutManifest(by_digest, record.descriptor.media_type,
                        record.raw.empty() ? record.payload : record.raw);
  } catch (const Error& e) {
    throw Wrap("copying " + Quote(record.ref) + " to " + Quote(target.Name()),
               e);
  }
  return stats;
}

}  // namespace mlist::manifest
