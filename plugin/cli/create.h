// create: makes a local manifest list from images in a registry.
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"

namespace mlist::cli {

// create's flags.
struct CreateOptions {
  // -a/--amend: add to a local list that exists instead of failing.
  bool amend = false;
  // --insecure: allow a registry without a verified certificate, or plain
  // HTTP. Not stored with the list.
  bool insecure = false;
  // --platform os/arch[/variant], repeatable, comma lists: keep only
  // these platforms of the images and lists given.
  std::vector<std::string> platforms;
  // --keep-attestations: keep the attestation entries of lists given.
  bool keep_attestations = false;
  // --oci, --docker: the list's format, instead of the entries' choice.
  bool oci = false;
  bool docker = false;
  // --annotation KEY=VALUE, repeatable: the index's annotations.
  std::vector<std::string> annotations;
};

// Declares create's flags on flags, bound to options.
void DeclareCreateFlags(FlagSet& flags, CreateOptions& options);

// Creates the local list args[0] from the images args[1...]. Throws
// mlist::Error on failure.
void RunCreate(const GlobalOptions& global, const CreateOptions& options,
               const std::vector<std::string>& args, const Streams& streams);

// Returns the create entry of the command table.
Command CreateCommand();

}  // namespace mlist::cli
