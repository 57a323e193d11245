#include "cli/rm.h"

#include "base/error.h"
#include "cli/context.h"

namespace mlist::cli {

void DeclareRmFlags(FlagSet&, RmOptions&) {}

void RunRm(const GlobalOptions& global, const RmOptions&,
           const std::vector<std::string>&, const Streams& streams) {
  LoadContext(global, streams);
  // TODO(#4): remove each list from the local store, reporting
  // "No such manifest: NAME" for those missing and exiting 1 if any was.
  throw Error("docker mlist rm is not implemented yet");
}

Command RmCommand() {
  return {"rm", "rm MANIFEST_LIST [MANIFEST_LIST...]",
          "Delete one or more manifest lists from local storage",
          ArgsRule::AtLeast(1), BindCommand(&DeclareRmFlags, &RunRm)};
}

}  // namespace mlist::cli
