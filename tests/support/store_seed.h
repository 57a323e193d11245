// Local manifest lists for the tests of the commands that go over the
// whole store (ls, rm --all, completion), made without a registry from
// the store files docker 28.2.2 wrote (tests/manifest/testdata/store/):
// lists as docker-mlist makes them, with their reference recorded, and
// as docker manifest makes them, bare folders of records.
#pragma once

#include <string>
#include <vector>

namespace mlist::testing {

// The captured images, by tag: "v2a" (linux/amd64, Docker v2), "ocia"
// (linux/arm64/v8, OCI), "weird" (linux/amd64, OCI), all in
// kSeedRepository.
inline constexpr const char* kSeedRepository = "127.0.0.1:5555/app";

// The captured record of the image tagged tag.
std::string SeedRecord(const std::string& tag);

// The digest of that image's manifest ("sha256:<hex>").
std::string SeedDigest(const std::string& tag);

// Saves a list named list (a reference) holding the captured images
// tags through docker-mlist's store in config_dir, which records the
// list's reference.
void SeedOurList(const std::string& config_dir, const std::string& list,
                 const std::vector<std::string>& tags);

// Writes a list folder as docker manifest does, without any record of
// ours: config_dir/manifests/<folder>/<entry file> for each tag.
void SeedDockerList(const std::string& config_dir, const std::string& folder,
                    const std::vector<std::string>& tags);

}  // namespace mlist::testing
