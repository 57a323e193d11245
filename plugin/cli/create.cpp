#include "cli/create.h"

#include <map>
#include <ostream>

#include "base/error.h"
#include "base/parallel.h"
#include "cli/context.h"
#include "manifest/fetch.h"
#include "reference/reference.h"

namespace mlist::cli {
namespace {

// Images are resolved with as many requests in flight as a session keeps
// connections to a registry.
constexpr size_t kParallelImages = 8;

// docker's refusal, with the other way out added.
constexpr char kRefuseAmend[] =
    "refusing to amend an existing manifest list with no --amend flag (or "
    "remove it first with `docker mlist rm`)";

// Fetches every image's manifest and config at once.
std::vector<store::NewEntry> FetchEntries(
    registry::Session& session,
    const std::vector<reference::Reference>& images) {
  std::vector<store::NewEntry> entries(images.size());
  base::ParallelFor(images.size(), kParallelImages, [&](size_t i) {
    manifest::Record record = manifest::FetchImageRecord(session, images[i]);
    entries[i] = {images[i], manifest::EncodeRecord(record)};
  });
  return entries;
}

// With --amend, the list keeps its entries that were not named again;
// those named again are replaced by what was just fetched.
std::vector<store::NewEntry> Merge(store::ListTransaction& tx,
                                   std::vector<store::NewEntry> fresh) {
  std::map<std::string, bool> named;
  for (const auto& e : fresh) {
    named[e.ref.String()] = true;
  }
  for (const auto& old : tx.Entries().value_or(std::vector<store::Entry>{})) {
    manifest::Record record = manifest::DecodeRecord(old.bytes);
    auto ref = reference::Parse(record.ref);
    if (!named[ref.String()]) {
      fresh.push_back({ref, old.bytes});
    }
  }
  return fresh;
}

}  // namespace

void DeclareCreateFlags(FlagSet& flags, CreateOptions& options) {
  flags.Bool("amend", 'a', &options.amend, "Amend an existing manifest list");
  flags.Bool("insecure", '\0', &options.insecure,
             "Allow communication with an insecure registry");
}

void RunCreate(const GlobalOptions& global, const CreateOptions& options,
               const std::vector<std::string>& args, const Streams& streams) {
  Context context = LoadContext(global, streams);
  reference::Reference list = ParseListName(args[0]);
  std::vector<reference::Reference> images;
  for (size_t i = 1; i < args.size(); ++i) {
    images.push_back(reference::ParseWithDefaultTag(args[i]));
  }
  store::Store store = context.Store();
  // Refuse before any request when the list is there; the lock is not
  // held while the images are fetched, so the check is made again below.
  if (!options.amend && store.Lock(list).Exists()) {
    throw Error(kRefuseAmend);
  }
  registry::Session session(context.SessionOptions(options.insecure));
  std::vector<store::NewEntry> entries = FetchEntries(session, images);
  // The list is written whole under its lock: another command sees the
  // old list or the new one, never a mix.
  store::ListTransaction tx = store.Lock(list);
  if (!options.amend && tx.Exists()) {
    throw Error(kRefuseAmend);
  }
  tx.Replace(options.amend ? Merge(tx, std::move(entries)) : entries);
  streams.out << "Created manifest list " << list.String() << "\n";
}

Command CreateCommand() {
  return {"create", "create MANIFEST_LIST MANIFEST [MANIFEST...]",
          "Create a local manifest list for annotating and pushing to a "
          "registry",
          ArgsRule::AtLeast(2), BindCommand(&DeclareCreateFlags, &RunCreate)};
}

}  // namespace mlist::cli
