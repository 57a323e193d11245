// The Transport backed by cpp-httplib: pooled keep-alive connections per
// origin, TLS with extra CAs and client certificates, HTTP proxies.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "transport/http.h"

namespace mlist::transport {

// How to talk TLS to one host.
struct TlsSettings {
  bool verify = true;
  // PEM files of CAs trusted on top of the system's.
  std::vector<std::string> ca_files;
  // A client certificate and its key (PEM), both or neither.
  std::string cert_file;
  std::string key_file;
};

struct ProxySettings {
  std::string host;  // empty: connect directly
  int port = 0;
  std::string username;
  std::string password;
};

struct HttplibOptions {
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(30)};
  std::chrono::milliseconds read_timeout{std::chrono::seconds(120)};
  // Connections open at once to one origin; more requests wait.
  size_t connections_per_host = 8;
  // TLS settings for a host (certs.d); default: verify against system CAs.
  std::function<TlsSettings(const Url&)> tls;
  // The proxy for a URL; default: none.
  std::function<ProxySettings(const Url&)> proxy;
};

// Returns a Transport whose RoundTrip is safe to call from many threads.
std::unique_ptr<Transport> NewHttplibTransport(HttplibOptions options);

// cpp-httplib's version, for the User-Agent and diagnostics.
const char* HttplibVersion();

}  // namespace mlist::transport
