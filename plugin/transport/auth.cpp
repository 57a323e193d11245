#include "transport/auth.h"

#include <openssl/evp.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "base/error.h"

namespace mlist::transport {
namespace {

using Clock = std::chrono::steady_clock;

std::string Base64(const std::string& in) {
  std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in.data()),
                          static_cast<int>(in.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string BasicHeader(const config::Credential& credential) {
  return "Basic " + Base64(credential.username + ":" + credential.password);
}

std::string JoinScopes(std::vector<std::string> scopes,
                       const std::string& sep) {
  std::sort(scopes.begin(), scopes.end());
  scopes.erase(std::unique(scopes.begin(), scopes.end()), scopes.end());
  std::string out;
  for (const auto& s : scopes) {
    out += (out.empty() ? "" : sep) + s;
  }
  return out;
}

// The challenge docker would answer: Bearer before Basic.
std::optional<Challenge> PickChallenge(const Response& response) {
  auto all =
      ParseChallenges(HeaderValues(response.headers, "WWW-Authenticate"));
  for (const char* scheme : {"bearer", "basic"}) {
    for (const auto& c : all) {
      if (c.scheme == scheme) {
        return c;
      }
    }
  }
  return std::nullopt;
}

// The actions of a scope ("repository:a/b:pull,push" -> {pull, push})
// and what they apply to ("repository:a/b").
std::pair<std::string, std::set<std::string>> SplitScope(
    const std::string& scope) {
  size_t colon = scope.rfind(':');
  std::set<std::string> actions;
  if (colon == std::string::npos) {
    return {scope, actions};
  }
  for (size_t start = colon + 1; start <= scope.size();) {
    size_t end = std::min(scope.find(',', start), scope.size());
    actions.insert(scope.substr(start, end - start));
    start = end + 1;
  }
  return {scope.substr(0, colon), actions};
}

// Whether scopes already ask for everything wanted asks for: registries
// list the actions in any order ("push,pull" is "pull,push").
bool Covered(const std::vector<std::string>& scopes,
             const std::string& wanted) {
  auto [resource, actions] = SplitScope(wanted);
  for (const auto& s : scopes) {
    auto [have_resource, have_actions] = SplitScope(s);
    if (have_resource == resource &&
        std::includes(have_actions.begin(), have_actions.end(), actions.begin(),
                      actions.end())) {
      return true;
    }
  }
  return false;
}

// A short, secret-free excerpt of a token endpoint's answer, which may
// quote what it was sent: the password or token, or the Basic header
// that carries both user and password in base64.
std::string Excerpt(const std::string& body,
                    const config::Credential& credential) {
  std::string text = config::Redact(body, credential);
  std::string basic = BasicHeader(credential).substr(6);
  for (size_t at = text.find(basic);
       !credential.password.empty() && at != std::string::npos;
       at = text.find(basic, at)) {
    text.replace(at, basic.size(), "<redacted>");
  }
  text = text.substr(0, 200);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

std::string RepositoryScope(const std::string& repository,
                            const std::string& actions) {
  return "repository:" + repository + ":" + actions;
}

Authenticator::Authenticator(Client& client, CredentialLookup lookup)
    : client_(client), lookup_(std::move(lookup)) {}

Authenticator::State& Authenticator::StateFor(const Registry& registry) {
  std::lock_guard<std::mutex> lock(states_mu_);
  auto& state = states_[registry.base.Origin()];
  if (!state) {
    state = std::make_unique<State>();
  }
  return *state;
}

const config::Credential& Authenticator::CredentialFor(const Registry& registry,
                                                       State& state) {
  if (!state.credential_loaded) {
    state.credential =
        lookup_ ? lookup_(registry.credential_key) : config::Credential{};
    state.credential_loaded = true;
  }
  return state.credential;
}

// A request whose body cannot be sent twice cheaply learns the challenge
// first from GET /v2/ (distribution spec, "API version check").
void Authenticator::Ping(const Registry& registry, State& state) {
  Request ping;
  ping.url = registry.base;
  ping.url.target = "/v2/";
  Response response = client_.Do(ping);
  std::vector<std::string> none;
  Learn(state, response, none);
}

// Takes the challenge of a 401. Returns true when it is new or asks for a
// scope not yet requested (then worth one more try).
bool Authenticator::Learn(State& state, const Response& response,
                          std::vector<std::string>& scopes) {
  std::lock_guard<std::mutex> lock(state.mu);
  if (response.status != 401) {
    if (!state.challenged) {
      state.challenged = true;
      state.challenge = Challenge{};
    }
    return false;
  }
  auto challenge = PickChallenge(response);
  if (!challenge) {
    return false;
  }
  bool is_new = !state.challenged ||
                state.challenge.scheme != challenge->scheme ||
                state.challenge.Param("realm") != challenge->Param("realm");
  // distribution puts several scopes in one parameter, space separated.
  bool new_scope = false;
  std::string wanted = challenge->Param("scope");
  for (size_t start = 0; start < wanted.size();) {
    size_t end = std::min(wanted.find(' ', start), wanted.size());
    std::string scope = wanted.substr(start, end - start);
    if (!scope.empty() && !Covered(scopes, scope)) {
      scopes.push_back(scope);
      new_scope = true;
    }
    start = end + 1;
  }
  state.challenged = true;
  state.challenge = *challenge;
  return is_new || new_scope;
}

Authenticator::Token Authenticator::FetchToken(
    const Registry& registry, State& state,
    const std::vector<std::string>& scopes) {
  const config::Credential& credential = CredentialFor(registry, state);
  if (!credential.registry_token.empty()) {
    return {credential.registry_token, Clock::time_point::max()};
  }
  std::string realm = state.challenge.Param("realm");
  std::string service = state.challenge.Param("service");
  Request request;
  // The token handshake (distribution token authentication spec):
  // 1. with an identity token, POST it as an OAuth2 refresh token;
  // 2. else GET the realm with service and one scope parameter per scope,
  //    with Basic credentials when there are any, anonymously otherwise;
  // 3. read "token" or "access_token" and "expires_in" from the answer.
  try {
    request.url = ParseUrl(realm);
  } catch (const Error& e) {
    throw Wrap("authenticating with " + Quote(registry.base.HostPort()), e);
  }
  if (!credential.identity_token.empty()) {
    request.method = "POST";
    request.headers.emplace("Content-Type",
                            "application/x-www-form-urlencoded");
    request.body =
        "grant_type=refresh_token&client_id=docker-mlist"
        "&service=" +
        QueryEscape(service) +
        "&scope=" + QueryEscape(JoinScopes(scopes, " ")) +
        "&refresh_token=" + QueryEscape(credential.identity_token);
  } else {
    std::string query = "service=" + QueryEscape(service);
    for (const auto& s : scopes) {
      query += "&scope=" + QueryEscape(s);
    }
    request.url.target +=
        (request.url.target.find('?') == std::string::npos ? "?" : "&") + query;
    if (!credential.username.empty()) {
      request.headers.emplace("Authorization", BasicHeader(credential));
    }
  }
  request.max_body = 1 << 20;
  ++token_requests_;
  Response response = client_.Do(request);
  std::string what = "getting a token from " + Quote(realm);
  if (response.status != 200) {
    throw Error(what + ": " + std::to_string(response.status) + " " +
                Excerpt(response.body, credential));
  }
  rapidjson::Document doc;
  // Iterative: a deeply nested answer must not overflow the stack.
  doc.Parse<rapidjson::kParseIterativeFlag>(response.body.data(),
                                            response.body.size());
  if (doc.HasParseError() || !doc.IsObject()) {
    throw Error(what + ": the answer is not a JSON object");
  }
  Token token;
  for (const char* key : {"token", "access_token"}) {
    if (doc.HasMember(key) && doc[key].IsString() &&
        doc[key].GetStringLength() > 0) {
      token.value = doc[key].GetString();
      break;
    }
  }
  if (token.value.empty()) {
    throw Error(what + ": the answer holds no token");
  }
  int64_t seconds = 60;
  if (doc.HasMember("expires_in") && doc["expires_in"].IsInt64() &&
      doc["expires_in"].GetInt64() > 0) {
    seconds = doc["expires_in"].GetInt64();
  }
  // Renew a little early, so that no request carries an expiring token.
  token.expires =
      Clock::now() + std::chrono::seconds(std::max<int64_t>(seconds - 5, 1));
  return token;
}

void Authenticator::Authorize(const Registry& registry, State& state,
                              Request& request,
                              const std::vector<std::string>& scopes) {
  std::lock_guard<std::mutex> lock(state.mu);
  request.headers.erase("Authorization");
  if (state.challenge.scheme == "basic") {
    const config::Credential& credential = CredentialFor(registry, state);
    if (!credential.username.empty()) {
      request.headers.emplace("Authorization", BasicHeader(credential));
    }
    return;
  }
  if (state.challenge.scheme != "bearer") {
    return;
  }
  std::string key = JoinScopes(scopes, " ");
  auto it = state.tokens.find(key);
  if (it == state.tokens.end() || it->second.expires <= Clock::now()) {
    state.tokens[key] = FetchToken(registry, state, scopes);
    it = state.tokens.find(key);
  }
  request.headers.emplace("Authorization", "Bearer " + it->second.value);
}

bool Authenticator::Challenged(State& state) {
  std::lock_guard<std::mutex> lock(state.mu);
  return state.challenged;
}

Response Authenticator::Do(const Registry& registry, Request request,
                           const std::vector<std::string>& scopes) {
  State& state = StateFor(registry);
  if (Challenged(state)) {
    return Send(registry, state, std::move(request), scopes);
  }
  // The first request to a registry meets its challenge; those sent
  // meanwhile wait and then go out with credentials, so that a fan-out
  // costs one 401, not one each. Once it is learned, the waiters go out
  // at once, side by side, not one after another.
  std::unique_lock<std::mutex> learning(state.learning);
  if (Challenged(state)) {
    learning.unlock();
  } else if (request.source) {
    // A streamed body is not worth sending twice: learn from /v2/.
    Ping(registry, state);
    learning.unlock();
  }
  return Send(registry, state, std::move(request), scopes);
}

Response Authenticator::Send(const Registry& registry, State& state,
                             Request request, std::vector<std::string> scopes) {
  Authorize(registry, state, request, scopes);
  bool had_auth = request.headers.count("Authorization") != 0;
  Response response = client_.Do(request);
  bool learned = Learn(state, response, scopes);
  // Requests sent before another thread learned the challenge went out
  // without credentials: they deserve the same one more try.
  if (response.status != 401 || !(learned || !had_auth)) {
    return response;
  }
  if (had_auth) {
    // The registry refused the token it was sent: forget it.
    std::lock_guard<std::mutex> lock(state.mu);
    state.tokens.erase(JoinScopes(scopes, " "));
  }
  Authorize(registry, state, request, scopes);
  return client_.Do(request);
}

}  // namespace mlist::transport
