#include "manifest/manifest_list.h"

#include "manifest/descriptor_json.h"
#include "manifest/go_json.h"
#include "registry/media_types.h"

namespace mlist::manifest {

std::string ListMediaType(const std::vector<Descriptor>& entries) {
  if (!entries.empty() &&
      entries.front().media_type == registry::kOciManifest) {
    return registry::kOciIndex;
  }
  return registry::kDockerManifestList;
}

std::string BuildManifestList(
    const std::vector<Descriptor>& entries, const std::string& media_type,
    const std::map<std::string, std::string>& annotations) {
  GoJsonWriter w;
  w.BeginObject();
  w.Key("schemaVersion");
  w.Int(2);
  if (!media_type.empty()) {
    w.Key("mediaType");
    w.String(media_type);
  }
  w.Key("manifests");
  w.BeginArray();
  for (const Descriptor& entry : entries) {
    WriteListDescriptor(w, entry);
  }
  w.EndArray();
  WriteStringMapIfSet(w, "annotations", annotations);
  w.EndObject();
  return GoIndent(w.str(), "", "   ");
}

std::string BuildManifestList(const std::vector<Descriptor>& entries) {
  return BuildManifestList(entries, ListMediaType(entries));
}

Descriptor ListEntry(const Record& record) {
  Descriptor entry;
  entry.media_type = record.descriptor.media_type;
  entry.size = record.descriptor.size;
  entry.digest = record.descriptor.digest;
  entry.annotations = record.descriptor.annotations;
  entry.platform = EntryPlatform(record.descriptor);
  return entry;
}

}  // namespace mlist::manifest
