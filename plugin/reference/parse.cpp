// Parse follows distribution's ParseNormalizedNamed step by step, so that
// each input fails with the same text and at the same step as in docker
// 28 (github.com/distribution/reference v0.6, go-digest v1.0).
#include <cstddef>
#include <string>

#include "base/error.h"
#include "reference/grammar.h"
#include "reference/reference.h"

namespace mlist::reference {
namespace {

constexpr std::string_view kInvalidFormat = "invalid reference format";

// ASCII only. distribution lowercases Unicode too, so a non-ASCII
// capital ("Éa") is refused here as "invalid reference format" rather
// than with the "must be lowercase" text; both refuse it.
bool IsUpper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool HasUpper(std::string_view s) {
  for (char c : s) {
    if (IsUpper(c)) {
      return true;
    }
  }
  return false;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsUpper(c)) {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// docker refuses what looks like an image ID: exactly 64 lowercase hex.
bool IsImageId(std::string_view s) {
  if (s.size() != 64) {
    return false;
  }
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

// The first component is a domain only when it has '.' or ':', is
// "localhost", or has uppercase (paths cannot; domains may). The rest is
// then parsed as the path, tag and digest.
struct DomainSplit {
  std::string domain;
  std::string remainder;
};

DomainSplit SplitDockerDomain(std::string_view text) {
  DomainSplit split{std::string(kDockerHubDomain), std::string(text)};
  std::size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    std::string_view first = text.substr(0, slash);
    if (first.find_first_of(".:") != std::string_view::npos ||
        first == "localhost" || HasUpper(first)) {
      split.domain = first;
      split.remainder = text.substr(slash + 1);
    }
  }
  if (split.domain == kLegacyDockerHubDomain) {
    split.domain = kDockerHubDomain;
  }
  if (split.domain == kDockerHubDomain &&
      split.remainder.find('/') == std::string::npos) {
    split.remainder.insert(0, kOfficialRepositoryPrefix);
  }
  return split;
}

// distribution checks case on the remainder up to its first ':', which
// may run into a digest ("foo/Bar@sha256"); the message shows exactly
// that text.
void CheckLowercase(std::string_view remainder) {
  std::string_view name = remainder.substr(0, remainder.find(':'));
  if (HasUpper(name)) {
    throw Error(std::string(kInvalidFormat) + ": repository name (" +
                std::string(name) + ") must be lowercase");
  }
}

ReferenceParts SplitOrThrow(std::string_view full) {
  if (auto parts = SplitReference(full)) {
    return *parts;
  }
  // Uppercase can still hide outside the checked name, as in a domain
  // that the grammar then reads as a path ("a_b.C/d").
  if (SplitReference(ToLower(full))) {
    throw Error("repository name must be lowercase");
  }
  throw Error(std::string(kInvalidFormat));
}

// The hex length of each digest algorithm docker 28 can compute; any
// other well-formed algorithm is "unsupported" (go-digest).
std::size_t HexLength(std::string_view algorithm) {
  if (algorithm == "sha256") {
    return 64;
  }
  if (algorithm == "sha384") {
    return 96;
  }
  if (algorithm == "sha512") {
    return 128;
  }
  return 0;
}

// go-digest's Digest.Validate on what the grammar already accepted:
// algorithm ':' then 32 or more hex digits of either case.
void CheckDigest(std::string_view digest) {
  std::size_t colon = digest.find(':');
  std::string_view algorithm = digest.substr(0, colon);
  std::string_view hex = digest.substr(colon + 1);
  std::size_t length = HexLength(algorithm);
  if (length == 0) {
    // go-digest calls an algorithm unsupported only when it is spelled
    // as registered algorithms are, in lowercase.
    throw Error(HasUpper(algorithm) ? "invalid checksum digest format"
                                    : "unsupported digest algorithm");
  }
  if (hex.size() != length) {
    throw Error("invalid checksum digest length");
  }
  if (HasUpper(hex)) {
    throw Error("invalid checksum digest format");
  }
}

}  // namespace

Reference Parse(std::string_view text) {
  if (IsImageId(text)) {
    throw Error("invalid repository name (" + std::string(text) +
                "), cannot specify 64-byte hexadecimal strings");
  }
  DomainSplit split = SplitDockerDomain(text);
  CheckLowercase(split.remainder);

  std::string full = split.domain + "/" + split.remainder;
  ReferenceParts parts = SplitOrThrow(full);
  if (parts.path.size() > kMaxPathLength) {
    throw Error("repository name must not be more than " +
                std::to_string(kMaxPathLength) + " characters");
  }
  if (!parts.digest.empty()) {
    CheckDigest(parts.digest);
  }
  // distribution accepts a first component such as "a_b.c" that is no
  // domain but a valid path, and returns a reference without a domain;
  // docker then fails to reach "https:/v2/". Refuse it here instead.
  if (parts.domain.empty()) {
    throw Error(std::string(kInvalidFormat));
  }
  return Reference{std::string(parts.domain), std::string(parts.path),
                   std::string(parts.tag), std::string(parts.digest)};
}

Reference ParseWithDefaultTag(std::string_view text) {
  return Parse(text).WithDefaultTag();
}

}  // namespace mlist::reference
