#include "support/error_text.h"

#include <exception>

namespace mlist::testing {

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace mlist::testing
