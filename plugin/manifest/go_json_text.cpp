// Strings as Go's encoding/json writes and reads them, and base64.
#include <cstdint>

#include "manifest/go_json.h"

namespace mlist::manifest {
namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr uint32_t kReplacement = 0xfffd;

uint32_t Byte(std::string_view s, size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0x100;
}

bool InRange(uint32_t b, uint32_t lo, uint32_t hi) {
  return b >= lo && b <= hi;
}

// The length of the valid UTF-8 sequence starting s[i] (>= 0x80), and its
// code point in *rune; 0 when the bytes there are not valid UTF-8 (Go's
// utf8.DecodeRune: no overlong forms, surrogates or values past
// U+10FFFF).
size_t MultiByteRune(std::string_view s, size_t i, uint32_t* rune) {
  uint32_t b0 = Byte(s, i);
  uint32_t b1 = Byte(s, i + 1);
  uint32_t lo = 0x80;
  uint32_t hi = 0xbf;
  size_t n = 0;
  if (InRange(b0, 0xc2, 0xdf)) {
    n = 2;
  } else if (InRange(b0, 0xe0, 0xef)) {
    n = 3;
    lo = b0 == 0xe0 ? 0xa0 : 0x80;
    hi = b0 == 0xed ? 0x9f : 0xbf;
  } else if (InRange(b0, 0xf0, 0xf4)) {
    n = 4;
    lo = b0 == 0xf0 ? 0x90 : 0x80;
    hi = b0 == 0xf4 ? 0x8f : 0xbf;
  } else {
    return 0;
  }
  if (!InRange(b1, lo, hi)) {
    return 0;
  }
  uint32_t r = b0 & (0xff >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    uint32_t b = Byte(s, i + k);
    if (!InRange(b, 0x80, 0xbf)) {
      return 0;
    }
    r = (r << 6) | (b & 0x3f);
  }
  *rune = r;
  return n;
}

void AppendUtf8(std::string& out, uint32_t r) {
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xc0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3f));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xe0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (r & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (r & 0x3f));
  }
}

// The escape json.Marshal writes for an ASCII byte, or "" when it writes
// the byte itself.
std::string AsciiEscape(unsigned char c, bool escape_html) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      break;
  }
  if (c < 0x20 || (escape_html && (c == '<' || c == '>' || c == '&'))) {
    return std::string("\\u00") + kHex[c >> 4] + kHex[c & 0xf];
  }
  return "";
}

uint32_t Hex4(std::string_view s, size_t i) {
  uint32_t v = 0;
  for (size_t k = 0; k < 4; ++k) {
    char c = s[i + k];
    uint32_t d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    v = (v << 4) | d;
  }
  return v;
}

// A \u escape at quoted[i] (the backslash), possibly the first half of a
// surrogate pair: appends its rune, returns the bytes used.
size_t DecodeUnicodeEscape(std::string_view quoted, size_t i,
                           std::string& out) {
  uint32_t r = Hex4(quoted, i + 2);
  if (r < 0xd800 || r > 0xdfff) {
    AppendUtf8(out, r);
    return 6;
  }
  bool pair =
      r < 0xdc00 && i + 12 <= quoted.size() && quoted.substr(i + 6, 2) == "\\u";
  uint32_t low = pair ? Hex4(quoted, i + 8) : 0;
  if (pair && low >= 0xdc00 && low <= 0xdfff) {
    AppendUtf8(out, 0x10000 + ((r - 0xd800) << 10) + (low - 0xdc00));
    return 12;
  }
  AppendUtf8(out, kReplacement);
  return 6;
}

char SimpleEscape(char c) {
  switch (c) {
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return c;  // '"', '\\' and '/' stand for themselves
  }
}

}  // namespace

std::string GoQuote(std::string_view s, bool escape_html) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      std::string escape = AsciiEscape(c, escape_html);
      out += escape.empty() ? std::string(1, s[i]) : escape;
      ++i;
      continue;
    }
    uint32_t rune = 0;
    size_t n = MultiByteRune(s, i, &rune);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
    } else if (rune == 0x2028 || rune == 0x2029) {
      out += rune == 0x2028 ? "\\u2028" : "\\u2029";
      i += n;
    } else {
      out += s.substr(i, n);
      i += n;
    }
  }
  return out + "\"";
}

std::string CoerceToValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t rune = 0;
    size_t n = static_cast<unsigned char>(s[i]) < 0x80
                   ? 1
                   : MultiByteRune(s, i, &rune);
    if (n == 0) {
      AppendUtf8(out, kReplacement);
      ++i;
    } else {
      out += s.substr(i, n);
      i += n;
    }
  }
  return out;
}

std::string DecodeJsonString(std::string_view quoted) {
  std::string out;
  size_t end = quoted.size() - 1;  // the closing quote
  size_t i = 1;
  while (i < end) {
    size_t run = i;
    while (run < end && quoted[run] != '\\') {
      ++run;
    }
    out += CoerceToValidUtf8(quoted.substr(i, run - i));
    i = run;
    if (i >= end) {
      break;
    }
    if (quoted[i + 1] == 'u') {
      i += DecodeUnicodeEscape(quoted, i, out);
    } else {
      out += SimpleEscape(quoted[i + 1]);
      i += 2;
    }
  }
  return out;
}

std::string EncodeBase64(std::string_view data) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (size_t i = 0; i < data.size(); i += 3) {
    size_t n = data.size() - i < 3 ? data.size() - i : 3;
    uint32_t v = 0;
    for (size_t k = 0; k < 3; ++k) {
      uint32_t b = k < n ? static_cast<unsigned char>(data[i + k]) : 0;
      v = (v << 8) | b;
    }
    for (size_t k = 0; k < 4; ++k) {
      out += k <= n ? kAlphabet[(v >> (18 - 6 * k)) & 0x3f] : '=';
    }
  }
  return out;
}

}  // namespace mlist::manifest
