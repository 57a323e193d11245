#include "cli/commands.h"

#include <algorithm>
#include <cctype>

#include "cli/annotate.h"
#include "cli/check.h"
#include "cli/create.h"
#include "cli/inspect.h"
#include "cli/ls.h"
#include "cli/push.h"
#include "cli/rm.h"

namespace mlist::cli {
namespace {

// cobra's default SuggestionsMinimumDistance.
constexpr size_t kSuggestDistance = 2;

char Lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) {
    return false;
  }
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[i]) != Lower(prefix[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      AnnotateCommand(), CheckCommand(), CreateCommand(), InspectCommand(),
      LsCommand(),       PushCommand(),  RmCommand(),
  };
  return commands;
}

const Command* FindCommand(std::string_view name) {
  for (const Command& command : Commands()) {
    if (command.name == name) {
      return &command;
    }
  }
  return nullptr;
}

std::vector<std::string> SuggestCommands(std::string_view typed) {
  std::vector<std::string> names;
  for (const Command& command : Commands()) {
    if (command.name == typed) {
      // Reached only when typed came after "--": naming it back helps no
      // one.
      continue;
    }
    if (EditDistance(typed, command.name) <= kSuggestDistance ||
        StartsWithIgnoringCase(command.name, typed)) {
      names.push_back(command.name);
    }
  }
  return names;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  // One row of the classic table at a time.
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t substitute = diagonal + (Lower(a[i - 1]) != Lower(b[j - 1]));
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace mlist::cli
