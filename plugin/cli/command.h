// What a subcommand is: its name, usage, description, how many arguments
// it takes, its flags and the function that runs it. Each subcommand has
// its own file with an options struct, a function declaring its flags and
// a Run function; BindCommand ties the three together.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/environment.h"
#include "cli/flags.h"
#include "cli/global_options.h"

namespace mlist::cli {

// Where a command talks to the world: standard output, standard error,
// and the environment variables it may read. Injected, so that tests
// choose them.
struct Streams {
  std::ostream& out;
  std::ostream& err;
  const Environment& env;
};

// How many arguments a command takes.
struct ArgsRule {
  size_t min = 0;
  // nullopt: no upper limit.
  std::optional<size_t> max;

  // n arguments, no more, no fewer (docker's ExactArgs).
  static ArgsRule Exactly(size_t n) { return {n, n}; }
  // n arguments or more (docker's RequiresMinArgs).
  static ArgsRule AtLeast(size_t n) { return {n, std::nullopt}; }
  // From min to max arguments (docker's RequiresRangeArgs).
  static ArgsRule Between(size_t min, size_t max) { return {min, max}; }
};

// What is wrong with the number of arguments, worded as docker words it.
struct ArgsProblem {
  // "requires 2 arguments", "requires at least 1 argument", "requires at
  // least 1 and at most 2 arguments".
  std::string text;
  // The verb of the closing hint: docker says "See" for a missing minimum
  // and "Run" otherwise.
  std::string hint_verb;
};

// Returns what is wrong when count arguments break rule, else nullopt.
std::optional<ArgsProblem> CheckArgs(const ArgsRule& rule, size_t count);

// Runs a command whose flags are parsed: the global options, the
// arguments left after the flags, and the streams. Throws mlist::Error on
// failure (mlist::UsageError for a misuse, which gets the usage line).
using Action = std::function<void(const GlobalOptions& global,
                                  const std::vector<std::string>& args,
                                  const Streams& streams)>;

// One subcommand: what help shows of it and how to run it.
struct Command {
  // The word that names it: "create".
  std::string name;
  // The usage line after the program's name:
  // "create MANIFEST_LIST MANIFEST [MANIFEST...]".
  std::string usage;
  // One line for help and completion.
  std::string description;
  ArgsRule args;
  // Declares the command's flags on a fresh flag set, bound to fresh
  // options, and returns the Action that runs with those options.
  std::function<Action(FlagSet& flags)> bind;
};

// Returns a Command::bind from a command's two functions: declare(flags,
// options) declares its flags; run(global, options, args, streams) does
// its work.
template <typename Options>
std::function<Action(FlagSet&)> BindCommand(
    void (*declare)(FlagSet&, Options&),
    void (*run)(const GlobalOptions&, const Options&,
                const std::vector<std::string>&, const Streams&)) {
  return [declare, run](FlagSet& flags) -> Action {
    auto options = std::make_shared<Options>();
    declare(flags, *options);
    return
        [options, run](
            const GlobalOptions& global, const std::vector<std::string>& args,
            const Streams& streams) { run(global, *options, args, streams); };
  };
}

}  // namespace mlist::cli
