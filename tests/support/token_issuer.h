// A token server for registries with token auth (the "realm" of a Bearer
// challenge), as in the distribution token specification: GET with Basic
// credentials or anonymous, and the OAuth2 POST with a password or a
// refresh token. It signs ES256 JWTs with a key made at start and records
// every request so that tests can check what a client asked for.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "support/certs.h"
#include "support/jwt.h"
#include "support/test_http.h"

namespace mlist::testing {

// Decides the actions user (empty when anonymous) gets for one requested
// scope; returns a subset of requested.actions.
using TokenPolicy = std::function<std::vector<std::string>(
    const std::string& user, const TokenAccess& requested)>;

struct TokenIssuerOptions {
  // The registry's name: checked against the "service" parameter and put
  // in the "aud" claim.
  std::string service = "mlist-test-registry";
  // The "iss" claim.
  std::string issuer = "mlist-test-issuer";
  // user -> password for Basic credentials and grant_type=password.
  std::map<std::string, std::string> users;
  // Identity tokens accepted as grant_type=refresh_token: token -> user.
  std::map<std::string, std::string> refresh_tokens;
  // Without a policy: users get every action they ask for, anonymous
  // requests get "pull" when this is true and nothing otherwise.
  bool anonymous_pull = true;
  TokenPolicy policy;
  std::chrono::seconds expires_in{300};
  // An IP literal to listen on, and for HTTPS a PEM certificate and key.
  std::string host = "127.0.0.1";
  std::string cert_file;
  std::string key_file;
};

// What one request to the issuer asked and got.
struct TokenRequest {
  std::string method;      // "GET" or "POST"
  std::string grant_type;  // POST: "password" or "refresh_token"
  std::string service;
  std::vector<std::string> scopes;  // as asked, one entry per scope
  bool basic_auth = false;          // GET sent Basic credentials
  std::string user;                 // who it was, "" when anonymous
  int status = 0;                   // what the issuer answered
};

class TokenIssuer {
 public:
  // Makes the signing key and certificate and starts serving on a free
  // port. Throws mlist::Error when either fails.
  explicit TokenIssuer(TokenIssuerOptions options = {});
  ~TokenIssuer();
  TokenIssuer(const TokenIssuer&) = delete;
  TokenIssuer& operator=(const TokenIssuer&) = delete;

  // The URL to ask for tokens: base URL + "/token".
  std::string realm() const;
  const std::string& service() const { return options_.service; }
  const std::string& issuer() const { return options_.issuer; }
  // The PEM certificate of the signing key: the registry's
  // auth.token.rootcertbundle.
  const std::string& cert_pem() const { return signer_.cert_pem; }

  // A token for user with the given scopes, made without a request and
  // without applying the policy; for tests that need one directly.
  std::string IssueToken(const std::string& user,
                         const std::vector<std::string>& scopes) const;

  // The requests served so far, oldest first.
  std::vector<TokenRequest> Requests() const;

 private:
  TestHttpResponse Handle(const TestHttpRequest& request);
  TestHttpResponse HandleGet(const TestHttpRequest& request,
                             TokenRequest& record);
  TestHttpResponse HandlePost(const TestHttpRequest& request,
                              TokenRequest& record);
  bool CheckPassword(const std::string& user,
                     const std::string& password) const;
  std::string RefreshTokenUser(const std::string& token) const;
  TestHttpResponse Grant(const TestHttpRequest& request,
                         const TokenRequest& record);
  std::vector<std::string> Allowed(const std::string& user,
                                   const TokenAccess& requested) const;

  TokenIssuerOptions options_;
  TestCert signer_;
  mutable std::mutex mutex_;
  std::vector<TokenRequest> requests_;
  // Identity tokens handed out with access_type=offline: token -> user.
  std::map<std::string, std::string> issued_refresh_tokens_;
  // Last, so that it stops before the state its handler uses goes away.
  std::unique_ptr<TestHttpServer> server_;
};

}  // namespace mlist::testing
