// Reading JSON documents the way docker (Go's encoding/json) reads them,
// with RapidJSON: shared by config.json, DOCKER_AUTH_CONFIG and the output
// of credential helpers. Errors name the field, never its value.
#pragma once

#include <rapidjson/document.h>

#include <map>
#include <string>
#include <string_view>

namespace mlist::config {

// Parses text as one JSON value into doc. Text after the first value is
// ignored, as Go's json.Decoder ignores it. Throws mlist::Error reading
// "invalid JSON at offset N: <what is wrong>" when text is not JSON.
void ParseJson(std::string_view text, rapidjson::Document& doc);

// A JSON value's type as error messages name it: "a number", "null".
std::string JsonTypeName(const rapidjson::Value& value);

// Returns the member of object whose name is name, compared without regard
// to ASCII case, or nullptr when there is none or it is null. When several
// match, the last one wins. Both rules are Go's for struct fields.
const rapidjson::Value* JsonField(const rapidjson::Value& object,
                                  std::string_view name);

// Returns the string member name of object, or an empty string when it is
// absent or null. Throws mlist::Error when it is not a string, for example
// `"auth" is a number, want a string`.
std::string JsonString(const rapidjson::Value& object, std::string_view name);

// Returns the members of the object member name of object as a map of
// strings; empty when absent or null. Throws mlist::Error when it is not an
// object or a value is neither a string nor null (which reads as "").
std::map<std::string, std::string> JsonStringMap(const rapidjson::Value& object,
                                                 std::string_view name);

// Throws mlist::Error reading `<what> is <type>, want an object` unless
// value is an object.
void RequireJsonObject(const rapidjson::Value& value, std::string_view what);

}  // namespace mlist::config
