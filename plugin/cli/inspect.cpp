#include "cli/inspect.h"

#include <ostream>

#include "base/error.h"
#include "cli/context.h"
#include "manifest/fetch.h"
#include "output/inspect.h"
#include "reference/reference.h"
#include "registry/registry_error.h"

namespace mlist::cli {
namespace {

std::vector<manifest::Record> DecodeEntries(
    const std::vector<store::Entry>& entries) {
  std::vector<manifest::Record> records;
  for (const auto& entry : entries) {
    records.push_back(manifest::DecodeRecord(entry.bytes));
  }
  return records;
}

void PrintRecord(const manifest::Record& record, bool verbose,
                 std::ostream& out) {
  out << (verbose ? output::InspectManifestVerbose(record)
                  : output::InspectManifest(record));
}

void PrintList(const std::vector<manifest::Record>& entries, bool verbose,
               std::ostream& out) {
  out << (verbose ? output::InspectListVerbose(entries)
                  : output::InspectList(entries));
}

// The registry half of inspect: one GET tells an image from a list;
// verbose views also fetch what they show (config, children).
void InspectRemote(const Context& context, const InspectOptions& options,
                   const reference::Reference& ref, std::ostream& out) {
  registry::Session session(context.SessionOptions(options.insecure));
  manifest::Fetched fetched;
  try {
    fetched = manifest::Fetch(session, ref, options.verbose);
  } catch (const registry::RegistryError& e) {
    if (e.HasCode("MANIFEST_UNKNOWN") || e.status() == 404) {
      // docker's words for a reference the registry does not have.
      throw Error("no such manifest: " + ref.WithDefaultTag().String());
    }
    throw;
  }
  if (fetched.is_list) {
    PrintList(fetched.entries, options.verbose, out);
  } else {
    PrintRecord(fetched.image, options.verbose, out);
  }
}

}  // namespace

void DeclareInspectFlags(FlagSet& flags, InspectOptions& options) {
  flags.Bool("insecure", '\0', &options.insecure,
             "Allow communication with an insecure registry");
  flags.Bool("verbose", 'v', &options.verbose,
             "Output additional info including layers and platform");
}

void RunInspect(const GlobalOptions& global, const InspectOptions& options,
                const std::vector<std::string>& args, const Streams& streams) {
  Context context = LoadContext(global, streams);
  reference::Reference ref = reference::ParseWithDefaultTag(args.back());
  store::Store store = context.Store();
  // As docker: with a list named, its local entry; else a local list of
  // that name; else the registry.
  if (args.size() == 2) {
    auto list = reference::ParseWithDefaultTag(args[0]);
    auto record = store.Get(list, ref);
    if (!record) {
      throw Error("No such manifest: " + ref.String());
    }
    PrintRecord(manifest::DecodeRecord(*record), options.verbose, streams.out);
    return;
  }
  if (auto entries = store.Entries(ref)) {
    PrintList(DecodeEntries(*entries), options.verbose, streams.out);
    return;
  }
  InspectRemote(context, options, ref, streams.out);
}

Command InspectCommand() {
  return {"inspect", "inspect [OPTIONS] [MANIFEST_LIST] MANIFEST",
          "Display an image manifest, or manifest list",
          ArgsRule::Between(1, 2),
          BindCommand(&DeclareInspectFlags, &RunInspect)};
}

}  // namespace mlist::cli
