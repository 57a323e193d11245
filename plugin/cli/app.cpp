#include "cli/app.h"

#include <algorithm>
#include <iostream>

#include "base/error.h"
#include "cli/cancel.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/completion.h"
#include "cli/global_options.h"
#include "cli/help.h"

namespace mlist::cli {
namespace {

using Args = std::vector<std::string>;

Args Tail(const Args& args, size_t from) {
  return Args(args.begin() + std::min(from, args.size()), args.end());
}

// Parses args with flags; a bad flag becomes docker's full usage error for
// the command at path. Deprecation notices go to standard output.
ParsedArgs ParseFor(FlagSet& flags, const Args& args, bool interspersed,
                    const std::string& usage, const std::string& path,
                    const Streams& streams) {
  ParsedArgs parsed;
  try {
    parsed = flags.Parse(args, interspersed);
  } catch (const UsageError& e) {
    throw Error(FlagErrorText(e.what(), usage, path), 125);
  }
  for (const std::string& notice : parsed.notices) {
    streams.out << notice << "\n";
  }
  return parsed;
}

// `help [mlist] [COMMAND]`, as `docker help mlist create` arrives.
void RunHelp(const Invocation& invocation, const Args& args,
             const Streams& streams) {
  FlagSet flags;
  bool help = false;
  flags.Help(&help);
  Args topics =
      ParseFor(flags, args, true, invocation.HelpPath() + " [command]",
               invocation.HelpPath(), streams)
          .positionals;
  if (!topics.empty() && topics[0] == kPluginName) {
    topics.erase(topics.begin());
  }
  if (topics.empty()) {
    WriteRootHelp(invocation, streams.out);
    return;
  }
  const Command* command = FindCommand(topics[0]);
  if (command == nullptr) {
    throw Error("unknown help topic: " + topics[0]);
  }
  if (topics.size() > 1) {
    throw Error("unknown help topic: " + topics[1]);
  }
  WriteCommandHelp(invocation, *command, streams.out);
}

void RunCommand(const Invocation& invocation, const GlobalOptions& global,
                bool help, const Command& command, const Args& args,
                const Streams& streams) {
  FlagSet flags;
  flags.Help(&help);
  Action action = command.bind(flags);
  std::string path = invocation.RootPath() + " " + command.name;
  std::string usage = invocation.RootPath() + " " + command.usage;
  ParsedArgs parsed = ParseFor(flags, args, true, usage, path, streams);
  if (help) {
    WriteCommandHelp(invocation, command, streams.out);
    return;
  }
  if (auto problem = CheckArgs(command.args, parsed.positionals.size())) {
    throw Error(ArgsErrorText(invocation, command, *problem));
  }
  try {
    action(global, parsed.positionals, streams);
  } catch (const UsageError& e) {
    throw Error(FlagErrorText(e.what(), usage, path), 125);
  }
}

// What follows the plugin's name: flags for this level (only --help), then
// a subcommand and its own flags and arguments. As in cobra, flags before
// the subcommand belong to this level, and "--" ends the search for it.
void RunPluginLevel(const Invocation& invocation, const GlobalOptions& global,
                    bool help, const Args& args, const Streams& streams) {
  size_t i = 0;
  while (i < args.size() && IsFlagToken(args[i]) && args[i] != "--") {
    ++i;
  }
  const Command* command = i < args.size() ? FindCommand(args[i]) : nullptr;
  FlagSet flags;
  flags.Help(&help);
  Args own = command != nullptr ? Args(args.begin(), args.begin() + i) : args;
  ParsedArgs parsed = ParseFor(flags, own, true, invocation.RootUsage(),
                               invocation.RootPath(), streams);
  if (command != nullptr) {
    RunCommand(invocation, global, help, *command, Tail(args, i + 1), streams);
  } else if (help) {
    WriteRootHelp(invocation, streams.out);
  } else if (!parsed.positionals.empty()) {
    throw Error(UnknownCommandText(invocation, parsed.positionals[0]));
  } else {
    // A bare `docker manifest` prints its help on stderr after a blank
    // line, and succeeds.
    streams.err << "\n";
    WriteRootHelp(invocation, streams.err);
  }
}

// docker's global flags, then `help`, or the plugin's name (optional
// standalone) and what follows it.
void Dispatch(const Invocation& invocation, const Args& args,
              const Streams& streams) {
  GlobalOptions global;
  bool help = false;
  FlagSet flags;
  DeclareGlobalFlags(flags, global, help);
  std::string usage = invocation.plugin ? "docker [OPTIONS] COMMAND [ARG...]"
                                        : invocation.RootUsage();
  std::string path = invocation.plugin ? "docker" : invocation.RootPath();
  Args rest = ParseFor(flags, args, false, usage, path, streams).positionals;
  FinishGlobalOptions(global);
  if (!rest.empty() && rest[0] == "help") {
    RunHelp(invocation, Tail(rest, 1), streams);
    return;
  }
  if (!rest.empty() && rest[0] == kPluginName) {
    rest.erase(rest.begin());
  }
  RunPluginLevel(invocation, global, help, rest, streams);
}

}  // namespace

int Run(const std::vector<std::string>& args, const Environment& env,
        std::ostream& out, std::ostream& err) {
  Invocation invocation{env.RunAsPlugin()};
  Streams streams{out, err, env};
  try {
    if (!args.empty() && IsCompletionRequest(args[0])) {
      AnswerCompletion(invocation, args, streams);
    } else {
      Dispatch(invocation, args, streams);
    }
    return 0;
  } catch (const Error& e) {
    err << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {
    err << invocation.ErrorPrefix() << ": " << e.what() << "\n";
    return 1;
  }
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  Environment env = Environment::FromProcess();
  WatchPluginSocket(env);
  return Run(args, env, std::cout, std::cerr);
}

}  // namespace mlist::cli
