// What a local list says about itself beyond docker's per-image records:
// its format when chosen (create --oci / --docker) and its index
// annotations (create --annotation). Kept by the store beside the list
// as compact JSON: {"mediaType": "...", "annotations": {...}}.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "manifest/record.h"

namespace mlist::manifest {

struct ListSettings {
  // kOciIndex or kDockerManifestList; empty: chosen from the entries.
  std::string media_type;
  std::map<std::string, std::string> annotations;

  bool empty() const { return media_type.empty() && annotations.empty(); }
};

// "" for settings that say nothing (the store then keeps no file).
std::string EncodeListSettings(const ListSettings& settings);

// Throws mlist::Error naming what is wrong.
ListSettings DecodeListSettings(std::string_view bytes);

// The format a list is pushed in, and why, for -D output.
struct ListFormat {
  std::string media_type;
  // "chosen with --docker", "an entry is an OCI image manifest", ...
  std::string reason;

  bool IsOci() const;
};

// The list's format: the one chosen, else an OCI image index when any
// entry is an OCI image manifest, else a Docker manifest list.
ListFormat ResolveListFormat(const ListSettings& settings,
                             const std::vector<Record>& records);

// Throws mlist::Error when format cannot carry the annotations the list
// has (a Docker manifest list has none), naming list and the way out.
void CheckAnnotationsFit(const ListFormat& format, const ListSettings& settings,
                         const std::vector<Record>& records,
                         const std::string& list);

// "OCI image index" or "Docker manifest list".
std::string FormatName(const std::string& media_type);

}  // namespace mlist::manifest
