// The one translation unit that compiles cpp-httplib (about 13 s): every
// byte docker-mlist sends or receives passes through here.
#include "transport/httplib_transport.h"

#include <httplib.h>
#include <openssl/x509.h>

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include "transport/network_error.h"

namespace mlist::transport {
namespace {

using Kind = NetworkError::Kind;

// Idle connections to one origin, and how many are open in all.
struct Pool {
  std::mutex mu;
  std::condition_variable freed;
  std::vector<std::unique_ptr<httplib::ClientImpl>> idle;
  size_t open = 0;
};

// The folder of the system's CAs, read lazily by hash: opening a
// connection then costs one small file, not the whole bundle (parsing
// ca-certificates.crt took 40-90 ms per connection).
std::string SystemCaDir() {
  const char* env = std::getenv(X509_get_default_cert_dir_env());
  return env != nullptr && *env != '\0' ? env : X509_get_default_cert_dir();
}

// SSL_CERT_FILE names a bundle to trust as well, unless it lies in the CA
// folder that is already read by hash (Debian's ca-certificates.crt is
// the concatenation of /etc/ssl/certs): parsing it costs 50-90 ms.
std::string ExtraBundle() {
  const char* env = std::getenv(X509_get_default_cert_file_env());
  if (env == nullptr || *env == '\0') {
    return {};
  }
  std::error_code ec;
  auto file_dir = std::filesystem::canonical(env, ec).parent_path();
  auto ca_dir = std::filesystem::canonical(SystemCaDir(), ec);
  return !ec && file_dir == ca_dir ? std::string() : std::string(env);
}

// Trust stores shared by every connection with the same extra CAs, so
// that each CA file is parsed once per run.
class StoreCache {
 public:
  ~StoreCache() {
    for (auto& [key, store] : stores_) {
      X509_STORE_free(store);
    }
  }

  // A new reference to the store holding files (the caller hands it to
  // a connection, which frees it).
  X509_STORE* Get(const std::vector<std::string>& files) {
    std::string key;
    for (const auto& f : files) {
      key += f + "\n";
    }
    std::lock_guard<std::mutex> lock(mu_);
    X509_STORE*& store = stores_[key];
    if (store == nullptr) {
      store = X509_STORE_new();
      for (const auto& f : files) {
        X509_STORE_load_file(store, f.c_str());
      }
      std::string bundle = ExtraBundle();
      if (!bundle.empty()) {
        X509_STORE_load_file(store, bundle.c_str());
      }
    }
    X509_STORE_up_ref(store);
    return store;
  }

 private:
  std::mutex mu_;
  std::map<std::string, X509_STORE*> stores_;
};

std::unique_ptr<httplib::ClientImpl> NewClient(const Url& url,
                                               const HttplibOptions& opt,
                                               StoreCache& stores) {
  std::unique_ptr<httplib::ClientImpl> client;
  if (url.scheme == "https") {
    TlsSettings tls = opt.tls ? opt.tls(url) : TlsSettings{};
    auto ssl = std::make_unique<httplib::SSLClient>(
        url.host, url.port, tls.cert_file, tls.key_file);
    ssl->enable_server_certificate_verification(tls.verify);
    if (tls.verify) {
      ssl->set_ca_cert_path("", SystemCaDir());
      ssl->set_ca_cert_store(stores.Get(tls.ca_files));
    }
    client = std::move(ssl);
  } else {
    client = std::make_unique<httplib::ClientImpl>(url.host, url.port);
  }
  client->set_keep_alive(true);
  // Headers and body go out in separate writes: without this, Nagle's
  // algorithm and delayed ACKs add 40 ms to every request.
  client->set_tcp_nodelay(true);
  client->set_follow_location(false);
  client->set_url_encode(false);
  client->set_connection_timeout(opt.connect_timeout);
  client->set_read_timeout(opt.read_timeout);
  client->set_write_timeout(opt.read_timeout);
  ProxySettings proxy = opt.proxy ? opt.proxy(url) : ProxySettings{};
  if (!proxy.host.empty()) {
    client->set_proxy(proxy.host, proxy.port);
    if (!proxy.username.empty()) {
      client->set_proxy_basic_auth(proxy.username, proxy.password);
    }
  }
  return client;
}

class HttplibTransport : public Transport {
 public:
  explicit HttplibTransport(HttplibOptions options)
      : options_(std::move(options)) {}

  Response RoundTrip(const Request& request) override;

 private:
  std::unique_ptr<httplib::ClientImpl> Acquire(const Url& url);
  void Release(const Url& url, std::unique_ptr<httplib::ClientImpl> client,
               bool reusable);
  Pool& PoolFor(const Url& url);

