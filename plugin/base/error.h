// The one error type every layer throws. Its text is what the user reads,
// in docker's style: lower case, no final stop, "doing what "to what":
// why". Each layer adds one segment of context with Wrap; only main
// prints, once, and exits with exit_code().
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mlist {

class Error : public std::runtime_error {
 public:
  // exit_code is what main exits with: 1 for failures, 125 for bad usage
  // (as docker does).
  explicit Error(const std::string& message, int exit_code = 1)
      : std::runtime_error(message), exit_code_(exit_code) {}

  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

// An error in how the command was called: exit code 125, and main adds
// the usage line and a "--help" hint.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(message, 125) {}
};

// Returns an Error reading "context: cause", keeping the cause's exit code
// when it is an Error.
Error Wrap(std::string_view context, const std::exception& cause);

// Quotes s as docker does in messages ("name"), escaping quotes inside.
std::string Quote(std::string_view s);

}  // namespace mlist
