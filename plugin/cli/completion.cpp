#include "cli/completion.h"

#include <ostream>

#include "base/error.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/flag_value.h"
#include "cli/list_completion.h"

namespace mlist::cli {
namespace {

// What the word being typed is.
enum class Slot { kFlagName, kFlagValue, kArgument };

// What an argument of a subcommand is.
enum class ArgKind {
  kAny,      // not ours to complete: the shell may offer file names
  kNothing,  // past the last argument
  kList,     // a local manifest list
  kEntry,    // an entry of the list named before it
};

// docker's switch for descriptions, for its own completion scripts and,
// through the environment its plugins inherit, for ours: any value turns
// them off (docker tests it for being non-empty).
constexpr const char* kNoDescriptionsVar =
    "DOCKER_CLI_DISABLE_COMPLETION_DESCRIPTION";

// The flags whose values are platforms ("os/arch[/variant]"); inspect's
// --platforms is a switch.
bool TakesPlatforms(const Flag& flag) {
  return flag.kind != FlagKind::kBool &&
         (flag.name == "platform" || flag.name == "platforms");
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string Join(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    joined += (joined.empty() ? "" : " ") + word;
  }
  return joined;
}

Completion CommandNames(const std::string& partial) {
  Completion completion;
  for (const Command& command : Commands()) {
    if (StartsWith(command.name, partial)) {
      completion.candidates.push_back(command.name + "\t" +
                                      command.description);
    }
  }
  completion.directive = kDirectiveNoFileComp;
  return completion;
}

// A flag already given is offered again only when it adds up ("strings").
bool Offered(const Flag& flag) {
  return !flag.hidden && (!flag.changed || flag.kind == FlagKind::kStrings);
}

Completion FlagNames(const FlagSet& flags, const std::string& partial) {
  Completion completion;
  for (const Flag* flag : flags.Sorted()) {
    if (!Offered(*flag)) {
      continue;
    }
    std::string long_name = "--" + flag->name;
    if (StartsWith(long_name, partial)) {
      completion.candidates.push_back(long_name + "\t" + flag->usage);
    }
    std::string short_name = std::string("-") + flag->shorthand;
    if (flag->shorthand != '\0' && StartsWith(short_name, partial)) {
      completion.candidates.push_back(short_name + "\t" + flag->usage);
    }
  }
  completion.directive = kDirectiveNoFileComp;
  return completion;
}

// Returns the argument at index of the subcommand called command.
ArgKind ArgKindOf(const std::string& command, size_t index) {
  if (command == "rm") {
    return ArgKind::kList;
  }
  if (command == "annotate" || command == "inspect") {
    return index == 0 ? ArgKind::kList
                      : (index == 1 ? ArgKind::kEntry : ArgKind::kNothing);
  }
  if (command == "push") {
    return index == 0 ? ArgKind::kList : ArgKind::kNothing;
  }
  if (command == "ls") {
    return ArgKind::kNothing;
  }
  // create names a new list and remote images.
  return ArgKind::kAny;
}

// The local store, from the configuration the environment names; the
// global flags do not reach completion (docker drops them).
store::Store LocalStore(const Streams& streams) {
  return LoadContext(GlobalOptions{}, streams).Store();
}

// Completion must not fail loudly: a store that cannot be read gives no
// candidates, cobra's error directive, and a debug note that the shell
// scripts discard.
template <typename Body>
Completion FromStore(const Streams& streams, Body body) {
  try {
    return {body(LocalStore(streams)), kDirectiveNoFileComp};
  } catch (const std::exception& e) {
    streams.err << "[Debug] [Error] " << e.what() << "\n";
    return {{}, kDirectiveError};
  }
}

Completion Arguments(const std::string& command,
                     const std::vector<std::string>& args,
                     const std::string& partial, const Streams& streams) {
  switch (ArgKindOf(command, args.size())) {
    case ArgKind::kAny:
      return {};
    case ArgKind::kNothing:
      return {{}, kDirectiveNoFileComp};
    case ArgKind::kList:
      return FromStore(streams, [&](const store::Store& store) {
        // rm takes each list once; the others take one list.
        return ListCandidates(store, partial, args);
      });
    case ArgKind::kEntry:
      return FromStore(streams, [&](const store::Store& store) {
        return EntryCandidates(store, args[0], partial);
      });
  }
  return {};
}

// The flag a value is typed for: the last word ("--platform", "-p",
// "-Dp") or the partial word itself ("--platform=li").
const Flag* FlagOfValue(const FlagSet& flags, const std::string& token) {
  if (StartsWith(token, "--")) {
    return flags.Lookup(token.substr(2, token.find('=') - 2));
  }
  size_t end = token.find('=');
  char shorthand = token[(end == std::string::npos ? token.size() : end) - 1];
  for (const Flag* flag : flags.Sorted()) {
    if (flag->shorthand == shorthand) {
      return flag;
    }
  }
  return nullptr;
}

// Values of the flag being given: platforms for --platform(s); nothing
// for the others, as in docker manifest.
Completion FlagValues(const FlagSet& flags, const std::string& token,
                      const std::string& partial, const Streams& streams) {
  const Flag* flag = FlagOfValue(flags, token);
  if (flag == nullptr || !TakesPlatforms(*flag)) {
    return {};
  }
  std::optional<store::Store> store;
  try {
    store = LocalStore(streams);
  } catch (const std::exception&) {
    // The common platforms do without the store.
  }
  return {PlatformCandidates(store ? &*store : nullptr, partial),
          kDirectiveNoFileComp};
}

Slot SlotOf(const ParsedArgs& parsed, bool value_next,
            const std::string& partial) {
  if (parsed.dash_dash) {
    return Slot::kArgument;
  }
  if (value_next) {
    return Slot::kFlagValue;
  }
  if (IsFlagToken(partial) || partial == "-") {
    // "--os=li" is a value of --os; the shell completes what follows '='.
    return partial.find('=') == std::string::npos ? Slot::kFlagName
                                                  : Slot::kFlagValue;
  }
  return Slot::kArgument;
}

Completion CompleteCommand(const Command& command,
                           const std::vector<std::string>& words,
                           const std::string& partial, const Streams& streams) {
  FlagSet flags;
  bool help = false;
  flags.Help(&help);
  command.bind(flags);
  // After "--os" the partial word is its value: parse it with the rest so
  // that the flag counts as given. As in cobra, a partial word starting
  // with '-' is always a flag name, and then "--os" lacks its value.
  bool value_next = !words.empty() && !StartsWith(partial, "-") &&
                    flags.TakesNextArgument(words.back());
  std::vector<std::string> to_parse = words;
  if (value_next) {
    to_parse.push_back(partial);
  }
  ParsedArgs parsed;
  try {
    parsed = flags.Parse(to_parse);
  } catch (const UsageError& e) {
    streams.err << "[Debug] [Error] Error while parsing flags from args ["
                << Join(words) << "]: " << e.what() << "\n";
    return {};
  }
  switch (SlotOf(parsed, value_next, partial)) {
    case Slot::kFlagName:
      return FlagNames(flags, partial);
    case Slot::kFlagValue:
      if (value_next) {
        return FlagValues(flags, words.back(), partial, streams);
      }
      return FlagValues(flags, partial, partial.substr(partial.find('=') + 1),
                        streams);
    case Slot::kArgument:
      return Arguments(command.name, parsed.positionals, partial, streams);
  }
  return {};
}

// Reads docker's switch for descriptions, then cobra's: the program's
// own variable first, then the one for every cobra program.
bool DescriptionsWanted(const Invocation& invocation, const Environment& env) {
  if (!env.GetOr(kNoDescriptionsVar).empty()) {
    return false;
  }
  std::string root = invocation.plugin ? "DOCKER" : "DOCKER_MLIST";
  std::string value = env.GetOr(root + "_COMPLETION_DESCRIPTIONS");
  if (value.empty()) {
    value = env.GetOr("COBRA_COMPLETION_DESCRIPTIONS");
  }
  return ParseBool(value).value_or(true);
}

void WriteCandidate(std::string candidate, bool descriptions,
                    std::ostream& out) {
  if (!descriptions) {
    candidate = candidate.substr(0, candidate.find('\t'));
  }
  // A description with a line break would read as another candidate.
  out << candidate.substr(0, candidate.find('\n')) << "\n";
}

}  // namespace

bool IsCompletionRequest(std::string_view word) {
  return word == kCompleteCommand || word == kCompleteNoDescCommand;
}

Completion Complete(const std::vector<std::string>& words,
                    const std::string& partial, const Streams& streams) {
  // The first word that is not a flag names the subcommand; the plugin
  // level has no visible flags of its own.
  size_t i = 0;
  while (i < words.size() && IsFlagToken(words[i])) {
    ++i;
  }
  if (i == words.size()) {
    if (IsFlagToken(partial) || partial == "-") {
      return {{}, kDirectiveNoFileComp};
    }
    return CommandNames(partial);
  }
  const Command* command = FindCommand(words[i]);
  if (command == nullptr) {
    return {};
  }
  std::vector<std::string> rest(words.begin() + i + 1, words.end());
  return CompleteCommand(*command, rest, partial, streams);
}

void AnswerCompletion(const Invocation& invocation,
                      const std::vector<std::string>& request,
                      const Streams& streams) {
  std::vector<std::string> words(request.begin() + 1, request.end());
  std::string partial;
  if (!words.empty()) {
    partial = words.back();
    words.pop_back();
  }
  if (!words.empty() && words[0] == kPluginName) {
    words.erase(words.begin());
  }
  Completion completion = Complete(words, partial, streams);
  bool descriptions = request[0] == kCompleteCommand &&
                      DescriptionsWanted(invocation, streams.env);
  for (const std::string& candidate : completion.candidates) {
    WriteCandidate(candidate, descriptions, streams.out);
  }
  streams.out << ":" << completion.directive << "\n";
  streams.err << "Completion ended with directive: "
              << DirectiveName(completion.directive) << "\n";
}

std::string DirectiveName(int directive) {
  static const std::pair<int, const char*> kNames[] = {
      {1, "ShellCompDirectiveError"},
      {2, "ShellCompDirectiveNoSpace"},
      {4, "ShellCompDirectiveNoFileComp"},
      {8, "ShellCompDirectiveFilterFileExt"},
      {16, "ShellCompDirectiveFilterDirs"},
      {32, "ShellCompDirectiveKeepOrder"},
  };
  std::string names;
  for (const auto& [bit, name] : kNames) {
    if ((directive & bit) != 0) {
      names += (names.empty() ? "" : ", ") + std::string(name);
    }
  }
  return names.empty() ? "ShellCompDirectiveDefault" : names;
}

}  // namespace mlist::cli
