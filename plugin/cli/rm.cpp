#include "cli/rm.h"

#include "base/error.h"
#include "cli/context.h"
#include "cli/help.h"
#include "cli/list_folders.h"
#include "reference/reference.h"

namespace mlist::cli {
namespace {

// The lists named are at least one unless --all is given, which the
// command table cannot say: the check is here, in docker's words.
void CheckListsGiven(const RmOptions& options,
                     const std::vector<std::string>& args,
                     const Streams& streams) {
  if (options.all && !args.empty()) {
    throw UsageError(
        "--all removes every manifest list and takes no list names");
  }
  if (!options.all && args.empty()) {
    Invocation invocation{streams.env.RunAsPlugin()};
    throw Error(ArgsErrorText(invocation, RmCommand(),
                              *CheckArgs(ArgsRule::AtLeast(1), 0)));
  }
}

// Runs remove on each item; the failures are reported together, one a
// line, as docker does, after every item was tried.
template <typename Item, typename Remove>
void RemoveEach(const std::vector<Item>& items, Remove remove) {
  std::string failures;
  for (const Item& item : items) {
    try {
      remove(item);
    } catch (const Error& e) {
      failures += (failures.empty() ? "" : "\n") + std::string(e.what());
    }
  }
  if (!failures.empty()) {
    throw Error(failures);
  }
}

void RemoveNamed(const store::Store& store,
                 const std::vector<std::string>& args) {
  RemoveEach(args, [&](const std::string& arg) {
    auto list = reference::ParseWithDefaultTag(arg);
    if (!store.Remove(list)) {
      throw Error("No such manifest: " + list.String());
    }
  });
}

// Every list folder, docker's included. A list gone meanwhile is as
// good as removed.
void RemoveAll(const store::Store& store) {
  RemoveEach(ListFolders(store), [&](const ListFolder& list) {
    if (!list.ref) {
      throw Error("removing manifest list " + Quote(list.folder) +
                  ": its folder name is no image reference's");
    }
    store.Remove(*list.ref);
  });
}

}  // namespace

void DeclareRmFlags(FlagSet& flags, RmOptions& options) {
  flags.Bool("all", '\0', &options.all, "Remove every local manifest list");
}

void RunRm(const GlobalOptions& global, const RmOptions& options,
           const std::vector<std::string>& args, const Streams& streams) {
  CheckListsGiven(options, args, streams);
  Context context = LoadContext(global, streams);
  store::Store store = context.Store();
  if (options.all) {
    RemoveAll(store);
  } else {
    RemoveNamed(store, args);
  }
}

Command RmCommand() {
  // The usage line stays docker's, so that its argument errors read as
  // docker manifest's; the flag table shows --all.
  return {"rm", "rm MANIFEST_LIST [MANIFEST_LIST...]",
          "Delete one or more manifest lists from local storage",
          ArgsRule::AtLeast(0), BindCommand(&DeclareRmFlags, &RunRm)};
}

}  // namespace mlist::cli
