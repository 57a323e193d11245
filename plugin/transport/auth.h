// Authentication with registries: the WWW-Authenticate challenge of the
// first 401, Basic credentials, and bearer tokens per scope, fetched once
// and reused until they expire.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "config/credential.h"
#include "transport/challenge.h"
#include "transport/client.h"

namespace mlist::transport {

// Credentials for a registry's credential key ("host[:port]", or
// "https://index.docker.io/v1/" for Docker Hub). Throws mlist::Error when
// a credential helper fails.
using CredentialLookup =
    std::function<config::Credential(const std::string& key)>;

// Which registry a request is for: its API origin ("https://host:port")
// and its credential key.
struct Registry {
  Url base;  // scheme, host and port; target unused
  std::string credential_key;
};

// A repository scope, "repository:NAME:pull" or ":pull,push".
std::string RepositoryScope(const std::string& repository,
                            const std::string& actions);

class Authenticator {
 public:
  // client carries every request, token requests included.
  Authenticator(Client& client, CredentialLookup lookup);

  // Sends request to registry with the credentials it asks for: nothing
  // until it challenges, then Basic or a bearer token covering scopes.
  // A 401 that names a new challenge or scope gets one more try. Returns
  // the response whatever its status; throws NetworkError, or
  // mlist::Error when a token cannot be had.
  Response Do(const Registry& registry, Request request,
              const std::vector<std::string>& scopes);

  // Token endpoint requests made so far (for tests and -D summaries).
  int token_requests() const { return token_requests_; }

 private:
  struct Token {
    std::string value;
    std::chrono::steady_clock::time_point expires;
  };
  struct State {
    std::mutex mu;
    // Held by the one request that learns the challenge; requests that
    // arrive meanwhile wait for it instead of each meeting a 401.
    std::mutex learning;
    bool challenged = false;  // a challenge (or none) is known
    Challenge challenge;      // scheme empty: no auth needed
    bool credential_loaded = false;
    config::Credential credential;
    std::map<std::string, Token> tokens;  // by joined scopes
  };

  State& StateFor(const Registry& registry);
  Response Send(const Registry& registry, State& state, Request request,
                std::vector<std::string> scopes);
  bool Challenged(State& state);
  void Ping(const Registry& registry, State& state);
  bool Learn(State& state, const Response& response,
             std::vector<std::string>& scopes);
  void Authorize(const Registry& registry, State& state, Request& request,
                 const std::vector<std::string>& scopes);
  const config::Credential& CredentialFor(const Registry& registry,
                                          State& state);
  Token FetchToken(const Registry& registry, State& state,
                   const std::vector<std::string>& scopes);

  Client& client_;
  CredentialLookup lookup_;
  std::mutex states_mu_;
  std::map<std::string, std::unique_ptr<State>> states_;
  std::atomic<int> token_requests_{0};
};

}  // namespace mlist::transport
