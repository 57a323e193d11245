#include "cli/rm.h"

#include "base/error.h"
#include "cli/context.h"
#include "reference/reference.h"

namespace mlist::cli {

void DeclareRmFlags(FlagSet&, RmOptions&) {}

void RunRm(const GlobalOptions& global, const RmOptions&,
           const std::vector<std::string>& args, const Streams& streams) {
  Context context = LoadContext(global, streams);
  store::Store store = context.Store();
  // Every list named is removed that can be; the failures are reported
  // together, one a line, as docker does.
  std::string failures;
  for (const auto& arg : args) {
    try {
      auto list = reference::ParseWithDefaultTag(arg);
      if (!store.Remove(list)) {
        throw Error("No such manifest: " + list.String());
      }
    } catch (const Error& e) {
      failures += (failures.empty() ? "" : "\n") + std::string(e.what());
    }
  }
  if (!failures.empty()) {
    throw Error(failures);
  }
}

Command RmCommand() {
  return {"rm", "rm MANIFEST_LIST [MANIFEST_LIST...]",
          "Delete one or more manifest lists from local storage",
          ArgsRule::AtLeast(1), BindCommand(&DeclareRmFlags, &RunRm)};
}

}  // namespace mlist::cli
