// What create + push of seven images into another repository costs, with
// docker-mlist and with docker manifest on the same registry: requests
// from the registry's access log and wall time, median of five runs.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"

namespace mlist::testing {
namespace {

struct Cost {
  std::vector<double> ms;
  std::vector<size_t> requests;
};

template <typename T>
T Median(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

TEST(PushCost, CreateAndPushSevenImagesIntoAnotherRepository) {
  auto registry = StartSeededRegistry("src");
  std::vector<std::string> images;
  for (int i = 0; i < 7; ++i) {
    images.push_back(registry->host_port() + "/src:v2-" + std::to_string(i));
  }
  Cost ours, theirs;
  for (int run = 0; run < 5; ++run) {
    for (bool mlist : {true, false}) {
      DockerCli cli;
      std::string tool = mlist ? "mlist" : "manifest";
      std::string list = registry->host_port() + "/dst-" + tool + "-" +
                         std::to_string(run) + ":1";
      size_t before = registry->AccessLog().size();
      auto start = std::chrono::steady_clock::now();
      auto c = cli.Docker(Cat({tool, "create", "--insecure", list}, images));
      auto p = cli.Docker({tool, "push", "--insecure", list});
      std::chrono::duration<double, std::milli> ms =
          std::chrono::steady_clock::now() - start;
      ASSERT_EQ(c.exit_code, 0) << c.err;
      ASSERT_EQ(p.exit_code, 0) << p.err;
      Cost& cost = mlist ? ours : theirs;
      cost.ms.push_back(ms.count());
      cost.requests.push_back(registry->AccessLog().size() - before);
    }
  }
  // 7 manifests and 7 configs, 14 mounts, 7 child manifests and the list.
  EXPECT_LE(Median(ours.requests), 36u);
  std::cout << "[ cost ] create+push of 7 into another repository: "
            << "docker mlist " << Median(ours.requests) << " requests, "
            << Median(ours.ms) << " ms; docker manifest "
            << Median(theirs.requests) << " requests, " << Median(theirs.ms)
            << " ms\n";
}

}  // namespace
}  // namespace mlist::testing
