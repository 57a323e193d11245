// What a remote inspect of a manifest list costs: registry requests and
// median wall time of docker-mlist run standalone, docker mlist (through
// the docker CLI) and docker manifest, on a 7-platform and a 64-platform
// list. Only the request bounds docker-mlist promises are asserted; the
// rest is printed for comparison.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>

#include "manifest/manifest_list.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"

namespace mlist::testing {
namespace {

constexpr int kRuns = 5;

// Pushes images and a list of them, as docker pushes lists, under
// REPO:list-<count>; returns the list reference.
std::string PushList(registry::Session& session, const std::string& repo,
                     const std::vector<Platform>& platforms,
                     ImageFormat format) {
  std::string prefix = "i" + std::to_string(platforms.size());
  auto images = PushImages(session, repo, platforms, format, prefix);
  std::vector<manifest::Descriptor> entries;
  for (const auto& image : images) {
    entries.push_back(ListEntryOf(image));
  }
  std::string list = repo + ":list-" + std::to_string(platforms.size());
  session.PutManifest(reference::Parse(list), manifest::ListMediaType(entries),
                      manifest::BuildManifestList(entries));
  return list;
}

// "GET /v2/ x1, GET manifests x8": the requests by kind.
std::string Kinds(const std::vector<AccessLogEntry>& requests) {
  std::map<std::string, int> kinds;
  for (const auto& r : requests) {
    std::string kind =
        r.target == "/v2/"                                  ? "/v2/"
        : r.target.find("/manifests/") != std::string::npos ? "manifests"
        : r.target.find("/blobs/") != std::string::npos     ? "blobs"
                                                            : r.target;
    ++kinds[r.method + " " + kind];
  }
  std::string out;
  for (const auto& [kind, n] : kinds) {
    out += (out.empty() ? "" : ", ") + kind + " x" + std::to_string(n);
  }
  return out;
}

// One way to inspect: how it is run, and its measurements.
struct Way {
  Way() = default;
  Way(std::string name, bool ours, bool standalone)
      : name(std::move(name)), ours(ours), standalone(standalone) {}

  std::string name;
  bool ours = false;
  bool standalone = false;
  std::vector<double> ms;
  std::vector<size_t> requests;
  std::string kinds;
  std::string out;
};

// A plain registry with the two lists, and an empty config directory
// (nothing local: every inspect goes to the registry).
class InspectBench {
 public:
  InspectBench() {
    registry::SessionOptions options;
    options.insecure = true;
    registry::Session session(options);
    std::string repo = registry_.host_port() + "/app";
    seven_ = PushList(session, repo, SevenPlatforms(), ImageFormat::kDocker);
    sixty_four_ = PushList(session, repo, ManyPlatforms(64), ImageFormat::kOci);
  }

  const std::string& seven() const { return seven_; }
  const std::string& sixty_four() const { return sixty_four_; }

  // Runs and prints everything for list, and checks docker-mlist's
  // request bounds: the list only, or the list and each entry once, and
  // at most one GET /v2/ besides. Its output must be docker's.
  void Check(const std::string& list, size_t entries) {
    for (bool verbose : {false, true}) {
      SCOPED_TRACE(list + (verbose ? " --verbose" : ""));
      std::vector<Way> ways = MeasureAll(list, verbose);
      size_t bound = verbose ? 1 + entries + 1 : 2;
      for (const auto& way : ways) {
        if (way.ours) {
          EXPECT_EQ(way.out, ways.back().out) << way.name;
          for (size_t n : way.requests) {
            EXPECT_LE(n, bound) << way.name;
          }
        }
      }
    }
  }

 private:
  // Runs one inspect of list and adds its time and requests to way.
  void Measure(Way& way, const std::string& list, bool verbose) {
    std::vector<std::string> args = {"inspect", "--insecure"};
    if (verbose) {
      args.push_back("--verbose");
    }
    args.push_back(list);
    if (!way.standalone) {
      args.insert(args.begin(), way.ours ? "mlist" : "manifest");
    }
    size_t before = registry_.AccessLog().size();
    auto start = std::chrono::steady_clock::now();
    auto r = way.standalone ? cli_.Plugin(args) : cli_.Docker(args);
    std::chrono::duration<double, std::milli> ms =
        std::chrono::steady_clock::now() - start;
    ASSERT_EQ(r.exit_code, 0) << way.name << ": " << r.err;
    auto log = registry_.AccessLog();
    std::vector<AccessLogEntry> mine(log.begin() + before, log.end());
    way.ms.push_back(ms.count());
    way.requests.push_back(mine.size());
    way.kinds = Kinds(mine);
    way.out = r.out;
  }

  // Measures the three ways kRuns times each, in turn, and prints them.
  std::vector<Way> MeasureAll(const std::string& list, bool verbose) {
    std::vector<Way> ways = {{"docker-mlist inspect", true, true},
                             {"docker mlist inspect", true, false},
                             {"docker manifest inspect", false, false}};
    for (int run = 0; run < kRuns; ++run) {
      for (auto& way : ways) {
        Measure(way, list, verbose);
      }
    }
    for (auto& way : ways) {
      std::sort(way.ms.begin(), way.ms.end());
      auto [low, high] =
          std::minmax_element(way.requests.begin(), way.requests.end());
      char line[160];
      std::snprintf(line, sizeof line,
                    "[ cost ] %-8s %-7s %-24s %3zu-%-3zu requests %8.1f ms",
                    list.substr(list.rfind(':') + 1).c_str(),
                    verbose ? "verbose" : "plain", way.name.c_str(), *low,
                    *high, way.ms.empty() ? 0.0 : way.ms[way.ms.size() / 2]);
      std::cout << line << "  (" << way.kinds << ")\n";
    }
    return ways;
  }

  TestRegistry registry_{TestRegistryOptions::Plain()};
  std::string seven_;
  std::string sixty_four_;
  DockerCli cli_;
};

TEST(InspectCost, SevenAndSixtyFourPlatformLists) {
  InspectBench bench;
  bench.Check(bench.seven(), 7);
  bench.Check(bench.sixty_four(), 64);
}

}  // namespace
}  // namespace mlist::testing
