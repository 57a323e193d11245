#include "config/credentials.h"

#include "base/error.h"

namespace mlist::config {
namespace {

// The authority of a URL without its user information: "u@h:1" is "h:1".
std::string_view WithoutUserInfo(std::string_view authority) {
  size_t at = authority.rfind('@');
  return at == std::string_view::npos ? authority : authority.substr(at + 1);
}

// Go's URL.Hostname drops the brackets of an IPv6 literal; JoinHostPort
// puts them back only when there is a port.
std::string HostOfAuthority(std::string_view authority) {
  if (authority.size() > 2 && authority.front() == '[' &&
      authority.back() == ']') {
    return std::string(authority.substr(1, authority.size() - 2));
  }
  return std::string(authority);
}

Credential FromHelper(const std::string& helper, const std::string& key,
                      const LookupOptions& options) {
  return GetFromHelper(helper, key, options.helper_timeout);
}

Credential FromFile(const Config& config, const std::string& key) {
  std::optional<Credential> found = FindAuth(config.file.auths, key);
  if (!found.has_value() || found->Anonymous()) {
    return {};
  }
  found->source = "config file " + Quote(config.path);
  return *found;
}

}  // namespace

std::string CredentialKey(std::string_view registry) {
  if (registry == "docker.io" || registry == "index.docker.io") {
    return kDockerHubKey;
  }
  return std::string(registry);
}

std::string AuthKeyHost(std::string_view key) {
  size_t scheme = key.find("://");
  if (scheme != std::string_view::npos) {
    std::string_view rest = key.substr(scheme + 3);
    std::string_view authority =
        WithoutUserInfo(rest.substr(0, rest.find_first_of("/?#")));
    if (!authority.empty()) {
      return HostOfAuthority(authority);
    }
  }
  return std::string(key.substr(0, key.find('/')));
}

std::optional<Credential> FindAuth(
    const std::map<std::string, Credential>& auths, const std::string& key) {
  auto exact = auths.find(key);
  if (exact != auths.end()) {
    return exact->second;
  }
  // docker walks its map in random order; the first key in order is at
  // least the same from one run to the next.
  for (const auto& [legacy_key, credential] : auths) {
    if (AuthKeyHost(legacy_key) == key) {
      return credential;
    }
  }
  return std::nullopt;
}

Credential LookupCredential(const Config& config, const std::string& key,
                            const LookupOptions& options) {
  auto env = config.env_auths.find(key);
  if (env != config.env_auths.end()) {
    Credential credential = env->second;
    credential.source = kAuthConfigEnv;
    return credential;
  }
  auto helper = config.file.cred_helpers.find(key);
  if (helper != config.file.cred_helpers.end()) {
    return helper->second.empty() ? FromFile(config, key)
                                  : FromHelper(helper->second, key, options);
  }
  if (!config.file.creds_store.empty()) {
    return FromHelper(config.file.creds_store, key, options);
  }
  return FromFile(config, key);
}

}  // namespace mlist::config
