#include "cli/annotate.h"

#include <algorithm>
#include <ostream>

#include "base/error.h"
#include "cli/context.h"
#include "cli/local_list.h"
#include "cli/os_arch.h"
#include "manifest/list_settings.h"
#include "manifest/record.h"
#include "reference/reference.h"

namespace mlist::cli {
namespace {

reference::Reference ParseName(const std::string& what,
                               const std::string& arg) {
  try {
    return reference::ParseWithDefaultTag(arg);
  } catch (const Error& e) {
    throw Wrap("annotate: error parsing name for " + what + " " + arg, e);
  }
}

// The flags given replace the platform's fields; --os-features adds to
// the features already there, each once (as docker does).
void Apply(const AnnotateOptions& options, manifest::Platform& platform) {
  if (!options.os.empty()) {
    platform.os = options.os;
  }
  if (!options.architecture.empty()) {
    platform.architecture = options.architecture;
  }
  for (const auto& feature : options.os_features) {
    if (std::find(platform.os_features.begin(), platform.os_features.end(),
                  feature) == platform.os_features.end()) {
      platform.os_features.push_back(feature);
    }
  }
  if (!options.variant.empty()) {
    platform.variant = options.variant;
  }
  if (!options.os_version.empty()) {
    platform.os_version = options.os_version;
  }
}

// Descriptor annotations need an OCI index: the list's format is
// checked with every entry, as push will build it.
void AnnotateEntry(const AnnotateOptions& options,
                   const store::ListTransaction& tx, manifest::Record& record) {
  if (options.annotations.empty()) {
    return;
  }
  for (auto& [key, value] : ParseAnnotations(options.annotations)) {
    record.descriptor.annotations[key] = value;
  }
  std::vector<manifest::Record> records = {record};
  for (const auto& e : tx.Entries().value_or(std::vector<store::Entry>{})) {
    records.push_back(manifest::DecodeRecord(e.bytes));
  }
  manifest::ListSettings settings = ReadSettings(tx);
  manifest::CheckAnnotationsFit(manifest::ResolveListFormat(settings, records),
                                settings, {record}, tx.list().String());
}

void WarnUnknownOsArch(const manifest::Platform& platform, std::ostream& err) {
  if (IsKnownOsArch(platform.os, platform.architecture)) {
    return;
  }
  // docker refuses pairs it does not know; new ports appear faster than
  // docker's list grows, so this is only a warning.
  err << "WARNING: unknown os/arch combination " << platform.os << "/"
      << platform.architecture;
  std::string known = KnownArchitectures(platform.os);
  if (!known.empty()) {
    err << " (known for " << platform.os << ": " << known << ")";
  }
  err << "\n";
}

}  // namespace

void DeclareAnnotateFlags(FlagSet& flags, AnnotateOptions& options) {
  flags.List("annotation", '\0', &options.annotations,
             "Set an annotation, KEY=VALUE");
  flags.String("arch", '\0', &options.architecture, "Set architecture");
  flags.String("os", '\0', &options.os, "Set operating system");
  flags.Strings("os-features", '\0', &options.os_features,
                "Set operating system feature");
  flags.String("os-version", '\0', &options.os_version,
               "Set operating system version");
  flags.String("variant", '\0', &options.variant, "Set architecture variant");
}

void RunAnnotate(const GlobalOptions& global, const AnnotateOptions& options,
                 const std::vector<std::string>& args, const Streams& streams) {
  Context context = LoadContext(global, streams);
  reference::Reference list = ParseName("manifest list", args[0]);
  reference::Reference image = ParseName("manifest", args[1]);
  // Read, change and write under the list's lock: concurrent annotates
  // of one list lose nothing.
  store::Store store = context.Store();
  store::ListTransaction tx = store.Lock(list);
  auto bytes = tx.Get(image);
  if (!bytes) {
    throw Error("manifest for image " + args[1] + " does not exist in " +
                args[0]);
  }
  manifest::Record record = manifest::DecodeRecord(*bytes);
  manifest::Platform& platform = record.descriptor.platform.emplace(
      record.descriptor.platform.value_or(manifest::Platform{}));
  Apply(options, platform);
  AnnotateEntry(options, tx, record);
  WarnUnknownOsArch(platform, streams.err);
  tx.Save(image, manifest::EncodeRecord(record));
}

Command AnnotateCommand() {
  return {"annotate", "annotate [OPTIONS] MANIFEST_LIST MANIFEST",
          "Add additional information to a local image manifest",
          ArgsRule::Exactly(2),
          BindCommand(&DeclareAnnotateFlags, &RunAnnotate)};
}

}  // namespace mlist::cli
