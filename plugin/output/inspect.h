// What `docker manifest inspect` prints, byte for byte, built from docker's
// records of the manifests (plugin/manifest/record.h). Each view ends with
// the newline docker prints.
//
// For a list, docker works from one record per entry whether the list is
// local (its store, in file-name order) or remote (each child fetched:
// "name:tag@digest" and the platform the list gives it, see
// manifest::EntryPlatform). For a single manifest it works from its
// record (fetched, or the store entry of `inspect LIST IMAGE`).
#pragma once

#include <string>
#include <vector>

#include "manifest/record.h"

namespace mlist::output {

// A list, not verbose: the list docker rebuilds from its entries
// (manifest::BuildManifestList of manifest::ListEntry of each: media type,
// size, digest and platform only), indented with three spaces.
std::string InspectList(const std::vector<manifest::Record>& entries);

// A list, verbose: the records as a JSON array, indented with tabs
// (json.MarshalIndent).
std::string InspectListVerbose(const std::vector<manifest::Record>& entries);

// One manifest, not verbose: its payload re-indented with tabs (json.Indent:
// key order, number text and escapes as they are; white space after the
// document kept). Throws mlist::Error when the record has no manifest.
std::string InspectManifest(const manifest::Record& record);

// One manifest, verbose: its record, indented with tabs.
std::string InspectManifestVerbose(const manifest::Record& record);

}  // namespace mlist::output
