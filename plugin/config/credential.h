// What the plugin sends a registry to prove who it is, and how to mention
// it without showing it.
#pragma once

#include <string>
#include <string_view>

namespace mlist::config {

// The credentials for one registry. All fields empty means anonymous.
struct Credential {
  std::string username;
  std::string password;
  // An OAuth2 refresh token, exchanged for a bearer token with
  // grant_type=refresh_token.
  std::string identity_token;
  // A bearer token sent to the registry as is.
  std::string registry_token;
  // Where the credentials came from, for debug output: "DOCKER_AUTH_CONFIG",
  // "config file "/x/config.json"", "credential helper "docker-credential-x"".
  // Not part of the credentials: Anonymous() ignores it.
  std::string source;

  // Returns whether no username, password or token is set.
  bool Anonymous() const;
};

// Describes credential for debug output without any secret, for example
// `username "alice" with a password from credential helper "x"` or
// "anonymous". Never fails.
std::string Describe(const Credential& credential);

// Returns text with every occurrence of credential's password and tokens
// replaced by "<redacted>", for text that may echo them (a server's answer,
// a debug dump). Never fails.
std::string Redact(std::string_view text, const Credential& credential);

}  // namespace mlist::config
