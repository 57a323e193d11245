// Finding the credentials for a registry the way docker does.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "config/config.h"
#include "config/credential.h"
#include "config/credential_helper.h"

namespace mlist::config {

// The credential key of Docker Hub, whatever name the reference used.
inline constexpr const char* kDockerHubKey = "https://index.docker.io/v1/";

// How LookupCredential runs credential helpers.
struct LookupOptions {
  // How long a credential helper may take (see GetFromHelper).
  std::chrono::milliseconds helper_timeout = kHelperTimeout;
};

// Returns the credential key of a registry host[:port] as a reference
// names it: kDockerHubKey for "docker.io" and "index.docker.io", the host
// itself otherwise. Never fails.
std::string CredentialKey(std::string_view registry);

// Returns the credentials for the credential key (see CredentialKey) from
// the first source that has a say, in docker's order:
//  1. DOCKER_AUTH_CONFIG's auths[key];
//  2. the helper credHelpers[key] (an empty name there means "auths");
//  3. the helper credsStore;
//  4. auths[key], else an auths entry written in a legacy form such as
//     "https://host/v1/" (see AuthKeyHost).
// A helper, once chosen, decides alone: when it has nothing, the result is
// anonymous and auths is not consulted. Anonymous credentials when no
// source has any. Throws mlist::Error from GetFromHelper when a helper
// fails.
Credential LookupCredential(const Config& config, const std::string& key,
                            const LookupOptions& options = {});

// Returns the auths entry for key: the entry of that exact key, else the
// first (in key order) whose AuthKeyHost is key. Never fails.
std::optional<Credential> FindAuth(
    const std::map<std::string, Credential>& auths, const std::string& key);

// Returns the host[:port] an auths key stands for, as docker's
// ConvertToHostname does: "https://host:5000/v1/" and "http://host:5000"
// give "host:5000"; a key without "://" is cut at its first "/". Never
// fails.
std::string AuthKeyHost(std::string_view key);

}  // namespace mlist::config
