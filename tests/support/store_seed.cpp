#include "support/store_seed.h"

#include "cli/context.h"
#include "manifest/record.h"
#include "reference/reference.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

std::string Image(const std::string& tag) {
  return std::string(kSeedRepository) + ":" + tag;
}

}  // namespace

std::string SeedRecord(const std::string& tag) {
  return ReadFile(SourceDir() + "/tests/manifest/testdata/store/" +
                  reference::FileSafeName(Image(tag)));
}

std::string SeedDigest(const std::string& tag) {
  return manifest::DecodeRecord(SeedRecord(tag)).descriptor.digest;
}

void SeedOurList(const std::string& config_dir, const std::string& list,
                 const std::vector<std::string>& tags) {
  cli::Context context;
  context.config.dir = config_dir;
  store::Store store = context.Store();
  for (const std::string& tag : tags) {
    store.Save(reference::ParseWithDefaultTag(list),
               reference::ParseWithDefaultTag(Image(tag)), SeedRecord(tag));
  }
}

void SeedDockerList(const std::string& config_dir, const std::string& folder,
                    const std::vector<std::string>& tags) {
  for (const std::string& tag : tags) {
    WriteFile(config_dir + "/manifests/" + folder + "/" +
                  reference::FileSafeName(Image(tag)),
              SeedRecord(tag));
  }
}

}  // namespace mlist::testing
