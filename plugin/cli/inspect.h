// inspect: prints an image manifest or a manifest list, from the local
// store or the registry.
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"

namespace mlist::cli {

// inspect's flags.
struct InspectOptions {
  // --insecure: allow a registry without a verified certificate, or plain
  // HTTP.
  bool insecure = false;
  // -v/--verbose: print the full records, layers and platforms included.
  bool verbose = false;
  // --raw: the exact bytes, their sha256 the digest.
  bool raw = false;
  // --platforms: a summary of the platforms.
  bool platforms = false;
  // --platform os/arch[/variant]: inspect that platform's image of a
  // list.
  std::string platform;
  // --format: "json", or a template (output/template.h).
  std::string format;
};

// Declares inspect's flags on flags, bound to options.
void DeclareInspectFlags(FlagSet& flags, InspectOptions& options);

// Prints args[0] (a list or an image), or with two arguments the entry
// args[1] of the local list args[0]. Throws mlist::Error on failure.
void RunInspect(const GlobalOptions& global, const InspectOptions& options,
                const std::vector<std::string>& args, const Streams& streams);

// Returns the inspect entry of the command table.
Command InspectCommand();

}  // namespace mlist::cli
