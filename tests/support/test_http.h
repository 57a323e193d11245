// A small HTTP(S) server and client for the tests, backed by cpp-httplib.
// test_http.cpp is the only file of the test support that includes
// httplib.h (it takes about 13 s to compile): everything else talks
// through these types.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mlist::testing {

// Header fields or parameters in the order they came.
using TestFields = std::vector<std::pair<std::string, std::string>>;

// The first value of the header called name (any case), or "".
std::string FindHeader(const TestFields& headers, std::string_view name);

// The value of an Authorization header for Basic credentials.
std::string BasicAuthorization(const std::string& user,
                               const std::string& password);

struct TestHttpRequest {
  std::string method = "GET";
  // What follows the method on the request line: path and query
  // ("/v2/a/b/blobs/uploads/?mount=...").
  std::string target;
  TestFields headers;
  std::string body;
  // Filled by the server only: the decoded path without the query, and
  // the query parameters followed by those of a form body
  // (application/x-www-form-urlencoded), decoded.
  std::string path;
  TestFields params;

  // The first value of header name (any case), or "".
  std::string Header(std::string_view name) const;
  // The first value of parameter name, or "".
  std::string Param(std::string_view name) const;
  // Every value of parameter name, in order.
  std::vector<std::string> Params(std::string_view name) const;
};

struct TestHttpResponse {
  // 0 when no response came; error then says why.
  int status = 0;
  TestFields headers;
  std::string body;
  std::string error;

  // Faults a server can be made to show (ignored by TestHttpClient); the
  // defaults send body at once with its own Content-Length.
  // Sent as Content-Length (when above 0) instead of body's size. When
  // it is larger, the connection is closed after body: a response cut
  // mid-body.
  std::optional<uint64_t> content_length;
  // Send body with chunked transfer encoding, without Content-Length.
  bool chunked = false;
  // Send body chunked, again and again, until the client hangs up.
  bool endless = false;
  // Wait this long before each piece (64 KiB) of a body: a slow server.
  std::chrono::milliseconds pause{0};

  // The first value of header name (any case), or "".
  std::string Header(std::string_view name) const;
};

// Answers one request. Called on the server's worker threads, several at
// a time: it must be thread-safe. A handler that throws makes a 500.
using TestHttpHandler = std::function<TestHttpResponse(const TestHttpRequest&)>;

struct TestHttpServerOptions {
  // An IP literal: "127.0.0.1" or "::1".
  std::string host = "127.0.0.1";
  // Both set: serve HTTPS with this PEM certificate and key.
  std::string cert_file;
  std::string key_file;
};

// A server on a free port of options.host that hands every request, of
// any method and path, to one handler. Idle keep-alive connections are
// closed after a second so that the server stops quickly.
class TestHttpServer {
 public:
  // Listens and serves on a thread of its own. Throws mlist::Error when
  // it cannot listen (or the certificate cannot be loaded).
  explicit TestHttpServer(TestHttpHandler handler,
                          TestHttpServerOptions options = {});
  // Stops listening and waits for the requests in progress.
  ~TestHttpServer();
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  int port() const { return port_; }
  // "127.0.0.1:PORT" or "[::1]:PORT".
  std::string host_port() const;
  // "http://" or "https://" and host_port().
  std::string base_url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  TestHttpServerOptions options_;
  int port_ = 0;
};

struct TestHttpClientOptions {
  // PEM CA bundle that HTTPS certificates must chain to; empty means the
  // system's CAs.
  std::string ca_file;
  // False accepts any certificate.
  bool verify = true;
  int timeout_seconds = 10;
};

// Sends single requests to one server; each request opens a connection.
class TestHttpClient {
 public:
  // base_url is "http://HOST:PORT" or "https://HOST:PORT" ("[::1]" for
  // IPv6).
  explicit TestHttpClient(std::string base_url,
                          TestHttpClientOptions options = {});

  // Sends request (method, target, headers, body) and returns the
  // answer, or status 0 and the reason when there is none. Does not
  // follow redirects.
  TestHttpResponse Send(const TestHttpRequest& request) const;

  // GET target with headers.
  TestHttpResponse Get(const std::string& target,
                       const TestFields& headers = {}) const;

 private:
  std::string base_url_;
  TestHttpClientOptions options_;
};

}  // namespace mlist::testing
