#include "manifest/platform_spec.h"

#include <algorithm>
#include <cctype>

#include "base/error.h"

namespace mlist::manifest {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return lower;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) {
      return parts;
    }
    start = end + 1;
  }
}

// Names that tools other than Go's use for the same architecture.
void NormaliseArchitecture(PlatformSpec& spec) {
  struct Alias {
    const char* name;
    const char* architecture;
    const char* variant;
  };
  static const Alias kAliases[] = {
      {"x86_64", "amd64", ""},  {"x86-64", "amd64", ""},
      {"aarch64", "arm64", ""}, {"i386", "386", ""},
      {"i686", "386", ""},      {"armhf", "arm", "v7"},
      {"armel", "arm", "v6"},
  };
  for (const Alias& alias : kAliases) {
    if (spec.architecture == alias.name) {
      spec.architecture = alias.architecture;
      if (spec.variant.empty()) {
        spec.variant = alias.variant;
      }
    }
  }
}

// The variant an architecture has when none is written.
std::string DefaultVariant(const std::string& architecture) {
  if (architecture == "arm64") {
    return "v8";
  }
  if (architecture == "amd64") {
    return "v1";
  }
  return "";
}

std::string NormalVariant(const std::string& architecture,
                          const std::string& variant) {
  return variant.empty() ? DefaultVariant(architecture) : variant;
}

}  // namespace

std::string PlatformSpec::String() const {
  std::string text = os + "/" + architecture;
  return variant.empty() ? text : text + "/" + variant;
}

PlatformSpec ParsePlatformSpec(std::string_view text) {
  std::vector<std::string> parts = Split(Lower(text), '/');
  bool empty_part = std::any_of(parts.begin(), parts.end(),
                                [](const std::string& p) { return p.empty(); });
  if (parts.size() < 2 || parts.size() > 3 || empty_part) {
    throw Error("invalid platform " + Quote(text) +
                ": want os/arch[/variant], as in linux/arm/v7");
  }
  PlatformSpec spec{parts[0], parts[1], parts.size() == 3 ? parts[2] : ""};
  NormaliseArchitecture(spec);
  return spec;
}

std::vector<PlatformSpec> ParsePlatformSpecs(
    const std::vector<std::string>& values) {
  std::vector<PlatformSpec> specs;
  for (const std::string& value : values) {
    for (const std::string& item : Split(value, ',')) {
      if (!item.empty()) {
        specs.push_back(ParsePlatformSpec(item));
      }
    }
  }
  return specs;
}

bool Matches(const Platform& platform, const PlatformSpec& spec) {
  if (Lower(platform.os) != spec.os ||
      Lower(platform.architecture) != spec.architecture) {
    return false;
  }
  return spec.variant.empty() ||
         NormalVariant(spec.architecture, Lower(platform.variant)) ==
             NormalVariant(spec.architecture, spec.variant);
}

std::string PlatformString(const Platform& platform) {
  if (platform.os.empty() && platform.architecture.empty()) {
    return "";
  }
  std::string text = platform.os + "/" + platform.architecture;
  return platform.variant.empty() ? text : text + "/" + platform.variant;
}

bool SamePlatform(const Platform& a, const Platform& b) {
  return a.os == b.os && a.architecture == b.architecture &&
         NormalVariant(a.architecture, a.variant) ==
             NormalVariant(b.architecture, b.variant) &&
         a.os_version == b.os_version;
}

}  // namespace mlist::manifest
