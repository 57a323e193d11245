#include "manifest/fetch.h"

#include <algorithm>

#include "base/error.h"
#include "base/parallel.h"
#include "manifest/parse.h"

namespace mlist::manifest {
namespace {

// Children are fetched with as many requests in flight as the session
// keeps connections (8 by default).
constexpr size_t kParallelFetches = 8;

// The record of a list entry before its manifest is fetched: what the
// list itself says of it.
Record EntryStub(const reference::Reference& child, const Descriptor& entry) {
  Record record;
  record.ref = child.String();
  record.descriptor.media_type = entry.media_type;
  record.descriptor.digest = entry.digest;
  record.descriptor.size = entry.size;
  record.descriptor.platform = EntryPlatform(entry);
  record.descriptor.annotations = entry.annotations;
  return record;
}

std::vector<Record> ListRecords(registry::Session& session,
                                const reference::Reference& ref,
                                const Manifest& list, bool with_children) {
  const auto& manifests = list.index().manifests;
  std::vector<Record> records(manifests.size());
  auto fetch_one = [&](size_t i) {
    reference::Reference child = ref.WithDefaultTag();
    child.digest = manifests[i].digest;
    if (!with_children) {
      records[i] = EntryStub(child, manifests[i]);
      return;
    }
    records[i] = ChildRecord(session, child, manifests[i]);
  };
  base::ParallelFor(manifests.size(), with_children ? kParallelFetches : 1,
                    fetch_one);
  return records;
}

}  // namespace

Manifest FetchManifest(registry::Session& session,
                       const reference::Reference& ref) {
  registry::Manifest fetched = session.GetManifest(ref);
  try {
    return ParseManifest(fetched.bytes, fetched.media_type);
  } catch (const Error& e) {
    throw Wrap("parsing manifest " + Quote(ref.String()), e);
  }
}

Record ImageRecord(registry::Session& session, const reference::Reference& ref,
                   const Manifest& m) {
  // No more than the manifest says the config holds: a server that sends
  // more is cut off there, not at the general limit.
  const Descriptor& c = m.image().config;
  constexpr uint64_t kMaxConfig = 16 << 20;
  uint64_t max =
      c.size > 0 ? std::min<uint64_t>(c.size, kMaxConfig) : kMaxConfig;
  std::string config = session.GetBlob(ref, c.digest, max);
  return MakeRecord(ref.WithDefaultTag().String(), m,
                    PlatformFromConfig(config));
}

Record ChildRecord(registry::Session& session,
                   const reference::Reference& child, const Descriptor& entry) {
  Manifest m = FetchManifest(session, child);
  if (m.IsIndex()) {
    throw Error(Quote(child.String()) +
                " is itself a manifest list: lists of lists are not "
                "supported");
  }
  Record record = MakeRecord(child.String(), m, EntryPlatform(entry));
  record.descriptor.annotations = entry.annotations;
  return record;
}

Fetched Fetch(registry::Session& session, const reference::Reference& ref,
              bool full) {
  Manifest m = FetchManifest(session, ref);
  Fetched out;
  out.is_list = m.IsIndex();
  out.media_type = m.media_type();
  out.bytes = m.bytes();
  out.digest = m.digest();
  if (out.is_list) {
    out.annotations = m.index().annotations;
    out.entries = ListRecords(session, ref, m, full);
  } else if (full) {
    out.image = ImageRecord(session, ref, m);
  } else {
    out.image = MakeRecord(ref.WithDefaultTag().String(), m, std::nullopt);
  }
  return out;
}

Record FetchImageRecord(registry::Session& session,
                        const reference::Reference& ref) {
  Manifest m = FetchManifest(session, ref);
  if (m.IsIndex()) {
    throw Error(Quote(ref.WithDefaultTag().String()) + " is a manifest list");
  }
  return ImageRecord(session, ref, m);
}

}  // namespace mlist::manifest
