#include "cli/create.h"

#include <ostream>
#include <set>

#include "base/error.h"
#include "cli/context.h"
#include "cli/local_list.h"
#include "manifest/attestation.h"
#include "manifest/built_list.h"
#include "manifest/platform_spec.h"
#include "manifest/sources.h"
#include "reference/reference.h"
#include "registry/media_types.h"

namespace mlist::cli {
namespace {

// docker's refusal, with the other way out added.
constexpr char kRefuseAmend[] =
    "refusing to amend an existing manifest list with no --amend flag (or "
    "remove it first with `docker mlist rm`)";

// A record and the bytes the store keeps of it: an entry kept by
// --amend keeps its bytes exactly, whoever wrote them.
struct Item {
  manifest::Record record;
  std::string bytes;
};

bool HasPlatform(const manifest::Record& r) {
  return r.descriptor.platform && !manifest::IsAttestation(r.descriptor) &&
         !manifest::PlatformString(*r.descriptor.platform).empty();
}

bool SamePlatform(const manifest::Record& a, const manifest::Record& b) {
  return HasPlatform(a) && HasPlatform(b) &&
         manifest::SamePlatform(*a.descriptor.platform, *b.descriptor.platform);
}

// One image per platform: no client could choose between two. The same
// image named twice is one image.
void CheckDuplicates(const std::vector<manifest::Record>& fresh) {
  for (size_t i = 0; i < fresh.size(); ++i) {
    for (size_t j = i + 1; j < fresh.size(); ++j) {
      if (SamePlatform(fresh[i], fresh[j]) &&
          fresh[i].descriptor.digest != fresh[j].descriptor.digest) {
        throw Error(Quote(fresh[i].ref) + " and " + Quote(fresh[j].ref) +
                    " are both " +
                    manifest::PlatformString(*fresh[i].descriptor.platform) +
                    ": a list holds one image per platform (leave one "
                    "out, or choose with --platform)");
      }
    }
  }
}

std::vector<Item> ToItems(const std::vector<manifest::Record>& records) {
  std::vector<Item> items;
  for (const auto& r : records) {
    items.push_back({r, manifest::EncodeRecord(r)});
  }
  return items;
}

// Whether an entry of the list is replaced by what was just fetched: the
// same reference, or an image of the same platform.
bool Replaced(const manifest::Record& old,
              const std::vector<manifest::Record>& fresh) {
  for (const auto& f : fresh) {
    if (reference::Parse(f.ref) == reference::Parse(old.ref) ||
        SamePlatform(f, old)) {
      return true;
    }
  }
  return false;
}

// Attestations of images no longer in the list go with them.
std::vector<Item> DropOrphans(std::vector<Item> items) {
  std::set<std::string> images;
  for (const auto& item : items) {
    if (!manifest::IsAttestation(item.record.descriptor)) {
      images.insert(item.record.descriptor.digest);
    }
  }
  std::vector<Item> kept;
  for (auto& item : items) {
    const auto& d = item.record.descriptor;
    if (!manifest::IsAttestation(d) ||
        images.count(manifest::AttestedDigest(d)) > 0) {
      kept.push_back(std::move(item));
    }
  }
  return kept;
}

// With --amend, the list keeps its entries that were not replaced.
std::vector<Item> Merge(const store::ListTransaction& tx,
                        const std::vector<manifest::Record>& fresh) {
  std::vector<Item> items = ToItems(fresh);
  for (const auto& old : tx.Entries().value_or(std::vector<store::Entry>{})) {
    manifest::Record record = manifest::DecodeRecord(old.bytes);
    if (!Replaced(record, fresh)) {
      items.push_back({std::move(record), old.bytes});
    }
  }
  return DropOrphans(std::move(items));
}

// The list's settings: what --amend finds, changed by the flags given.
manifest::ListSettings Settings(const store::ListTransaction& tx,
                                const CreateOptions& options) {
  manifest::ListSettings settings;
  if (options.amend) {
    settings = ReadSettings(tx);
  }
  if (options.oci) {
    settings.media_type = registry::kOciIndex;
  } else if (options.docker) {
    settings.media_type = registry::kDockerManifestList;
  }
  for (auto& [key, value] : ParseAnnotations(options.annotations)) {
    settings.annotations[key] = value;
  }
  return settings;
}

std::vector<store::NewEntry> NewEntries(const std::vector<Item>& items) {
  std::vector<store::NewEntry> entries;
  for (const auto& item : items) {
    entries.push_back({reference::Parse(item.record.ref), item.bytes});
  }
  return entries;
}

// Entries taken from an OCI index keep the annotations it gave them: the
// list stays an OCI index unless --docker says otherwise (and is then
// refused, before anything is written).
bool KeepsOciForAnnotations(const manifest::ListSettings& settings,
                            const std::vector<manifest::Record>& fresh) {
  if (!settings.media_type.empty()) {
    return false;
  }
  for (const auto& record : fresh) {
    if (!record.descriptor.annotations.empty()) {
      return true;
    }
  }
  return false;
}

void CheckFlags(const CreateOptions& options) {
  if (options.oci && options.docker) {
    throw UsageError("--oci and --docker cannot be used together");
  }
  ParseAnnotations(options.annotations);
}

}  // namespace

void DeclareCreateFlags(FlagSet& flags, CreateOptions& options) {
  flags.Bool("amend", 'a', &options.amend, "Amend an existing manifest list");
  flags.List("annotation", '\0', &options.annotations,
             "Set an index annotation, KEY=VALUE");
  flags.Bool("docker", '\0', &options.docker, "Make a Docker manifest list");
  flags.Bool("insecure", '\0', &options.insecure,
             "Allow communication with an insecure registry");
  flags.Bool("keep-attestations", '\0', &options.keep_attestations,
             "Keep the attestations of the lists given");
  flags.Bool("oci", '\0', &options.oci, "Make an OCI image index");
  flags.Strings("platform", '\0', &options.platforms,
                "Keep only these platforms (os/arch[/variant])");
}

void RunCreate(const GlobalOptions& global, const CreateOptions& options,
               const std::vector<std::string>& args, const Streams& streams) {
  CheckFlags(options);
  Context context = LoadContext(global, streams);
  reference::Reference list = ParseListName(args[0]);
  std::vector<reference::Reference> images;
  for (size_t i = 1; i < args.size(); ++i) {
    images.push_back(reference::ParseWithDefaultTag(args[i]));
  }
  manifest::SourceFilter filter{manifest::ParsePlatformSpecs(options.platforms),
                                options.keep_attestations};
  store::Store store = context.Store();
  // Refuse before any request when the list is there; the lock is not
  // held while the images are fetched, so the check is made again below.
  if (!options.amend && store.Lock(list).Exists()) {
    throw Error(kRefuseAmend);
  }
  registry::Session session(context.SessionOptions(options.insecure));
  std::vector<manifest::Record> fresh =
      manifest::FetchSources(session, images, filter);
  CheckDuplicates(fresh);
  // The list is written whole under its lock: another command sees the
  // old list or the new one, never a mix.
  store::ListTransaction tx = store.Lock(list);
  if (!options.amend && tx.Exists()) {
    throw Error(kRefuseAmend);
  }
  std::vector<Item> items = options.amend ? Merge(tx, fresh) : ToItems(fresh);
  manifest::ListSettings settings = Settings(tx, options);
  if (KeepsOciForAnnotations(settings, fresh)) {
    settings.media_type = registry::kOciIndex;
    if (context.debug_log) {
      context.debug_log(
          "an OCI image index: a source list's entries carry "
          "annotations");
    }
  }
  std::vector<manifest::Record> records;
  for (const auto& item : items) {
    records.push_back(item.record);
  }
  // Refuses annotations a Docker list cannot carry, before writing.
  manifest::BuiltList built =
      manifest::BuildList(records, settings, list.String());
  if (context.debug_log) {
    context.debug_log("manifest list " + list.String() + ": " +
                      manifest::FormatName(built.format.media_type) + " (" +
                      built.format.reason + ")");
  }
  tx.Replace(NewEntries(items), manifest::EncodeListSettings(settings));
  streams.out << "Created manifest list " << list.String() << "\n";
}

Command CreateCommand() {
  return {"create", "create MANIFEST_LIST MANIFEST [MANIFEST...]",
          "Create a local manifest list for annotating and pushing to a "
          "registry",
          ArgsRule::AtLeast(2), BindCommand(&DeclareCreateFlags, &RunCreate)};
}

}  // namespace mlist::cli
