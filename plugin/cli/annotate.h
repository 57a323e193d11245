// annotate: sets the platform details of one entry of a local manifest
// list.
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"

namespace mlist::cli {

// annotate's flags; empty strings are left as they are in the entry.
struct AnnotateOptions {
  // --arch, --os, --os-version, --variant.
  std::string architecture;
  std::string os;
  std::string os_version;
  std::string variant;
  // --os-features, comma-separated and repeatable; added to the features
  // the entry already has.
  std::vector<std::string> os_features;
  // --annotation KEY=VALUE, repeatable: the entry's descriptor
  // annotations (OCI image indexes only).
  std::vector<std::string> annotations;
};

// Declares annotate's flags on flags, bound to options.
void DeclareAnnotateFlags(FlagSet& flags, AnnotateOptions& options);

// Annotates the entry args[1] of the local list args[0]. Throws
// mlist::Error on failure.
void RunAnnotate(const GlobalOptions& global, const AnnotateOptions& options,
                 const std::vector<std::string>& args, const Streams& streams);

// Returns the annotate entry of the command table.
Command AnnotateCommand();

}  // namespace mlist::cli
