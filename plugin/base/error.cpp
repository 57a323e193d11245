#include "base/error.h"

namespace mlist {

Error Wrap(std::string_view context, const std::exception& cause) {
  int code = 1;
  if (const auto* e = dynamic_cast<const Error*>(&cause)) {
    code = e->exit_code();
  }
  std::string text(context);
  text += ": ";
  text += cause.what();
  return Error(text, code);
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace mlist
