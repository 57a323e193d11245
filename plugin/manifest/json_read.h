// Reading manifests, configs and docker's records the way Go's
// json.Unmarshal reads them into docker's structs: member names matched
// without regard to ASCII case (the last match wins), null the same as
// absent, unknown members ignored, invalid UTF-8 in strings read as
// U+FFFD. Errors name the member by its path ("layers[0].size"), never its
// value.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "manifest/descriptor.h"

namespace mlist::manifest {

// Parses text, which must hold one JSON value and nothing else, as Go
// does. Throws mlist::Error reading "invalid JSON at offset N: <what>".
void ParseJsonStrictly(std::string_view text, rapidjson::Document& doc);

// An object being read, and its path for messages ("" at the top).
class JsonObject {
 public:
  // Throws mlist::Error (`"config" is an array, want an object`, or
  // "document is ..." at the top) unless value is an object.
  JsonObject(const rapidjson::Value& value, std::string path);

  // Each returns the zero value when the member is absent or null, and
  // throws mlist::Error when it has another type (`"config.size" is a
  // string, want an integer`).
  std::string String(std::string_view name) const;
  int64_t Int(std::string_view name) const;
  std::vector<std::string> Strings(std::string_view name) const;
  std::map<std::string, std::string> StringMap(std::string_view name) const;
  // A []byte member: base64 decoded.
  std::string Bytes(std::string_view name) const;

  // The member, or nullptr when absent or null.
  const rapidjson::Value* Find(std::string_view name) const;
  // The path of a member for messages: "config.size", "layers[0]".
  std::string PathOf(std::string_view name) const;

 private:
  const rapidjson::Value& value_;
  std::string path_;
};

// Throws mlist::Error `<path> is <type>, want <want>`.
[[noreturn]] void ThrowWrongType(const std::string& path,
                                 const rapidjson::Value& value,
                                 const std::string& want);

// Which platform members are read: all six, or the five of the OCI
// platform docker keeps in its records and reads from configs (no
// "features": docker never looks at it there, whatever its type).
enum class PlatformMembers { kAll, kOci };

// A platform object at path.
Platform ReadPlatform(const rapidjson::Value& value, const std::string& path,
                      PlatformMembers members = PlatformMembers::kAll);

// A descriptor object at path.
Descriptor ReadDescriptor(const rapidjson::Value& value,
                          const std::string& path,
                          PlatformMembers members = PlatformMembers::kAll);

// The array of descriptors object.name; empty when absent or null.
std::vector<Descriptor> ReadDescriptors(const JsonObject& object,
                                        std::string_view name);

}  // namespace mlist::manifest
