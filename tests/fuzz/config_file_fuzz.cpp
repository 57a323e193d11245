// The config.json reader: any text gives a configuration or a clean
// error, and the configuration written back as config.json reads the
// same.
#include <cstddef>
#include <cstdint>
#include <map>

#include "base/error.h"
#include "config/config_file.h"
#include "fuzz_check.h"

namespace mlist::fuzz {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// A JSON string keeping every byte: only '"', '\' and control characters
// are escaped, as the reader keeps other bytes as they are.
std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += std::string("\\u00") + kHex[u >> 4] + kHex[u & 0xf];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// {"k": <value of each>, ...}
template <typename T, typename Write>
std::string Object(const std::map<std::string, T>& map, Write write) {
  std::string out = "{";
  for (const auto& [key, value] : map) {
    out += (out.size() > 1 ? "," : "") + JsonString(key) + ":" + write(value);
  }
  return out + "}";
}

std::string Members(
    std::initializer_list<std::pair<const char*, std::string>> members) {
  std::string out = "{";
  for (const auto& [name, value] : members) {
    out += (out.size() > 1 ? "," : "") + JsonString(name) + ":" + value;
  }
  return out + "}";
}

// The auth entries as username and password, never "auth", which the
// reader has already split.
std::string Write(const config::ConfigFile& file) {
  auto credential = [](const config::Credential& c) {
    return Members({{"username", JsonString(c.username)},
                    {"password", JsonString(c.password)},
                    {"identitytoken", JsonString(c.identity_token)},
                    {"registrytoken", JsonString(c.registry_token)}});
  };
  auto proxy = [](const config::ProxyConfig& p) {
    return Members({{"httpProxy", JsonString(p.http_proxy)},
                    {"httpsProxy", JsonString(p.https_proxy)},
                    {"noProxy", JsonString(p.no_proxy)},
                    {"ftpProxy", JsonString(p.ftp_proxy)},
                    {"allProxy", JsonString(p.all_proxy)}});
  };
  return Members({{"auths", Object(file.auths, credential)},
                  {"credsStore", JsonString(file.creds_store)},
                  {"credHelpers", Object(file.cred_helpers, JsonString)},
                  {"HttpHeaders", Object(file.http_headers, JsonString)},
                  {"proxies", Object(file.proxies, proxy)}});
}

bool SameCredential(const config::Credential& a, const config::Credential& b) {
  return a.username == b.username && a.password == b.password &&
         a.identity_token == b.identity_token &&
         a.registry_token == b.registry_token;
}

bool SameProxy(const config::ProxyConfig& a, const config::ProxyConfig& b) {
  return a.http_proxy == b.http_proxy && a.https_proxy == b.https_proxy &&
         a.no_proxy == b.no_proxy && a.ftp_proxy == b.ftp_proxy &&
         a.all_proxy == b.all_proxy;
}

template <typename T, typename Equal>
bool SameMap(const std::map<std::string, T>& a,
             const std::map<std::string, T>& b, Equal equal) {
  if (a.size() != b.size()) {
    return false;
  }
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
    if (i->first != j->first || !equal(i->second, j->second)) {
      return false;
    }
  }
  return true;
}

bool SameFile(const config::ConfigFile& a, const config::ConfigFile& b) {
  return SameMap(a.auths, b.auths, SameCredential) &&
         a.creds_store == b.creds_store && a.cred_helpers == b.cred_helpers &&
         a.http_headers == b.http_headers &&
         SameMap(a.proxies, b.proxies, SameProxy);
}

}  // namespace
}  // namespace mlist::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mlist;
  config::ConfigFile file;
  try {
    file = config::ParseConfigFile(fuzz::Text(data, size));
  } catch (const Error&) {
    return 0;
  }
  file.ContainsAuth();
  file.ProxyFor("docker.io");
  config::ConfigFile again;
  try {
    again = config::ParseConfigFile(fuzz::Write(file));
  } catch (const Error&) {
    fuzz::Require(false, "a configuration written back parses");
  }
  fuzz::Require(fuzz::SameFile(again, file),
                "a configuration written back reads the same");
  return 0;
}
