// One HTTP exchange, as every layer above the wire sees it, and the
// interface that carries it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "transport/url.h"

namespace mlist::transport {

// Header names compare without regard to case (RFC 9110 section 5.1).
struct CaseInsensitiveLess {
  bool operator()(const std::string& a, const std::string& b) const;
};
using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;

// The first value of header name in headers, or "".
std::string HeaderValue(const Headers& headers, const std::string& name);
// Every value of header name, in order.
std::vector<std::string> HeaderValues(const Headers& headers,
                                      const std::string& name);

// A request body read from start to end; opened again for a retry.
class BodyReader {
 public:
  virtual ~BodyReader() = default;
  // Fills up to size bytes of buf; returns how many, 0 at the end. Throws
  // mlist::Error when the source fails.
  virtual size_t Read(char* buf, size_t size) = 0;
};

struct BodySource {
  uint64_t length = 0;
  std::function<std::unique_ptr<BodyReader>()> open;
};

struct Request {
  std::string method = "GET";
  Url url;
  Headers headers;
  // The body, when it is small enough to hold; else source.
  std::string body;
  std::shared_ptr<BodySource> source;
  // A response body longer than this is refused without reading it all.
  uint64_t max_body = uint64_t{64} << 20;
  // When set, a successful (2xx) response body is handed here in pieces
  // instead of being kept in Response::body; returning false stops it.
  std::function<bool(const char* data, size_t size)> sink;
};

struct Response {
  int status = 0;
  Headers headers;
  std::string body;
  // Where the response came from, after redirects.
  Url url;
};

// Carries one request over the network and returns the response: no
// redirects, retries or authentication (see Client for those). Throws
// NetworkError when no response arrived.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual Response RoundTrip(const Request& request) = 0;
};

}  // namespace mlist::transport
