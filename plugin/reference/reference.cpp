#include "reference/reference.h"

namespace mlist::reference {
namespace {

bool IsDockerHub(const Reference& reference) {
  return reference.domain == kDockerHubDomain;
}

// Appends ":tag" and "@digest" when set.
std::string WithTagAndDigest(std::string name, const Reference& reference) {
  if (!reference.tag.empty()) {
    name += ':';
    name += reference.tag;
  }
  if (!reference.digest.empty()) {
    name += '@';
    name += reference.digest;
  }
  return name;
}

// Docker Hub drops its domain, and official images their "library/"
// unless a deeper path follows (distribution's familiarizeName).
std::string FamiliarName(const Reference& reference) {
  if (!IsDockerHub(reference)) {
    return reference.Name();
  }
  std::string_view path = reference.path;
  if (path.substr(0, kOfficialRepositoryPrefix.size()) ==
      kOfficialRepositoryPrefix) {
    std::string_view rest = path.substr(kOfficialRepositoryPrefix.size());
    if (rest.find('/') == std::string_view::npos) {
      path = rest;
    }
  }
  return std::string(path);
}

}  // namespace

std::string Reference::Name() const {
  return domain + "/" + path;
}

std::string Reference::String() const {
  return WithTagAndDigest(Name(), *this);
}

std::string Reference::Familiar() const {
  return WithTagAndDigest(FamiliarName(*this), *this);
}

std::string Reference::ApiHost() const {
  return IsDockerHub(*this) ? std::string(kDockerHubApiHost) : domain;
}

std::string Reference::CredentialKey() const {
  return IsDockerHub(*this) ? std::string(kDockerHubCredentialKey) : domain;
}

Reference Reference::WithDefaultTag() const {
  Reference copy = *this;
  if (copy.tag.empty() && copy.digest.empty()) {
    copy.tag = kDefaultTag;
  }
  return copy;
}

bool Reference::operator==(const Reference& other) const {
  return domain == other.domain && path == other.path && tag == other.tag &&
         digest == other.digest;
}

std::string FileSafeName(std::string_view text) {
  std::string name(text);
  for (char& c : name) {
    if (c == ':') {
      c = '-';
    } else if (c == '/') {
      c = '_';
    }
  }
  return name;
}

std::string FileSafeName(const Reference& reference) {
  return FileSafeName(reference.String());
}

}  // namespace mlist::reference
