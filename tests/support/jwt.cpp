#include "support/jwt.h"

#include <cstdio>

#include "support/crypto.h"

namespace mlist::testing {
namespace {

std::string JsonList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    out += (i > 0 ? "," : "") + JsonQuote(items[i]);
  }
  return out + "]";
}

std::string AccessJson(const std::vector<TokenAccess>& access) {
  std::string out = "[";
  for (size_t i = 0; i < access.size(); ++i) {
    out += std::string(i > 0 ? "," : "") +
           "{\"type\":" + JsonQuote(access[i].type) +
           ",\"name\":" + JsonQuote(access[i].name) +
           ",\"actions\":" + JsonList(access[i].actions) + "}";
  }
  return out + "]";
}

std::string HeaderJson(const TestCert& signer) {
  return "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"x5c\":[" +
         JsonQuote(Base64(CertificateDer(signer.cert_pem))) + "]}";
}

std::string ClaimsJson(const TokenClaims& claims) {
  using std::chrono::system_clock;
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 system_clock::now().time_since_epoch())
                 .count();
  auto expires = now + claims.lifetime.count();
  return "{\"iss\":" + JsonQuote(claims.issuer) +
         ",\"sub\":" + JsonQuote(claims.subject) +
         ",\"aud\":" + JsonQuote(claims.audience) +
         ",\"exp\":" + std::to_string(expires) +
         ",\"nbf\":" + std::to_string(now) + ",\"iat\":" + std::to_string(now) +
         ",\"jti\":" + JsonQuote(RandomHex(16)) +
         ",\"access\":" + AccessJson(claims.access) + "}";
}

std::vector<std::string> Split(const std::string& s, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t end; (end = s.find(separator, start)) != std::string::npos;
       start = end + 1) {
    out.push_back(s.substr(start, end - start));
  }
  out.push_back(s.substr(start));
  return out;
}

}  // namespace

std::optional<TokenAccess> ParseScope(const std::string& scope) {
  size_t first = scope.find(':');
  size_t last = scope.rfind(':');
  if (first == std::string::npos || first == last) {
    return std::nullopt;
  }
  TokenAccess access;
  access.type = scope.substr(0, first);
  access.name = scope.substr(first + 1, last - first - 1);
  for (auto& action : Split(scope.substr(last + 1), ',')) {
    if (!action.empty()) {
      access.actions.push_back(action);
    }
  }
  return access;
}

std::string MakeToken(const TestCert& signer, const TokenClaims& claims) {
  // JWS compact serialisation (RFC 7515 section 7.1): header.payload,
  // signed, then the signature appended.
  std::string signing_input =
      Base64Url(HeaderJson(signer)) + "." + Base64Url(ClaimsJson(claims));
  return signing_input + "." +
         Base64Url(SignEs256(signer.key_pem, signing_input));
}

std::string JsonQuote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace mlist::testing
