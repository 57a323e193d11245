// The config.yml of a test registry (distribution 2.8's format, see its
// docs/configuration.md).
#pragma once

#include <string>

namespace mlist::testing {

struct RegistryConfig {
  std::string storage_dir;
  // host:port to listen on ("[::1]:5000" for IPv6).
  std::string addr;
  // Both set: serve HTTPS.
  std::string cert_file;
  std::string key_file;
  // Set: Basic auth against this htpasswd file (bcrypt entries only).
  std::string htpasswd_file;
  // token_realm set: bearer token auth; tokens must come from
  // token_issuer, name token_service as audience, and be signed by a key
  // certified in token_cert_bundle.
  std::string token_realm;
  std::string token_service;
  std::string token_issuer;
  std::string token_cert_bundle;
  // False: DELETE is refused (405 UNSUPPORTED), distribution's default.
  bool delete_enabled = true;
};

// The YAML text for config: filesystem storage with deletes as
// config.delete_enabled says and no upload purging, the access log on (it
// goes to standard output, the rest of the log to standard error), a
// random http.secret.
std::string RegistryConfigYaml(const RegistryConfig& config);

}  // namespace mlist::testing
