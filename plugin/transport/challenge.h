// WWW-Authenticate challenges (RFC 7235 section 4.1), as registries send
// them on a 401: `Bearer realm="https://auth/token",service="registry"`.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mlist::transport {

struct Challenge {
  // The scheme in lower case: "basic", "bearer".
  std::string scheme;
  // auth-params by lower-cased name, quoted values unescaped.
  std::map<std::string, std::string> params;
  // The token68 form (`Negotiate abc==`), when the scheme carries one.
  std::string token68;

  // The value of param name (lower case), or "" when absent.
  std::string Param(const std::string& name) const;
};

// Parses one WWW-Authenticate header value, which may hold several
// challenges separated by commas. Scheme and parameter names match in any
// case. Parsing is lenient like browsers and docker: it stops at the
// first syntax error and returns the challenges complete by then, so an
// empty result means no usable challenge.
std::vector<Challenge> ParseChallenges(std::string_view header);

// Parses every header value (a response may send the header more than
// once) and returns all their challenges in order.
std::vector<Challenge> ParseChallenges(const std::vector<std::string>& headers);

}  // namespace mlist::transport
