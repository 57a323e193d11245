#include "registry/registry_error.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>

namespace mlist::registry {
namespace {

std::string Reason(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 416:
      return "Range Not Satisfiable";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

// A registry's words are shown on one line, and not without bound: an
// answer may be megabytes long.
constexpr size_t kMaxMessage = 200;
constexpr size_t kMaxText = 1000;

std::string Shorten(std::string text, size_t max) {
  std::replace_if(
      text.begin(), text.end(),
      [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
  return text.size() > max ? text.substr(0, max) + "..." : text;
}

// "CODE: message" for each entry of a distribution error body.
std::vector<std::pair<std::string, std::string>> ParseErrors(
    const std::string& body) {
  std::vector<std::pair<std::string, std::string>> out;
  rapidjson::Document doc;
  // Iterative: a deeply nested body must not overflow the stack.
  doc.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("errors") ||
      !doc["errors"].IsArray()) {
    return out;
  }
  for (const auto& e : doc["errors"].GetArray()) {
    if (!e.IsObject()) {
      continue;
    }
    std::string code = e.HasMember("code") && e["code"].IsString()
                           ? e["code"].GetString()
                           : "UNKNOWN";
    std::string message = e.HasMember("message") && e["message"].IsString()
                              ? e["message"].GetString()
                              : "";
    out.emplace_back(Shorten(code, kMaxMessage), Shorten(message, kMaxMessage));
  }
  return out;
}

std::string Excerpt(const std::string& body) {
  std::string text = body.substr(0, 200);
  std::replace(text.begin(), text.end(), '\n', ' ');
  bool printable = std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20;
  });
  return printable ? text : "";
}

}  // namespace

bool RegistryError::HasCode(const std::string& code) const {
  return std::find(codes_.begin(), codes_.end(), code) != codes_.end();
}

RegistryError ErrorFromResponse(const std::string& what,
                                const transport::Response& response) {
  auto errors = ParseErrors(response.body);
  std::vector<std::string> codes;
  std::string text;
  for (const auto& [code, message] : errors) {
    codes.push_back(code);
    // docker shows a code as lower-case words: "manifest unknown".
    std::string lower = code;
    for (char& c : lower) {
      c = c == '_'
              ? ' '
              : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    text += (text.empty() ? "" : "; ") + lower + ": " + message;
  }
  text = Shorten(text, kMaxText);
  if (text.empty()) {
    text = std::to_string(response.status);
    std::string reason = Reason(response.status);
    text += reason.empty() ? "" : " " + reason;
    std::string excerpt = Excerpt(response.body);
    text += excerpt.empty() ? "" : ": " + excerpt;
  }
  return RegistryError(what + ": " + text, response.status, codes, text);
}

}  // namespace mlist::registry
