// Help and usage-error texts, laid out as docker lays out `docker manifest`.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/flags.h"

namespace mlist::cli {

// How the user called us, which decides how help and errors name us.
struct Invocation {
  // True when docker started us as its plugin.
  bool plugin = false;

  // The command path of the plugin: "docker mlist", or "docker-mlist"
  // standalone.
  std::string RootPath() const;
  // The plugin's usage line: "docker mlist COMMAND", or
  // "docker-mlist [OPTIONS] COMMAND" standalone.
  std::string RootUsage() const;
  // What argument errors start with: "docker", or "docker-mlist".
  std::string ErrorPrefix() const;
  // The command path of `help`: "docker help", or "docker-mlist help".
  std::string HelpPath() const;
};

// Writes the plugin's help: usage, description, commands and, standalone,
// docker's global flags.
void WriteRootHelp(const Invocation& invocation, std::ostream& out);

// Writes command's help: usage, description and its flags.
void WriteCommandHelp(const Invocation& invocation, const Command& command,
                      std::ostream& out);

// Returns the rows of a flag table as docker prints them under
// "Options:", one line per visible flag, with the descriptions in one
// column and wrapped to fit width.
std::string FlagTable(const std::vector<const Flag*>& flags, size_t width = 79);

// Returns docker's text for a bad flag: "MESSAGE\n\nUsage:  USAGE\n\nRun
// 'PATH --help' for more information".
std::string FlagErrorText(const std::string& message, const std::string& usage,
                          const std::string& path);

// Returns docker's text for a wrong number of arguments to command.
std::string ArgsErrorText(const Invocation& invocation, const Command& command,
                          const ArgsProblem& problem);

// Returns docker's text for an unknown subcommand name, with cobra's "Did
// you mean this?" list when some are close.
std::string UnknownCommandText(const Invocation& invocation,
                               const std::string& name);

}  // namespace mlist::cli
