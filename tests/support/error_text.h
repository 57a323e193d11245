// What a failing call says: for tests that check error texts.
#pragma once

#include <functional>
#include <string>

namespace mlist::testing {

// Runs f and returns the text of the exception it throws, or "no error".
std::string ErrorOf(const std::function<void()>& f);

}  // namespace mlist::testing
