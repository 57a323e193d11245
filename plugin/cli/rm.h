// rm: deletes manifest lists from the local store.
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"

namespace mlist::cli {

// rm has no flags of its own.
struct RmOptions {};

// Declares rm's flags on flags: none.
void DeclareRmFlags(FlagSet& flags, RmOptions& options);

// Deletes each local list named in args. Throws mlist::Error on failure.
void RunRm(const GlobalOptions& global, const RmOptions& options,
           const std::vector<std::string>& args, const Streams& streams);

// Returns the rm entry of the command table.
Command RmCommand();

}  // namespace mlist::cli
