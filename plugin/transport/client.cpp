#include "transport/client.h"

#include <optional>
#include <random>
#include <thread>

#include "transport/network_error.h"

namespace mlist::transport {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

bool IsRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 ||
         status == 308;
}

bool IsRetryableStatus(int status) {
  return status == 429 || status == 500 || status == 502 || status == 503 ||
         status == 504;
}

// Retry-After in seconds (RFC 9110 section 10.2.3); the HTTP-date form
// counts as absent and the backoff applies.
std::optional<milliseconds> RetryAfter(const Response& response) {
  std::string value = HeaderValue(response.headers, "Retry-After");
  if (value.empty() ||
      value.find_first_not_of("0123456789") != std::string::npos ||
      value.size() > 6) {
    return std::nullopt;
  }
  return milliseconds(std::stoll(value) * 1000);
}

milliseconds Backoff(const ClientOptions& options, int attempt) {
  static thread_local std::mt19937 rng{std::random_device{}()};
  auto base = options.retry_base * (1LL << std::min(attempt, 10));
  std::uniform_int_distribution<long long> jitter(0, base.count() / 2);
  return base + milliseconds(jitter(rng));
}

void AddDefaults(Request& request, const ClientOptions& options) {
  for (const auto& [name, value] : options.extra_headers) {
    if (request.headers.find(name) == request.headers.end()) {
      request.headers.emplace(name, value);
    }
  }
  request.headers.erase("User-Agent");
  request.headers.emplace("User-Agent", options.user_agent);
}

// RFC 9110 section 15.4: after 303 (and, as browsers do, after 301/302 of
// a POST) the next request is a GET without a body.
void FollowRedirect(Request& request, const Response& response) {
  Url next = ResolveUrl(request.url, HeaderValue(response.headers, "Location"));
  // Credentials are for the registry only: a blob's CDN must not see
  // them (docker and Go's client do the same).
  if (next.host != request.url.host || next.port != request.url.port) {
    request.headers.erase("Authorization");
  }
  if (response.status == 303 ||
      ((response.status == 301 || response.status == 302) &&
       request.method == "POST")) {
    request.method = "GET";
    request.body.clear();
    request.source.reset();
  }
  request.url = next;
}

// A streamed body (Request::sink) must reach its receiver once, in order,
// even when a broken download is sent again: each attempt's bytes that
// were already handed on are skipped.
class ResumingSink {
 public:
  explicit ResumingSink(std::function<bool(const char*, size_t)> sink)
      : sink_(std::move(sink)) {}

  void NewAttempt() { seen_ = 0; }

  bool Feed(const char* data, size_t size) {
    uint64_t start = seen_;
    seen_ += size;
    if (seen_ <= delivered_) {
      return true;
    }
    size_t skip = delivered_ > start ? delivered_ - start : 0;
    delivered_ += size - skip;
    return sink_(data + skip, size - skip);
  }

 private:
  std::function<bool(const char*, size_t)> sink_;
  uint64_t seen_ = 0;
  uint64_t delivered_ = 0;
};

}  // namespace

std::string RedactUrl(const Url& url) {
  std::string target = url.target;
  for (const char* key :
       {"token=", "access_token=", "refresh_token=", "password=", "_state="}) {
    for (size_t at = target.find(key); at != std::string::npos;
         at = target.find(key, at + 1)) {
      if (at > 0 && target[at - 1] != '?' && target[at - 1] != '&') {
        continue;
      }
      size_t start = at + std::string(key).size();
      size_t end = target.find('&', start);
      target.replace(start, end == std::string::npos ? end : end - start,
                     "REDACTED");
    }
  }
  Url copy = url;
  copy.target = target;
  return copy.String();
}

Client::Client(std::shared_ptr<Transport> transport, ClientOptions options)
    : transport_(std::move(transport)), options_(std::move(options)) {}

void Client::Log(const std::string& line) const {
  if (options_.debug_log) {
    options_.debug_log(line);
  }
}

Response Client::Do(Request request) {
  AddDefaults(request, options_);
  std::shared_ptr<ResumingSink> resume;
  if (request.sink) {
    resume = std::make_shared<ResumingSink>(std::move(request.sink));
    request.sink = [resume](const char* data, size_t size) {
      return resume->Feed(data, size);
    };
  }
  auto on_attempt = [resume] {
    if (resume) {
      resume->NewAttempt();
    }
  };
  for (int hop = 0;; ++hop) {
    Response response = SendWithRetries(request, on_attempt);
    if (!IsRedirect(response.status) ||
        HeaderValue(response.headers, "Location").empty()) {
      return response;
    }
    if (hop >= options_.max_redirects) {
      throw Error(request.method + " " + RedactUrl(request.url) +
                  ": stopped after " + std::to_string(hop) + " redirects");
    }
    FollowRedirect(request, response);
  }
}

