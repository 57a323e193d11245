// What inspect looks at: a list or one image, from the local store or a
// registry, found as docker finds it, and narrowed to one platform's
// image with --platform.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/context.h"
#include "manifest/platform_spec.h"
#include "output/subject.h"

namespace mlist::cli {

struct InspectTarget {
  output::Subject subject;
  // The exact bytes of the document (a local list: what push sends).
  std::string raw;
  // For a list, docker's view of it (the list rebuilt from its entries,
  // newline added); for an image, its record.
  std::string list_view;
  manifest::Record image;
};

// How much to fetch from a registry.
struct InspectNeeds {
  // The manifests of a list's children (the verbose view).
  bool children = false;
  // An image's config, for its platform.
  bool image_platform = false;
  bool insecure = false;
  std::optional<manifest::PlatformSpec> platform;
};

// Finds what args name (inspect's arguments): with two, the entry of a
// local list; with one, a local list of that name, else the registry.
// With needs.platform, the image of that platform in the list (or the
// image itself, when it is that platform). Throws mlist::Error in
// docker's words for what is not there.
InspectTarget FindTarget(const Context& context,
                         const std::vector<std::string>& args,
                         const InspectNeeds& needs);

}  // namespace mlist::cli
