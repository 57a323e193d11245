#include "reference/grammar.h"

#include <cstddef>

namespace mlist::reference {
namespace {

constexpr std::size_t kMaxTagLength = 128;
constexpr std::size_t kMinDigestHexLength = 32;

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsLower(char c) {
  return c >= 'a' && c <= 'z';
}

bool IsLetter(char c) {
  return IsLower(c) || (c >= 'A' && c <= 'Z');
}

bool IsAlnum(char c) {
  return IsLetter(c) || IsDigit(c);
}

bool IsLowerAlnum(char c) {
  return IsLower(c) || IsDigit(c);
}

// \w in Go's regexp: ASCII letters, digits and '_'.
bool IsWord(char c) {
  return IsAlnum(c) || c == '_';
}

bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

template <typename Predicate>
bool AllOf(std::string_view s, Predicate predicate) {
  for (char c : s) {
    if (!predicate(c)) {
      return false;
    }
  }
  return true;
}

// Calls match on each piece of s between separators; false on the first
// piece that does not match (empty pieces included).
template <typename Match>
bool EachPiece(std::string_view s, char separator, Match match) {
  while (true) {
    std::size_t end = s.find(separator);
    if (!match(s.substr(0, end))) {
      return false;
    }
    if (end == std::string_view::npos) {
      return true;
    }
    s.remove_prefix(end + 1);
  }
}

bool IsDomainComponent(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') {
    return false;
  }
  return AllOf(s, [](char c) { return IsAlnum(c) || c == '-'; });
}

bool IsDomainName(std::string_view s) {
  return EachPiece(s, '.', IsDomainComponent);
}

// "[" [a-fA-F0-9:]+ "]": distribution checks the characters only, not
// that the address is well formed.
bool IsIpv6Literal(std::string_view s) {
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') {
    return false;
  }
  return AllOf(s.substr(1, s.size() - 2),
               [](char c) { return IsHexDigit(c) || c == ':'; });
}

bool IsPort(std::string_view s) {
  return !s.empty() && AllOf(s, IsDigit);
}

// Length of the separator at the start of s, or 0. Taking the longest
// one is right: a separator must be followed by [a-z0-9].
std::size_t SeparatorLength(std::string_view s) {
  if (s.empty()) {
    return 0;
  }
  if (s[0] == '.') {
    return 1;
  }
  if (s[0] == '_') {
    return s.size() > 1 && s[1] == '_' ? 2 : 1;
  }
  std::size_t n = 0;
  while (n < s.size() && s[n] == '-') {
    ++n;
  }
  return n;
}

// [A-Za-z][A-Za-z0-9]*
bool IsAlgorithmComponent(std::string_view s) {
  return !s.empty() && IsLetter(s[0]) && AllOf(s.substr(1), IsAlnum);
}

bool IsAlgorithm(std::string_view s) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    bool at_separator = i < s.size() && (s[i] == '-' || s[i] == '_' ||
                                         s[i] == '+' || s[i] == '.');
    if (i == s.size() || at_separator) {
      if (!IsAlgorithmComponent(s.substr(start, i - start))) {
        return false;
      }
      start = i + 1;
    }
  }
  return true;
}

// Splits a name into domain and path, preferring a domain as the
// grammar's optional leading group does; false when it is no name.
bool SplitName(std::string_view name, ReferenceParts& parts) {
  std::size_t slash = name.find('/');
  if (slash != std::string_view::npos && IsDomain(name.substr(0, slash)) &&
      IsPath(name.substr(slash + 1))) {
    parts.domain = name.substr(0, slash);
    parts.path = name.substr(slash + 1);
    return true;
  }
  parts.path = name;
  return IsPath(name);
}

}  // namespace

bool IsDomain(std::string_view s) {
  // A domain name has no ':' and a bracketed host ends at its ']', so the
  // port starts at the first ':' after the host.
  bool bracketed = !s.empty() && s[0] == '[';
  std::size_t host_end = s.find(bracketed ? ']' : ':');
  if (bracketed && host_end != std::string_view::npos) {
    ++host_end;
  }
  std::string_view host = s.substr(0, host_end);
  if (!IsDomainName(host) && !IsIpv6Literal(host)) {
    return false;
  }
  std::string_view rest = s.substr(host.size());
  return rest.empty() || (rest[0] == ':' && IsPort(rest.substr(1)));
}

bool IsPathComponent(std::string_view s) {
  std::size_t i = 0;
  while (true) {
    std::size_t start = i;
    while (i < s.size() && IsLowerAlnum(s[i])) {
      ++i;
    }
    if (i == start) {
      return false;
    }
    if (i == s.size()) {
      return true;
    }
    std::size_t separator = SeparatorLength(s.substr(i));
    if (separator == 0) {
      return false;
    }
    i += separator;
  }
}

bool IsPath(std::string_view s) {
  return EachPiece(s, '/', IsPathComponent);
}

bool IsTag(std::string_view s) {
  if (s.empty() || s.size() > kMaxTagLength || !IsWord(s[0])) {
    return false;
  }
  return AllOf(s, [](char c) { return IsWord(c) || c == '.' || c == '-'; });
}

bool IsDigest(std::string_view s) {
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || !IsAlgorithm(s.substr(0, colon))) {
    return false;
  }
  std::string_view hex = s.substr(colon + 1);
  return hex.size() >= kMinDigestHexLength && AllOf(hex, IsHexDigit);
}

std::optional<ReferenceParts> SplitReference(std::string_view s) {
  // Neither name nor tag may hold '@', so a digest follows the first one.
  ReferenceParts parts;
  std::size_t at = s.find('@');
  if (at != std::string_view::npos) {
    parts.digest = s.substr(at + 1);
    s = s.substr(0, at);
    if (!IsDigest(parts.digest)) {
      return std::nullopt;
    }
  }

  // A name holds ':' only in its domain, before a '/'; a tag holds
  // neither. So a ':' after the last '/' starts the tag.
  std::size_t colon = s.rfind(':');
  std::size_t slash = s.rfind('/');
  if (colon != std::string_view::npos &&
      (slash == std::string_view::npos || colon > slash)) {
    parts.tag = s.substr(colon + 1);
    s = s.substr(0, colon);
    if (!IsTag(parts.tag)) {
      return std::nullopt;
    }
  }

  if (!SplitName(s, parts)) {
    return std::nullopt;
  }
  return parts;
}

}  // namespace mlist::reference
