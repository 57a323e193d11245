#include "cli/help.h"

#include <algorithm>
#include <ostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/global_options.h"

namespace mlist::cli {
namespace {

// cobra pads command names to at least this width.
constexpr size_t kMinNamePadding = 11;

const char* const kDescription =
    "docker-mlist manages manifest lists: it creates them locally from\n"
    "images in a registry, annotates their entries with platform details,\n"
    "inspects manifests and manifest lists, and pushes the lists to a\n"
    "registry. It is compatible with docker manifest: the same commands,\n"
    "the same flags and the same local store.\n";

std::string FlagLead(const Flag& flag) {
  std::string lead = "      --";
  if (flag.shorthand != '\0' && flag.shorthand_deprecated.empty()) {
    lead = std::string("  -") + flag.shorthand + ", --";
  }
  lead += flag.name;
  if (!flag.TypeName().empty()) {
    lead += " " + flag.TypeName();
  }
  return lead;
}

// Breaks text into lines of at most width characters at spaces; a word
// longer than width gets a line of its own.
std::vector<std::string> WrapWords(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::istringstream words(text);
  std::string word;
  std::string line;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  lines.push_back(line);
  return lines;
}

std::vector<const Flag*> Visible(const std::vector<const Flag*>& flags) {
  std::vector<const Flag*> visible;
  for (const Flag* flag : flags) {
    if (!flag->hidden) {
      visible.push_back(flag);
    }
  }
  return visible;
}

void WriteCommandList(std::ostream& out) {
  size_t pad = kMinNamePadding;
  for (const Command& command : Commands()) {
    pad = std::max(pad, command.name.size());
  }
  out << "Commands:\n";
  for (const Command& command : Commands()) {
    out << "  " << command.name
        << std::string(pad + 1 - command.name.size(), ' ')
        << command.description << "\n";
  }
}

void WriteGlobalOptions(std::ostream& out) {
  FlagSet flags;
  GlobalOptions options;
  bool help = false;
  DeclareGlobalFlags(flags, options, help);
  out << "\nGlobal Options:\n" << FlagTable(flags.Sorted());
}

}  // namespace

std::string Invocation::RootPath() const {
  return plugin ? "docker mlist" : "docker-mlist";
}

std::string Invocation::RootUsage() const {
  return plugin ? "docker mlist COMMAND" : "docker-mlist [OPTIONS] COMMAND";
}

std::string Invocation::ErrorPrefix() const {
  return plugin ? "docker" : "docker-mlist";
}

std::string Invocation::HelpPath() const {
  return plugin ? "docker help" : "docker-mlist help";
}

void WriteRootHelp(const Invocation& invocation, std::ostream& out) {
  out << "Usage:  " << invocation.RootUsage() << "\n\n"
      << kDescription << "\n"
      << "To see help for a subcommand, use:\n\n"
      << "    " << invocation.RootPath() << " CMD --help\n\n";
  WriteCommandList(out);
  if (!invocation.plugin) {
    WriteGlobalOptions(out);
  }
  out << "\nRun '" << invocation.RootPath()
      << " COMMAND --help' for more information on a command.\n";
}

void WriteCommandHelp(const Invocation& invocation, const Command& command,
                      std::ostream& out) {
  out << "Usage:  " << invocation.RootPath() << " " << command.usage << "\n\n"
      << command.description << "\n";
  FlagSet flags;
  command.bind(flags);
  std::string table = FlagTable(flags.Sorted());
  if (!table.empty()) {
    out << "\nOptions:\n" << table;
  }
}

std::string FlagTable(const std::vector<const Flag*>& flags, size_t width) {
  std::vector<const Flag*> visible = Visible(flags);
  size_t lead_width = 0;
  for (const Flag* flag : visible) {
    lead_width = std::max(lead_width, FlagLead(*flag).size());
  }
  // pflag puts three spaces between the widest lead and the descriptions.
  size_t column = lead_width + 3;
  size_t text_width = width > column + 24 ? width - column : 24;
  std::string table;
  for (const Flag* flag : visible) {
    std::string lead = FlagLead(*flag);
    table += lead + std::string(column - lead.size(), ' ');
    std::vector<std::string> lines = WrapWords(flag->usage, text_width);
    for (size_t i = 0; i < lines.size(); ++i) {
      table += (i == 0 ? "" : std::string(column, ' ')) + lines[i] + "\n";
    }
  }
  return table;
}

std::string FlagErrorText(const std::string& message, const std::string& usage,
                          const std::string& path) {
  return message + "\n\nUsage:  " + usage + "\n\nRun '" + path +
         " --help' for more information";
}

std::string ArgsErrorText(const Invocation& invocation, const Command& command,
                          const ArgsProblem& problem) {
  std::string path = invocation.RootPath() + " " + command.name;
  return invocation.ErrorPrefix() + ": '" + path + "' " + problem.text +
         "\n\nUsage:  " + invocation.RootPath() + " " + command.usage + "\n\n" +
         problem.hint_verb + " '" + path + " --help' for more information";
}

std::string UnknownCommandText(const Invocation& invocation,
                               const std::string& name) {
  std::string text = invocation.ErrorPrefix() +
                     ": unknown command: " + invocation.RootPath() + " " +
                     name + "\n\n";
  // docker prints no suggestions for its own subcommands; cobra's format
  // is used here, where the user reads it before the usage.
  std::vector<std::string> suggestions = SuggestCommands(name);
  if (!suggestions.empty()) {
    text += "Did you mean this?\n";
    for (const std::string& suggestion : suggestions) {
      text += "\t" + suggestion + "\n";
    }
    text += "\n";
  }
  return text + "Usage:  " + invocation.RootUsage() + "\n\nRun '" +
         invocation.RootPath() + " --help' for more information";
}

}  // namespace mlist::cli
