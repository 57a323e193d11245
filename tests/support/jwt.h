// Registry bearer tokens as the distribution token specification has
// them: a JWS (compact form) over JSON claims with an "access" list,
// signed ES256 by the token issuer.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "support/certs.h"

namespace mlist::testing {

// One entry of the "access" claim: what may be done to a resource.
struct TokenAccess {
  std::string type;                  // "repository", "registry"
  std::string name;                  // "a/b", "catalog"
  std::vector<std::string> actions;  // "pull", "push", "delete", "*"
};

struct TokenClaims {
  std::string issuer;    // "iss": must match the registry's auth.token.issuer
  std::string subject;   // "sub": the user, "" when anonymous
  std::string audience;  // "aud": the registry's auth.token.service
  std::vector<TokenAccess> access;
  std::chrono::seconds lifetime{300};
};

// Parses a scope ("repository:a/b:pull,push"): the type before the first
// colon, the actions after the last one, the name in between. nullopt
// when it has fewer than three parts.
std::optional<TokenAccess> ParseScope(const std::string& scope);

// A signed token for claims, valid from now for claims.lifetime, with a
// random "jti". The JWS header carries signer's certificate in "x5c":
// distribution 2.8 verifies that chain against its rootcertbundle, which
// must therefore hold signer.cert_pem. Throws mlist::Error when signing
// fails.
std::string MakeToken(const TestCert& signer, const TokenClaims& claims);

// s as a JSON string literal, quotes included.
std::string JsonQuote(const std::string& s);

}  // namespace mlist::testing
