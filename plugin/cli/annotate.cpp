#include "cli/annotate.h"

#include "base/error.h"
#include "cli/context.h"

namespace mlist::cli {

void DeclareAnnotateFlags(FlagSet& flags, AnnotateOptions& options) {
  flags.String("arch", '\0', &options.architecture, "Set architecture");
  flags.String("os", '\0', &options.os, "Set operating system");
  flags.Strings("os-features", '\0', &options.os_features,
                "Set operating system feature");
  flags.String("os-version", '\0', &options.os_version,
               "Set operating system version");
  flags.String("variant", '\0', &options.variant, "Set architecture variant");
}

void RunAnnotate(const GlobalOptions& global, const AnnotateOptions&,
                 const std::vector<std::string>&, const Streams& streams) {
  LoadContext(global, streams);
  // TODO(#4): load the entry from the local store, apply the platform
  // fields and save it back atomically.
  throw Error("docker mlist annotate is not implemented yet");
}

Command AnnotateCommand() {
  return {"annotate", "annotate [OPTIONS] MANIFEST_LIST MANIFEST",
          "Add additional information to a local image manifest",
          ArgsRule::Exactly(2),
          BindCommand(&DeclareAnnotateFlags, &RunAnnotate)};
}

}  // namespace mlist::cli
