#include "manifest/record.h"

#include "base/error.h"
#include "manifest/descriptor_json.h"
#include "manifest/go_json.h"
#include "registry/media_types.h"

namespace mlist::manifest {

std::string Record::PayloadMediaType() const {
  switch (format) {
    case RecordFormat::kSchema2:
      return manifest.media_type;
    case RecordFormat::kOci:
      // distribution reports the OCI type whether or not the document
      // names it.
      return registry::kOciManifest;
    case RecordFormat::kNone:
      break;
  }
  return "";
}

Record MakeRecord(std::string ref, const Manifest& manifest,
                  std::optional<Platform> platform) {
  if (manifest.IsIndex()) {
    throw Error(Quote(ref) + " is a manifest list");
  }
  Record record;
  record.ref = std::move(ref);
  record.format =
      manifest.IsOci() ? RecordFormat::kOci : RecordFormat::kSchema2;
  record.raw = manifest.bytes();
  record.payload = manifest.bytes();
  record.manifest = manifest.image();
  record.descriptor.media_type = record.PayloadMediaType();
  record.descriptor.digest = manifest.digest();
  record.descriptor.size = static_cast<int64_t>(manifest.bytes().size());
  record.descriptor.platform = std::move(platform);
  if (record.descriptor.platform) {
    record.descriptor.platform->features.clear();
  }
  return record;
}

Platform EntryPlatform(const Descriptor& list_entry) {
  Platform platform = list_entry.platform.value_or(Platform{});
  platform.features.clear();
  return platform;
}

std::string EncodeRecord(const Record& record) {
  GoJsonWriter w;
  w.BeginObject();
  w.Key("Ref");
  if (record.ref.empty()) {
    w.Null();
  } else {
    w.String(record.ref);
  }
  w.Key("Descriptor");
  WriteOciDescriptor(w, record.descriptor);
  if (!record.raw.empty()) {
    w.Key("Raw");
    w.Bytes(record.raw);
  }
  if (record.format == RecordFormat::kSchema2) {
    w.Key("SchemaV2Manifest");
    w.Marshaler(record.payload);
  } else if (record.format == RecordFormat::kOci) {
    w.Key("OCIManifest");
    w.Marshaler(record.payload);
  }
  w.EndObject();
  return w.str();
}

}  // namespace mlist::manifest
