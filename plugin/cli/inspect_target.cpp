#include "cli/inspect_target.h"

#include "base/error.h"
#include "cli/local_list.h"
#include "manifest/attestation.h"
#include "manifest/built_list.h"
#include "manifest/fetch.h"
#include "manifest/manifest_list.h"
#include "manifest/parse.h"
#include "reference/reference.h"
#include "registry/registry_error.h"

namespace mlist::cli {
namespace {

InspectTarget ImageTarget(manifest::Record record, bool local) {
  InspectTarget t;
  output::Subject& s = t.subject;
  s.ref = record.ref;
  s.local = local;
  s.media_type = record.descriptor.media_type;
  s.digest = record.descriptor.digest;
  s.size = record.descriptor.size;
  s.annotations = record.manifest.annotations;
  s.platform = record.descriptor.platform;
  t.raw = record.raw;
  t.image = std::move(record);
  return t;
}

InspectTarget LocalListTarget(const reference::Reference& ref,
                              LocalList local) {
  manifest::BuiltList built = manifest::BuildList(std::move(local.records),
                                                  local.settings, ref.String());
  InspectTarget t;
  output::Subject& s = t.subject;
  s.ref = ref.String();
  s.local = true;
  s.is_list = true;
  s.media_type = built.format.media_type;
  s.digest = built.digest;
  s.size = static_cast<int64_t>(built.bytes.size());
  s.annotations = local.settings.annotations;
  s.entries = std::move(built.records);
  t.list_view = built.bytes + "\n";
  t.raw = std::move(built.bytes);
  return t;
}

// docker prints a remote list rebuilt from its entries, not as fetched;
// annotations, which docker drops, are kept.
InspectTarget RemoteListTarget(const reference::Reference& ref,
                               manifest::Fetched fetched) {
  InspectTarget t;
  output::Subject& s = t.subject;
  s.ref = ref.String();
  s.is_list = true;
  s.media_type = fetched.media_type;
  s.digest = fetched.digest;
  s.size = static_cast<int64_t>(fetched.bytes.size());
  s.annotations = fetched.annotations;
  std::vector<manifest::Descriptor> entries;
  for (const auto& record : fetched.entries) {
    entries.push_back(manifest::ListEntry(record));
  }
  t.list_view =
      manifest::BuildManifestList(entries, manifest::ListMediaType(entries),
                                  fetched.annotations) +
      "\n";
  s.entries = std::move(fetched.entries);
  t.raw = std::move(fetched.bytes);
  return t;
}

std::string PlatformList(const std::vector<const manifest::Record*>& records) {
  std::string text;
  for (const auto* r : records) {
    text += (text.empty() ? "" : ", ") +
            manifest::PlatformString(
                r->descriptor.platform.value_or(manifest::Platform{}));
  }
  return text;
}

// The one image of the list for spec; attestations never match.
const manifest::Record& SelectEntry(const InspectTarget& list,
                                    const manifest::PlatformSpec& spec) {
  std::vector<const manifest::Record*> images, matches;
  for (const auto& entry : list.subject.entries) {
    if (manifest::IsAttestation(entry.descriptor)) {
      continue;
    }
    images.push_back(&entry);
    if (manifest::Matches(
            entry.descriptor.platform.value_or(manifest::Platform{}), spec)) {
      matches.push_back(&entry);
    }
  }
  if (matches.empty()) {
    throw Error("no manifest for platform " + spec.String() + " in " +
                Quote(list.subject.ref) + " (it has " +
                (images.empty() ? "none" : PlatformList(images)) + ")");
  }
  if (matches.size() > 1) {
    throw Error("platform " + spec.String() + " matches " +
                std::to_string(matches.size()) + " manifests in " +
                Quote(list.subject.ref) + " (" + PlatformList(matches) +
                "): name the variant");
  }
  return *matches.front();
}

void CheckImagePlatform(const InspectTarget& image,
                        const manifest::PlatformSpec& spec) {
  const auto& platform = image.subject.platform;
  if (!platform || !manifest::Matches(*platform, spec)) {
    std::string has = platform ? manifest::PlatformString(*platform) : "";
    throw Error(Quote(image.subject.ref) + " is an image for " +
                (has.empty() ? "an unknown platform" : has) + ", not " +
                spec.String());
  }
}

manifest::Fetched FetchRemote(registry::Session& session,
                              const reference::Reference& ref,
                              const InspectNeeds& needs) {
  try {
    return manifest::Fetch(session, ref, needs.children && !needs.platform);
  } catch (const registry::RegistryError& e) {
    if (e.HasCode("MANIFEST_UNKNOWN") || e.status() == 404) {
      // docker's words for a reference the registry does not have.
      throw Error("no such manifest: " + ref.WithDefaultTag().String());
    }
    throw;
  }
}

InspectTarget RemoteTarget(const Context& context,
                           const reference::Reference& ref,
                           const InspectNeeds& needs) {
  registry::Session session(context.SessionOptions(needs.insecure));
  manifest::Fetched fetched = FetchRemote(session, ref, needs);
  if (fetched.is_list) {
    InspectTarget list = RemoteListTarget(ref, std::move(fetched));
    if (!needs.platform) {
      return list;
    }
    const manifest::Record& entry = SelectEntry(list, *needs.platform);
    return ImageTarget(
        manifest::ChildRecord(session, reference::Parse(entry.ref),
                              entry.descriptor),
        false);
  }
  manifest::Record record = std::move(fetched.image);
  if (needs.image_platform || needs.platform) {
    manifest::Manifest m =
        manifest::ParseManifest(fetched.bytes, fetched.media_type);
    record = manifest::ImageRecord(session, ref, m);
  }
  InspectTarget image = ImageTarget(std::move(record), false);
  if (needs.platform) {
    CheckImagePlatform(image, *needs.platform);
  }
  return image;
}

InspectTarget LocalEntryTarget(const store::Store& store,
                               const std::vector<std::string>& args,
                               const InspectNeeds& needs) {
  auto list = reference::ParseWithDefaultTag(args[0]);
  auto ref = reference::ParseWithDefaultTag(args[1]);
  auto record = store.Get(list, ref);
  if (!record) {
    throw Error("No such manifest: " + ref.String());
  }
  InspectTarget image = ImageTarget(manifest::DecodeRecord(*record), true);
  if (needs.platform) {
    CheckImagePlatform(image, *needs.platform);
  }
  return image;
}

}  // namespace

InspectTarget FindTarget(const Context& context,
                         const std::vector<std::string>& args,
                         const InspectNeeds& needs) {
  store::Store store = context.Store();
  if (args.size() == 2) {
    return LocalEntryTarget(store, args, needs);
  }
  reference::Reference ref = reference::ParseWithDefaultTag(args[0]);
  if (auto local = ReadLocalList(store, ref)) {
    InspectTarget list = LocalListTarget(ref, std::move(*local));
    if (!needs.platform) {
      return list;
    }
    return ImageTarget(SelectEntry(list, *needs.platform), true);
  }
  return RemoteTarget(context, ref, needs);
}

}  // namespace mlist::cli
