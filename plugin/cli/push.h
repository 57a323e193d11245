// push: sends a local manifest list, and the manifests it names, to a
// registry.
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"

namespace mlist::cli {

// push's flags.
struct PushOptions {
  // --insecure: allow a registry without a verified certificate, or plain
  // HTTP.
  bool insecure = false;
  // -p/--purge: remove the local list once it is pushed.
  bool purge = false;
  // -q/--quiet: print only the list's digest.
  bool quiet = false;
  // -t/--tag, repeatable: more references to push the same list as.
  std::vector<std::string> tags;
};

// Declares push's flags on flags, bound to options.
void DeclarePushFlags(FlagSet& flags, PushOptions& options);

// Pushes the local list args[0] and prints its digest. Throws mlist::Error
// on failure.
void RunPush(const GlobalOptions& global, const PushOptions& options,
             const std::vector<std::string>& args, const Streams& streams);

// Returns the push entry of the command table.
Command PushCommand();

}  // namespace mlist::cli
