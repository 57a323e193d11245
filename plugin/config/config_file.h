// docker's config.json: the parts the plugin uses. Other fields are
// ignored, as docker ignores fields it does not know.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "config/credential.h"

namespace mlist::config {

// One entry of "proxies": the proxy settings docker gives to containers.
struct ProxyConfig {
  std::string http_proxy;
  std::string https_proxy;
  std::string no_proxy;
  std::string ftp_proxy;
  std::string all_proxy;
};

// The content of one config.json.
struct ConfigFile {
  // "auths", by their key exactly as written ("registry:5000",
  // "https://index.docker.io/v1/", or legacy forms such as
  // "https://host/v1/"). The base64 "auth" is already decoded into
  // username and password.
  std::map<std::string, Credential> auths;
  // "credsStore": the suffix of the default credential helper.
  std::string creds_store;
  // "credHelpers": credential helper suffix by credential key.
  std::map<std::string, std::string> cred_helpers;
  // "HttpHeaders": headers sent with every request to a registry.
  std::map<std::string, std::string> http_headers;
  // "proxies": by docker host, and "default".
  std::map<std::string, ProxyConfig> proxies;

  // Returns whether the file configures any credentials: a credsStore,
  // credHelpers or auths (docker's ContainsAuth).
  bool ContainsAuth() const;

  // Returns the "proxies" entry for host, else the "default" entry, else
  // empty settings.
  ProxyConfig ProxyFor(const std::string& host) const;
};

// Parses the text of a config.json. Empty or blank text and null are an
// empty configuration. Field names match without regard to case, as in
// docker. Throws mlist::Error naming the problem without any value, for
// example "invalid JSON at offset 17: missing a name for object member" or
// `auths "x": decoding "auth": illegal base64 data at input byte 4`.
ConfigFile ParseConfigFile(std::string_view text);

// Reads and parses the config.json at path. A missing file is an empty
// configuration. Throws mlist::Error reading `reading config file "PATH":
// WHY` when the file cannot be read, and `parsing config file "PATH": WHY`
// (WHY as for ParseConfigFile) when its content is wrong.
ConfigFile LoadConfigFile(const std::string& path);

}  // namespace mlist::config
