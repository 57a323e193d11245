// mlist-seed-images REGISTRY/REPOSITORY [--insecure]: pushes the seven
// single-platform test images (amd64, arm/v6, arm/v7, arm64/v8, 386,
// ppc64le, s390x) as REPOSITORY:<platform> tags, for install/demo.sh.
#include <cstring>
#include <iostream>

#include "support/fixtures.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: mlist-seed-images REGISTRY/REPOSITORY [--insecure]\n";
    return 2;
  }
  try {
    mlist::registry::SessionOptions options;
    options.insecure = argc > 2 && std::strcmp(argv[2], "--insecure") == 0;
    mlist::registry::Session session(options);
    for (const auto& platform : mlist::testing::SevenPlatforms()) {
      std::string tag =
          platform.architecture +
          (platform.variant.empty() ? "" : "-" + platform.variant);
      auto ref = mlist::reference::Parse(std::string(argv[1]) + ":" + tag);
      auto image = mlist::testing::PushImage(
          session, ref, platform, mlist::testing::ImageFormat::kDocker);
      std::cout << ref.String() << " " << image.digest << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "mlist-seed-images: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
