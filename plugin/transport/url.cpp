#include "transport/url.h"

#include <cctype>
#include <charconv>

#include "base/error.h"

namespace mlist::transport {
namespace {

int DefaultPort(const std::string& scheme) {
  return scheme == "https" ? 443 : 80;
}

Error UrlError(std::string_view text, const std::string& why) {
  return Error("parsing URL " + Quote(text) + ": " + why);
}

// Splits "host[:port]" or "[v6][:port]" into url.host and url.port.
void ParseAuthority(std::string_view text, std::string_view authority,
                    Url& url) {
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) {
      throw UrlError(text, "missing ']' in host");
    }
    url.host = std::string(authority.substr(1, close - 1));
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') {
      throw UrlError(text, "invalid host");
    }
    port = rest.empty() ? rest : rest.substr(1);
  } else {
    auto colon = authority.rfind(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port = authority.substr(colon + 1);
    }
  }
  if (url.host.empty()) {
    throw UrlError(text, "missing host");
  }
  url.port = DefaultPort(url.scheme);
  if (!port.empty()) {
    auto [end, ec] =
        std::from_chars(port.data(), port.data() + port.size(), url.port);
    if (ec != std::errc() || end != port.data() + port.size() ||
        url.port <= 0 || url.port > 65535) {
      throw UrlError(text, "invalid port " + Quote(port));
    }
  }
}

}  // namespace

std::string Url::HostPort() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (port != DefaultPort(scheme)) {
    h += ":" + std::to_string(port);
  }
  return h;
}

std::string Url::Origin() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return scheme + "://" + h + ":" + std::to_string(port);
}

std::string Url::String() const {
  return scheme + "://" + HostPort() + target;
}

Url ParseUrl(std::string_view text) {
  Url url;
  auto sep = text.find("://");
  if (sep == std::string_view::npos) {
    throw UrlError(text, "missing scheme");
  }
  for (char c : text.substr(0, sep)) {
    url.scheme +=
        static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (url.scheme != "http" && url.scheme != "https") {
    throw UrlError(text, "unsupported scheme " + Quote(url.scheme));
  }
  std::string_view rest = text.substr(sep + 3);
  auto slash = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, slash);
  if (authority.find('@') != std::string_view::npos) {
    authority = authority.substr(authority.rfind('@') + 1);
  }
  ParseAuthority(text, authority, url);
  std::string_view target =
      slash == std::string_view::npos ? "" : rest.substr(slash);
  target = target.substr(0, target.find('#'));
  url.target = target.empty() || target.front() != '/'
                   ? "/" + std::string(target)
                   : std::string(target);
  return url;
}

Url ResolveUrl(const Url& base, std::string_view location) {
  if (location.find("://") != std::string_view::npos) {
    return ParseUrl(location);
  }
  if (location.substr(0, 2) == "//") {
    return ParseUrl(base.scheme + ":" + std::string(location));
  }
  Url out = base;
  if (!location.empty() && location.front() == '/') {
    out.target = std::string(location);
    return out;
  }
  std::string path = base.target.substr(0, base.target.find('?'));
  out.target = path.substr(0, path.rfind('/') + 1) + std::string(location);
  return out;
}

std::string QueryEscape(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace mlist::transport
