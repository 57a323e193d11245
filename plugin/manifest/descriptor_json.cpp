#include "manifest/descriptor_json.h"

namespace mlist::manifest {
namespace {

void StringIfSet(GoJsonWriter& w, const char* name, const std::string& s) {
  if (!s.empty()) {
    w.Key(name);
    w.String(s);
  }
}

void StringsIfSet(GoJsonWriter& w, const char* name,
                  const std::vector<std::string>& list) {
  if (list.empty()) {
    return;
  }
  w.Key(name);
  w.BeginArray();
  for (const std::string& s : list) {
    w.String(s);
  }
  w.EndArray();
}

// The members both platform structs share, in their common order.
void WritePlatformMembers(GoJsonWriter& w, const Platform& platform) {
  w.Key("architecture");
  w.String(platform.architecture);
  w.Key("os");
  w.String(platform.os);
  StringIfSet(w, "os.version", platform.os_version);
  StringsIfSet(w, "os.features", platform.os_features);
  StringIfSet(w, "variant", platform.variant);
}

}  // namespace

void WriteOciPlatform(GoJsonWriter& w, const Platform& platform) {
  w.BeginObject();
  WritePlatformMembers(w, platform);
  w.EndObject();
}

void WriteOciDescriptor(GoJsonWriter& w, const Descriptor& descriptor) {
  w.BeginObject();
  w.Key("mediaType");
  w.String(descriptor.media_type);
  w.Key("digest");
  w.String(descriptor.digest);
  w.Key("size");
  w.Int(descriptor.size);
  StringsIfSet(w, "urls", descriptor.urls);
  WriteStringMapIfSet(w, "annotations", descriptor.annotations);
  if (!descriptor.data.empty()) {
    w.Key("data");
    w.Bytes(descriptor.data);
  }
  if (descriptor.platform) {
    w.Key("platform");
    WriteOciPlatform(w, *descriptor.platform);
  }
  StringIfSet(w, "artifactType", descriptor.artifact_type);
  w.EndObject();
}

void WriteListPlatform(GoJsonWriter& w, const Platform& platform) {
  w.BeginObject();
  WritePlatformMembers(w, platform);
  StringsIfSet(w, "features", platform.features);
  w.EndObject();
}

void WriteListDescriptor(GoJsonWriter& w, const Descriptor& descriptor) {
  w.BeginObject();
  StringIfSet(w, "mediaType", descriptor.media_type);
  if (descriptor.size != 0) {
    w.Key("size");
    w.Int(descriptor.size);
  }
  StringIfSet(w, "digest", descriptor.digest);
  StringsIfSet(w, "urls", descriptor.urls);
  WriteStringMapIfSet(w, "annotations", descriptor.annotations);
  w.Key("platform");
  WriteListPlatform(w, descriptor.platform.value_or(Platform{}));
  w.EndObject();
}

void WriteStringMapIfSet(GoJsonWriter& w, const char* name,
                         const std::map<std::string, std::string>& map) {
  if (map.empty()) {
    return;
  }
  w.Key(name);
  w.BeginObject();
  for (const auto& [key, value] : map) {
    w.Key(key);
    w.String(value);
  }
  w.EndObject();
}

}  // namespace mlist::manifest
