#include "manifest/json_read.h"

#include "base/error.h"
#include "config/base64.h"
#include "config/json_fields.h"
#include "manifest/go_json.h"

namespace mlist::manifest {
namespace {

std::string StringOf(const rapidjson::Value& value, const std::string& path) {
  if (!value.IsString()) {
    ThrowWrongType(path, value, "a string");
  }
  return CoerceToValidUtf8({value.GetString(), value.GetStringLength()});
}

std::string Indexed(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

}  // namespace

void ParseJsonStrictly(std::string_view text, rapidjson::Document& doc) {
  // Go's scanner first: RapidJSON alone would accept text after the value.
  TokenizeJson(text);
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    throw Error("invalid JSON at offset " +
                std::to_string(doc.GetErrorOffset()) +
                ": invalid \\u escape in a string");
  }
}

void ThrowWrongType(const std::string& path, const rapidjson::Value& value,
                    const std::string& want) {
  std::string what = path.empty() ? "document" : Quote(path);
  throw Error(what + " is " + config::JsonTypeName(value) + ", want " + want);
}

JsonObject::JsonObject(const rapidjson::Value& value, std::string path)
    : value_(value), path_(std::move(path)) {
  if (!value.IsObject()) {
    ThrowWrongType(path_, value, "an object");
  }
}

const rapidjson::Value* JsonObject::Find(std::string_view name) const {
  return config::JsonField(value_, name);
}

std::string JsonObject::PathOf(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

std::string JsonObject::String(std::string_view name) const {
  const rapidjson::Value* value = Find(name);
  return value == nullptr ? "" : StringOf(*value, PathOf(name));
}

int64_t JsonObject::Int(std::string_view name) const {
  const rapidjson::Value* value = Find(name);
  if (value == nullptr) {
    return 0;
  }
  // Go reads 1.0, 1e3 and numbers past int64 as errors, as RapidJSON
  // reads them as doubles or uint64.
  if (!value->IsInt64()) {
    ThrowWrongType(PathOf(name), *value, "an integer");
  }
  return value->GetInt64();
}

std::vector<std::string> JsonObject::Strings(std::string_view name) const {
  std::vector<std::string> out;
  const rapidjson::Value* value = Find(name);
  if (value == nullptr) {
    return out;
  }
  std::string path = PathOf(name);
  if (!value->IsArray()) {
    ThrowWrongType(path, *value, "an array of strings");
  }
  for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
    const rapidjson::Value& item = (*value)[i];
    // Go leaves a null element as "".
    out.push_back(item.IsNull() ? "" : StringOf(item, Indexed(path, i)));
  }
  return out;
}

std::map<std::string, std::string> JsonObject::StringMap(
    std::string_view name) const {
  std::map<std::string, std::string> out;
  const rapidjson::Value* value = Find(name);
  if (value == nullptr) {
    return out;
  }
  JsonObject object(*value, PathOf(name));
  for (const auto& member : value->GetObject()) {
    std::string key = StringOf(member.name, object.path_);
    // Go stores null in a map as "", and a repeated key's last value.
    out[key] = member.value.IsNull()
                   ? ""
                   : StringOf(member.value, object.path_ + "[" + key + "]");
  }
  return out;
}

std::string JsonObject::Bytes(std::string_view name) const {
  std::string text = String(name);
  try {
    return config::DecodeBase64(text);
  } catch (const std::exception& e) {
    throw Wrap(Quote(PathOf(name)), e);
  }
}

Platform ReadPlatform(const rapidjson::Value& value, const std::string& path,
                      PlatformMembers members) {
  JsonObject object(value, path);
  Platform platform;
  platform.architecture = object.String("architecture");
  platform.os = object.String("os");
  platform.os_version = object.String("os.version");
  platform.os_features = object.Strings("os.features");
  platform.variant = object.String("variant");
  if (members == PlatformMembers::kAll) {
    platform.features = object.Strings("features");
  }
  return platform;
}

Descriptor ReadDescriptor(const rapidjson::Value& value,
                          const std::string& path, PlatformMembers members) {
  JsonObject object(value, path);
  Descriptor d;
  d.media_type = object.String("mediaType");
  d.digest = object.String("digest");
  d.size = object.Int("size");
  d.urls = object.Strings("urls");
  d.annotations = object.StringMap("annotations");
  d.data = object.Bytes("data");
  if (const rapidjson::Value* platform = object.Find("platform")) {
    d.platform = ReadPlatform(*platform, object.PathOf("platform"), members);
  }
  d.artifact_type = object.String("artifactType");
  return d;
}

std::vector<Descriptor> ReadDescriptors(const JsonObject& object,
                                        std::string_view name) {
  std::vector<Descriptor> out;
  const rapidjson::Value* value = object.Find(name);
  if (value == nullptr) {
    return out;
  }
  std::string path = object.PathOf(name);
  if (!value->IsArray()) {
    ThrowWrongType(path, *value, "an array");
  }
  for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
    out.push_back(ReadDescriptor((*value)[i], Indexed(path, i)));
  }
  return out;
}

}  // namespace mlist::manifest
