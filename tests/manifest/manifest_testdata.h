// Inputs captured from docker 28.2.2 and a real registry, under
// tests/manifest/testdata/: manifests as pushed (*.manifest), their
// configs (*.config), the store files `docker manifest create` wrote
// (store/), and records written by hand (*.record).
#pragma once

#include <string>

#include "support/paths.h"
#include "support/temp_dir.h"

namespace mlist::manifest {

inline std::string ManifestTestData(const std::string& name) {
  return testing::ReadFile(testing::SourceDir() + "/tests/manifest/testdata/" +
                           name);
}

// The registry the captured references name.
inline constexpr const char* kCapturedRepo = "127.0.0.1:5555/app";

}  // namespace mlist::manifest
