// What json.Compact, json.Indent and json.Marshal make of JSON text, and
// the members of an object with their exact bytes.
#include "base/error.h"
#include "manifest/go_json.h"

namespace mlist::manifest {
namespace {

std::string_view TokenText(std::string_view text, const JsonToken& token) {
  return text.substr(token.begin, token.end - token.begin);
}

// Appends a string token, escaping what json.Marshal's compaction escapes:
// <, >, & (only inside strings in valid JSON) and U+2028/U+2029.
void AppendHtmlEscaped(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '<' || c == '>' || c == '&') {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else if (c == 0xe2 && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) & ~1u) == 0xa8) {
      out += "\\u202";
      out += kHex[static_cast<unsigned char>(s[i + 2]) & 0xf];
      i += 2;
    } else {
      out += s[i];
    }
  }
}

void AppendNewline(std::string& out, std::string_view prefix,
                   std::string_view indent, size_t depth) {
  out += '\n';
  out += prefix;
  for (size_t i = 0; i < depth; ++i) {
    out += indent;
  }
}

// The index of the token closing the value that starts at tokens[i] (i
// itself for a scalar).
size_t ValueEnd(const std::vector<JsonToken>& tokens, size_t i) {
  size_t depth = 0;
  for (;; ++i) {
    JsonTokenType t = tokens[i].type;
    if (t == JsonTokenType::kBeginObject || t == JsonTokenType::kBeginArray) {
      ++depth;
    } else if (t == JsonTokenType::kEndObject ||
               t == JsonTokenType::kEndArray) {
      --depth;
    }
    if (depth == 0) {
      return i;
    }
  }
}

}  // namespace

std::string GoCompact(std::string_view text, bool escape_html) {
  std::string out;
  out.reserve(text.size());
  for (const JsonToken& token : TokenizeJson(text)) {
    if (escape_html && token.type == JsonTokenType::kString) {
      AppendHtmlEscaped(out, TokenText(text, token));
    } else {
      out += TokenText(text, token);
    }
  }
  return out;
}

std::string GoIndent(std::string_view text, std::string_view prefix,
                     std::string_view indent) {
  std::vector<JsonToken> tokens = TokenizeJson(text);
  std::string out;
  out.reserve(text.size() * 2);
  bool need_indent = false;  // "{" or "[" was last: {} and [] stay empty
  size_t depth = 0;
  for (const JsonToken& token : tokens) {
    bool closing = token.type == JsonTokenType::kEndObject ||
                   token.type == JsonTokenType::kEndArray;
    if (need_indent && !closing) {
      need_indent = false;
      AppendNewline(out, prefix, indent, ++depth);
    }
    switch (token.type) {
      case JsonTokenType::kBeginObject:
      case JsonTokenType::kBeginArray:
        need_indent = true;
        break;
      case JsonTokenType::kComma:
        out += ',';
        AppendNewline(out, prefix, indent, depth);
        continue;
      case JsonTokenType::kColon:
        out += ": ";
        continue;
      case JsonTokenType::kEndObject:
      case JsonTokenType::kEndArray:
        if (need_indent) {
          need_indent = false;
        } else {
          AppendNewline(out, prefix, indent, --depth);
        }
        break;
      default:
        break;
    }
    out += TokenText(text, token);
  }
  // Go copies what follows the value (only white space) unchanged.
  out += text.substr(tokens.back().end);
  return out;
}

std::vector<JsonMember> JsonObjectMembers(std::string_view text) {
  std::vector<JsonToken> tokens = TokenizeJson(text);
  if (tokens.front().type != JsonTokenType::kBeginObject) {
    throw Error("invalid JSON: not an object");
  }
  std::vector<JsonMember> members;
  // Each member is: name, ':', value..., then ',' or the closing '}'.
  for (size_t i = 1; tokens[i].type == JsonTokenType::kString;) {
    size_t last = ValueEnd(tokens, i + 2);
    size_t begin = tokens[i + 2].begin;
    members.push_back({DecodeJsonString(TokenText(text, tokens[i])),
                       text.substr(begin, tokens[last].end - begin)});
    if (tokens[last + 1].type != JsonTokenType::kComma) {
      break;
    }
    i = last + 2;
  }
  return members;
}

}  // namespace mlist::manifest
