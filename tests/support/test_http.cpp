// The one file of the test support that compiles cpp-httplib.
#include "support/test_http.h"

#include <httplib.h>
#include <openssl/x509.h>
#include <strings.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "base/error.h"
#include "support/crypto.h"
#include "support/server_process.h"

namespace mlist::testing {
namespace {

constexpr time_t kKeepAliveSeconds = 1;

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

template <typename Map>
TestFields ToFields(const Map& map) {
  return TestFields(map.begin(), map.end());
}

TestHttpRequest FromHttplib(const httplib::Request& req) {
  TestHttpRequest out;
  out.method = req.method;
  out.target = req.target;
  out.headers = ToFields(req.headers);
  out.body = req.body;
  out.path = req.path;
  out.params = ToFields(req.params);
  return out;
}

bool IsFaulty(const TestHttpResponse& answer) {
  return answer.content_length.value_or(0) > 0 || answer.chunked ||
         answer.endless || (answer.pause.count() > 0 && !answer.body.empty());
}

// Writes the piece of body at offset (at most length bytes), after the
// answer's pause.
bool WritePiece(const TestHttpResponse& answer, size_t offset, size_t length,
                httplib::DataSink& sink) {
  constexpr size_t kPieceSize = 64 * 1024;
  std::this_thread::sleep_for(answer.pause);
  size_t size = std::min({kPieceSize, answer.body.size() - offset, length});
  return sink.write(answer.body.data() + offset, size);
}

// Chunked: body once, or forever when endless.
bool ProvideChunked(const TestHttpResponse& answer, size_t offset,
                    httplib::DataSink& sink) {
  const std::string& body = answer.body;
  if (answer.endless && !body.empty()) {
    offset %= body.size();
  }
  if (offset >= body.size()) {
    sink.done();
    return true;
  }
  return WritePiece(answer, offset, body.size() - offset, sink);
}

// The body sent by a provider, for the faults of TestHttpResponse;
// returning false past the end of body makes httplib close the
// connection.
void SetFaultyBody(const TestHttpResponse& answer, httplib::Response& res) {
  auto shared = std::make_shared<const TestHttpResponse>(answer);
  std::string type = FindHeader(answer.headers, "Content-Type");
  if (type.empty()) {
    type = "application/octet-stream";
  }
  if (answer.chunked || answer.endless) {
    res.set_chunked_content_provider(
        type, [shared](size_t offset, httplib::DataSink& sink) {
          return ProvideChunked(*shared, offset, sink);
        });
    return;
  }
  size_t length = answer.content_length.value_or(answer.body.size());
  res.set_content_provider(
      length, type,
      [shared](size_t offset, size_t length, httplib::DataSink& sink) {
        return offset < shared->body.size() &&
               WritePiece(*shared, offset, length, sink);
      });
}

// Copies the handler's answer; httplib adds Content-Length (and, for a
// faulty body, Content-Type) itself.
void ToHttplib(const TestHttpResponse& answer, httplib::Response& res) {
  res.status = answer.status;
  bool faulty = IsFaulty(answer);
  for (const auto& [name, value] : answer.headers) {
    if (!SameName(name, "Content-Length") &&
        !(faulty && SameName(name, "Content-Type"))) {
      res.headers.emplace(name, value);
    }
  }
  if (faulty) {
    SetFaultyBody(answer, res);
  } else {
    res.body = answer.body;
  }
}

std::unique_ptr<httplib::Server> NewServer(
    const TestHttpServerOptions& options) {
  if (options.cert_file.empty()) {
    return std::make_unique<httplib::Server>();
  }
  auto server = std::make_unique<httplib::SSLServer>(options.cert_file.c_str(),
                                                     options.key_file.c_str());
  if (!server->is_valid()) {
    throw Error("loading certificate " + Quote(options.cert_file) +
                " and key " + Quote(options.key_file) + ": invalid");
  }
  return server;
}

void Route(httplib::Server& server, TestHttpHandler handler) {
  auto serve = [handler = std::move(handler)](const httplib::Request& req,
                                              httplib::Response& res) {
    ToHttplib(handler(FromHttplib(req)), res);
  };
  // One pattern for every path; HEAD goes to the GET route.
  server.Get(".*", serve);
  server.Post(".*", serve);
  server.Put(".*", serve);
  server.Patch(".*", serve);
  server.Delete(".*", serve);
  server.Options(".*", serve);
}

std::string VerifyFailure(const httplib::Client& client) {
  // -1 for plain HTTP.
  long result = client.get_openssl_verify_result();
  if (result == X509_V_OK || result == -1) {
    return "";
  }
  return std::string(": ") + X509_verify_cert_error_string(result);
}

}  // namespace

std::string FindHeader(const TestFields& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (SameName(key, name)) {
      return value;
    }
  }
  return "";
}

