#include "cli/push.h"

#include "base/error.h"
#include "cli/context.h"

namespace mlist::cli {

void DeclarePushFlags(FlagSet& flags, PushOptions& options) {
  flags.Bool("insecure", '\0', &options.insecure,
             "Allow push to an insecure registry");
  flags.Bool("purge", 'p', &options.purge,
             "Remove the local manifest list after push");
}

void RunPush(const GlobalOptions& global, const PushOptions&,
             const std::vector<std::string>&, const Streams& streams) {
  LoadContext(global, streams);
  // TODO(#5): mount or copy the entries' blobs into the target, put each
  // entry's manifest, then put the list and print its digest.
  throw Error("docker mlist push is not implemented yet");
}

Command PushCommand() {
  return {"push", "push [OPTIONS] MANIFEST_LIST",
          "Push a manifest list to a repository", ArgsRule::Exactly(1),
          BindCommand(&DeclarePushFlags, &RunPush)};
}

}  // namespace mlist::cli
