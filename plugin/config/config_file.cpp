#include "config/config_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

#include "base/error.h"
#include "config/base64.h"
#include "config/json_fields.h"

namespace mlist::config {
namespace {

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Splits the decoded "auth" value into username and password as docker
// does: at the first ":", the username must not be empty, and NUL bytes
// around the password are dropped.
void DecodeAuth(std::string_view auth, Credential& credential) {
  std::string decoded = DecodeBase64(auth);
  size_t colon = decoded.find(':');
  if (colon == std::string::npos || colon == 0) {
    throw Error("not base64 of \"username:password\"");
  }
  credential.username = decoded.substr(0, colon);
  std::string password = decoded.substr(colon + 1);
  size_t first = password.find_first_not_of('\0');
  size_t last = password.find_last_not_of('\0');
  credential.password = first == std::string::npos
                            ? ""
                            : password.substr(first, last - first + 1);
}

Credential ParseAuthEntry(const rapidjson::Value& entry) {
  Credential credential;
  credential.username = JsonString(entry, "username");
  credential.password = JsonString(entry, "password");
  credential.identity_token = JsonString(entry, "identitytoken");
  credential.registry_token = JsonString(entry, "registrytoken");
  std::string auth = JsonString(entry, "auth");
  if (!auth.empty()) {
    try {
      DecodeAuth(auth, credential);
    } catch (const Error& e) {
      throw Wrap("decoding \"auth\"", e);
    }
  }
  return credential;
}

std::map<std::string, Credential> ParseAuths(const rapidjson::Value& root) {
  std::map<std::string, Credential> auths;
  const rapidjson::Value* value = JsonField(root, "auths");
  if (value == nullptr) {
    return auths;
  }
  RequireJsonObject(*value, "\"auths\"");
  for (const auto& member : value->GetObject()) {
    std::string key(member.name.GetString(), member.name.GetStringLength());
    if (member.value.IsNull()) {
      auths[key] = Credential();
      continue;
    }
    RequireJsonObject(member.value, "auths " + Quote(key));
    try {
      auths[key] = ParseAuthEntry(member.value);
    } catch (const Error& e) {
      throw Wrap("auths " + Quote(key), e);
    }
  }
  return auths;
}

ProxyConfig ParseProxyEntry(const rapidjson::Value& entry) {
  ProxyConfig proxy;
  proxy.http_proxy = JsonString(entry, "httpProxy");
  proxy.https_proxy = JsonString(entry, "httpsProxy");
  proxy.no_proxy = JsonString(entry, "noProxy");
  proxy.ftp_proxy = JsonString(entry, "ftpProxy");
  proxy.all_proxy = JsonString(entry, "allProxy");
  return proxy;
}

std::map<std::string, ProxyConfig> ParseProxies(const rapidjson::Value& root) {
  std::map<std::string, ProxyConfig> proxies;
  const rapidjson::Value* value = JsonField(root, "proxies");
  if (value == nullptr) {
    return proxies;
  }
  RequireJsonObject(*value, "\"proxies\"");
  for (const auto& member : value->GetObject()) {
    std::string host(member.name.GetString(), member.name.GetStringLength());
    if (member.value.IsNull()) {
      proxies[host] = ProxyConfig();
      continue;
    }
    RequireJsonObject(member.value, "proxies " + Quote(host));
    try {
      proxies[host] = ParseProxyEntry(member.value);
    } catch (const Error& e) {
      throw Wrap("proxies " + Quote(host), e);
    }
  }
  return proxies;
}

// Go's wording for errno values: "permission denied", "is a directory".
std::string ErrnoText(int error) {
  std::string text = std::strerror(error);
  if (!text.empty()) {
    text[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

[[noreturn]] void ThrowReadError(const std::string& path, int error) {
  throw Error("reading config file " + Quote(path) + ": " + ErrnoText(error));
}

// Reads the file at path into content. Returns false when it does not
// exist.
bool ReadFile(const std::string& path, std::string& content) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      return false;
    }
    ThrowReadError(path, errno);
  }
  char buffer[65536];
  ssize_t n = 0;
  while ((n = ::read(fd, buffer, sizeof buffer)) != 0) {
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      int error = errno;
      ::close(fd);
      ThrowReadError(path, error);
    }
    content.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

}  // namespace

bool ConfigFile::ContainsAuth() const {
  return !creds_store.empty() || !cred_helpers.empty() || !auths.empty();
}

ProxyConfig ConfigFile::ProxyFor(const std::string& host) const {
  auto it = proxies.find(host);
  if (it == proxies.end()) {
    it = proxies.find("default");
  }
  return it != proxies.end() ? it->second : ProxyConfig();
}

ConfigFile ParseConfigFile(std::string_view text) {
  ConfigFile file;
  if (Blank(text)) {
    // Go's decoder reports io.EOF, which docker takes as an empty file.
    return file;
  }
  rapidjson::Document doc;
  ParseJson(text, doc);
  if (doc.IsNull()) {
    return file;
  }
  RequireJsonObject(doc, "the document");
  file.auths = ParseAuths(doc);
  file.creds_store = JsonString(doc, "credsStore");
  file.cred_helpers = JsonStringMap(doc, "credHelpers");
  file.http_headers = JsonStringMap(doc, "HttpHeaders");
  file.proxies = ParseProxies(doc);
  return file;
}

ConfigFile LoadConfigFile(const std::string& path) {
  std::string content;
  if (!ReadFile(path, content)) {
    return {};
  }
  try {
    return ParseConfigFile(content);
  } catch (const Error& e) {
    throw Wrap("parsing config file " + Quote(path), e);
  }
}

}  // namespace mlist::config
