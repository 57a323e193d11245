#include "cli/push.h"

#include <unistd.h>

#include <iostream>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>

#include "base/error.h"
#include "base/parallel.h"
#include "cli/context.h"
#include "cli/local_list.h"
#include "manifest/built_list.h"
#include "manifest/record.h"
#include "manifest/transfer.h"
#include "reference/reference.h"

namespace mlist::cli {
namespace {

constexpr size_t kParallelImages = 8;

// Every entry needs a platform with os and architecture: a list without
// them cannot be resolved by any client.
void CheckPlatforms(const std::vector<manifest::Record>& records,
                    const std::string& list) {
  for (const auto& r : records) {
    const auto& p = r.descriptor.platform;
    if (!p || p->os.empty() || p->architecture.empty()) {
      throw Error("manifest " + r.ref + " in " + list +
                  " has no os or architecture: set them with `docker "
                  "mlist annotate --os OS --arch ARCH " +
                  list + " " + r.ref + "`");
    }
  }
}

// What the list holds, to tell whether it changed: its entries' names and
// bytes, and its settings.
std::string Fingerprint(const std::optional<std::vector<store::Entry>>& entries,
                        const std::optional<std::string>& settings) {
  std::string out;
  for (const auto& e : entries.value_or(std::vector<store::Entry>{})) {
    out += std::to_string(e.name.size()) + ":" + e.name +
           std::to_string(e.bytes.size()) + ":" + e.bytes;
  }
  return out + "settings:" + settings.value_or("");
}

// --purge removes the list that was pushed, not one that another command
// changed meanwhile (an annotate, a create --amend): that one is kept, or
// its change would be lost everywhere.
void Purge(const store::Store& store, const reference::Reference& list,
           const std::string& pushed, std::ostream& err) {
  store::ListTransaction tx = store.Lock(list);
  if (Fingerprint(tx.Entries(), tx.Settings()) != pushed) {
    err << "WARNING: not purging " << list.String()
        << ": it changed during the push\n";
    return;
  }
  tx.Remove();
}

manifest::BuiltList LoadList(const store::Store& store,
                             const reference::Reference& list) {
  auto local = ReadLocalList(store, list);
  if (!local) {
    throw Error("No such manifest: " + list.String());
  }
  CheckPlatforms(local->records, list.String());
  return manifest::BuildList(std::move(local->records), local->settings,
                             list.String());
}

// Asks for one token covering the target and every source repository.
void AddScopes(registry::Session& session,
               const std::vector<manifest::Record>& records,
               const reference::Reference& target) {
  session.AddScope(target, "pull,push");
  for (const auto& r : records) {
    auto source = reference::Parse(r.ref);
    if (!manifest::SameRepository(source, target)) {
      session.AddScope(source, "pull");
    }
  }
}

// One line on a terminal's stderr, rewritten as images land: "3/7
// images in place in registry.example/app".
class Progress {
 public:
  Progress(std::ostream& err, size_t total) : err_(err), total_(total) {}
  ~Progress() {
    if (done_ > 0) {
      err_ << "\n" << std::flush;
    }
  }
  void Done(const reference::Reference& target) {
    std::lock_guard<std::mutex> lock(mu_);
    ++done_;
    err_ << "\r" << done_ << "/" << total_ << " images in place in "
         << target.Name() << std::flush;
  }

 private:
  std::mutex mu_;
  std::ostream& err_;
  size_t total_;
  size_t done_ = 0;
};

// Puts every entry from another repository into the target, in
// parallel; entries already in the target repository need nothing.
void MoveEntries(registry::Session& session,
                 const std::vector<manifest::Record>& records,
                 const reference::Reference& target, const Streams& streams,
                 bool quiet, Progress* progress) {
  std::vector<char> moved(records.size(), 0);
  base::ParallelFor(records.size(), kParallelImages, [&](size_t i) {
    auto source = reference::Parse(records[i].ref);
    if (!manifest::SameRepository(source, target)) {
      manifest::TransferImage(session, records[i], source, target);
      moved[i] = 1;
    }
    if (progress != nullptr) {
      progress->Done(target);
    }
  });
  for (size_t i = 0; i < records.size() && !quiet; ++i) {
    if (moved[i]) {
      streams.out << "Pushed ref " << target.Name() << "@"
                  << records[i].descriptor.digest
                  << " with digest: " << records[i].descriptor.digest << "\n";
    }
  }
}

}  // namespace

void DeclarePushFlags(FlagSet& flags, PushOptions& options) {
  flags.Bool("insecure", '\0', &options.insecure,
             "Allow push to an insecure registry");
  flags.Bool("purge", 'p', &options.purge,
             "Remove the local manifest list after push");
  flags.Bool("quiet", 'q', &options.quiet, "Print only the list's digest");
  flags.List("tag", 't', &options.tags,
             "Also push the list under this reference (repeatable)");
}

void RunPush(const GlobalOptions& global, const PushOptions& options,
             const std::vector<std::string>& args, const Streams& streams) {
  Context context = LoadContext(global, streams);
  reference::Reference list = ParseListName(args[0]);
  std::vector<reference::Reference> targets = {list};
  for (const auto& tag : options.tags) {
    targets.push_back(ParseListName(tag));
  }
  store::Store store = context.Store();
  // Read first: a change after it only makes --purge keep the list.
  std::string read =
      options.purge ? Fingerprint(store.Entries(list), store.Settings(list))
                    : "";
  manifest::BuiltList built = LoadList(store, list);
  const std::vector<manifest::Record>& records = built.records;
  if (context.debug_log) {
    context.debug_log("pushing " + list.String() + " as " +
                      manifest::FormatName(built.format.media_type) + " (" +
                      built.format.reason + ")");
  }

  registry::Session session(context.SessionOptions(options.insecure));
  // The list goes last, under each tag, once every entry is in place in
  // that tag's repository.
  // Progress only where a person watches: a terminal, not -q.
  bool show_progress = !options.quiet && &streams.err == &std::cerr &&
                       ::isatty(STDERR_FILENO) == 1;
  std::string digest;
  std::set<std::string> filled;  // repositories that have every entry
  for (const auto& target : targets) {
    if (filled.insert(target.Name()).second) {
      AddScopes(session, records, target);
      std::optional<Progress> progress;
      if (show_progress) {
        progress.emplace(streams.err, records.size());
      }
      MoveEntries(session, records, target, streams, options.quiet,
                  progress ? &*progress : nullptr);
    }
    digest = session.PutManifest(target, built.format.media_type, built.bytes,
                                 "manifest list");
  }
  streams.out << digest << "\n";
  if (options.purge) {
    Purge(store, list, read, streams.err);
  }
}

Command PushCommand() {
  return {"push", "push [OPTIONS] MANIFEST_LIST",
          "Push a manifest list to a repository", ArgsRule::Exactly(1),
          BindCommand(&DeclarePushFlags, &RunPush)};
}

}  // namespace mlist::cli
