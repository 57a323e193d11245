#include "transport/proxy.h"

#include <cstdlib>

#include "base/error.h"

namespace mlist::transport {
namespace {

std::string Env(const char* upper, const char* lower) {
  const char* v = std::getenv(upper);
  if (v == nullptr || *v == '\0') {
    v = std::getenv(lower);
  }
  return v != nullptr ? v : "";
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool EntryMatches(std::string entry, const Url& url) {
  std::string port;
  auto colon = entry.rfind(':');
  if (colon != std::string::npos && entry.find(']') == std::string::npos &&
      entry.find(':') == colon) {
    port = entry.substr(colon + 1);
    entry = entry.substr(0, colon);
  }
  if (!entry.empty() && entry.front() == '[') {
    entry = entry.substr(1, entry.find(']') - 1);
  }
  if (!port.empty() && port != std::to_string(url.port)) {
    return false;
  }
  if (entry == url.host) {
    return true;
  }
  // "example.com" and ".example.com" both cover subdomains.
  std::string suffix = entry.front() == '.' ? entry : "." + entry;
  return url.host.size() > suffix.size() &&
         url.host.compare(url.host.size() - suffix.size(), suffix.size(),
                          suffix) == 0;
}

ProxySettings Parse(const std::string& text) {
  std::string with_scheme =
      text.find("://") == std::string::npos ? "http://" + text : text;
  Url url = ParseUrl(with_scheme);
  ProxySettings proxy;
  proxy.host = url.host;
  proxy.port = url.port;
  auto at = with_scheme.find('@');
  if (at != std::string::npos) {
    std::string info = with_scheme.substr(with_scheme.find("://") + 3);
    info = info.substr(0, info.find('@'));
    auto colon = info.find(':');
    proxy.username = info.substr(0, colon);
    proxy.password = colon == std::string::npos ? "" : info.substr(colon + 1);
  }
  return proxy;
}

}  // namespace

bool NoProxyMatches(const std::string& no_proxy, const Url& url) {
  size_t start = 0;
  while (start <= no_proxy.size()) {
    size_t end = no_proxy.find(',', start);
    std::string entry = Trim(no_proxy.substr(
        start, end == std::string::npos ? std::string::npos : end - start));
    if (entry == "*" || (!entry.empty() && EntryMatches(entry, url))) {
      return true;
    }
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return false;
}

ProxySettings ProxyFor(const Url& url, const config::ProxyConfig& fallback) {
  if (IsLoopback(url.host)) {
    return {};
  }
  std::string proxy = url.scheme == "https" ? Env("HTTPS_PROXY", "https_proxy")
                                            : Env("HTTP_PROXY", "http_proxy");
  std::string no_proxy = Env("NO_PROXY", "no_proxy");
  if (proxy.empty()) {
    proxy = url.scheme == "https" ? fallback.https_proxy : fallback.http_proxy;
    no_proxy = no_proxy.empty() ? fallback.no_proxy : no_proxy;
  }
  if (proxy.empty() || NoProxyMatches(no_proxy, url)) {
    return {};
  }
  try {
    return Parse(proxy);
  } catch (const Error&) {
    // The proxy URL may hold a password: it is not repeated here.
    throw Error("choosing a proxy for " + Quote(url.HostPort()) +
                ": invalid proxy URL");
  }
}

}  // namespace mlist::transport
