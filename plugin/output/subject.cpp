#include "output/subject.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "manifest/attestation.h"
#include "manifest/platform_spec.h"

namespace mlist::output {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

std::string PlatformText(const std::optional<manifest::Platform>& platform) {
  std::string text = platform ? manifest::PlatformString(*platform) : "";
  return text.empty() ? "unknown" : text;
}

// What an attestation describes: "linux/amd64 attestation", found by
// the image's digest among the entries.
std::string EntryName(const manifest::Record& entry,
                      const std::vector<manifest::Record>& entries) {
  if (!manifest::IsAttestation(entry.descriptor)) {
    return PlatformText(entry.descriptor.platform);
  }
  std::string subject = manifest::AttestedDigest(entry.descriptor);
  for (const auto& other : entries) {
    if (other.descriptor.digest == subject &&
        !manifest::IsAttestation(other.descriptor)) {
      return PlatformText(other.descriptor.platform) + " attestation";
    }
  }
  return "attestation of " + subject;
}

std::string Line(const std::string& name, const std::string& digest,
                 int64_t size) {
  return "   - " + name + " (" + digest + ", " + std::to_string(size) +
         " bytes)\n";
}

void String(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void Map(JsonWriter& w, const char* key,
         const std::map<std::string, std::string>& map) {
  w.Key(key);
  w.StartObject();
  for (const auto& [k, v] : map) {
    String(w, k.c_str(), v);
  }
  w.EndObject();
}

void PlatformObject(JsonWriter& w,
                    const std::optional<manifest::Platform>& platform) {
  w.Key("Platform");
  if (!platform) {
    w.Null();
    return;
  }
  w.StartObject();
  String(w, "OS", platform->os);
  String(w, "Architecture", platform->architecture);
  String(w, "Variant", platform->variant);
  String(w, "OSVersion", platform->os_version);
  w.Key("OSFeatures");
  w.StartArray();
  for (const auto& feature : platform->os_features) {
    w.String(feature.c_str(), static_cast<rapidjson::SizeType>(feature.size()));
  }
  w.EndArray();
  w.EndObject();
}

void EntryObject(JsonWriter& w, const manifest::Record& entry) {
  const manifest::Descriptor& d = entry.descriptor;
  w.StartObject();
  String(w, "Ref", entry.ref);
  String(w, "MediaType", d.media_type);
  String(w, "Digest", d.digest);
  w.Key("Size");
  w.Int64(d.size);
  PlatformObject(w, d.platform);
  Map(w, "Annotations", d.annotations);
  w.Key("Attestation");
  w.Bool(manifest::IsAttestation(d));
  w.EndObject();
}

}  // namespace

std::string PlatformsSummary(const Subject& subject) {
  std::string text =
      "Image: " + subject.ref + " (" +
      (subject.local && subject.is_list ? "digest once pushed" : "digest") +
      ": " + subject.digest + ")\n";
  text += std::string(" * Manifest List: ") + (subject.is_list ? "Yes" : "No") +
          " (Image type: " + subject.media_type + ")\n";
  text += " * Supported platforms:\n";
  if (!subject.is_list) {
    return text +
           Line(PlatformText(subject.platform), subject.digest, subject.size);
  }
  for (const auto& entry : subject.entries) {
    text += Line(EntryName(entry, subject.entries), entry.descriptor.digest,
                 entry.descriptor.size);
  }
  return text;
}

std::string FormatData(const Subject& subject) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  String(w, "Ref", subject.ref);
  w.Key("Local");
  w.Bool(subject.local);
  w.Key("ManifestList");
  w.Bool(subject.is_list);
  String(w, "MediaType", subject.media_type);
  String(w, "Digest", subject.digest);
  w.Key("Size");
  w.Int64(subject.size);
  Map(w, "Annotations", subject.annotations);
  PlatformObject(w, subject.platform);
  w.Key("Manifests");
  w.StartArray();
  for (const auto& entry : subject.entries) {
    EntryObject(w, entry);
  }
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

}  // namespace mlist::output
