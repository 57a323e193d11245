#include "cli/command.h"

namespace mlist::cli {
namespace {

std::string Arguments(size_t n) {
  return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

}  // namespace

std::optional<ArgsProblem> CheckArgs(const ArgsRule& rule, size_t count) {
  bool fits = count >= rule.min && (!rule.max || count <= *rule.max);
  if (fits) {
    return std::nullopt;
  }
  if (!rule.max) {
    return ArgsProblem{"requires at least " + Arguments(rule.min), "See"};
  }
  if (*rule.max == rule.min) {
    return ArgsProblem{"requires " + Arguments(rule.min), "Run"};
  }
  return ArgsProblem{"requires at least " + std::to_string(rule.min) +
                         " and at most " + Arguments(*rule.max),
                     "Run"};
}

}  // namespace mlist::cli
