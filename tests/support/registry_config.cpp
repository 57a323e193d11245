#include "support/registry_config.h"

#include "support/crypto.h"

namespace mlist::testing {
namespace {

// A YAML double-quoted scalar.
std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

// Appends "key: value" at depth (two spaces a level), value as it is;
// without a value, "key:" opens a block.
void Put(std::string& yaml, int depth, const std::string& key,
         const std::string& value = "") {
  yaml += std::string(2 * depth, ' ') + key + ":";
  yaml += value.empty() ? "\n" : " " + value + "\n";
}

void PutLog(std::string& yaml) {
  Put(yaml, 0, "log");
  Put(yaml, 1, "level", "info");
  Put(yaml, 1, "formatter", "text");
  Put(yaml, 1, "accesslog");
  Put(yaml, 2, "disabled", "false");
}

void PutStorage(std::string& yaml, const RegistryConfig& config) {
  Put(yaml, 0, "storage");
  Put(yaml, 1, "filesystem");
  Put(yaml, 2, "rootdirectory", Quoted(config.storage_dir));
  Put(yaml, 1, "delete");
  Put(yaml, 2, "enabled", config.delete_enabled ? "true" : "false");
  // No background work in a registry that lives for one test.
  Put(yaml, 1, "maintenance");
  Put(yaml, 2, "uploadpurging");
  Put(yaml, 3, "enabled", "false");
}

void PutHttp(std::string& yaml, const RegistryConfig& config) {
  Put(yaml, 0, "http");
  Put(yaml, 1, "addr", Quoted(config.addr));
  Put(yaml, 1, "secret", Quoted(RandomHex(16)));
  if (!config.cert_file.empty()) {
    Put(yaml, 1, "tls");
    Put(yaml, 2, "certificate", Quoted(config.cert_file));
    Put(yaml, 2, "key", Quoted(config.key_file));
  }
}

void PutAuth(std::string& yaml, const RegistryConfig& config) {
  if (!config.htpasswd_file.empty()) {
    Put(yaml, 0, "auth");
    Put(yaml, 1, "htpasswd");
    Put(yaml, 2, "realm", Quoted("mlist-test-registry"));
    Put(yaml, 2, "path", Quoted(config.htpasswd_file));
  } else if (!config.token_realm.empty()) {
    Put(yaml, 0, "auth");
    Put(yaml, 1, "token");
    Put(yaml, 2, "realm", Quoted(config.token_realm));
    Put(yaml, 2, "service", Quoted(config.token_service));
    Put(yaml, 2, "issuer", Quoted(config.token_issuer));
    Put(yaml, 2, "rootcertbundle", Quoted(config.token_cert_bundle));
  }
}

}  // namespace

std::string RegistryConfigYaml(const RegistryConfig& config) {
  std::string yaml;
  Put(yaml, 0, "version", "0.1");
  PutLog(yaml);
  PutStorage(yaml, config);
  PutHttp(yaml, config);
  PutAuth(yaml, config);
  return yaml;
}

}  // namespace mlist::testing
