#include "manifest/built_list.h"

#include "base/digest.h"
#include "manifest/attestation.h"
#include "manifest/manifest_list.h"

namespace mlist::manifest {

BuiltList BuildList(std::vector<Record> records, const ListSettings& settings,
                    const std::string& list) {
  BuiltList built;
  built.records = GroupAttestations(std::move(records));
  built.format = ResolveListFormat(settings, built.records);
  CheckAnnotationsFit(built.format, settings, built.records, list);
  std::vector<Descriptor> entries;
  entries.reserve(built.records.size());
  for (const Record& r : built.records) {
    entries.push_back(ListEntry(r));
  }
  built.bytes =
      BuildManifestList(entries, built.format.media_type, settings.annotations);
  built.digest = base::Sha256Digest(built.bytes);
  return built;
}

}  // namespace mlist::manifest