  HttplibOptions options_;
  StoreCache stores_;
  std::mutex pools_mu_;
  std::map<std::string, std::unique_ptr<Pool>> pools_;
};

Pool& HttplibTransport::PoolFor(const Url& url) {
  std::lock_guard<std::mutex> lock(pools_mu_);
  auto& pool = pools_[url.Origin()];
  if (!pool) {
    pool = std::make_unique<Pool>();
  }
  return *pool;
}

std::unique_ptr<httplib::ClientImpl> HttplibTransport::Acquire(const Url& url) {
  Pool& pool = PoolFor(url);
  std::unique_lock<std::mutex> lock(pool.mu);
  pool.freed.wait(lock, [&] {
    return !pool.idle.empty() || pool.open < options_.connections_per_host;
  });
  if (!pool.idle.empty()) {
    auto client = std::move(pool.idle.back());
    pool.idle.pop_back();
    return client;
  }
  ++pool.open;
  lock.unlock();
  return NewClient(url, options_, stores_);
}

void HttplibTransport::Release(const Url& url,
                               std::unique_ptr<httplib::ClientImpl> client,
                               bool reusable) {
  Pool& pool = PoolFor(url);
  {
    std::lock_guard<std::mutex> lock(pool.mu);
    if (reusable) {
      pool.idle.push_back(std::move(client));
    } else {
      --pool.open;
    }
  }
  pool.freed.notify_one();
}

// The state one exchange shares with httplib's callbacks.
struct Exchange {
  const Request* request = nullptr;
  Response* response = nullptr;
  int status = 0;
  bool too_large = false;
  bool sink_stopped = false;
  std::unique_ptr<BodyReader> reader;
  std::string reader_error;
  // The body source's own failure (say, the download it copies from): not
  // the wire's, so it ends the request as it is, never retried here.
  std::string source_error;
  // When bytes last moved either way: a read timeout is silence.
  std::chrono::steady_clock::time_point last_data =
      std::chrono::steady_clock::now();
};

bool IsSuccess(int status) {
  return status >= 200 && status < 300;
}

bool OnResponse(Exchange& ex, const httplib::Response& res) {
  ex.last_data = std::chrono::steady_clock::now();
  ex.status = res.status;
  if (!res.has_header("Content-Length")) {
    return true;
  }
  auto length = std::stoull(res.get_header_value("Content-Length"));
  if (length > ex.request->max_body) {
    ex.too_large = true;
    return false;
  }
  return true;
}

bool OnContent(Exchange& ex, const char* data, size_t size) {
  ex.last_data = std::chrono::steady_clock::now();
  if (ex.request->sink && IsSuccess(ex.status)) {
    ex.sink_stopped = !ex.request->sink(data, size);
    return !ex.sink_stopped;
  }
  if (ex.response->body.size() + size > ex.request->max_body) {
    ex.too_large = true;
    return false;
  }
  ex.response->body.append(data, size);
  return true;
}

// Streams the request's body source into httplib's sink.
bool ProvideBody(Exchange& ex, size_t length, httplib::DataSink& sink) {
  try {
    if (!ex.reader) {
      ex.reader = ex.request->source->open();
    }
    std::string buf(std::min<size_t>(length, 1 << 16), '\0');
    size_t n = ex.reader->Read(buf.data(), buf.size());
    if (n == 0) {
      ex.reader_error = "request body ended early";
      return false;
    }
    bool written = sink.write(buf.data(), n);
    ex.last_data = std::chrono::steady_clock::now();
    return written;
  } catch (const std::exception& e) {
    ex.source_error = e.what();
    return false;
  }
}

httplib::Request ToHttplib(const Request& request, Exchange& ex,
                           bool via_proxy) {
  httplib::Request hr;
  hr.method = request.method;
  // A plain HTTP proxy takes the absolute URL on the request line.
  hr.path = via_proxy && request.url.scheme == "http" ? request.url.String()
                                                      : request.url.target;
  for (const auto& [name, value] : request.headers) {
    hr.headers.emplace(name, value);
  }
  // Set here because httplib writes IPv6 hosts without brackets.
  hr.set_header("Host", request.url.HostPort());
  hr.body = request.body;
  if (request.source) {
    hr.content_length_ = request.source->length;
    hr.content_provider_ = [&ex](size_t, size_t length,
                                 httplib::DataSink& sink) {
      return ProvideBody(ex, length, sink);
    };
  }
  hr.response_handler = [&ex](const httplib::Response& res) {
    return OnResponse(ex, res);
  };
  hr.content_receiver = [&ex](const char* data, size_t size, uint64_t,
                              uint64_t) { return OnContent(ex, data, size); };
  return hr;
}

// Why the server's certificate was refused. OpenSSL judges the chain and
// the dates; httplib then matches the certificate's names itself and
// leaves the result X509_V_OK when none fits: name the host that was
// asked for, as Go's x509 errors do (an IP address is no "host name").
std::string VerifyText(httplib::ClientImpl& client, const Url& url) {
  auto* ssl = dynamic_cast<httplib::SSLClient*>(&client);
  long result = ssl != nullptr ? ssl->get_openssl_verify_result() : 0;
  switch (result) {
    case X509_V_OK:
      return "certificate is not valid for " + url.host;
    // A chain that ends in no trusted CA: docker's words for it.
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
      return "certificate signed by unknown authority";
    default:
      return X509_verify_cert_error_string(result);
  }
}

NetworkError Describe(httplib::Error err, const Exchange& ex,
                      const Request& request, httplib::ClientImpl& client,
                      std::chrono::milliseconds read_timeout) {
  std::string where = request.method + " " + request.url.String() + ": ";
  // httplib reports a read timeout as a failed read: tell them apart by
  // how long the connection was silent (9/10 for clock granularity).
  bool silent =
      std::chrono::steady_clock::now() - ex.last_data >= read_timeout * 9 / 10;
  if (err == httplib::Error::ConnectionTimeout) {
    return NetworkError(Kind::kTimeout, where + "connecting timed out");
  }
  if (err == httplib::Error::Read && silent) {
    return NetworkError(Kind::kTimeout,
                        where + "the server sent nothing for " +
                            std::to_string(read_timeout.count()) + " ms");
  }
  if (ex.too_large) {
    return NetworkError(Kind::kTooLarge, where + "response body exceeds " +
                                             std::to_string(request.max_body) +
                                             " bytes");
  }
  if (ex.sink_stopped) {
    return NetworkError(Kind::kCanceled, where + "download stopped");
  }
  if (!ex.reader_error.empty()) {
    return NetworkError(Kind::kIo, where + ex.reader_error);
  }
  switch (err) {
    case httplib::Error::Connection:
      return NetworkError(Kind::kConnect, where +
                                              "connection refused or "
                                              "host unreachable");
    case httplib::Error::SSLConnection:
      return NetworkError(Kind::kTlsHandshake,
                          where +
                              "TLS handshake failed (does the server "
                              "speak HTTPS?)");
    case httplib::Error::SSLServerVerification:
      return NetworkError(Kind::kTlsVerify,
                          where + "x509: " + VerifyText(client, request.url));
    case httplib::Error::SSLLoadingCerts:
      return NetworkError(Kind::kTlsVerify,
                          where + "loading CA certificates failed");
    case httplib::Error::Read:
      return NetworkError(Kind::kIo, where +
                                         "connection closed while "
                                         "reading the response");
    case httplib::Error::Write:
      return NetworkError(Kind::kIo, where +
                                         "connection closed while "
                                         "sending the request");
    default:
      return NetworkError(Kind::kIo, where + httplib::to_string(err));
  }
}

Response HttplibTransport::RoundTrip(const Request& request) {
  ProxySettings proxy =
      options_.proxy ? options_.proxy(request.url) : ProxySettings{};
  Response response;
  response.url = request.url;
  Exchange ex;
  ex.request = &request;
  ex.response = &response;
  httplib::Request hr = ToHttplib(request, ex, !proxy.host.empty());
  httplib::Response hres;
  httplib::Error err = httplib::Error::Success;

  auto client = Acquire(request.url);
  bool ok = client->send(hr, hres, err);
  if (!ok && !ex.source_error.empty()) {
    Release(request.url, std::move(client), false);
    throw Error(ex.source_error);
  }
  if (!ok) {
    NetworkError failure =
        Describe(err, ex, request, *client, options_.read_timeout);
    Release(request.url, std::move(client), false);
    throw failure;
  }
  Release(request.url, std::move(client), true);
  response.status = hres.status;
  for (const auto& [name, value] : hres.headers) {
    response.headers.emplace(name, value);
  }
  return response;
}

}  // namespace

std::unique_ptr<Transport> NewHttplibTransport(HttplibOptions options) {
  return std::make_unique<HttplibTransport>(std::move(options));
}

const char* HttplibVersion() {
  return CPPHTTPLIB_VERSION;
}

}  // namespace mlist::transport
