#include "output/inspect.h"

#include "base/error.h"
#include "manifest/go_json.h"
#include "manifest/manifest_list.h"

namespace mlist::output {

std::string InspectList(const std::vector<manifest::Record>& entries) {
  std::vector<manifest::Descriptor> descriptors;
  descriptors.reserve(entries.size());
  for (const manifest::Record& entry : entries) {
    descriptors.push_back(manifest::ListEntry(entry));
  }
  return manifest::BuildManifestList(descriptors) + "\n";
}

std::string InspectListVerbose(const std::vector<manifest::Record>& entries) {
  std::string array = "[";
  for (const manifest::Record& entry : entries) {
    array += (array.size() > 1 ? "," : "") + manifest::EncodeRecord(entry);
  }
  return manifest::GoIndent(array + "]", "", "\t") + "\n";
}

std::string InspectManifest(const manifest::Record& record) {
  if (record.format == manifest::RecordFormat::kNone) {
    throw Error(Quote(record.ref) + " has no payload");
  }
  return manifest::GoIndent(record.payload, "", "\t") + "\n";
}

std::string InspectManifestVerbose(const manifest::Record& record) {
  return manifest::GoIndent(manifest::EncodeRecord(record), "", "\t") + "\n";
}

}  // namespace mlist::output
