// For the comparisons with the real docker CLI: the records docker makes
// when it fetches images and lists, made here with the project's own
// registry session from the same registry.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "manifest/parse.h"
#include "manifest/record.h"
#include "reference/reference.h"
#include "registry/session.h"
#include "support/temp_dir.h"

namespace mlist::output {

// One image: its manifest, and the platform its config names; the record's
// reference is ref as docker normalises it.
inline manifest::Record FetchImageRecord(registry::Session& session,
                                         const reference::Reference& ref) {
  registry::Manifest fetched = session.GetManifest(ref);
  manifest::Manifest m =
      manifest::ParseManifest(fetched.bytes, fetched.media_type);
  std::string config = session.GetBlob(ref, m.image().config.digest);
  return manifest::MakeRecord(ref.WithDefaultTag().String(), m,
                              manifest::PlatformFromConfig(config));
}

// A remote list: one record per entry, "name:tag@digest", with the
// platform the list gives the entry.
inline std::vector<manifest::Record> FetchListRecords(
    registry::Session& session, const reference::Reference& ref) {
  registry::Manifest fetched = session.GetManifest(ref);
  manifest::Manifest list =
      manifest::ParseManifest(fetched.bytes, fetched.media_type);
  std::vector<manifest::Record> records;
  for (const manifest::Descriptor& entry : list.index().manifests) {
    reference::Reference child = ref.WithDefaultTag();
    child.digest = entry.digest;
    registry::Manifest bytes = session.GetManifest(child);
    manifest::Manifest m =
        manifest::ParseManifest(bytes.bytes, bytes.media_type);
    records.push_back(manifest::MakeRecord(child.String(), m,
                                           manifest::EntryPlatform(entry)));
  }
  return records;
}

// The store files of a local list under config_dir/manifests, decoded, in
// file-name order; and each file's bytes in files when given.
inline std::vector<manifest::Record> ReadStoredList(
    const std::string& config_dir, const std::string& list,
    std::vector<std::string>* files = nullptr) {
  std::string dir =
      config_dir + "/manifests/" +
      reference::FileSafeName(reference::ParseWithDefaultTag(list));
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().string());
  }
  std::sort(names.begin(), names.end());
  std::vector<manifest::Record> records;
  for (const std::string& name : names) {
    std::string bytes = testing::ReadFile(name);
    records.push_back(manifest::DecodeRecord(bytes));
    if (files != nullptr) {
      files->push_back(bytes);
    }
  }
  return records;
}

}  // namespace mlist::output
