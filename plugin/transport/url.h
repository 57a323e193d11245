// URLs as the transport needs them: scheme, host, port, and the rest.
#pragma once

#include <string>
#include <string_view>

namespace mlist::transport {

struct Url {
  std::string scheme;  // "https" or "http"
  std::string host;    // "registry.example", "127.0.0.1", "::1" (no [])
  int port = 0;        // always set: 443 / 80 when the URL gave none
  std::string target;  // path and query: "/v2/a/b/manifests/1?x=y"

  // "host:port" with IPv6 hosts in brackets, the port left out when it is
  // the scheme's default.
  std::string HostPort() const;
  // The origin and target again: "https://host:port/path?query".
  std::string String() const;
  // scheme://host:port, the key connections are pooled under.
  std::string Origin() const;
};

// Parses an absolute http or https URL. Throws mlist::Error ("parsing URL
// "x": why") for anything else.
Url ParseUrl(std::string_view text);

// Resolves a Location header (absolute, scheme-relative "//host/p",
// absolute-path "/p" or relative "p") against the URL it came from.
Url ResolveUrl(const Url& base, std::string_view location);

// Escapes s for a query value (RFC 3986 unreserved kept).
std::string QueryEscape(std::string_view s);

}  // namespace mlist::transport
