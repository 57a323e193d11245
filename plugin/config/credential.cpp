#include "config/credential.h"

#include "base/error.h"

namespace mlist::config {
namespace {

constexpr std::string_view kRedacted = "<redacted>";

// Replaces every occurrence of secret in text.
void ReplaceAll(std::string& text, const std::string& secret) {
  if (secret.empty()) {
    return;
  }
  size_t at = text.find(secret);
  while (at != std::string::npos) {
    text.replace(at, secret.size(), kRedacted);
    at = text.find(secret, at + kRedacted.size());
  }
}

std::string WhatIsSet(const Credential& c) {
  if (!c.identity_token.empty()) {
    return "an identity token";
  }
  if (!c.registry_token.empty()) {
    return "a registry token";
  }
  std::string out = "username " + Quote(c.username);
  return out +
         (c.password.empty() ? " without a password" : " with a password");
}

}  // namespace

bool Credential::Anonymous() const {
  return username.empty() && password.empty() && identity_token.empty() &&
         registry_token.empty();
}

std::string Describe(const Credential& credential) {
  std::string out =
      credential.Anonymous() ? "anonymous" : WhatIsSet(credential);
  if (!credential.source.empty()) {
    out += " from " + credential.source;
  }
  return out;
}

std::string Redact(std::string_view text, const Credential& credential) {
  std::string out(text);
  ReplaceAll(out, credential.password);
  ReplaceAll(out, credential.identity_token);
  ReplaceAll(out, credential.registry_token);
  return out;
}

}  // namespace mlist::config
