#include "manifest/parse.h"

#include <algorithm>
#include <cctype>

#include "base/error.h"
#include "manifest/json_read.h"
#include "registry/media_types.h"

namespace mlist::manifest {
namespace {

bool IsManifestType(std::string_view t) {
  return t == registry::kDockerManifest || t == registry::kDockerManifestList ||
         t == registry::kOciManifest || t == registry::kOciIndex;
}

bool IsIndexType(std::string_view t) {
  return t == registry::kDockerManifestList || t == registry::kOciIndex;
}

// "Type/Sub; charset=x" -> "type/sub", as mime.ParseMediaType gives it.
std::string BareMediaType(std::string_view content_type) {
  std::string t(content_type.substr(0, content_type.find(';')));
  t.erase(std::remove_if(t.begin(), t.end(),
                         [](unsigned char c) { return std::isspace(c); }),
          t.end());
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return t;
}

// The type the document is read as (see ParseManifest).
std::string DocumentType(const std::string& content_type,
                         const std::string& declared, const JsonObject& doc) {
  if (IsManifestType(content_type)) {
    return content_type;
  }
  if (IsManifestType(declared)) {
    return declared;
  }
  if (!declared.empty()) {
    throw Error("unsupported manifest media type " + Quote(declared));
  }
  if (!content_type.empty() && content_type != "application/json") {
    throw Error("unsupported manifest media type " + Quote(content_type));
  }
  return doc.Find("manifests") != nullptr ? registry::kOciIndex
                                          : registry::kOciManifest;
}

// distribution's checks of a document against the type it is read as.
void CheckDocument(const std::string& type, const std::string& declared,
                   const JsonObject& doc) {
  bool docker = type == registry::kDockerManifest ||
                type == registry::kDockerManifestList;
  if (declared != type && (docker || !declared.empty())) {
    throw Error("mediaType " + Quote(declared) +
                " does not match the content type " + Quote(type));
  }
  if (IsIndexType(type)) {
    for (const char* member : {"config", "layers"}) {
      if (doc.Find(member) != nullptr) {
        throw Error("expected a manifest list or index but the document has " +
                    Quote(member));
      }
    }
  } else if (doc.Find("manifests") != nullptr) {
    throw Error(
        "expected an image manifest but the document has \"manifests\"");
  }
}

ImageManifest ReadImageManifest(const JsonObject& doc) {
  ImageManifest m;
  m.schema_version = doc.Int("schemaVersion");
  m.media_type = doc.String("mediaType");
  m.artifact_type = doc.String("artifactType");
  if (const rapidjson::Value* config = doc.Find("config")) {
    m.config = ReadDescriptor(*config, "config");
  }
  m.layers = ReadDescriptors(doc, "layers");
  if (const rapidjson::Value* subject = doc.Find("subject")) {
    m.subject = ReadDescriptor(*subject, "subject");
  }
  m.annotations = doc.StringMap("annotations");
  return m;
}

Index ReadIndex(const JsonObject& doc) {
  Index index;
  index.schema_version = doc.Int("schemaVersion");
  index.media_type = doc.String("mediaType");
  index.artifact_type = doc.String("artifactType");
  index.manifests = ReadDescriptors(doc, "manifests");
  if (const rapidjson::Value* subject = doc.Find("subject")) {
    index.subject = ReadDescriptor(*subject, "subject");
  }
  index.annotations = doc.StringMap("annotations");
  return index;
}

}  // namespace

Manifest ParseManifest(std::string bytes, std::string_view content_type) {
  rapidjson::Document json;
  ParseJsonStrictly(bytes, json);
  JsonObject doc(json, "");
  std::string declared = doc.String("mediaType");
  std::string type = DocumentType(BareMediaType(content_type), declared, doc);
  CheckDocument(type, declared, doc);
  if (IsIndexType(type)) {
    return Manifest(type, std::move(bytes), ReadIndex(doc));
  }
  return Manifest(type, std::move(bytes), ReadImageManifest(doc));
}

Platform PlatformFromConfig(std::string_view config) {
  rapidjson::Document json;
  ParseJsonStrictly(config, json);
  return ReadPlatform(json, "", PlatformMembers::kOci);
}

}  // namespace mlist::manifest
