#include "cli/create.h"

#include "base/error.h"
#include "cli/context.h"

namespace mlist::cli {

void DeclareCreateFlags(FlagSet& flags, CreateOptions& options) {
  flags.Bool("amend", 'a', &options.amend, "Amend an existing manifest list");
  flags.Bool("insecure", '\0', &options.insecure,
             "Allow communication with an insecure registry");
}

void RunCreate(const GlobalOptions& global, const CreateOptions&,
               const std::vector<std::string>&, const Streams& streams) {
  LoadContext(global, streams);
  // TODO(#4): fetch each image's manifest and config, build the list and
  // save it in the local store.
  throw Error("docker mlist create is not implemented yet");
}

Command CreateCommand() {
  return {"create", "create MANIFEST_LIST MANIFEST [MANIFEST...]",
          "Create a local manifest list for annotating and pushing to a "
          "registry",
          ArgsRule::AtLeast(2), BindCommand(&DeclareCreateFlags, &RunCreate)};
}

}  // namespace mlist::cli
