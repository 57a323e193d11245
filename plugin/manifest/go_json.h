// Go's encoding/json, reproduced byte for byte where docker's output
// depends on it: docker writes its manifest store with json.Marshal and
// prints `docker manifest inspect` with json.MarshalIndent and
// json.Indent, and users compare the bytes. RapidJSON parses; it escapes
// differently, so everything written goes through GoJsonWriter instead.
//
// The rules, as encoding/json (Go 1.24) applies them:
//   - struct fields in declaration order, map keys sorted byte-wise;
//   - strings escape `"` `\` and control characters (\b \f \n \r \t, the
//     rest as \u00XX, lower-case hex), and <, >, & as \u003c \u003e
//     \u0026, U+2028 and U+2029 as \u2028 \u2029; each invalid UTF-8 byte
//     becomes \ufffd;
//   - []byte is standard padded base64;
//   - a value with its own MarshalJSON (a manifest's canonical bytes) is
//     compacted, with the same HTML escaping, but otherwise kept as is:
//     key order and number text survive;
//   - MarshalIndent is Marshal then Indent: "{" "[" open a line, empty
//     containers stay "{}" "[]", ": " after keys, no prefix before the
//     first line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mlist::manifest {

enum class JsonTokenType {
  kBeginObject,
  kEndObject,
  kBeginArray,
  kEndArray,
  kComma,
  kColon,
  kString,   // with its quotes, escapes as written
  kLiteral,  // a number, true, false or null, as written
};

// One token of a JSON text: its bytes are text[begin, end).
struct JsonToken {
  JsonTokenType type;
  size_t begin;
  size_t end;
};

// Splits text holding exactly one JSON value (white space around it
// allowed) into tokens, checking it as Go's scanner does: RFC 8259
// grammar, no control characters in strings, nesting at most 10000 deep,
// nothing but white space after the value. Throws mlist::Error reading
// "invalid JSON at offset N: <what>", for example "invalid character 'x'
// looking for beginning of value" or "unexpected end of JSON input".
std::vector<JsonToken> TokenizeJson(std::string_view text);

// What json.Marshal makes of a MarshalJSON result (and json.Compact with
// escape_html false): text without insignificant white space; with
// escape_html, <, >, & and U+2028/U+2029 in strings are escaped as
// \u003c... Throws as TokenizeJson does when text is not JSON.
std::string GoCompact(std::string_view text, bool escape_html = true);

// json.Indent: each element on its own line, starting with prefix and
// indent repeated by depth. Leading white space is dropped; white space
// after the value is kept, as Go keeps it. Strings and numbers are copied
// as written. Throws as TokenizeJson does when text is not JSON.
std::string GoIndent(std::string_view text, std::string_view prefix,
                     std::string_view indent);

// One member of a JSON object: its decoded name and the exact bytes of its
// value.
struct JsonMember {
  std::string name;
  std::string_view value;  // points into the text given
};

// The members of the JSON object text, in order, duplicates kept. Throws
// mlist::Error when text is not JSON or not an object.
std::vector<JsonMember> JsonObjectMembers(std::string_view text);

// s as a Go JSON string, quotes included: json.Marshal's escaping, with
// <, > and & escaped only when escape_html.
std::string GoQuote(std::string_view s, bool escape_html = true);

// v as json.Marshal writes a float64: shortest text that reads back the
// same, "%f" style for 1e-6 <= |v| < 1e21 and "1e+21", "1e-7" style
// beyond. Throws mlist::Error for NaN and infinities, which Go refuses.
std::string FormatGoFloat(double v);

// Standard padded base64 (RFC 4648 section 4), as Go writes []byte.
std::string EncodeBase64(std::string_view data);

// The text of a JSON string token (quotes included, as TokenizeJson
// checked it) decoded as Go decodes it: escapes resolved, a \u escape of
// half a surrogate pair and each invalid UTF-8 byte read as U+FFFD.
std::string DecodeJsonString(std::string_view quoted);

// s with each byte that is not part of valid UTF-8 replaced by U+FFFD, as
// Go's decoder reads strings.
std::string CoerceToValidUtf8(std::string_view s);

// Writes compact JSON exactly as json.Marshal would for the values given
// in order. Commas and colons are added; the caller keeps the structure
// (keys only inside objects, and balanced).
class GoJsonWriter {
 public:
  explicit GoJsonWriter(bool escape_html = true) : escape_html_(escape_html) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // A member's name; its value comes next.
  void Key(std::string_view name);
  void String(std::string_view s);
  void Int(int64_t v);
  void Float(double v);
  void Bool(bool v);
  void Null();
  // A []byte: base64 in a string.
  void Bytes(std::string_view data);
  // A value whose MarshalJSON returned json: compacted (see GoCompact).
  void Marshaler(std::string_view json);

  // The JSON written so far.
  const std::string& str() const { return out_; }

 private:
  void BeforeValue();
  void Open(char c);
  void Close(char c);

  bool escape_html_;
  std::string out_;
  // Per open container: whether a value was written (a comma is due).
  std::vector<bool> has_value_;
  bool after_key_ = false;
};

}  // namespace mlist::manifest
