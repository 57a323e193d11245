#include "cli/inspect.h"

#include "base/error.h"
#include "cli/context.h"

namespace mlist::cli {

void DeclareInspectFlags(FlagSet& flags, InspectOptions& options) {
  flags.Bool("insecure", '\0', &options.insecure,
             "Allow communication with an insecure registry");
  flags.Bool("verbose", 'v', &options.verbose,
             "Output additional info including layers and platform");
}

void RunInspect(const GlobalOptions& global, const InspectOptions&,
                const std::vector<std::string>&, const Streams& streams) {
  LoadContext(global, streams);
  // TODO(#4): look the reference up in the local store, fall back to the
  // registry, and print it as docker manifest inspect does.
  throw Error("docker mlist inspect is not implemented yet");
}

Command InspectCommand() {
  return {"inspect", "inspect [OPTIONS] [MANIFEST_LIST] MANIFEST",
          "Display an image manifest, or manifest list",
          ArgsRule::Between(1, 2),
          BindCommand(&DeclareInspectFlags, &RunInspect)};
}

}  // namespace mlist::cli
