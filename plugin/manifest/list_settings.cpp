#include "manifest/list_settings.h"

#include "base/error.h"
#include "manifest/descriptor_json.h"
#include "manifest/go_json.h"
#include "manifest/json_read.h"
#include "registry/media_types.h"

namespace mlist::manifest {
namespace {

bool AnyOciEntry(const std::vector<Record>& records) {
  for (const Record& r : records) {
    if (r.descriptor.media_type == registry::kOciManifest) {
      return true;
    }
  }
  return false;
}

// The first record with descriptor annotations, or null.
const Record* AnnotatedEntry(const std::vector<Record>& records) {
  for (const Record& r : records) {
    if (!r.descriptor.annotations.empty()) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace

std::string EncodeListSettings(const ListSettings& settings) {
  if (settings.empty()) {
    return "";
  }
  GoJsonWriter w;
  w.BeginObject();
  if (!settings.media_type.empty()) {
    w.Key("mediaType");
    w.String(settings.media_type);
  }
  WriteStringMapIfSet(w, "annotations", settings.annotations);
  w.EndObject();
  return w.str();
}

ListSettings DecodeListSettings(std::string_view bytes) {
  rapidjson::Document doc;
  ParseJsonStrictly(bytes, doc);
  JsonObject object(doc, "");
  ListSettings settings;
  settings.media_type = object.String("mediaType");
  settings.annotations = object.StringMap("annotations");
  if (!settings.media_type.empty() &&
      settings.media_type != registry::kOciIndex &&
      settings.media_type != registry::kDockerManifestList) {
    throw Error("\"mediaType\" is " + Quote(settings.media_type) +
                ", want a manifest list or image index type");
  }
  return settings;
}

bool ListFormat::IsOci() const {
  return media_type == registry::kOciIndex;
}

ListFormat ResolveListFormat(const ListSettings& settings,
                             const std::vector<Record>& records) {
  if (settings.media_type == registry::kOciIndex) {
    return {settings.media_type,
            "set at create: --oci, or entries that bring annotations"};
  }
  if (settings.media_type == registry::kDockerManifestList) {
    return {settings.media_type, "chosen with --docker"};
  }
  if (AnyOciEntry(records)) {
    return {registry::kOciIndex, "an entry is an OCI image manifest"};
  }
  return {registry::kDockerManifestList,
          "every entry is a Docker image manifest"};
}

void CheckAnnotationsFit(const ListFormat& format, const ListSettings& settings,
                         const std::vector<Record>& records,
                         const std::string& list) {
  if (format.IsOci()) {
    return;
  }
  std::string what;
  if (!settings.annotations.empty()) {
    what = "index annotations";
  } else if (const Record* r = AnnotatedEntry(records)) {
    what = "annotations on " + Quote(r->ref);
  } else {
    return;
  }
  throw Error(Quote(list) + " is a Docker manifest list (" + format.reason +
              "), which cannot carry " + what +
              ": make it an OCI image index with --oci (docker mlist "
              "create --amend --oci " +
              list + " IMAGE...)");
}

std::string FormatName(const std::string& media_type) {
  return media_type == registry::kOciIndex ? "OCI image index"
                                           : "Docker manifest list";
}

}  // namespace mlist::manifest
