// The WWW-Authenticate parser: any header gives challenges (or none)
// without failing, and the challenges written back as a header parse to
// the same challenges.
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "transport/challenge.h"

namespace mlist::fuzz {
namespace {

// A quoted-string with '"' and '\' escaped (RFC 7230 section 3.2.6).
std::string QuotedString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

// The challenges as one header value: `scheme token68` or
// `scheme name="value", ...`, joined by ", ".
std::string Header(const std::vector<transport::Challenge>& challenges) {
  std::string out;
  for (const transport::Challenge& c : challenges) {
    out += out.empty() ? "" : ", ";
    out += c.scheme;
    if (!c.token68.empty()) {
      out += " " + c.token68;
    }
    const char* separator = " ";
    for (const auto& [name, value] : c.params) {
      out += separator + name + "=" + QuotedString(value);
      separator = ", ";
    }
  }
  return out;
}

bool SameChallenges(const std::vector<transport::Challenge>& a,
                    const std::vector<transport::Challenge>& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].scheme != b[i].scheme || a[i].params != b[i].params ||
        a[i].token68 != b[i].token68) {
      return false;
    }
  }
  return true;
}

}  // namespace
}  // namespace mlist::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mlist;
  std::string_view header = fuzz::Text(data, size);
  std::vector<transport::Challenge> challenges =
      transport::ParseChallenges(header);
  for (const transport::Challenge& c : challenges) {
    fuzz::Require(!c.scheme.empty(), "a challenge has a scheme");
    fuzz::Require(c.token68.empty() || c.params.empty(),
                  "a challenge has a token68 or parameters, not both");
    c.Param("realm");
  }
  std::string written = fuzz::Header(challenges);
  fuzz::Require(fuzz::SameChallenges(transport::ParseChallenges(written),
                                     challenges),
                "challenges written back parse the same");
  // A response may send the header twice: the challenges of both, in
  // order.
  std::vector<transport::Challenge> twice =
      transport::ParseChallenges({std::string(header), written});
  std::vector<transport::Challenge> both = challenges;
  both.insert(both.end(), challenges.begin(), challenges.end());
  fuzz::Require(fuzz::SameChallenges(twice, both),
                "two headers give the challenges of each");
  return 0;
}
