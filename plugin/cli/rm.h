// rm: deletes manifest lists from the local store, named ones or, with
// --all, every one (docker manifest's and ours).
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"

namespace mlist::cli {

struct RmOptions {
  // --all: remove every local list. No shorthand: "-a" is create's
  // --amend, and a typo should not empty the store.
  bool all = false;
};

// Declares rm's flags on flags: --all.
void DeclareRmFlags(FlagSet& flags, RmOptions& options);

// Deletes each local list named in args, or every local list with --all,
// each under its lock. Throws mlist::Error listing the lists that could
// not be removed, one a line, after removing the others; docker's
// argument error when there is neither a list nor --all; and
// mlist::UsageError for --all with list names.
void RunRm(const GlobalOptions& global, const RmOptions& options,
           const std::vector<std::string>& args, const Streams& streams);

// Returns the rm entry of the command table.
Command RmCommand();

}  // namespace mlist::cli
