// The HTTP client every registry call goes through: default headers,
// redirects, retries with backoff, plain-HTTP fallback for insecure
// registries, and the debug log. Authentication sits on top (auth.h).
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "transport/http.h"

namespace mlist::transport {

struct ClientOptions {
  // Sent as User-Agent on every request.
  std::string user_agent;
  // config.json's HttpHeaders, sent on every request.
  Headers extra_headers;
  int max_redirects = 10;
  // 429, 5xx and broken connections are retried this many times, with
  // exponential backoff from retry_base plus jitter, honouring
  // Retry-After, while the whole request stays under retry_budget.
  int max_retries = 4;
  std::chrono::milliseconds retry_base{std::chrono::milliseconds(250)};
  std::chrono::milliseconds retry_budget{std::chrono::seconds(60)};
  // Hosts ("host[:port]") that --insecure covers: an unverified
  // certificate is accepted and plain HTTP is tried when TLS fails.
  std::function<bool(const Url&)> insecure;
  // One line per request and per response; unset: quiet.
  std::function<void(const std::string&)> debug_log;
};

class Client {
 public:
  Client(std::shared_ptr<Transport> transport, ClientOptions options);
  // Waits for any plain-HTTP attempt still running (RaceSchemes).
  ~Client();

  // Sends request, following redirects and retrying as configured.
  // Returns the final response whatever its status; throws NetworkError
  // when no response came after the retries.
  Response Do(Request request);

  const ClientOptions& options() const { return options_; }

 private:
  Response SendWithRetries(Request& request,
                           const std::function<void()>& on_attempt);
  Response SendOnce(Request& request);
  // One round trip, logged.
  Response Exchange(const Request& request);
  // An insecure origin not known yet: HTTPS, and plain HTTP at once.
  Response RaceSchemes(Request& request);
  // An insecure origin not known yet: HTTPS, then plain HTTP if the TLS
  // handshake fails, as docker does.
  Response FallBackToPlain(Request& request);
  std::optional<bool> KnownTls(const std::string& origin);
  void Remember(const std::string& origin, bool tls);
  void Log(const std::string& line) const;

  std::shared_ptr<Transport> transport_;
  ClientOptions options_;
  // What each insecure origin speaks, once learned: true for TLS, false
  // for plain HTTP only.
  std::mutex scheme_mu_;
  std::map<std::string, bool> speaks_tls_;
  // Plain-HTTP attempts that lost a race to TLS, still running.
  std::vector<std::future<void>> stragglers_;
};

// Returns url with credentials and token-like query values hidden, for
// logs and messages.
std::string RedactUrl(const Url& url);

}  // namespace mlist::transport
