// mlist-seed-images REGISTRY/REPOSITORY [--insecure] [--count N]: pushes
// the seven single-platform test images (amd64, arm/v6, arm/v7, arm64/v8,
// 386, ppc64le, s390x) as REPOSITORY:<platform> tags, for install/demo.sh.
// With --count N it pushes N images of distinct platforms instead (the
// seven, then made-up os versions of them) as REPOSITORY:p-0 to p-<N-1>,
// in parallel, for tests/bench/run.sh.
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "support/fixtures.h"

namespace {

struct SeedOptions {
  std::string repository;
  bool insecure = false;
  size_t count = 0;  // 0: the seven named tags
};

bool ParseArgs(int argc, char** argv, SeedOptions& options) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--insecure") == 0) {
      options.insecure = true;
    } else if (std::strcmp(argv[i], "--count") == 0 && i + 1 < argc) {
      options.count = std::strtoul(argv[++i], nullptr, 10);
      if (options.count == 0) {
        return false;
      }
    } else if (options.repository.empty() && argv[i][0] != '-') {
      options.repository = argv[i];
    } else {
      return false;
    }
  }
  return !options.repository.empty();
}

void PushSeven(mlist::registry::Session& session,
               const std::string& repository) {
  for (const auto& platform : mlist::testing::SevenPlatforms()) {
    std::string tag = platform.architecture +
                      (platform.variant.empty() ? "" : "-" + platform.variant);
    auto ref = mlist::reference::Parse(repository + ":" + tag);
    auto image = mlist::testing::PushImage(
        session, ref, platform, mlist::testing::ImageFormat::kDocker);
    std::cout << ref.String() << " " << image.digest << "\n";
  }
}

void PushMany(mlist::registry::Session& session, const std::string& repository,
              size_t count) {
  auto images = mlist::testing::PushImages(
      session, repository, mlist::testing::ManyPlatforms(count),
      mlist::testing::ImageFormat::kDocker, "p");
  for (const auto& image : images) {
    std::cout << image.ref.String() << " " << image.digest << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  SeedOptions seed;
  if (!ParseArgs(argc, argv, seed)) {
    std::cerr << "usage: mlist-seed-images REGISTRY/REPOSITORY [--insecure] "
                 "[--count N]\n";
    return 2;
  }
  try {
    mlist::registry::SessionOptions options;
    options.insecure = seed.insecure;
    mlist::registry::Session session(options);
    if (seed.count == 0) {
      PushSeven(session, seed.repository);
    } else {
      PushMany(session, seed.repository, seed.count);
    }
  } catch (const std::exception& e) {
    std::cerr << "mlist-seed-images: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
