// Reading JSON text the way Go's scanner does (encoding/json scanner.go):
// the tokens, checked, with Go's error texts.
#include <cstdio>

#include "base/error.h"
#include "manifest/go_json.h"

namespace mlist::manifest {
namespace {

// Go refuses documents nested deeper than this (encoding/json scanner).
constexpr size_t kMaxDepth = 10000;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsHex(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A byte as Go's scanner names it in errors: 'x', or its escape.
std::string CharName(char c) {
  auto u = static_cast<unsigned char>(c);
  if (c == '\'') {
    return "'\\''";
  }
  if (u >= 0x20 && u < 0x7f) {
    return std::string("'") + c + "'";
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "'\\x%02x'", u);
  return buf;
}

// What the scanner expects next.
enum class Expect {
  kValue,
  kValueOrArrayEnd,  // just after '['
  kKeyOrObjectEnd,   // just after '{'
  kKey,              // after ',' in an object
  kColon,
  kCommaOrEnd,
  kNothing,  // the top-level value is complete
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<JsonToken> Run() {
    for (SkipSpace(); pos_ < text_.size(); SkipSpace()) {
      Step(text_[pos_]);
    }
    if (expect_ != Expect::kNothing) {
      Fail("unexpected end of JSON input");
    }
    return std::move(tokens_);
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const {
    throw Error("invalid JSON at offset " + std::to_string(pos_) + ": " + what);
  }

  void SkipSpace() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) {
      ++pos_;
    }
  }

  void Step(char c) {
    switch (expect_) {
      case Expect::kValueOrArrayEnd:
        if (c == ']') {
          return Close(JsonTokenType::kEndArray);
        }
        return Value(c);
      case Expect::kValue:
        return Value(c);
      case Expect::kKeyOrObjectEnd:
        if (c == '}') {
          return Close(JsonTokenType::kEndObject);
        }
        return Key(c);
      case Expect::kKey:
        return Key(c);
      case Expect::kColon:
        return Colon(c);
      case Expect::kCommaOrEnd:
        return CommaOrEnd(c);
      case Expect::kNothing:
        Fail("invalid character " + CharName(c) + " after top-level value");
    }
  }

  void Value(char c) {
    if (c == '{' || c == '[') {
      return Open(c);
    }
    size_t begin = pos_;
    if (c == '"') {
      String();
      return Emit(JsonTokenType::kString, begin);
    }
    if (c == '-' || IsDigit(c)) {
      Number();
    } else if (c == 't' || c == 'f' || c == 'n') {
      Word(c == 't' ? "true" : c == 'f' ? "false" : "null");
    } else {
      Fail("invalid character " + CharName(c) +
           " looking for beginning of value");
    }
    Emit(JsonTokenType::kLiteral, begin);
  }

  void Key(char c) {
    if (c != '"') {
      Fail("invalid character " + CharName(c) +
           " looking for beginning of object key string");
    }
    size_t begin = pos_;
    String();
    tokens_.push_back({JsonTokenType::kString, begin, pos_});
    expect_ = Expect::kColon;
  }

  void Colon(char c) {
    if (c != ':') {
      Fail("invalid character " + CharName(c) + " after object key");
    }
    tokens_.push_back({JsonTokenType::kColon, pos_, pos_ + 1});
    ++pos_;
    expect_ = Expect::kValue;
  }

  void CommaOrEnd(char c) {
    bool in_object = open_.back() == '{';
    if (c == ',') {
      tokens_.push_back({JsonTokenType::kComma, pos_, pos_ + 1});
      ++pos_;
      expect_ = in_object ? Expect::kKey : Expect::kValue;
    } else if (in_object && c == '}') {
      Close(JsonTokenType::kEndObject);
    } else if (!in_object && c == ']') {
      Close(JsonTokenType::kEndArray);
    } else {
      Fail("invalid character " + CharName(c) +
           (in_object ? " after object key:value pair"
                      : " after array element"));
    }
  }

  void Open(char c) {
    if (open_.size() >= kMaxDepth) {
      Fail("exceeded max depth");
    }
    open_.push_back(c);
    tokens_.push_back(
        {c == '{' ? JsonTokenType::kBeginObject : JsonTokenType::kBeginArray,
         pos_, pos_ + 1});
    ++pos_;
    expect_ = c == '{' ? Expect::kKeyOrObjectEnd : Expect::kValueOrArrayEnd;
  }

  void Close(JsonTokenType type) {
    open_.pop_back();
    tokens_.push_back({type, pos_, pos_ + 1});
    ++pos_;
    AfterValue();
  }

  void Emit(JsonTokenType type, size_t begin) {
    tokens_.push_back({type, begin, pos_});
    AfterValue();
  }

  void AfterValue() {
    expect_ = open_.empty() ? Expect::kNothing : Expect::kCommaOrEnd;
  }

  char Next(const char* eof_what = "unexpected end of JSON input") {
    if (++pos_ >= text_.size()) {
      Fail(eof_what);
    }
    return text_[pos_];
  }

  // From the opening quote to just past the closing one.
  void String() {
    for (char c = Next(); c != '"'; c = Next()) {
      if (static_cast<unsigned char>(c) < 0x20) {
        Fail("invalid character " + CharName(c) + " in string literal");
      }
      if (c == '\\') {
        Escape(Next());
      }
    }
    ++pos_;
  }

  void Escape(char c) {
    if (c == 'u') {
      for (int i = 0; i < 4; ++i) {
        if (!IsHex(Next())) {
          Fail("invalid character " + CharName(text_[pos_]) +
               " in \\u hexadecimal character escape");
        }
      }
      return;
    }
    if (std::string_view("\"\\/bfnrt").find(c) == std::string_view::npos) {
      Fail("invalid character " + CharName(c) + " in string escape code");
    }
  }

  // RFC 8259 number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; stops
  // at the first byte past it, which the caller then judges.
  void Number() {
    if (text_[pos_] == '-') {
      ++pos_;
      RequireDigit("in numeric literal");
    }
    if (text_[pos_] == '0') {
      ++pos_;
    } else {
      Digits();
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      RequireDigit("after decimal point in numeric literal");
      Digits();
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
        ++pos_;
      }
      RequireDigit("in exponent of numeric literal");
      Digits();
    }
  }

  void RequireDigit(const char* where) {
    if (pos_ >= text_.size()) {
      Fail("unexpected end of JSON input");
    }
    if (!IsDigit(text_[pos_])) {
      Fail("invalid character " + CharName(text_[pos_]) + " " + where);
    }
  }

  void Digits() {
    while (pos_ < text_.size() && IsDigit(text_[pos_])) {
      ++pos_;
    }
  }

  void Word(std::string_view word) {
    for (size_t i = 0; i < word.size(); ++i, ++pos_) {
      if (pos_ >= text_.size()) {
        Fail("unexpected end of JSON input");
      }
      if (text_[pos_] != word[i]) {
        Fail("invalid character " + CharName(text_[pos_]) + " in literal " +
             std::string(word) + " (expecting " + CharName(word[i]) + ")");
      }
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  Expect expect_ = Expect::kValue;
  std::string open_;  // '{' or '[' per open container
  std::vector<JsonToken> tokens_;
};

}  // namespace

std::vector<JsonToken> TokenizeJson(std::string_view text) {
  return Scanner(text).Run();
}

}  // namespace mlist::manifest
