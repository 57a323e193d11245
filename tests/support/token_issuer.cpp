#include "support/token_issuer.h"

#include <algorithm>
#include <ctime>
#include <sstream>

#include "support/crypto.h"
#include "support/secrets.h"

namespace mlist::testing {
namespace {

TestHttpResponse JsonAnswer(int status, const std::string& body) {
  TestHttpResponse response;
  response.status = status;
  response.headers = {{"Content-Type", "application/json"}};
  response.body = body;
  return response;
}

TestHttpResponse Refuse(int status, const std::string& error,
                        const std::string& details) {
  return JsonAnswer(status, "{\"error\":" + JsonQuote(error) +
                                ",\"details\":" + JsonQuote(details) + "}");
}

// RFC 3339 in UTC, as "issued_at" is written.
std::string Rfc3339Now() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// Every "scope" parameter; the OAuth2 POST puts several in one,
// separated by spaces.
std::vector<std::string> Scopes(const TestHttpRequest& request) {
  std::vector<std::string> out;
  for (const auto& param : request.Params("scope")) {
    std::istringstream words(param);
    for (std::string scope; words >> scope;) {
      out.push_back(scope);
    }
  }
  return out;
}

bool WantsRefreshToken(const TestHttpRequest& request) {
  return request.Param("access_type") == "offline" ||
         request.Param("offline_token") == "true";
}

}  // namespace

TokenIssuer::TokenIssuer(TokenIssuerOptions options)
    : options_(std::move(options)), signer_(MakeCa("mlist test token issuer")) {
  for (const auto& [user, password] : options_.users) {
    RegisterLogin(user, password);
  }
  for (const auto& [token, user] : options_.refresh_tokens) {
    RegisterSecret(SecretKind::kIdentityToken, "identity token of " + user,
                   token);
  }
  TestHttpServerOptions http;
  http.host = options_.host;
  http.cert_file = options_.cert_file;
  http.key_file = options_.key_file;
  server_ = std::make_unique<TestHttpServer>(
      [this](const TestHttpRequest& request) { return Handle(request); }, http);
}

TokenIssuer::~TokenIssuer() {
  server_.reset();
}

std::string TokenIssuer::realm() const {
  return server_->base_url() + "/token";
}

std::string TokenIssuer::IssueToken(
    const std::string& user, const std::vector<std::string>& scopes) const {
  TokenClaims claims{
      options_.issuer, user, options_.service, {}, options_.expires_in};
  for (const auto& scope : scopes) {
    if (auto access = ParseScope(scope)) {
      claims.access.push_back(*access);
    }
  }
  std::string token = MakeToken(signer_, claims);
  RegisterSecret(SecretKind::kToken, "token issued to " + user, token);
  return token;
}

std::vector<TokenRequest> TokenIssuer::Requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

TestHttpResponse TokenIssuer::Handle(const TestHttpRequest& request) {
  TokenRequest record;
  record.method = request.method;
  record.service = request.Param("service");
  record.scopes = Scopes(request);
  TestHttpResponse response;
  if (request.path != "/token") {
    response = Refuse(404, "not_found", "no such endpoint");
  } else if (request.method == "GET") {
    response = HandleGet(request, record);
  } else if (request.method == "POST") {
    response = HandlePost(request, record);
  } else {
    response = Refuse(405, "invalid_request", "method not allowed");
  }
  record.status = response.status;
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.push_back(record);
  return response;
}

TestHttpResponse TokenIssuer::HandleGet(const TestHttpRequest& request,
                                        TokenRequest& record) {
  const std::string kBasic = "Basic ";
  std::string authorization = request.Header("Authorization");
  if (authorization.compare(0, kBasic.size(), kBasic) == 0) {
    record.basic_auth = true;
    auto decoded = Base64Decode(authorization.substr(kBasic.size()));
    std::string pair = decoded.value_or("");
    size_t colon = pair.find(':');
    std::string user = pair.substr(0, colon);
    if (colon == std::string::npos ||
        !CheckPassword(user, pair.substr(colon + 1))) {
      return Refuse(401, "unauthorized", "incorrect username or password");
    }
    record.user = user;
  }
  return Grant(request, record);
}

TestHttpResponse TokenIssuer::HandlePost(const TestHttpRequest& request,
                                         TokenRequest& record) {
  record.grant_type = request.Param("grant_type");
  if (record.grant_type == "password") {
    record.user = request.Param("username");
    if (!CheckPassword(record.user, request.Param("password"))) {
      record.user.clear();
      return Refuse(401, "invalid_grant", "incorrect username or password");
    }
  } else if (record.grant_type == "refresh_token") {
    record.user = RefreshTokenUser(request.Param("refresh_token"));
    if (record.user.empty()) {
      return Refuse(401, "invalid_grant", "unknown refresh token");
    }
  } else {
    return Refuse(400, "unsupported_grant_type", record.grant_type);
  }
  return Grant(request, record);
}

bool TokenIssuer::CheckPassword(const std::string& user,
                                const std::string& password) const {
  auto it = options_.users.find(user);
  return it != options_.users.end() && it->second == password;
}

std::string TokenIssuer::RefreshTokenUser(const std::string& token) const {
  if (auto it = options_.refresh_tokens.find(token);
      it != options_.refresh_tokens.end()) {
    return it->second;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = issued_refresh_tokens_.find(token);
  return it == issued_refresh_tokens_.end() ? "" : it->second;
}

TestHttpResponse TokenIssuer::Grant(const TestHttpRequest& request,
                                    const TokenRequest& record) {
  TokenClaims claims{
      options_.issuer, record.user, options_.service, {}, options_.expires_in};
  for (const auto& scope : record.scopes) {
    auto requested = ParseScope(scope);
    if (!requested) {
      continue;
    }
    TokenAccess granted = *requested;
    granted.actions = Allowed(record.user, *requested);
    if (!granted.actions.empty()) {
      claims.access.push_back(granted);
    }
  }
  std::string bearer = MakeToken(signer_, claims);
  RegisterSecret(
      SecretKind::kToken,
      "token issued to " + (record.user.empty() ? "anonymous" : record.user),
      bearer);
  std::string token = JsonQuote(bearer);
  std::string body =
      "{\"token\":" + token + ",\"access_token\":" + token +
      ",\"expires_in\":" + std::to_string(options_.expires_in.count()) +
      ",\"issued_at\":" + JsonQuote(Rfc3339Now());
  if (!record.user.empty() && WantsRefreshToken(request)) {
    std::string refresh = RandomHex(16);
    RegisterSecret(SecretKind::kIdentityToken,
                   "identity token issued to " + record.user, refresh);
    std::lock_guard<std::mutex> lock(mutex_);
    issued_refresh_tokens_[refresh] = record.user;
    body += ",\"refresh_token\":" + JsonQuote(refresh);
  }
  return JsonAnswer(200, body + "}");
}

std::vector<std::string> TokenIssuer::Allowed(
    const std::string& user, const TokenAccess& requested) const {
  if (options_.policy) {
    return options_.policy(user, requested);
  }
  if (!user.empty()) {
    return requested.actions;
  }
  const auto& actions = requested.actions;
  bool pull =
      std::find(actions.begin(), actions.end(), "pull") != actions.end();
  if (options_.anonymous_pull && pull) {
    return {"pull"};
  }
  return {};
}

}  // namespace mlist::testing
