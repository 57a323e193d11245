#include "cli/inspect.h"

#include <ostream>

#include "base/error.h"
#include "cli/context.h"
#include "cli/inspect_target.h"
#include "output/inspect.h"
#include "output/subject.h"
#include "output/template.h"

namespace mlist::cli {
namespace {

enum class View { kDocker, kVerbose, kRaw, kPlatforms, kFormat };

// One view at a time: each prints the whole answer its own way.
View ChooseView(const InspectOptions& options) {
  std::vector<std::pair<bool, View>> chosen = {
      {options.verbose, View::kVerbose},
      {options.raw, View::kRaw},
      {options.platforms, View::kPlatforms},
      {!options.format.empty(), View::kFormat},
  };
  View view = View::kDocker;
  int count = 0;
  for (const auto& [on, v] : chosen) {
    if (on) {
      view = v;
      ++count;
    }
  }
  if (count > 1) {
    throw UsageError(
        "--verbose, --raw, --platforms and --format cannot be used "
        "together");
  }
  return view;
}

// --format json prints the data itself; a template runs over it.
void PrintFormatted(const InspectTarget& target, const output::Template* tmpl,
                    std::ostream& out) {
  std::string data = output::FormatData(target.subject);
  if (tmpl == nullptr) {
    out << data << "\n";
    return;
  }
  rapidjson::Document doc;
  doc.Parse(data.c_str(), data.size());
  out << tmpl->Execute(doc) << "\n";
}

void Print(const InspectTarget& target, View view, const output::Template* tmpl,
           std::ostream& out) {
  bool list = target.subject.is_list;
  switch (view) {
    case View::kDocker:
      out << (list ? target.list_view : output::InspectManifest(target.image));
      return;
    case View::kVerbose:
      out << (list ? output::InspectListVerbose(target.subject.entries)
                   : output::InspectManifestVerbose(target.image));
      return;
    case View::kRaw:
      if (target.raw.empty()) {
        throw Error(Quote(target.subject.ref) +
                    " has no raw manifest bytes in the local store");
      }
      out << target.raw;
      return;
    case View::kPlatforms:
      out << output::PlatformsSummary(target.subject);
      return;
    case View::kFormat:
      PrintFormatted(target, tmpl, out);
      return;
  }
}

}  // namespace

void DeclareInspectFlags(FlagSet& flags, InspectOptions& options) {
  flags.String("format", '\0', &options.format,
               "Format the output: \"json\" or a template");
  flags.Bool("insecure", '\0', &options.insecure,
             "Allow communication with an insecure registry");
  flags.String("platform", '\0', &options.platform,
               "Inspect the image of this platform, os/arch[/variant]");
  flags.Bool("platforms", '\0', &options.platforms,
             "Summarise the platforms of a list");
  flags.Bool("raw", '\0', &options.raw, "Print the exact manifest bytes");
  flags.Bool("verbose", 'v', &options.verbose,
             "Output additional info including layers and platform");
}

void RunInspect(const GlobalOptions& global, const InspectOptions& options,
                const std::vector<std::string>& args, const Streams& streams) {
  View view = ChooseView(options);
  std::optional<output::Template> tmpl;
  if (view == View::kFormat && !output::IsJsonFormat(options.format)) {
    // A bad template is an error before any request.
    tmpl.emplace(output::Template::Parse(options.format));
  }
  Context context = LoadContext(global, streams);
  InspectNeeds needs;
  needs.children = view == View::kVerbose;
  needs.image_platform = view == View::kFormat || view == View::kPlatforms;
  needs.insecure = options.insecure;
  if (!options.platform.empty()) {
    needs.platform = manifest::ParsePlatformSpec(options.platform);
  }
  InspectTarget target = FindTarget(context, args, needs);
  Print(target, view, tmpl ? &*tmpl : nullptr, streams.out);
}

Command InspectCommand() {
  return {"inspect", "inspect [OPTIONS] [MANIFEST_LIST] MANIFEST",
          "Display an image manifest, or manifest list",
          ArgsRule::Between(1, 2),
          BindCommand(&DeclareInspectFlags, &RunInspect)};
}

}  // namespace mlist::cli