std::string BasicAuthorization(const std::string& user,
                               const std::string& password) {
  return "Basic " + Base64(user + ":" + password);
}

std::string TestHttpRequest::Header(std::string_view name) const {
  return FindHeader(headers, name);
}

std::string TestHttpRequest::Param(std::string_view name) const {
  auto all = Params(name);
  return all.empty() ? "" : all.front();
}

std::vector<std::string> TestHttpRequest::Params(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : params) {
    if (key == name) {
      out.push_back(value);
    }
  }
  return out;
}

std::string TestHttpResponse::Header(std::string_view name) const {
  return FindHeader(headers, name);
}

struct TestHttpServer::Impl {
  std::unique_ptr<httplib::Server> server;
  std::thread thread;
};

TestHttpServer::TestHttpServer(TestHttpHandler handler,
                               TestHttpServerOptions options)
    : impl_(std::make_unique<Impl>()), options_(std::move(options)) {
  impl_->server = NewServer(options_);
  httplib::Server& server = *impl_->server;
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  Route(server, std::move(handler));
  port_ = server.bind_to_any_port(options_.host);
  if (port_ <= 0) {
    throw Error("listening on " + options_.host + ": bind failed");
  }
  impl_->thread = std::thread([&server] { server.listen_after_bind(); });
  // stop() does nothing before the loop runs, so wait for it.
  while (!server.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

TestHttpServer::~TestHttpServer() {
  impl_->server->stop();
  impl_->thread.join();
}

std::string TestHttpServer::host_port() const {
  return HostPort(options_.host, port_);
}

std::string TestHttpServer::base_url() const {
  return (options_.cert_file.empty() ? "http://" : "https://") + host_port();
}

TestHttpClient::TestHttpClient(std::string base_url,
                               TestHttpClientOptions options)
    : base_url_(std::move(base_url)), options_(std::move(options)) {}

TestHttpResponse TestHttpClient::Send(const TestHttpRequest& request) const {
  httplib::Client client(base_url_);
  client.set_connection_timeout(options_.timeout_seconds, 0);
  client.set_read_timeout(options_.timeout_seconds, 0);
  client.set_write_timeout(options_.timeout_seconds, 0);
  if (!options_.ca_file.empty()) {
    client.set_ca_cert_path(options_.ca_file);
  }
  client.enable_server_certificate_verification(options_.verify);

  httplib::Request req;
  req.method = request.method;
  req.path = request.target;
  req.headers.insert(request.headers.begin(), request.headers.end());
  req.body = request.body;
  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  TestHttpResponse out;
  if (!client.is_valid()) {
    out.error = "invalid base URL " + Quote(base_url_);
    return out;
  }
  if (!client.send(req, res, error)) {
    out.error = httplib::to_string(error) + VerifyFailure(client);
    return out;
  }
  out.status = res.status;
  out.headers = ToFields(res.headers);
  out.body = res.body;
  return out;
}

TestHttpResponse TestHttpClient::Get(const std::string& target,
                                     const TestFields& headers) const {
  TestHttpRequest request;
  request.target = target;
  request.headers = headers;
  return Send(request);
}

}  // namespace mlist::testing
