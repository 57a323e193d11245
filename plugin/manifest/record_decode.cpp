// Reading docker's records back, as docker's store does.
#include <cctype>

#include "base/digest.h"
#include "base/error.h"
#include "manifest/go_json.h"
#include "manifest/json_read.h"
#include "manifest/parse.h"
#include "manifest/record.h"
#include "reference/reference.h"
#include "registry/media_types.h"

namespace mlist::manifest {
namespace {

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// The exact bytes of the member name (any case, last wins, as Go decodes);
// empty when absent or null.
std::string_view MemberBytes(const std::vector<JsonMember>& members,
                             std::string_view name) {
  std::string_view found;
  for (const JsonMember& member : members) {
    if (EqualFold(member.name, name)) {
      found = member.value == "null" ? std::string_view() : member.value;
    }
  }
  return found;
}

// docker's SerializableNamed: a reference in its canonical form.
std::string ReadRef(const JsonObject& doc) {
  std::string ref = doc.String("Ref");
  if (ref.empty() && doc.Find("Ref") == nullptr) {
    return ref;
  }
  try {
    if (reference::Parse(ref).String() != ref) {
      throw Error("repository name must be canonical");
    }
  } catch (const std::exception& e) {
    throw Wrap("\"Ref\" " + Quote(ref), e);
  }
  return ref;
}

// The manifest member: the first of SchemaV2Manifest and OCIManifest
// present (docker's Payload() prefers the schema 2 one too).
void ReadManifest(const std::vector<JsonMember>& members, Record& record) {
  struct Member {
    const char* name;
    RecordFormat format;
    const char* media_type;
  };
  for (const Member& m :
       {Member{"SchemaV2Manifest", RecordFormat::kSchema2,
               registry::kDockerManifest},
        Member{"OCIManifest", RecordFormat::kOci, registry::kOciManifest}}) {
    std::string_view bytes = MemberBytes(members, m.name);
    if (bytes.empty()) {
      continue;
    }
    try {
      record.manifest = ParseManifest(std::string(bytes), m.media_type).image();
    } catch (const std::exception& e) {
      throw Wrap(Quote(m.name), e);
    }
    record.format = m.format;
    record.payload = std::string(bytes);
    return;
  }
}

// Records written before "Descriptor" existed: a top-level "Digest" of the
// payload, and a manifest list "Platform".
void ReadLegacyDescriptor(const JsonObject& doc, Record& record) {
  std::string digest = doc.String("Digest");
  if (digest.empty()) {
    return;
  }
  if (record.format == RecordFormat::kNone) {
    throw Error(Quote(record.ref) + " has no payload");
  }
  std::string actual = base::Sha256Digest(record.payload);
  if (actual != digest) {
    throw Error("image manifest digest mismatch (" + digest + " != " + actual +
                ")");
  }
  record.descriptor = Descriptor{};
  record.descriptor.digest = digest;
  record.descriptor.size = static_cast<int64_t>(record.payload.size());
  record.descriptor.media_type = record.PayloadMediaType();
  if (const rapidjson::Value* platform = doc.Find("Platform")) {
    record.descriptor.platform = ReadPlatform(*platform, "Platform");
    record.descriptor.platform->features.clear();
  }
}

}  // namespace

Record DecodeRecord(std::string_view bytes) {
  rapidjson::Document json;
  ParseJsonStrictly(bytes, json);
  JsonObject doc(json, "");
  std::vector<JsonMember> members = JsonObjectMembers(bytes);
  Record record;
  record.ref = ReadRef(doc);
  if (const rapidjson::Value* descriptor = doc.Find("Descriptor")) {
    record.descriptor =
        ReadDescriptor(*descriptor, "Descriptor", PlatformMembers::kOci);
  }
  record.raw = doc.Bytes("Raw");
  ReadManifest(members, record);
  ReadLegacyDescriptor(doc, record);
  return record;
}

}  // namespace mlist::manifest
