// The table of subcommands and lookups over it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"

namespace mlist::cli {

// The plugin's name: docker runs `docker mlist ...` as
// `docker-mlist [GLOBAL FLAGS] mlist ...`.
inline constexpr const char* kPluginName = "mlist";

// Returns every subcommand, sorted by name as help lists them.
const std::vector<Command>& Commands();

// Returns the subcommand called name (case matters, as in docker), or
// null.
const Command* FindCommand(std::string_view name);

// Returns the names of the subcommands close to typed, as cobra suggests
// them: within two edits ignoring case, or starting with it. typed itself
// is never suggested.
std::vector<std::string> SuggestCommands(std::string_view typed);

// Returns the Levenshtein distance between a and b, ignoring ASCII case.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace mlist::cli