Response Client::SendWithRetries(Request& request,
                                 const std::function<void()>& on_attempt) {
  auto deadline = Clock::now() + options_.retry_budget;
  for (int attempt = 0;; ++attempt) {
    std::optional<milliseconds> wait;
    on_attempt();
    try {
      Response response = SendOnce(request);
      if (!IsRetryableStatus(response.status) ||
          attempt >= options_.max_retries) {
        return response;
      }
      wait = RetryAfter(response).value_or(Backoff(options_, attempt));
      if (Clock::now() + *wait > deadline) {
        return response;
      }
    } catch (const NetworkError& e) {
      wait = Backoff(options_, attempt);
      if (!e.Retryable() || attempt >= options_.max_retries ||
          Clock::now() + *wait > deadline) {
        throw;
      }
      Log("retrying after: " + std::string(e.what()));
    }
    std::this_thread::sleep_for(*wait);
  }
}

Client::~Client() {
  for (auto& f : stragglers_) {
    f.wait();
  }
}

Response Client::Exchange(const Request& request) {
  auto start = Clock::now();
  Log("--> " + request.method + " " + RedactUrl(request.url));
  try {
    Response response = transport_->RoundTrip(request);
    auto ms = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
    Log("<-- " + std::to_string(response.status) + " " + request.method + " " +
        RedactUrl(request.url) + " (" + std::to_string(ms.count()) + " ms)");
    return response;
  } catch (const NetworkError& e) {
    Log("<-- error " + request.method + " " + RedactUrl(request.url) + ": " +
        e.what());
    throw;
  }
}

std::optional<bool> Client::KnownTls(const std::string& origin) {
  std::lock_guard<std::mutex> lock(scheme_mu_);
  auto it = speaks_tls_.find(origin);
  if (it == speaks_tls_.end()) {
    return std::nullopt;
  }
  return it->second;
}

void Client::Remember(const std::string& origin, bool tls) {
  std::lock_guard<std::mutex> lock(scheme_mu_);
  speaks_tls_[origin] = tls;
}

Response Client::SendOnce(Request& request) {
  bool insecure = options_.insecure && options_.insecure(request.url);
  if (!insecure || request.url.scheme != "https") {
    return Exchange(request);
  }
  std::optional<bool> tls = KnownTls(request.url.Origin());
  if (tls.has_value()) {
    request.url.scheme = *tls ? "https" : "http";
    return Exchange(request);
  }
  // Racing is safe for a request that changes nothing, whose answer goes
  // to no sink (two answers would mix there) and which carries no
  // credentials (they must never go out in clear to a TLS server).
  bool raceable = (request.method == "GET" || request.method == "HEAD") &&
                  !request.sink && !request.source &&
                  request.headers.count("Authorization") == 0;
  return raceable ? RaceSchemes(request) : FallBackToPlain(request);
}

Response Client::FallBackToPlain(Request& request) {
  try {
    Response response = Exchange(request);
    Remember(request.url.Origin(), true);
    return response;
  } catch (const NetworkError& e) {
    // An insecure registry may speak plain HTTP only, as docker allows.
    if (e.kind() != NetworkError::Kind::kTlsHandshake) {
      throw;
    }
    Remember(request.url.Origin(), false);
    request.url.scheme = "http";
    return Exchange(request);
  }
}

// Waiting for a failed TLS handshake and only then asking over plain HTTP
// costs a plain registry two round trips more per command; asking both
// ways at once costs none. The plain answer is used only when the
// handshake fails; otherwise it is dropped, and waited for on exit.
Response Client::RaceSchemes(Request& request) {
  Request plain = request;
  plain.url.scheme = "http";
  auto answer = std::make_shared<std::promise<Response>>();
  std::future<Response> plain_answer = answer->get_future();
  std::future<void> done =
      std::async(std::launch::async, [this, plain, answer] {
        try {
          answer->set_value(Exchange(plain));
        } catch (...) {
          answer->set_exception(std::current_exception());
        }
      });
  try {
    Response response = Exchange(request);
    Remember(request.url.Origin(), true);
    std::lock_guard<std::mutex> lock(scheme_mu_);
    stragglers_.push_back(std::move(done));
    return response;
  } catch (const NetworkError& e) {
    {
      std::lock_guard<std::mutex> lock(scheme_mu_);
      stragglers_.push_back(std::move(done));
    }
    if (e.kind() != NetworkError::Kind::kTlsHandshake) {
      throw;
    }
    Remember(request.url.Origin(), false);
    request.url.scheme = "http";
    return plain_answer.get();
  }
}

}  // namespace mlist::transport
