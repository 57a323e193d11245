#include "transport/http.h"

#include <algorithm>
#include <cctype>

namespace mlist::transport {

bool CaseInsensitiveLess::operator()(const std::string& a,
                                     const std::string& b) const {
  return std::lexicographical_compare(
      a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) <
               std::tolower(static_cast<unsigned char>(y));
      });
}

std::string HeaderValue(const Headers& headers, const std::string& name) {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::vector<std::string> HeaderValues(const Headers& headers,
                                      const std::string& name) {
  std::vector<std::string> out;
  auto [begin, end] = headers.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    out.push_back(it->second);
  }
  return out;
}

}  // namespace mlist::transport
