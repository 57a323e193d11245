// Choosing a proxy for a URL from HTTPS_PROXY, HTTP_PROXY and NO_PROXY
// (either case) or config.json's "proxies", with the rules of Go's
// net/http that docker users know: loopback is never proxied.
#pragma once

#include <string>

#include "config/config_file.h"
#include "transport/httplib_transport.h"
#include "transport/url.h"

namespace mlist::transport {

// Returns the proxy for url, or settings with an empty host for a direct
// connection. Environment variables win over fallback (config.json's
// proxies for the host, else its "default"). Throws mlist::Error when the
// chosen proxy URL cannot be parsed.
ProxySettings ProxyFor(const Url& url, const config::ProxyConfig& fallback);

// Whether no_proxy (comma separated: "*", "host", ".domain", "host:port",
// IP addresses) exempts url.
bool NoProxyMatches(const std::string& no_proxy, const Url& url);

}  // namespace mlist::transport
