// Platforms as users type them on the command line, "os/arch[/variant]"
// (create --platform, inspect --platform), and how they select the
// entries of a list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "manifest/descriptor.h"

namespace mlist::manifest {

struct PlatformSpec {
  std::string os;
  std::string architecture;
  // Empty: any variant.
  std::string variant;

  // "os/arch" or "os/arch/variant".
  std::string String() const;
};

// Parses "linux/amd64" or "linux/arm/v7", in any case; the common
// aliases are normalised (x86_64 -> amd64, aarch64 -> arm64, i386 ->
// 386, armhf -> arm/v7, armel -> arm/v6). Throws mlist::Error `invalid
// platform "x": want os/arch[/variant]`.
PlatformSpec ParsePlatformSpec(std::string_view text);

// Parses flag values, each one platform or a comma-separated list of
// them; empty items are skipped.
std::vector<PlatformSpec> ParsePlatformSpecs(
    const std::vector<std::string>& values);

// Returns whether platform is one spec names: same os and architecture,
// and the same variant when spec gives one. A variant that is an
// architecture's default is the same as none: arm64 is arm64/v8, amd64
// is amd64/v1.
bool Matches(const Platform& platform, const PlatformSpec& spec);

// "os/arch" or "os/arch/variant", as users write it; "unknown/unknown"
// style for what a registry gives, and "" for a platform without os and
// architecture.
std::string PlatformString(const Platform& platform);

// Two entries of one list that no client could tell apart: same os,
// architecture, variant (defaults normalised) and os.version.
bool SamePlatform(const Platform& a, const Platform& b);

}  // namespace mlist::manifest
