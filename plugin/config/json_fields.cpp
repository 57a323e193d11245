#include "config/json_fields.h"

#include <rapidjson/error/en.h>

#include <cctype>

#include "base/error.h"

namespace mlist::config {
namespace {

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    auto ca = static_cast<unsigned char>(a[i]);
    auto cb = static_cast<unsigned char>(b[i]);
    if (std::tolower(ca) != std::tolower(cb)) {
      return false;
    }
  }
  return true;
}

// RapidJSON's messages are sentences ("Invalid value."); ours are not.
std::string LowerSentence(std::string text) {
  if (!text.empty() && text.back() == '.') {
    text.pop_back();
  }
  if (!text.empty()) {
    text[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

}  // namespace

void ParseJson(std::string_view text, rapidjson::Document& doc) {
  // Iterative: RapidJSON's recursive parser overflows the stack on a few
  // hundred thousand nested brackets, and a config file or a credential
  // helper's answer is not ours to trust.
  doc.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(
      text.data(), text.size());
  if (doc.HasParseError()) {
    throw Error(
        "invalid JSON at offset " + std::to_string(doc.GetErrorOffset()) +
        ": " + LowerSentence(rapidjson::GetParseError_En(doc.GetParseError())));
  }
}

const rapidjson::Value* JsonField(const rapidjson::Value& object,
                                  std::string_view name) {
  const rapidjson::Value* found = nullptr;
  for (const auto& member : object.GetObject()) {
    std::string_view key(member.name.GetString(),
                         member.name.GetStringLength());
    if (EqualFold(key, name)) {
      found = &member.value;
    }
  }
  return found != nullptr && !found->IsNull() ? found : nullptr;
}

std::string JsonString(const rapidjson::Value& object, std::string_view name) {
  const rapidjson::Value* value = JsonField(object, name);
  if (value == nullptr) {
    return {};
  }
  if (!value->IsString()) {
    throw Error(Quote(name) + " is " + JsonTypeName(*value) +
                ", want a string");
  }
  return std::string(value->GetString(), value->GetStringLength());
}

std::map<std::string, std::string> JsonStringMap(const rapidjson::Value& object,
                                                 std::string_view name) {
  std::map<std::string, std::string> out;
  const rapidjson::Value* value = JsonField(object, name);
  if (value == nullptr) {
    return out;
  }
  RequireJsonObject(*value, Quote(name));
  for (const auto& member : value->GetObject()) {
    std::string key(member.name.GetString(), member.name.GetStringLength());
    if (member.value.IsNull()) {
      // Go stores null in a map as the empty string.
      out[key].clear();
      continue;
    }
    if (!member.value.IsString()) {
      throw Error(Quote(name) + " " + Quote(key) + " is " +
                  JsonTypeName(member.value) + ", want a string");
    }
    out[key] =
        std::string(member.value.GetString(), member.value.GetStringLength());
  }
  return out;
}

void RequireJsonObject(const rapidjson::Value& value, std::string_view what) {
  if (!value.IsObject()) {
    throw Error(std::string(what) + " is " + JsonTypeName(value) +
                ", want an object");
  }
}

std::string JsonTypeName(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return "a boolean";
    case rapidjson::kObjectType:
      return "an object";
    case rapidjson::kArrayType:
      return "an array";
    case rapidjson::kStringType:
      return "a string";
    case rapidjson::kNumberType:
      return "a number";
  }
  return "unknown";
}

}  // namespace mlist::config
