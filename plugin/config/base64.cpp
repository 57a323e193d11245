#include "config/base64.h"

#include "base/error.h"

namespace mlist::config {
namespace {

// Returns the 6-bit value of c, or -1 when c is not in the alphabet.
int SextetOf(char c) {
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == '+') {
    return 62;
  }
  return c == '/' ? 63 : -1;
}

[[noreturn]] void Illegal(size_t offset) {
  throw Error("illegal base64 data at input byte " + std::to_string(offset));
}

bool LineBreak(char c) {
  return c == '\r' || c == '\n';
}

void SkipLineBreaks(std::string_view text, size_t& pos) {
  while (pos < text.size() && LineBreak(text[pos])) {
    ++pos;
  }
}

// Called after the first "=" of a group that holds count symbols: checks
// that the padding is complete and that nothing but line breaks follows.
void FinishPadding(std::string_view text, size_t& pos, int count) {
  if (count == 2) {
    SkipLineBreaks(text, pos);
    if (pos == text.size()) {
      Illegal(text.size());
    }
    if (text[pos] != '=') {
      Illegal(pos - 1);
    }
    ++pos;
  }
  SkipLineBreaks(text, pos);
  if (pos < text.size()) {
    Illegal(pos);
  }
}

// Appends the count - 1 bytes that count symbols (2 to 4) hold.
void Emit(unsigned bits, int count, std::string& out) {
  bits <<= 6 * (4 - count);
  for (int i = 0; i < count - 1; ++i) {
    out += static_cast<char>(bits >> (16 - 8 * i) & 0xff);
  }
}

// Decodes the group of four symbols at pos, skipping line breaks, and
// moves pos past it. Returns false when the text ended before it or with
// its padding. Offsets in errors are those Go's decoder reports.
bool DecodeGroup(std::string_view text, size_t& pos, std::string& out) {
  unsigned bits = 0;
  int count = 0;
  while (count < 4) {
    if (pos == text.size()) {
      if (count == 0) {
        return false;
      }
      Illegal(pos - count);
    }
    char c = text[pos++];
    if (LineBreak(c)) {
      continue;
    }
    int sextet = SextetOf(c);
    if (sextet >= 0) {
      bits = bits << 6 | static_cast<unsigned>(sextet);
      ++count;
      continue;
    }
    if (c != '=' || count < 2) {
      Illegal(pos - 1);
    }
    FinishPadding(text, pos, count);
    break;
  }
  Emit(bits, count, out);
  return count == 4;
}

}  // namespace

std::string DecodeBase64(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (DecodeGroup(text, pos, out)) {
  }
  return out;
}

}  // namespace mlist::config
