// check: tests a registry for manifest list support. It pushes tiny
// scratch images and lists into a repository, reads them back, tries a
// cross-repository mount, and deletes what it pushed where the registry
// allows it.
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"

namespace mlist::cli {

// check's flags.
struct CheckOptions {
  // --insecure: allow a registry without a verified certificate, or plain
  // HTTP.
  bool insecure = false;
};

// Declares check's flags on flags, bound to options.
void DeclareCheckFlags(FlagSet& flags, CheckOptions& options);

// Checks the repository args[0], printing one Yes or No line per
// capability and one about the clean-up. Throws mlist::Error when any
// capability is missing (after printing every line), and when the check
// cannot be made at all (a bad name, an unreachable registry, refused
// credentials).
void RunCheck(const GlobalOptions& global, const CheckOptions& options,
              const std::vector<std::string>& args, const Streams& streams);

// Returns the check entry of the command table.
Command CheckCommand();

}  // namespace mlist::cli
